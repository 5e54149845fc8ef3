package demo

import (
	"context"
	"fmt"

	"symposium"
	"symposium/internal/store"
)

// createOrganizations stores the co-sponsors and the embassy.
func createOrganizations(ctx context.Context, s *store.Store) (map[string]*symposium.Organization, error) {
	orgs := organizations()
	for _, key := range []string{"center", "kazevent", "embassy"} {
		o := orgs[key]
		var p symposium.Problems
		o.Validate(&p)
		if err := p.Err(); err != nil {
			return nil, fmt.Errorf("demo: organization %s: %w", key, err)
		}
		if err := s.CreateOrganization(ctx, o); err != nil {
			return nil, fmt.Errorf("demo: organization %s: %w", key, err)
		}
	}
	return orgs, nil
}

// organizations returns the co-sponsors and the embassy, not yet stored.
func organizations() map[string]*symposium.Organization {
	return map[string]*symposium.Organization{
		"center": {
			Name: T("Kazakhstan–China Research Center", "哈萨克斯坦—中国研究中心",
				"Қазақстан–Қытай зерттеу орталығы", "Казахстанско-китайский исследовательский центр"),
			Country: "KZ", Kind: "research_center",
		},
		"kazevent": {
			Name: T("KazEvent", "KazEvent", "KazEvent", "KazEvent"), Country: "KZ", Kind: "event_company",
		},
		"embassy": {
			Name: T("Embassy of the People's Republic of China in the Republic of Kazakhstan", "中华人民共和国驻哈萨克斯坦共和国大使馆",
				"Қытай Халық Республикасының Қазақстан Республикасындағы Елшілігі", "Посольство Китайской Народной Республики в Республике Казахстан"),
			Country: "CN", Kind: "embassy",
		},
	}
}

// createPeople stores the two people who addressed the symposium.
func createPeople(ctx context.Context, s *store.Store, orgs map[string]*symposium.Organization) (map[string]*symposium.Person, error) {
	people := persons(orgs)
	for _, key := range []string{"xing", "shaimergenova"} {
		ps := people[key]
		var p symposium.Problems
		ps.Validate(&p)
		if err := p.Err(); err != nil {
			return nil, fmt.Errorf("demo: person %s: %w", key, err)
		}
		if err := s.CreatePerson(ctx, ps); err != nil {
			return nil, fmt.Errorf("demo: person %s: %w", key, err)
		}
	}
	return people, nil
}

// persons returns the two people who addressed the symposium, members of
// orgs, not yet stored.
func persons(orgs map[string]*symposium.Organization) map[string]*symposium.Person {
	return map[string]*symposium.Person{
		"xing": {
			Name:           symposium.Text("zh", "邢芳芳", "en", "Xing Fangfang", "ru", "Син Фанфан", "kk", "Син Фанфан"),
			OrganizationID: orgs["embassy"].ID, Email: "xing@example.cn",
			Position: T("Chargé d'affaires a.i. of the People's Republic of China in the Republic of Kazakhstan", "中国驻哈萨克斯坦使馆临时代办",
				"Қытай Халық Республикасының Қазақстан Республикасындағы уақытша сенім білдірілген өкілі",
				"Временный поверенный в делах Китайской Народной Республики в Республике Казахстан"),
			Country: "CN", Languages: []string{"zh", "ru", "en"}, Topics: []string{"5.6"},
		},
		"shaimergenova": {
			Name: symposium.Text("kk", "Гүлнар Шаймергенова", "ru", "Гульнар Шаймергенова", "en", "Gulnar Shaimergenova",
				"zh", "古丽娜尔·沙伊梅尔格诺娃"),
			OrganizationID: orgs["center"].ID, Email: "gulnar@example.kz",
			Position: T("Director of the Kazakhstan–China Research Center", "哈萨克斯坦—中国研究中心主任",
				"Қазақстан–Қытай зерттеу орталығының директоры", "Директор Казахстанско-китайского исследовательского центра"),
			Country: "KZ", Languages: []string{"kk", "ru", "zh", "en"}, Topics: []string{"5.6", "5.2"},
		},
	}
}
