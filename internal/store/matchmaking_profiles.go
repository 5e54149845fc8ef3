package store

import (
	"context"
	"fmt"

	"symposium"
)

const profileColumns = `event_id, person_id, offers, seeks, topics, languages, busy, feed_token, updated_at`

func scanProfile(sc scanner, p *symposium.MatchmakingProfile) error {
	return sc.Scan(&p.EventID, &p.PersonID, jsonCol{&p.Offers}, jsonCol{&p.Seeks}, jsonCol{&p.Topics}, jsonCol{&p.Languages},
		jsonCol{&p.BusySlotIDs}, &p.FeedToken, timeCol{&p.UpdatedAt})
}

// SaveProfile adds or changes a participant's matchmaking profile. A new
// profile keeps the feed token given; a changed one keeps its own.
func (s *Store) SaveProfile(ctx context.Context, p *symposium.MatchmakingProfile) error {
	p.UpdatedAt = now()
	err := s.write(ctx, func(t *tx) error {
		return t.queryRow(`INSERT INTO matchmaking_profiles (event_id, person_id, offers, seeks, topics, languages, busy, feed_token,
				created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
			ON CONFLICT (event_id, person_id) DO UPDATE SET offers = $3, seeks = $4, topics = $5, languages = $6, busy = $7,
				updated_at = $9
			RETURNING feed_token`,
			p.EventID, p.PersonID, jsonText(p.Offers), jsonText(p.Seeks), jsonText(orEmpty(p.Topics)), jsonText(orEmpty(p.Languages)),
			jsonText(orEmpty(p.BusySlotIDs)), p.FeedToken, ts(p.UpdatedAt)).Scan(&p.FeedToken)
	})
	if isForeignKeyViolation(err) {
		return invalidReference("person_id")
	}
	if err != nil {
		return fmt.Errorf("store: save profile: %w", err)
	}
	return nil
}

// Profile returns a participant's profile at an event.
func (s *Store) Profile(ctx context.Context, eventID, personID string) (*symposium.MatchmakingProfile, error) {
	var p symposium.MatchmakingProfile
	err := scanProfile(s.read.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM matchmaking_profiles
		WHERE event_id = $1 AND person_id = $2`, eventID, personID), &p)
	if err != nil {
		return nil, notFound("profile", err)
	}
	return &p, nil
}

// ProfileByFeedToken returns the profile whose calendar feed has the
// token.
func (s *Store) ProfileByFeedToken(ctx context.Context, token string) (*symposium.MatchmakingProfile, error) {
	var p symposium.MatchmakingProfile
	err := scanProfile(s.read.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM matchmaking_profiles WHERE feed_token = $1`, token), &p)
	if err != nil {
		return nil, notFound("profile by feed", err)
	}
	return &p, nil
}

// Profiles returns every profile at an event, in the order they were
// made.
func (s *Store) Profiles(ctx context.Context, eventID string) ([]*symposium.MatchmakingProfile, error) {
	var out []*symposium.MatchmakingProfile
	err := s.each(ctx, "profiles", `SELECT `+profileColumns+` FROM matchmaking_profiles WHERE event_id = $1
		ORDER BY created_at, person_id`, func(sc scanner) error {
		var p symposium.MatchmakingProfile
		if err := scanProfile(sc, &p); err != nil {
			return err
		}
		out = append(out, &p)
		return nil
	}, eventID)
	return out, err
}
