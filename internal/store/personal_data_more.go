package store

import (
	"context"
	"time"

	"symposium"
)

// dataQuestions reads the live questions the account asked.
func (s *Store) dataQuestions(ctx context.Context, uid string) ([]symposium.DataQuestion, error) {
	out := []symposium.DataQuestion{}
	if uid == "" {
		return out, nil
	}
	err := s.each(ctx, "personal data: questions", `SELECT e.slug, e.title, q.contribution_id, q.text, q.anonymous, q.status, q.created_at
		FROM live_questions q JOIN events e ON e.id = q.event_id WHERE q.asker = $1 ORDER BY q.created_at, q.id`,
		func(sc scanner) error {
			var d symposium.DataQuestion
			var ev eventName
			if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.ContributionID, &d.Text, &d.Anonymous, &d.Status, timeCol{&d.AskedAt}); err != nil {
				return err
			}
			d.Event = ev.data()
			out = append(out, d)
			return nil
		}, "u:"+uid)
	return out, err
}

// dataMatchmaking reads the people's matchmaking profiles, the meeting
// requests they sent or received and their meetings.
func (s *Store) dataMatchmaking(ctx context.Context, ids string) ([]symposium.DataMatchmaking, error) {
	out := []symposium.DataMatchmaking{}
	in := `(SELECT value FROM ` + s.d.jsonEach("$1") + `)`
	err := s.each(ctx, "personal data: matchmaking", `
		SELECT e.slug, e.title, 'profile', '', p.offers, p.seeks, '', '', p.updated_at
			FROM matchmaking_profiles p JOIN events e ON e.id = p.event_id WHERE p.person_id IN `+in+`
		UNION ALL
		SELECT e.slug, e.title, 'request', r.id, '{}', '{}', r.message, r.status, r.created_at
			FROM meeting_requests r JOIN events e ON e.id = r.event_id WHERE r.from_id IN `+in+` OR r.to_id IN `+in+`
		UNION ALL
		SELECT e.slug, e.title, 'meeting', m.id, '{}', '{}', '', m.status, m.created_at
			FROM meetings m JOIN events e ON e.id = m.event_id WHERE m.a_id IN `+in+` OR m.b_id IN `+in,
		func(sc scanner) error {
			var d symposium.DataMatchmaking
			var ev eventName
			var at time.Time
			if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.Kind, &d.ID, jsonCol{&d.Offers}, jsonCol{&d.Seeks}, &d.Message, &d.Status, timeCol{&at}); err != nil {
				return err
			}
			d.Event, d.At = ev.data(), at
			out = append(out, d)
			return nil
		}, ids)
	return out, err
}

// dataPhotos reads the event photos the people are named in.
func (s *Store) dataPhotos(ctx context.Context, ids string) ([]symposium.DataPhoto, error) {
	out := []symposium.DataPhoto{}
	err := s.each(ctx, "personal data: photos", `SELECT DISTINCT e.slug, e.title, p.id, p.caption
		FROM event_photo_people t JOIN event_photos p ON p.id = t.photo_id JOIN events e ON e.id = p.event_id
		WHERE t.person_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`) ORDER BY p.id`, func(sc scanner) error {
		var d symposium.DataPhoto
		var ev eventName
		if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.PhotoID, jsonCol{&d.Caption}); err != nil {
			return err
		}
		d.Event = ev.data()
		out = append(out, d)
		return nil
	}, ids)
	return out, err
}

// eraseTakingPart removes the individual's part in live questions (the
// questions stay, asked by nobody), matchmaking (profiles, requests and
// the meetings they led to) and photos (the tags naming them).
func eraseTakingPart(t *tx, uid string, people []string) error {
	ids := jsonText(people)
	in := `(SELECT value FROM ` + t.d.jsonEach("$1") + `)`
	for _, q := range []string{
		`DELETE FROM matchmaking_profiles WHERE person_id IN ` + in,
		`DELETE FROM meeting_requests WHERE from_id IN ` + in + ` OR to_id IN ` + in,
		`DELETE FROM meetings WHERE a_id IN ` + in + ` OR b_id IN ` + in,
		`DELETE FROM event_photo_people WHERE person_id IN ` + in,
	} {
		if _, err := t.exec(q, ids); err != nil {
			return wrap("erase taking part", err)
		}
	}
	if uid == "" {
		return nil
	}
	_, err := t.exec(`UPDATE live_questions SET asker = 'erased', author_name = '', author_latin = '', anonymous = TRUE
		WHERE asker = $1`, "u:"+uid)
	return wrap("erase questions", err)
}
