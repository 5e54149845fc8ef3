package demo

import (
	"context"
	"fmt"
	"time"

	"symposium"
	"symposium/internal/store"
)

// entry is one line of the demo programme.
type entry struct {
	start    time.Time
	minutes  int
	room     string // "main" or "second"
	kind     string
	title    symposium.LocalizedText
	speakers []string
	topics   []string
}

// programme is the day: the two addresses, then talks and panels on the
// topics the symposium named, with a parallel track in the second hall.
var programme = []entry{
	{at(10, 0), 15, "main", symposium.ContributionAddress,
		T("Opening address: science has no borders and benefits all mankind", "开幕致辞：科学无国界，惠及全人类",
			"Ашылу сөзі: ғылымның шекарасы жоқ, ол бүкіл адамзатқа игілік әкеледі", "Приветственное слово: у науки нет границ, она служит всему человечеству"),
		[]string{"xing"}, []string{"5.6"}},
	{at(10, 15), 15, "main", symposium.ContributionAddress,
		T("Address: science and technology in people's lives", "致辞：科学技术与人民生活",
			"Құттықтау сөз: ғылым мен технология адамдар өмірінде", "Приветственное слово: наука и технологии в жизни людей"),
		[]string{"shaimergenova"}, []string{"5.6"}},
	{at(10, 30), 60, "main", symposium.ContributionPanel,
		T("International scientific and technological cooperation in a fragmenting world", "碎片化世界中的国际科技合作",
			"Бытыраңқы әлемдегі халықаралық ғылыми-техникалық ынтымақтастық", "Международное научно-техническое сотрудничество в раздробленном мире"),
		nil, []string{"5.6", "5.2"}},
	{at(11, 30), 30, "main", symposium.ContributionBreak,
		T("Coffee break", "茶歇", "Кофе үзілісі", "Кофе-брейк"), nil, nil},
	{at(12, 0), 45, "main", symposium.ContributionTalk,
		T("Climate change: research and solutions from Kazakhstan and China", "气候变化：哈萨克斯坦与中国的研究和解决方案",
			"Климаттың өзгеруі: Қазақстан мен Қытайдың зерттеулері мен шешімдері", "Изменение климата: исследования и решения Казахстана и Китая"),
		nil, []string{"1.5", "2.7"}},
	{at(12, 0), 45, "second", symposium.ContributionTalk,
		T("Disease prevention: science for public health", "疾病预防：服务公共卫生的科学",
			"Аурулардың алдын алу: қоғамдық денсаулыққа арналған ғылым", "Профилактика заболеваний: наука для общественного здоровья"),
		nil, []string{"3.3", "3.4"}},
	{at(12, 45), 75, "main", symposium.ContributionBreak,
		T("Lunch", "午餐", "Түскі ас", "Обед"), nil, nil},
	{at(14, 0), 45, "main", symposium.ContributionTalk,
		T("New technologies against poverty", "以新技术助力消除贫困",
			"Кедейшілікке қарсы жаңа технологиялар", "Новые технологии против бедности"),
		nil, []string{"5.2", "2.11"}},
	{at(14, 0), 45, "second", symposium.ContributionTalk,
		T("The strategic direction of China's scientific and technological progress", "中国科技进步的战略方向",
			"Қытайдың ғылыми-техникалық прогресінің стратегиялық бағыты", "Стратегическое направление научно-технического прогресса Китая"),
		nil, []string{"5.6", "1.2"}},
	{at(14, 45), 60, "main", symposium.ContributionPanel,
		T("High-tech companies of Kazakhstan and China: building together", "哈中高科技企业：携手共建",
			"Қазақстан мен Қытайдың жоғары технологиялық компаниялары: бірлесіп құру", "Высокотехнологичные компании Казахстана и Китая: строим вместе"),
		nil, []string{"2.2", "1.2"}},
	{at(16, 0), 60, "main", symposium.ContributionDiscussion,
		T("Closing discussion: innovative solutions through dialogue", "闭幕讨论：在对话中寻求创新解决方案",
			"Қорытынды талқылау: диалог арқылы инновациялық шешімдер", "Заключительная дискуссия: инновационные решения в диалоге"),
		nil, []string{"5.6"}},
}

// rooms returns the two halls of the event, not yet stored.
func rooms(eventID string) map[string]*symposium.Room {
	return map[string]*symposium.Room{
		"main":   {EventID: eventID, Name: T("Main hall", "主会场", "Үлкен зал", "Большой зал"), Capacity: 300},
		"second": {EventID: eventID, Name: T("Hall 2", "第二会场", "Екінші зал", "Зал 2"), Capacity: 80},
	}
}

// createProgramme stores the rooms and the programme.
func createProgramme(ctx context.Context, s *store.Store, e *symposium.Event, people map[string]*symposium.Person) error {
	rooms := rooms(e.ID)
	for _, key := range []string{"main", "second"} {
		if err := s.CreateRoom(ctx, rooms[key]); err != nil {
			return fmt.Errorf("demo: room: %w", err)
		}
	}
	for i, en := range programme {
		start := en.start
		c := &symposium.Contribution{Title: en.title, Kind: en.kind, StartsAt: &start, DurationMinutes: en.minutes,
			RoomID: rooms[en.room].ID, Topics: en.topics}
		for _, key := range en.speakers {
			c.SpeakerIDs = append(c.SpeakerIDs, people[key].ID)
		}
		var p symposium.Problems
		c.Validate(&p)
		if err := p.Err(); err != nil {
			return fmt.Errorf("demo: programme entry %d: %w", i, err)
		}
		if err := s.SaveContribution(ctx, e, c); err != nil {
			return fmt.Errorf("demo: programme entry %d: %w", i, err)
		}
	}
	return nil
}
