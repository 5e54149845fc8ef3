package matchmaking

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"symposium"
	"symposium/internal/i18n"
)

// Recommendation is a participant worth meeting, with a score and the
// reasons in words.
type Recommendation struct {
	Card    *Card
	Score   float64
	Reasons []string
}

// Recommendations ranks the participants worth meeting for the caller (a
// manager may ask for anyone's, personID), with the reasons written in
// lang: what one seeks and the other offers, shared topics, industry
// meeting science where the event favours it, talks they give; people
// already asked for more meetings than they have free slots rank lower,
// and two near-identical recommendations do not follow each other.
// People the party already asked are left out.
func (s *Service) Recommendations(ctx context.Context, u *symposium.User, slug, personID, lang string) (*Page, []Recommendation, error) {
	p, err := s.member(ctx, u, slug)
	if err != nil {
		return nil, nil, err
	}
	if personID == "" {
		personID = p.Self()
	} else if !p.IsParty(personID) && !p.IsManager() {
		return nil, nil, symposium.NotFound()
	}
	pb, err := s.loadProblem(ctx, p.Matchmaking)
	if err != nil {
		return nil, nil, err
	}
	me := pb.profiles[personID]
	if me == nil {
		return p, []Recommendation{}, nil
	}
	r, err := s.recommender(ctx, p, pb, me, s.i18n.For(lang), lang)
	if err != nil {
		return nil, nil, err
	}
	return p, r.rank(), nil
}

// recommender scores candidates for one participant.
type recommender struct {
	pb       *problem
	me       *symposium.MatchmakingProfile
	meCard   *Card
	cards    []*Card
	asked    map[string]bool
	demand   map[string]int
	speaking map[string]symposium.LocalizedText
	l        *i18n.Localizer
	lang     string
	industry bool
	event    *symposium.Event
}

// recommender loads what scoring needs: every card, the requests already
// made and the talks given.
func (s *Service) recommender(ctx context.Context, p *Page, pb *problem, me *symposium.MatchmakingProfile, l *i18n.Localizer, lang string) (*recommender, error) {
	all := make([]*symposium.MatchmakingProfile, 0, len(pb.profiles))
	for _, pr := range pb.profiles {
		all = append(all, pr)
	}
	slices.SortFunc(all, func(a, b *symposium.MatchmakingProfile) int { return cmp.Compare(a.PersonID, b.PersonID) })
	cards, err := s.cards(ctx, all)
	if err != nil {
		return nil, err
	}
	r := &recommender{pb: pb, me: me, cards: cards, asked: map[string]bool{}, demand: map[string]int{},
		speaking: map[string]symposium.LocalizedText{}, l: l, lang: lang, industry: p.Matchmaking.IndustryScience, event: p.Event}
	requests, err := s.store.MeetingRequests(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	for _, rq := range requests {
		if rq.Status != symposium.RequestPending && rq.Status != symposium.RequestAccepted {
			continue
		}
		r.demand[rq.ToID]++
		if rq.FromID == me.PersonID {
			r.asked[rq.ToID] = true
		}
	}
	busy, err := s.store.ProgrammeBusy(ctx, p.Event.ID)
	if err != nil {
		return nil, err
	}
	for _, b := range busy {
		r.speaking[b.PersonID] = b.Title
	}
	for _, c := range cards {
		if c.ID == me.PersonID {
			r.meCard = c
		}
	}
	return r, nil
}

// rank scores every other participant and orders them, keeping two alike
// apart.
func (r *recommender) rank() []Recommendation {
	var out []Recommendation
	for _, c := range r.cards {
		if c.ID == r.me.PersonID || r.asked[c.ID] {
			continue
		}
		if rec := r.score(c); rec.Score > 0 {
			out = append(out, rec)
		}
	}
	slices.SortStableFunc(out, func(a, b Recommendation) int { return cmp.Compare(b.Score, a.Score) })
	return diversify(out)
}

// score weighs one candidate and says why.
func (r *recommender) score(c *Card) Recommendation {
	rec := Recommendation{Card: c}
	mineOffers, mineSeeks := words(r.me.Offers), words(r.me.Seeks)
	if w := overlap(mineOffers, words(c.Profile.Seeks), 3); len(w) > 0 {
		rec.Score += 3 * float64(len(w))
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.seeks_your_offer", "Words", strings.Join(w, ", ")))
	}
	if w := overlap(mineSeeks, words(c.Profile.Offers), 3); len(w) > 0 {
		rec.Score += 3 * float64(len(w))
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.offers_what_you_seek", "Words", strings.Join(w, ", ")))
	}
	shared := 0
	for _, t := range c.Profile.Topics {
		if slices.Contains(r.me.Topics, t) {
			shared++
		}
	}
	if shared > 0 {
		rec.Score += 2 * float64(shared)
		rec.Reasons = append(rec.Reasons, r.l.N("matchmaking.reason.shared_topics", shared, "Count", shared))
	}
	if r.industry && r.meCard != nil && industryMeetsScience(r.meCard.OrgKind, c.OrgKind) {
		rec.Score += 2
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.industry_science"))
	}
	if title, ok := r.speaking[c.ID]; ok {
		rec.Score++
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.speaks_at", "Title", title.Get(r.lang, r.event.DefaultLanguage)))
	}
	return r.adjust(rec)
}

// adjust lowers the score of a candidate who shares no language with the
// participant, or is already asked for more meetings than they have free
// slots.
func (r *recommender) adjust(rec Recommendation) Recommendation {
	if rec.Score == 0 {
		return rec
	}
	if !slices.ContainsFunc(rec.Card.Profile.Languages, func(l string) bool { return slices.Contains(r.me.Languages, l) }) {
		rec.Score *= 0.7
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.interpreter"))
	}
	if free := len(r.pb.free[rec.Card.ID]); r.demand[rec.Card.ID] > free {
		rec.Score *= 0.5
		rec.Reasons = append(rec.Reasons, r.l.T("matchmaking.reason.in_demand"))
	}
	rec.Score = math.Round(rec.Score*100) / 100
	return rec
}

// industryMeetsScience reports whether one organization kind is a company
// and the other a university or research center.
func industryMeetsScience(a, b string) bool {
	science := func(k string) bool { return k == "university" || k == "research_center" }
	return (a == "company" && science(b)) || (b == "company" && science(a))
}

// diversify reorders a ranking so that no recommendation follows one from
// the same organization or with the same reasons, where another can go
// between them.
func diversify(in []Recommendation) []Recommendation {
	out := make([]Recommendation, 0, len(in))
	rest := slices.Clone(in)
	for len(rest) > 0 {
		pick := 0
		if len(out) > 0 {
			last := out[len(out)-1]
			for i, r := range rest {
				if !alike(last, r) {
					pick = i
					break
				}
			}
		}
		out = append(out, rest[pick])
		rest = slices.Delete(rest, pick, pick+1)
	}
	return out
}

// alike reports whether two recommendations are near-identical: the same
// organization, or the same reasons.
func alike(a, b Recommendation) bool {
	sameOrg := a.Card.Person.OrganizationID != "" && a.Card.Person.OrganizationID == b.Card.Person.OrganizationID
	return sameOrg || slices.Equal(a.Reasons, b.Reasons)
}

// sortStrings sorts a list of strings.
func sortStrings(list []string) { slices.Sort(list) }
