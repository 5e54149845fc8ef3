// Package demo loads the demo event: the China Science and Technology
// Symposium held in Astana on 22 May 2024, co-sponsored by the
// Kazakhstan–China Research Center and KazEvent, the seed of Symposium.
package demo

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/store"
)

// Slug is the demo event's address.
const Slug = "astana-2024"

// T is shorthand for a text in the four languages, in the order en, zh, kk,
// ru.
func T(en, zh, kk, ru string) symposium.LocalizedText {
	return symposium.Text("en", en, "zh", zh, "kk", kk, "ru", ru)
}

// Load stores the demo event unless an event with its slug exists, and
// reports whether it did.
func Load(ctx context.Context, s *store.Store) (bool, error) {
	_, err := s.EventBySlug(ctx, Slug)
	if err == nil {
		return false, nil
	}
	if symposium.ErrorCode(err) != symposium.ENOTFOUND {
		return false, fmt.Errorf("demo: %w", err)
	}
	orgs, err := createOrganizations(ctx, s)
	if err != nil {
		return false, err
	}
	people, err := createPeople(ctx, s, orgs)
	if err != nil {
		return false, err
	}
	e := event(orgs)
	var p symposium.Problems
	e.Validate(&p)
	if err := p.Err(); err != nil {
		return false, fmt.Errorf("demo: event: %w", err)
	}
	if err := s.CreateEvent(ctx, e, ""); err != nil {
		return false, fmt.Errorf("demo: event: %w", err)
	}
	// The demo is an archive of a past event: its registration data is kept
	// as long as any event may keep it, so that it is not shredded the day
	// it is loaded.
	if err := s.SetRetention(ctx, e.ID, symposium.MaxRetentionDays); err != nil {
		return false, fmt.Errorf("demo: retention: %w", err)
	}
	if err := createProgramme(ctx, s, e, people); err != nil {
		return false, err
	}
	if err := createOutcomes(ctx, s, e, orgs, people); err != nil {
		return false, err
	}
	return true, nil
}

// Texts returns every text the demo shows — the event, its organizations,
// people, halls, programme and matchmaking profiles — for tests that read them against the
// glossary.
func Texts() []symposium.LocalizedText {
	orgs := organizations()
	out := []symposium.LocalizedText{}
	e := event(orgs)
	out = append(out, e.Title, e.Summary, e.Venue.City)
	for _, o := range orgs {
		out = append(out, o.Name)
	}
	for _, p := range persons(orgs) {
		out = append(out, p.Name, p.Position)
	}
	for _, r := range rooms("") {
		out = append(out, r.Name)
	}
	for _, en := range programme {
		out = append(out, en.title)
	}
	for _, g := range guests {
		out = append(out, g.name)
	}
	for _, pr := range profiles {
		out = append(out, pr.offers, pr.seeks)
	}
	return out
}

// astana is the event's zone: Kazakhstan has kept UTC+5 since 1 March 2024.
var astana = mustZone("Asia/Almaty")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at returns a time on the day of the symposium in Astana.
func at(hour, minute int) time.Time {
	return time.Date(2024, 5, 22, hour, minute, 0, 0, astana)
}

func event(orgs map[string]*symposium.Organization) *symposium.Event {
	return &symposium.Event{
		Slug: Slug,
		Kind: symposium.KindSymposium,
		Title: T("China Science and Technology Symposium",
			"中国科技研讨会",
			"Қытай ғылымы мен технологиялары симпозиумы",
			"Симпозиум «Наука и технологии Китая»"),
		Summary: T(
			"Experts, scientists and representatives of high-tech companies from Kazakhstan and China meet in Astana to understand the strategic direction of China's scientific and technological progress, and to seek innovative solutions together through dialogue: international cooperation, climate change, disease prevention, poverty eradication and high-tech industry.",
			"来自哈萨克斯坦和中国的专家、科学家和高科技企业代表齐聚阿斯塔纳，了解中国科技进步的战略方向，并通过对话共同寻求创新解决方案。议题涵盖国际合作、气候变化、疾病预防、消除贫困和高科技产业。",
			"Қазақстан мен Қытайдың мамандары, ғалымдары және жоғары технологиялық компанияларының өкілдері Қытайдың ғылыми-техникалық дамуының стратегиялық бағытын талқылап, диалог арқылы бірлесіп инновациялық шешімдер іздеу үшін Астанада бас қосады. Талқыланатын тақырыптар: халықаралық ынтымақтастық, климаттың өзгеруі, аурулардың алдын алу, кедейшілікті жою және жоғары технологиялық өнеркәсіп.",
			"Специалисты, учёные и представители высокотехнологичных компаний Казахстана и Китая собираются в Астане, чтобы обсудить стратегическое направление научно-технического развития Китая и в диалоге вместе искать инновационные решения. Темы: международное сотрудничество, изменение климата, профилактика заболеваний, искоренение бедности и высокотехнологичная промышленность."),
		StartsAt:   at(10, 0),
		EndsAt:     at(17, 0),
		Timezone:   "Asia/Almaty",
		Venue:      symposium.Venue{City: T("Astana", "阿斯塔纳", "Астана", "Астана")},
		Visibility: symposium.VisibilityPublic,
		Status:     symposium.StatusFinished,
		Languages:  []string{"ru", "kk", "zh", "en"},
		Organizers: []symposium.EventOrganization{
			{OrganizationID: orgs["center"].ID, Role: symposium.OrgRoleCoSponsor},
			{OrganizationID: orgs["kazevent"].ID, Role: symposium.OrgRoleCoSponsor},
		},
	}
}
