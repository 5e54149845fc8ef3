package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"symposium"
	"symposium/internal/review"
)

// Empty rows the call's form offers for new tracks and questions.
const spareRows = 3

// callFormView is the form that sets up an event's call for abstracts.
type callFormView struct {
	Langs     []string
	Tracks    []int // row indices
	Questions []int
	Kinds     []string
	Types     []string
}

// trackRow and questionRow are rows of the call's form as typed.
type trackRow struct {
	ID   string
	Name symposium.LocalizedText
}

type questionRow struct {
	ID, Kind, Min, Max, Weight string
	Text                       symposium.LocalizedText
}

// editCallForm shows the call's setup form to the event's managers,
// filled with the call if there is one.
func (h *Handler) editCallForm(w http.ResponseWriter, r *http.Request) {
	cp, err := h.Review.CallForm(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := newForm()
	tracks, questions := callToForm(f, cp.Call, cp.Event.Location())
	h.renderCallForm(w, r, cp, http.StatusOK, f, tracks, questions)
}

// renderCallForm shows the call's form with room for new rows.
func (h *Handler) renderCallForm(w http.ResponseWriter, r *http.Request, cp *review.CallPage, status int, f *form, tracks, questions int) {
	v := callFormView{Langs: cp.Event.Languages, Kinds: symposium.ReviewQuestionKinds, Types: symposium.SubmissionTypes}
	if len(v.Langs) == 0 {
		v.Langs = symposium.Languages
	}
	for i := range min(tracks+spareRows, symposium.MaxTracks) {
		v.Tracks = append(v.Tracks, i)
	}
	for i := range min(questions+spareRows, symposium.MaxReviewQuestions) {
		v.Questions = append(v.Questions, i)
	}
	p := h.eventPage(r, &eventData{Event: cp.Event, Access: cp.Access}, "cfp", v)
	p.Form = f
	h.render(w, r, status, "cfp_form", p)
}

// callToForm fills a form from a call and returns its numbers of tracks
// and questions.
func callToForm(f *form, c *symposium.Call, loc *time.Location) (int, int) {
	local := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(loc).Format(localLayout)
	}
	f.Values["opens_at"], f.Values["closes_at"] = local(c.OpensAt), local(c.ClosesAt)
	if c.ReviewOpensAt != nil {
		f.Values["review_opens_at"] = local(*c.ReviewOpensAt)
	}
	if c.ReviewClosesAt != nil {
		f.Values["review_closes_at"] = local(*c.ReviewClosesAt)
	}
	f.Values["word_limit"] = strconv.Itoa(c.WordLimit)
	f.Values["blind"], f.Values["reviews_visible"] = onOff(c.Blind), onOff(c.ReviewsVisible)
	for _, t := range c.Types {
		f.Values["type."+t] = "on"
	}
	fillLocalized(f, "text", c.Text)
	var tracks []trackRow
	for _, t := range c.Tracks {
		tracks = append(tracks, trackRow{ID: t.ID, Name: t.Name})
	}
	var questions []questionRow
	for _, q := range c.Questions {
		row := questionRow{ID: q.ID, Kind: q.Kind, Text: q.Text}
		if q.Kind == symposium.ReviewRating {
			row.Min, row.Max, row.Weight = strconv.Itoa(q.Min), strconv.Itoa(q.Max), strconv.FormatFloat(q.Weight, 'f', -1, 64)
		}
		questions = append(questions, row)
	}
	fillRows(f, tracks, questions)
	return len(tracks), len(questions)
}

// onOff writes a checkbox's value.
func onOff(b bool) string {
	if b {
		return "on"
	}
	return ""
}

// fillRows puts the rows of tracks and questions into a form, numbered
// from 0 in their order.
func fillRows(f *form, tracks []trackRow, questions []questionRow) {
	for i, t := range tracks {
		f.Values[fmt.Sprintf("tracks.%d.id", i)] = t.ID
		fillLocalized(f, fmt.Sprintf("tracks.%d.name", i), t.Name)
	}
	for i, q := range questions {
		prefix := fmt.Sprintf("questions.%d.", i)
		f.Values[prefix+"id"], f.Values[prefix+"kind"] = q.ID, q.Kind
		f.Values[prefix+"min"], f.Values[prefix+"max"], f.Values[prefix+"weight"] = q.Min, q.Max, q.Weight
		fillLocalized(f, prefix+"text", q.Text)
	}
}

