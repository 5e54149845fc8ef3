package eval

import "math/rand/v2"

// englishPerson draws an English first name and surname.
func englishPerson(rng *rand.Rand) Person {
	return Person{parts: []string{enFirst.pick(rng), enLast.pick(rng)}}
}
