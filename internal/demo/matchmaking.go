package demo

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/store"
)

// guests are the registrants who took part in matchmaking without
// addressing the symposium: they enter the directory by their email.
var guests = []struct {
	key, email, country string
	name                symposium.LocalizedText
}{
	{"aidos", "aidos@example.kz", "KZ", symposium.Text("kk", "Айдос Беков", "en", "Aidos Bekov", "ru", "Айдос Беков")},
	{"li", "li.wei@example.cn", "CN", symposium.Text("zh", "李伟", "en", "Li Wei", "ru", "Ли Вэй")},
	{"madina", "madina@example.kz", "KZ", symposium.Text("kk", "Мадина Серікова", "en", "Madina Serikova", "ru", "Мадина Серикова")},
}

// demoProfile is what one participant offered and sought at the
// symposium's matchmaking.
type demoProfile struct {
	offers, seeks     symposium.LocalizedText
	topics, languages []string
}

// profiles are the matchmaking profiles, by person key.
var profiles = map[string]demoProfile{
	"xing": {T("Contacts with Chinese science and technology parks", "与中国科技园区的联系", "Қытайдың ғылым және технология парктерімен байланыс", "Связи с научно-технологическими парками Китая"),
		T("Kazakh partners for joint laboratories", "共建实验室的哈萨克斯坦合作伙伴", "Бірлескен зертханаларға қазақстандық серіктестер", "Казахстанские партнёры для совместных лабораторий"),
		[]string{"5.6", "5.2"}, []string{"zh", "ru", "en"}},
	"shaimergenova": {T("Research on Kazakhstan–China cooperation", "哈中合作研究", "Қазақстан–Қытай ынтымақтастығын зерттеу", "Исследования казахстанско-китайского сотрудничества"),
		T("Companies ready to share data on joint projects", "愿意分享合作项目数据的企业", "Бірлескен жобалар туралы деректерімен бөлісетін компаниялар", "Компании, готовые делиться данными о совместных проектах"),
		[]string{"5.6", "5.2"}, []string{"kk", "ru", "zh", "en"}},
	"aidos": {T("Water treatment for mining sites", "矿区水处理", "Кен орындарына арналған су тазарту", "Очистка воды для горнодобывающих объектов"),
		T("Chinese suppliers of membrane filters", "中国膜过滤器供应商", "Қытайлық мембраналық сүзгі жеткізушілері", "Китайские поставщики мембранных фильтров"),
		[]string{"2.7"}, []string{"kk", "ru"}},
	"li": {T("Membrane filters and their testing", "膜过滤器及其测试", "Мембраналық сүзгілер және оларды сынау", "Мембранные фильтры и их испытания"),
		T("Distributors in Central Asia", "中亚经销商", "Орталық Азиядағы дистрибьюторлар", "Дистрибьюторы в Центральной Азии"),
		[]string{"2.7", "1.4"}, []string{"zh", "en", "ru"}},
	"madina": {T("Clinical trials in Kazakhstan", "在哈萨克斯坦开展临床试验", "Қазақстандағы клиникалық сынақтар", "Клинические испытания в Казахстане"),
		T("Partners in disease prevention research", "疾病预防研究合作伙伴", "Аурулардың алдын алу зерттеулеріндегі серіктестер", "Партнёры в исследованиях профилактики заболеваний"),
		[]string{"3.3"}, []string{"kk", "ru", "en"}},
}

// demoMeeting is one request of the demo, accepted, and the meeting it
// became: its slot, table and how it went.
type demoMeeting struct {
	from, to       string
	priority, slot int
	table          int
	status         string
}

// meetings are the matchmaking of the day: four meetings held, one missed.
var meetings = []demoMeeting{
	{"li", "madina", symposium.PriorityMust, 0, 1, symposium.MeetingHeld},
	{"aidos", "li", symposium.PriorityMust, 1, 1, symposium.MeetingHeld},
	{"aidos", "xing", symposium.PriorityShould, 0, 2, symposium.MeetingHeld},
	{"shaimergenova", "li", symposium.PriorityShould, 2, 1, symposium.MeetingHeld},
	{"madina", "xing", symposium.PriorityCould, 1, 2, symposium.MeetingNoShow},
}

