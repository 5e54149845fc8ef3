package web

import (
	"net/http"
	"strconv"
)

// reviewNoticeKeys are the confirmations the pages of the call for
// abstracts show after a form succeeded, named by the ?notice= of the
// redirect.
var reviewNoticeKeys = map[string]string{
	"submitted": "notice.abstract_submitted", "saved": "notice.abstract_saved", "withdrawn": "notice.abstract_withdrawn",
	"confirmed": "notice.authorship_confirmed", "review_draft": "notice.review_draft", "review_submitted": "notice.review_submitted",
	"decided": "notice.decided", "assigned": "notice.reviewer_assigned", "declared": "notice.conflict_declared",
	"bids": "notice.bids_saved", "reviewer_added": "notice.reviewer_added", "author_declared": "notice.author_declared",
	"languages": "notice.languages_saved",
}

// countedNoticeKeys are the confirmations that count something, with ?n=.
var countedNoticeKeys = map[string]string{
	"released": "notice.released", "auto_assigned": "notice.auto_assigned", "decided_many": "notice.decided_many",
}

// reviewNotice returns the confirmation the request's ?notice= names, in
// the reader's language, or "".
func reviewNotice(p *page, r *http.Request) string {
	q := r.URL.Query()
	if key, ok := reviewNoticeKeys[q.Get("notice")]; ok {
		return p.L.T(key)
	}
	if key, ok := countedNoticeKeys[q.Get("notice")]; ok {
		n, _ := strconv.Atoi(q.Get("n"))
		return p.L.N(key, n)
	}
	return ""
}
