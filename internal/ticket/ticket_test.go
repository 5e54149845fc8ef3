package ticket

import (
	"crypto/ed25519"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestSignVerify(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	otherPub, _, _ := ed25519.GenerateKey(nil)
	ev, reg := uuid.NewString(), uuid.NewString()
	tok, err := Sign(priv, ev, reg)
	if err != nil || len(tok) != 130 {
		t.Fatalf("Sign = %q, %v", tok, err)
	}
	if e, r, err := Verify(pub, tok); err != nil || e != ev || r != reg {
		t.Errorf("Verify = %s %s %v", e, r, err)
	}
	if _, _, err := Verify(otherPub, tok); err != ErrInvalid {
		t.Error("a ticket verified under another event's key")
	}
	// Any altered character is refused.
	for i := 2; i < len(tok); i += 7 {
		c := byte('A')
		if tok[i] == 'A' {
			c = 'B'
		}
		altered := tok[:i] + string(c) + tok[i+1:]
		if _, _, err := Verify(pub, altered); err == nil {
			t.Fatalf("altered at %d, still valid", i)
		}
	}
	for _, bad := range []string{"", "S1", "S2" + tok[2:], tok + "x", strings.Repeat("A", 130)} {
		if _, _, err := Verify(pub, bad); err == nil {
			t.Errorf("Verify(%q) accepted", bad)
		}
	}
}
