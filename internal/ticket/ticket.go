// Package ticket signs and verifies tickets: a registration's ID and its
// event's ID signed with the event's Ed25519 key, so that a check-in desk
// can tell a real ticket from a forged or altered one without reaching the
// database.
package ticket

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/google/uuid"
)

// prefix marks the ticket format's version.
const prefix = "S1"

// ErrInvalid is the error for a ticket that is malformed, forged or
// altered.
var ErrInvalid = errors.New("ticket: invalid")

// Sign returns the ticket of a registration: "S1" followed by the base64url
// encoding of the event ID, the registration ID (16 bytes each) and their
// 64-byte signature — 130 characters, small enough for a QR code.
func Sign(key ed25519.PrivateKey, eventID, registrationID string) (string, error) {
	payload, err := ids(eventID, registrationID)
	if err != nil {
		return "", err
	}
	sig := ed25519.Sign(key, payload)
	return prefix + base64.RawURLEncoding.EncodeToString(append(payload, sig...)), nil
}

// Open reads a ticket without checking its signature, to learn which event
// it claims to be for.
func Open(token string) (eventID, registrationID string, err error) {
	b, err := decode(token)
	if err != nil {
		return "", "", err
	}
	e, _ := uuid.FromBytes(b[:16])
	r, _ := uuid.FromBytes(b[16:32])
	return e.String(), r.String(), nil
}

// Verify checks a ticket against the event's public key and returns the
// registration it stands for.
func Verify(key ed25519.PublicKey, token string) (eventID, registrationID string, err error) {
	b, err := decode(token)
	if err != nil {
		return "", "", err
	}
	if !ed25519.Verify(key, b[:32], b[32:]) {
		return "", "", ErrInvalid
	}
	return Open(token)
}

func decode(token string) ([]byte, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(token), prefix)
	if !ok || len(rest) != 128 {
		return nil, ErrInvalid
	}
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil || len(b) != 96 {
		return nil, ErrInvalid
	}
	return b, nil
}

func ids(eventID, registrationID string) ([]byte, error) {
	e, err := uuid.Parse(eventID)
	if err != nil {
		return nil, err
	}
	r, err := uuid.Parse(registrationID)
	if err != nil {
		return nil, err
	}
	return append(e[:], r[:]...), nil
}
