package eval

import (
	"math/rand/v2"
	"strings"
)

// ruPatronymicShare is the share of Russian names written with a
// patronymic.
const ruPatronymicShare = 0.6

// russianPerson draws a Russian name: given name, often a patronymic, and
// a surname agreeing with the person's gender.
func russianPerson(rng *rand.Rand) Person {
	female := rng.IntN(2) == 0
	given := ruMale.pick(rng)
	if female {
		given = ruFemale.pick(rng)
	}
	parts := []string{given}
	if rng.Float64() < ruPatronymicShare {
		parts = append(parts, patronymic(ruMale.pick(rng), female))
	}
	return Person{parts: append(parts, feminine(ruSurnames.pick(rng), female))}
}

// patronymic makes a Russian patronymic from a father's name: Иван gives
// Иванович and Ивановна, Сергей Сергеевич, Юрий Юрьевич, Игорь Игоревич.
func patronymic(father string, female bool) string {
	if p, ok := ruPatronymicExceptions[father]; ok {
		if female {
			return p[1]
		}
		return p[0]
	}
	stem, suffix := father, "ов"
	switch {
	case strings.HasSuffix(father, "ий"):
		stem, suffix = strings.TrimSuffix(father, "ий"), "ьев"
	case strings.HasSuffix(father, "й"), strings.HasSuffix(father, "ь"):
		stem, suffix = father[:len(father)-len("й")], "ев"
	}
	if female {
		return stem + suffix + "на"
	}
	return stem + suffix + "ич"
}

// feminine gives a Russian or Kazakh surname the form it has for a woman:
// Иванов Иванова, Ильин Ильина, Островский Островская, Толстой Толстая;
// surnames such as Черных or Шевченко do not change.
func feminine(surname string, female bool) string {
	if !female {
		return surname
	}
	for _, s := range []struct{ from, to string }{
		{"ский", "ская"}, {"цкий", "цкая"}, {"ской", "ская"}, {"ой", "ая"},
		{"ов", "ова"}, {"ев", "ева"}, {"ёв", "ёва"}, {"ин", "ина"}, {"ын", "ына"},
	} {
		if strings.HasSuffix(surname, s.from) {
			return strings.TrimSuffix(surname, s.from) + s.to
		}
	}
	return surname
}
