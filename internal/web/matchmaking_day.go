package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"symposium"
	"symposium/internal/matchmaking"
	"symposium/internal/qrcode"
)

// takeMMOffer meets the party offered a no-show's free slot, at once.
func (h *Handler) takeMMOffer(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "request_id")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if _, _, err := h.Matchmaking.TakeOffer(r.Context(), u, r.PathValue("slug"), r.PathValue("id"), f.Values["request_id"]); err != nil {
		h.Error(w, r, err)
		return
	}
	redirect(w, r, "/events/"+r.PathValue("slug")+"/matchmaking/agenda")
}

// meetView is the meeting a scan found, for the caller to confirm, and
// the address of a table's code.
type meetView struct {
	Item *matchmaking.AgendaItem
}

// showMMMeet is where a scan leads: the table's QR code (?table=N, and
// &slot= for one slot's code) or the other party's badge ticket
// (?ticket=) opens the caller's meeting there, to confirm "we met";
// without either it is a form to type them in.
func (h *Handler) showMMMeet(w http.ResponseWriter, r *http.Request) {
	u := symposium.UserFromContext(r.Context())
	if u == nil {
		h.Error(w, r, symposium.Unauthorized())
		return
	}
	q := r.URL.Query()
	f := newForm()
	for _, name := range []string{"table", "slot", "ticket"} {
		f.Values[name] = strings.TrimSpace(q.Get(name))
	}
	slug := r.PathValue("slug")
	if f.Values["table"] == "" && f.Values["ticket"] == "" {
		mp, err := h.Matchmaking.Settings(r.Context(), u, slug)
		if err == nil && mp.Self() == "" && !mp.IsManager() {
			err = h.mmRefusal(mp)
		}
		if err != nil {
			h.Error(w, r, err)
			return
		}
		p := h.mmPage(r, mp, "meet", meetView{})
		p.Form = f
		h.render(w, r, http.StatusOK, "mm_meet", p)
		return
	}
	mp, it, err := h.Matchmaking.Scanned(r.Context(), u, slug, matchmaking.Scan{Table: f.Values["table"], SlotID: f.Values["slot"], Ticket: f.Values["ticket"]})
	if err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			mp, perr := h.Matchmaking.Settings(r.Context(), u, slug)
			if perr != nil {
				h.Error(w, r, perr)
				return
			}
			p := h.mmPage(r, mp, "meet", meetView{})
			p.Form = f
			h.render(w, r, status, "mm_meet", p)
		})
		return
	}
	h.render(w, r, http.StatusOK, "mm_meet", h.mmPage(r, mp, "meet", meetView{Item: it}))
}

// tableCode is a table's QR code and the address it holds.
type tableCode struct {
	Name string
	URL  string
	QR   template.HTML
}

// showMMTables is the managers' sheet of the tables' QR codes, to print
// and put on the tables: each leads to the meet page of its table.
func (h *Handler) showMMTables(w http.ResponseWriter, r *http.Request) {
	mp, err := h.Matchmaking.Settings(r.Context(), symposium.UserFromContext(r.Context()), r.PathValue("slug"))
	if err == nil && (!mp.IsManager() || mp.Matchmaking.OpensAt.IsZero()) {
		err = h.mmRefusal(mp)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	var codes []tableCode
	for _, n := range mp.Matchmaking.TableNumbers() {
		url := h.BaseURL + "/events/" + mp.Event.Slug + "/matchmaking/meet?table=" + strconv.Itoa(n)
		svg, err := qrcode.SVG(url)
		if err != nil {
			h.Error(w, r, err)
			return
		}
		qr := template.HTML(strings.Replace(svg, ` role="img"`, ` role="img" aria-label="`+template.HTMLEscapeString(url)+`"`, 1))
		codes = append(codes, tableCode{Name: mp.Matchmaking.TableName(n), URL: url, QR: qr})
	}
	h.render(w, r, http.StatusOK, "mm_tables", h.mmPage(r, mp, "tables", codes))
}

// answerMMFollowUp answers "Follow-up planned?" after a meeting held.
func (h *Handler) answerMMFollowUp(w http.ResponseWriter, r *http.Request) {
	u := h.poster(w, r)
	if u == nil {
		return
	}
	f, err := readForm(w, r, "planned", "text")
	if err != nil {
		h.Error(w, r, err)
		return
	}
	slug := r.PathValue("slug")
	if _, _, err := h.Matchmaking.FollowUp(r.Context(), u, slug, r.PathValue("id"), f.Values["planned"] == "yes", f.Values["text"]); err != nil {
		h.formFailed(w, r, f, err, func(status int) {
			a, aerr := h.Matchmaking.Agenda(r.Context(), u, slug, "")
			if aerr != nil {
				h.Error(w, r, aerr)
				return
			}
			p := h.mmPage(r, a.Page, "agenda", agendaView{Agenda: a})
			p.Form = f
			h.render(w, r, status, "mm_agenda", p)
		})
		return
	}
	redirect(w, r, "/events/"+slug+"/matchmaking/agenda")
}

// mmFollowUpData is what the mm_follow_up template sees.
type mmFollowUpData struct {
	Page    *page
	Meeting *symposium.Meeting
}

// mmFollowUp bundles the page with a meeting held, for the question
// after it: {{template "mm_follow_up" (mmfollow $ .Meeting)}}.
func mmFollowUp(p *page, m *symposium.Meeting) mmFollowUpData {
	return mmFollowUpData{Page: p, Meeting: m}
}