// createMatchmaking stores the symposium's matchmaking: three 20-minute
// slots in the lunch break with two tables, the profiles of five
// participants, their accepted requests and the published schedule, with
// four meetings held and one missed.
func createMatchmaking(ctx context.Context, s *store.Store, e *symposium.Event, people map[string]*symposium.Person) error {
	ids, err := createGuests(ctx, s, people)
	if err != nil {
		return err
	}
	m := &symposium.Matchmaking{EventID: e.ID, OpensAt: at(9, 0).AddDate(0, 0, -21), ClosesAt: at(9, 0).AddDate(0, 0, -1), RequestsPerPerson: 10}
	for i := range 3 {
		start := at(13, 20*i)
		m.Slots = append(m.Slots, symposium.MeetingSlot{StartsAt: start, EndsAt: start.Add(20 * time.Minute), Tables: 2})
	}
	if err := s.SaveMatchmaking(ctx, m); err != nil {
		return fmt.Errorf("demo: matchmaking: %w", err)
	}
	if m, err = s.Matchmaking(ctx, e.ID); err != nil {
		return fmt.Errorf("demo: matchmaking: %w", err)
	}
	for key, pr := range profiles {
		p := &symposium.MatchmakingProfile{EventID: e.ID, PersonID: ids[key], Offers: pr.offers, Seeks: pr.seeks, Topics: pr.topics,
			Languages: pr.languages, FeedToken: "cal_demo_" + key}
		if err := s.SaveProfile(ctx, p); err != nil {
			return fmt.Errorf("demo: profile %s: %w", key, err)
		}
	}
	return createMeetings(ctx, s, e, m, ids)
}

// createGuests stores the guests as people and returns every person's ID
// by key.
func createGuests(ctx context.Context, s *store.Store, people map[string]*symposium.Person) (map[string]string, error) {
	ids := map[string]string{}
	for key, p := range people {
		ids[key] = p.ID
	}
	for _, g := range guests {
		p := &symposium.Person{Name: g.name, Email: g.email, Country: g.country}
		if err := s.CreatePerson(ctx, p); err != nil {
			return nil, fmt.Errorf("demo: person %s: %w", g.key, err)
		}
		ids[g.key] = p.ID
	}
	return ids, nil
}

// createMeetings stores the accepted requests, publishes the meetings
// and marks how each went.
func createMeetings(ctx context.Context, s *store.Store, e *symposium.Event, m *symposium.Matchmaking, ids map[string]string) error {
	pub := &store.Publication{EventID: e.ID, Keep: map[string]bool{}}
	for _, dm := range meetings {
		r := &symposium.MeetingRequest{EventID: e.ID, FromID: ids[dm.from], ToID: ids[dm.to], Priority: dm.priority,
			Status: symposium.RequestAccepted, Approved: true}
		if err := s.CreateRequest(ctx, r, 0, nil); err != nil {
			return fmt.Errorf("demo: request %s→%s: %w", dm.from, dm.to, err)
		}
		sl := m.Slots[dm.slot]
		pub.Add = append(pub.Add, &symposium.Meeting{RequestID: r.ID, A: r.FromID, B: r.ToID, SlotID: sl.ID, Table: dm.table, Weight: dm.priority})
		pub.Weight += dm.priority
	}
	pub.Bound = pub.Weight
	if err := s.PublishMeetings(ctx, pub); err != nil {
		return fmt.Errorf("demo: meetings: %w", err)
	}
	for i, dm := range meetings {
		if err := s.MarkMeeting(ctx, e.ID, pub.Add[i].ID, dm.status, ""); err != nil {
			return fmt.Errorf("demo: meeting %s→%s: %w", dm.from, dm.to, err)
		}
	}
	return nil
}
