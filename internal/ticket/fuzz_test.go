package ticket

import (
	"bytes"
	"crypto/ed25519"
	"testing"
)

// fuzzKey is a fixed event key, so that the seed corpus holds tickets it
// signed.
var fuzzKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// Fuzz IDs: the only registration fuzzKey ever signed.
const (
	fuzzEvent        = "01a20b6f-d70a-7688-bcec-1c6c62690bc2"
	fuzzRegistration = "01a20b70-1f3c-7a51-9e5f-2b9d6a3c4e11"
)

// FuzzVerify reads arbitrary text as a ticket: nothing panics, nothing but
// a ticket fuzzKey signed verifies, and a verified ticket names exactly
// the registration that was signed, as Open reads it too.
func FuzzVerify(f *testing.F) {
	valid, err := Sign(fuzzKey, fuzzEvent, fuzzRegistration)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{valid, " " + valid + "\n", valid[:129] + "A", "S1", "", "S2" + valid[2:]} {
		f.Add(s)
	}
	pub := fuzzKey.Public().(ed25519.PublicKey)
	f.Fuzz(func(t *testing.T, token string) {
		oe, or, oerr := Open(token)
		e, r, err := Verify(pub, token)
		if err != nil {
			if err != ErrInvalid {
				t.Fatalf("Verify(%q) = %v; want ErrInvalid", token, err)
			}
			return
		}
		if e != fuzzEvent || r != fuzzRegistration {
			t.Fatalf("Verify(%q) = %s, %s: a registration that was never signed", token, e, r)
		}
		if oerr != nil || oe != e || or != r {
			t.Fatalf("Open(%q) = %s, %s, %v; Verify read %s, %s", token, oe, or, oerr, e, r)
		}
	})
}
