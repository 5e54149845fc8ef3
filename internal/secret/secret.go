// Package secret makes the random tokens of links, sessions and API
// tokens, and the form they are stored in.
package secret

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// New returns a random token of 256 bits, URL-safe, with a prefix saying
// what it is for, such as "sym_" for API tokens.
func New(prefix string) string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails.
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// Hash returns the form a secret token is stored in: its SHA-256 in hex.
// Tokens are random and long, so a fast hash suffices.
func Hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