// saveCall stores the call from its form and shows the call's page. Its
// dates are read in the event's zone.
func (h *Handler) saveCall(w http.ResponseWriter, r *http.Request) {
	ctx, u, slug := r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug")
	cp, err := h.Review.CallForm(ctx, u, slug)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f, err := readForm(w, r, "opens_at", "closes_at", "review_opens_at", "review_closes_at", "word_limit", "blind", "reviews_visible")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	tracks, questions := readTrackRows(r), readQuestionRows(r)
	fillRows(f, tracks, questions)
	var p symposium.Problems
	c := callFromForm(r, f, cp.Event.Location(), &p)
	c.Tracks = tracksFrom(tracks)
	c.Questions = questionsFrom(questions, &p)
	if err = p.Err(); err == nil {
		err = h.Review.PutCall(ctx, u, slug, c)
	}
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) { h.renderCallForm(w, r, cp, status, f, len(tracks), len(questions)) })
		return
	}
	redirect(w, r, "/events/"+slug+"/cfp")
}

// callFromForm reads the call's own fields; problems with dates and the
// word limit go to p.
func callFromForm(r *http.Request, f *form, loc *time.Location, p *symposium.Problems) *symposium.Call {
	c := &symposium.Call{Text: localizedField(r, f, "text"), Blind: f.Values["blind"] != "", ReviewsVisible: f.Values["reviews_visible"] != ""}
	c.OpensAt = localTime(p, "opens_at", f.Values["opens_at"], loc)
	c.ClosesAt = localTime(p, "closes_at", f.Values["closes_at"], loc)
	if t := localTime(p, "review_opens_at", f.Values["review_opens_at"], loc); !t.IsZero() {
		c.ReviewOpensAt = &t
	}
	if t := localTime(p, "review_closes_at", f.Values["review_closes_at"], loc); !t.IsZero() {
		c.ReviewClosesAt = &t
	}
	if s := f.Values["word_limit"]; s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			p.Add("word_limit", "error.field.between", "Min", 1, "Max", symposium.MaxWordLimit)
		}
		c.WordLimit = n
	}
	for _, t := range symposium.SubmissionTypes {
		if r.PostForm.Get("type."+t) != "" {
			f.Values["type."+t] = "on"
			c.Types = append(c.Types, t)
		}
	}
	return c
}

// readTrackRows reads the track rows that have a name, in order; a row
// whose names were all cleared removes its track.
func readTrackRows(r *http.Request) []trackRow {
	var out []trackRow
	for i := range symposium.MaxTracks + spareRows {
		prefix := fmt.Sprintf("tracks.%d.", i)
		row := trackRow{ID: strings.TrimSpace(r.PostForm.Get(prefix + "id")), Name: postedText(r, prefix+"name")}
		if !row.Name.IsEmpty() {
			out = append(out, row)
		}
	}
	return out
}

// readQuestionRows reads the question rows that have a text, in order.
func readQuestionRows(r *http.Request) []questionRow {
	var out []questionRow
	for i := range symposium.MaxReviewQuestions + spareRows {
		prefix := fmt.Sprintf("questions.%d.", i)
		get := func(name string) string { return strings.TrimSpace(r.PostForm.Get(prefix + name)) }
		row := questionRow{ID: get("id"), Kind: get("kind"), Min: get("min"), Max: get("max"), Weight: get("weight"),
			Text: postedText(r, prefix+"text")}
		if !row.Text.IsEmpty() {
			out = append(out, row)
		}
	}
	return out
}

// postedText reads the inputs name.en, name.zh, name.kk and name.ru.
func postedText(r *http.Request, name string) symposium.LocalizedText {
	t := symposium.LocalizedText{}
	for _, lang := range symposium.Languages {
		if v := strings.TrimSpace(r.PostForm.Get(name + "." + lang)); v != "" {
			t[lang] = v
		}
	}
	return t
}

// tracksFrom turns track rows into tracks.
func tracksFrom(rows []trackRow) []symposium.Track {
	out := []symposium.Track{}
	for _, t := range rows {
		out = append(out, symposium.Track{ID: t.ID, Name: t.Name})
	}
	return out
}

// questionsFrom turns question rows into review questions; numbers that
// cannot be read go to p.
func questionsFrom(rows []questionRow, p *symposium.Problems) []symposium.ReviewQuestion {
	out := []symposium.ReviewQuestion{}
	for i, row := range rows {
		q := symposium.ReviewQuestion{ID: row.ID, Kind: row.Kind, Text: row.Text}
		if q.Kind == symposium.ReviewRating {
			q.Min = formInt(p, fmt.Sprintf("questions.%d.min", i), row.Min)
			q.Max = formInt(p, fmt.Sprintf("questions.%d.max", i), row.Max)
			if row.Weight != "" {
				w, err := strconv.ParseFloat(row.Weight, 64)
				if err != nil {
					p.Add(fmt.Sprintf("questions.%d.weight", i), "error.field.between", "Min", 0, "Max", 100)
				}
				q.Weight = w
			}
		}
		out = append(out, q)
	}
	return out
}

// formInt reads a whole number from a form; empty is 0.
func formInt(p *symposium.Problems, field, s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.Add(field, "error.field.invalid")
	}
	return n
}
