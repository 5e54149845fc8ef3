package outcomes

import (
	"context"

	"symposium"
	"symposium/internal/store"
)

// SaveNews adds a post to the site's news (id "") or changes one, for the
// site's editors (its administrators).
func (s *Service) SaveNews(ctx context.Context, u *symposium.User, id string, change func(*symposium.NewsPost)) (*symposium.NewsPost, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	if !u.MayEditNews() {
		return nil, symposium.Forbidden()
	}
	n := &symposium.NewsPost{}
	var old *symposium.NewsPost
	if id != "" {
		var err error
		if old, err = s.store.News(ctx, id); err != nil {
			return nil, err
		}
		copied := *old
		n = &copied
	}
	change(n)
	if old != nil {
		n.ID = old.ID
	} else {
		n.ID = ""
	}
	var p symposium.Problems
	n.Validate(&p)
	if err := p.Err(); err != nil {
		return nil, err
	}
	if n.Status == symposium.ReportDraft {
		n.PublishedAt = nil
	}
	entry := symposium.NewAuditEntry(u, "", symposium.AuditNewsSave, n.ID, old, n)
	if err := s.store.SaveNews(store.WithAudit(ctx, entry), n, u); err != nil {
		return nil, err
	}
	return s.store.News(ctx, n.ID)
}

// NewsPosts returns the site's news, newest first: the published posts,
// and to its editors the drafts too.
func (s *Service) NewsPosts(ctx context.Context, u *symposium.User) ([]*symposium.NewsPost, error) {
	return s.store.NewsPosts(ctx, u.MayEditNews(), 200)
}

// NewsPost returns one post; a draft is not found except by the editors.
func (s *Service) NewsPost(ctx context.Context, u *symposium.User, id string) (*symposium.NewsPost, error) {
	n, err := s.store.News(ctx, id)
	if err != nil {
		return nil, err
	}
	if n.Status != symposium.ReportPublished && !u.MayEditNews() {
		return nil, symposium.NotFound()
	}
	return n, nil
}
