package demo

import (
	"context"
	"fmt"

	"symposium"
	"symposium/internal/store"
)

// participant is one registrant of the demo event.
type participant struct {
	email, name, country string
	checkedIn            bool
	consent              string
}

// participants are the demo event's registrants: the two speakers, who
// agreed to photos, and guests from both countries, most of them checked
// in.
var participants = []participant{
	{"xing@example.cn", "Xing Fangfang", "CN", true, symposium.PhotoConsentYes},
	{"gulnar@example.kz", "Gulnar Shaimergenova", "KZ", true, symposium.PhotoConsentYes},
	{"aidos@example.kz", "Aidos Bekov", "KZ", true, symposium.PhotoConsentNo},
	{"li.wei@example.cn", "Li Wei", "CN", true, ""},
	{"madina@example.kz", "Madina Serikova", "KZ", true, symposium.PhotoConsentYes},
	{"wang.fang@example.cn", "Wang Fang", "CN", false, ""},
	{"ivan@example.ru", "Ivan Petrov", "RU", true, ""},
}

// createOutcomes stores what the symposium left behind: registrations and
// check-ins, minutes of the addresses with their key messages, photos with
// credits, a signed memorandum with two follow-ups, the meetings of the
// matchmaking, and the published report.
func createOutcomes(ctx context.Context, s *store.Store, e *symposium.Event, orgs map[string]*symposium.Organization, people map[string]*symposium.Person) error {
	if err := createParticipants(ctx, s, e); err != nil {
		return err
	}
	list, err := s.Contributions(ctx, e.ID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := createMinutes(ctx, s, e, list); err != nil {
		return err
	}
	if err := createPhotos(ctx, s, e, list, people); err != nil {
		return err
	}
	if err := createAgreements(ctx, s, e, orgs, people); err != nil {
		return err
	}
	if err := createMatchmaking(ctx, s, e, people); err != nil {
		return err
	}
	r := &symposium.Report{EventID: e.ID, Status: symposium.ReportPublished, HiddenSections: []string{},
		Introduction: T(
			"On 22 May 2024 the China Science and Technology Symposium brought experts, scientists and high-tech companies of Kazakhstan and China together in Astana, as a platform for dialogue and exchange to seek innovative solutions.",
			"2024年5月22日，中国科技研讨会在阿斯塔纳举行，哈萨克斯坦和中国的专家、科学家和高科技企业齐聚一堂，搭建对话与交流的平台，共同寻求创新解决方案。",
			"2024 жылғы 22 мамырда Астанада өткен Қытай ғылымы мен технологиялары симпозиумы Қазақстан мен Қытайдың сарапшыларын, ғалымдарын және жоғары технологиялық компанияларын инновациялық шешімдер іздеу үшін диалог пен алмасу алаңына жинады.",
			"22 мая 2024 года симпозиум «Наука и технологии Китая» собрал в Астане экспертов, учёных и высокотехнологичные компании Казахстана и Китая — площадку для диалога и обмена в поиске инновационных решений.")}
	if err := s.SaveReport(ctx, r, ""); err != nil {
		return fmt.Errorf("demo: report: %w", err)
	}
	return nil
}

// createParticipants registers the participants and checks most of them in.
func createParticipants(ctx context.Context, s *store.Store, e *symposium.Event) error {
	cat := &symposium.Category{EventID: e.ID, Name: T("Participants", "参会者", "Қатысушылар", "Участники")}
	if err := s.CreateCategory(ctx, cat); err != nil {
		return fmt.Errorf("demo: category: %w", err)
	}
	noMail := func(*symposium.Registration, string) (symposium.Mail, bool) { return symposium.Mail{}, false }
	for _, p := range participants {
		r := &symposium.Registration{EventID: e.ID, CategoryID: cat.ID, Email: p.email, Name: symposium.Text("en", p.name),
			Country: p.country, Language: "en", Status: "confirmed", EmailConfirmed: true, PhotoConsent: p.consent}
		if err := s.Register(ctx, r, "demo-"+p.email, at(9, 0), noMail); err != nil {
			return fmt.Errorf("demo: registration %s: %w", p.email, err)
		}
		if p.checkedIn {
			if _, err := s.CheckIn(ctx, e.ID, r.ID, at(9, 30)); err != nil {
				return fmt.Errorf("demo: check-in %s: %w", p.email, err)
			}
		}
	}
	return nil
}
