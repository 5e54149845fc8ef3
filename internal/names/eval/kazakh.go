package eval

import "math/rand/v2"

// Shares of Kazakh names written with a patronymic (the father's name and
// ұлы, son, or қызы, daughter) and written surname first, as official
// lists do.
const (
	kkPatronymicShare   = 0.25
	kkSurnameFirstShare = 0.2
)

// kazakhPerson draws a Kazakh name in Cyrillic: given name, sometimes a
// patronymic, and a surname agreeing with the person's gender.
func kazakhPerson(rng *rand.Rand) Person {
	female := rng.IntN(2) == 0
	given, suffix := kkMale.pick(rng), "ұлы"
	if female {
		given, suffix = kkFemale.pick(rng), "қызы"
	}
	surname := feminine(kkSurnames.pick(rng), female)
	parts := []string{given}
	if rng.Float64() < kkPatronymicShare {
		parts = append(parts, kkMale.pick(rng)+suffix)
	}
	return Person{parts: append(parts, surname), surnameFirst: rng.Float64() < kkSurnameFirstShare}
}
