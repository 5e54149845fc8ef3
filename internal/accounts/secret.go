package accounts

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newSecret returns a random token of 256 bits, URL-safe, with a prefix
// saying what it is for, such as "sym_" for API tokens.
func newSecret(prefix string) string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails.
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret returns the form a secret token is stored in: its SHA-256 in
// hex. Secrets are random and long, so a fast hash suffices.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
