package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

// Erase removes what is the subject's alone, in one transaction: their
// account's sign-in, tokens, roles and links; their people records, or,
// where the public record of an event needs them (a speaker on a published
// programme, an author of an accepted or co-written abstract), everything
// of those records but the name; abstracts only they wrote that were not
// accepted; the details of their registrations (kept as counts); the
// invitations, mail and consents under their email; and their data in the
// audit log. Reviews they wrote stay, signed by nobody. Registrations at
// events still to come should be cancelled first, so that waiting lists
// move on. The audit entry ctx carries records the erasure itself.
func (s *Store) Erase(ctx context.Context, sub DataSubject, at time.Time) (*symposium.Erasure, error) {
	var out *symposium.Erasure
	err := s.write(ctx, func(t *tx) error {
		out = &symposium.Erasure{At: at}
		people, err := recordsOf(t, sub.PersonIDs)
		if err != nil {
			return err
		}
		uid := ""
		if sub.User != nil {
			uid = sub.User.ID
		}
		steps := []func() error{
			func() error { return eraseAbstracts(t, uid, people, out) },
			func() error { return eraseTakingPart(t, uid, people) },
			func() error { return eraseRegistrations(t, sub.Email, people, out) },
			func() error { return erasePeople(t, people, out) },
			func() error { return eraseUnderEmail(t, sub.Email) },
			func() error { return eraseAccount(t, uid, at, out) },
			func() error { return eraseAudit(t, uid, sub.Email, people) },
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// recordsOf returns the people records that are the individual: ids and
// every record merged into one of them.
func recordsOf(t *tx, ids []string) ([]string, error) {
	seen := map[string]bool{}
	out := []string{}
	queue := append([]string{}, ids...)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		merged, err := txStrings(t, `SELECT id FROM people WHERE merged_into = $1`, id)
		if err != nil {
			return nil, err
		}
		queue = append(queue, merged...)
	}
	return out, nil
}

// txStrings runs a query of one text column and returns its values.
func txStrings(t *tx, q string, args ...any) ([]string, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, wrap("erase", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, wrap("erase", err)
		}
		out = append(out, v)
	}
	return out, wrap("erase", rows.Err())
}

// eraseAbstracts deletes the abstracts the individual submitted and alone
// wrote, unless accepted: a released or accepted abstract belongs to the
// event's record.
func eraseAbstracts(t *tx, uid string, people []string, out *symposium.Erasure) error {
	n, err := affected(t.exec(`DELETE FROM abstracts WHERE submitter_id = $1
		AND NOT (status = 'accepted' OR released)
		AND NOT EXISTS (SELECT 1 FROM abstract_authors aa WHERE aa.abstract_id = abstracts.id
			AND aa.person_id NOT IN (SELECT value FROM `+t.d.jsonEach("$2")+`))`, uid, jsonText(people)))
	out.AbstractsRemoved = int(n)
	return wrap("erase abstracts", err)
}

// eraseRegistrations keeps each registration under the email, or of one
// of the people, only as a count: its status, category, country and
// arrival stay; the name, email, organization, answers and links go.
func eraseRegistrations(t *tx, email string, people []string, out *symposium.Erasure) error {
	const match = `(email = $1 AND $1 <> '') OR person_id IN (SELECT value FROM %s)`
	where := fmt.Sprintf(match, t.d.jsonEach("$2"))
	if _, err := t.exec(`DELETE FROM registration_links WHERE registration_id IN (SELECT id FROM registrations WHERE `+where+`)`,
		email, jsonText(people)); err != nil {
		return wrap("erase registration links", err)
	}
	if _, err := t.exec(keepCounts+`WHERE `+where, email, jsonText(people)); err != nil {
		return wrap("erase registrations: keep counts", err)
	}
	kept, err := keptAttendance(t, where, email, people)
	if err != nil {
		return err
	}
	out.Kept = append(out.Kept, kept...)
	n, err := affected(t.exec(`UPDATE registrations SET email = 'erased:' || id, name = '{}', organization = '',
		answers = '{}', listed = FALSE, manage_token_hash = '', person_id = NULL, hold_until = NULL, updated_at = $3 WHERE `+where,
		email, jsonText(people), ts(now())))
	out.RegistrationsRemoved = int(n)
	return wrap("erase registrations", err)
}

// keptAttendance lists, per event, the registrations kept as counts.
func keptAttendance(t *tx, where, email string, people []string) ([]symposium.ErasureKept, error) {
	rows, err := t.query(`SELECT e.slug, e.title, COUNT(*) FROM registrations r JOIN events e ON e.id = r.event_id
		WHERE r.id IN (SELECT id FROM registrations WHERE `+where+`) GROUP BY e.slug, e.title ORDER BY e.slug`,
		email, jsonText(people))
	if err != nil {
		return nil, wrap("erase: attendance", err)
	}
	defer rows.Close()
	var out []symposium.ErasureKept
	for rows.Next() {
		k := symposium.ErasureKept{Reason: symposium.KeptAttended}
		var ev eventName
		if err := rows.Scan(&ev.slug, jsonCol{&ev.title}, &k.Count); err != nil {
			return nil, wrap("erase: attendance", err)
		}
		k.Event = ev.data()
		out = append(out, k)
	}
	return out, wrap("erase: attendance", rows.Err())
}

// erasePeople deletes each record the public record does not need, and
// cuts the others down to their name.
func erasePeople(t *tx, people []string, out *symposium.Erasure) error {
	ids := jsonText(people)
	in := `(SELECT value FROM ` + t.d.jsonEach("$1") + `)`
	unlink := []string{
		`UPDATE people SET merged_into = NULL WHERE id IN ` + in,
		`DELETE FROM person_merges WHERE survivor_id IN ` + in + ` OR merged_id IN ` + in,
		`DELETE FROM photos WHERE person_id IN ` + in,
		`DELETE FROM duplicate_dismissals WHERE person_a IN ` + in + ` OR person_b IN ` + in,
		`UPDATE abstracts SET presenter_id = NULL WHERE presenter_id IN ` + in + ` AND NOT (status = 'accepted' OR released)`,
		`DELETE FROM contribution_speakers WHERE person_id IN ` + in + ` AND contribution_id IN
			(SELECT c.id FROM contributions c JOIN events e ON e.id = c.event_id WHERE e.status = 'draft')`,
	}
	for _, q := range unlink {
		if _, err := t.exec(q, ids); err != nil {
			return wrap("erase people", err)
		}
	}
	for _, id := range people {
		kept, err := publicRecord(t, id)
		if err != nil {
			return err
		}
		if len(kept) == 0 {
			if _, err := t.exec(`DELETE FROM people WHERE id = $1`, id); err != nil {
				return wrap("erase person", err)
			}
			out.PeopleRemoved++
		} else {
			if _, err := t.exec(`UPDATE people SET email = '', organization_id = NULL, position = '{}', country = '',
				languages = '[]', topics = '[]', bio = '{}', aliases = '[]', created_by = '' WHERE id = $1`, id); err != nil {
				return wrap("erase person", err)
			}
			out.Kept = append(out.Kept, kept...)
		}
		if err := t.changed(ChangePerson, id); err != nil {
			return err
		}
	}
	return nil
}

// publicRecord lists what of the event's public record names the person:
// contributions they speak at in a published programme, abstracts they
// wrote or present that stay.
func publicRecord(t *tx, id string) ([]symposium.ErasureKept, error) {
	rows, err := t.query(`SELECT 'speaker', e.slug, e.title, c.title FROM contribution_speakers cs
			JOIN contributions c ON c.id = cs.contribution_id JOIN events e ON e.id = c.event_id WHERE cs.person_id = $1
		UNION ALL
		SELECT 'author', e.slug, e.title, a.title FROM abstracts a JOIN events e ON e.id = a.event_id
			WHERE a.presenter_id = $1 OR a.id IN (SELECT abstract_id FROM abstract_authors WHERE person_id = $1)`, id)
	if err != nil {
		return nil, wrap("erase: public record", err)
	}
	defer rows.Close()
	var out []symposium.ErasureKept
	for rows.Next() {
		var k symposium.ErasureKept
		var ev eventName
		if err := rows.Scan(&k.Reason, &ev.slug, jsonCol{&ev.title}, jsonCol{&k.Title}); err != nil {
			return nil, wrap("erase: public record", err)
		}
		k.Event = ev.data()
		out = append(out, k)
	}
	return out, wrap("erase: public record", rows.Err())
}

// eraseUnderEmail deletes the invitations, mail and consents under the
// email.
func eraseUnderEmail(t *tx, email string) error {
	if email == "" {
		return nil
	}
	for _, q := range []string{
		`DELETE FROM invitations WHERE email = $1`,
		`DELETE FROM outbox WHERE to_address = $1`,
		`DELETE FROM consents WHERE email = $1`,
	} {
		if _, err := t.exec(q, email); err != nil {
			return wrap("erase under email", err)
		}
	}
	return nil
}

// eraseAccount ends the account: its sessions, tokens, links, roles and
// review duties go, and the row keeps no name, email or password, only
// the reviews it signed, now signed by nobody.
func eraseAccount(t *tx, uid string, at time.Time, out *symposium.Erasure) error {
	if uid == "" {
		return nil
	}
	var reviews int
	if err := t.queryRow(`SELECT COUNT(*) FROM reviews WHERE user_id = $1`, uid).Scan(&reviews); err != nil {
		return wrap("erase account", err)
	}
	if reviews > 0 {
		out.Kept = append(out.Kept, symposium.ErasureKept{Reason: symposium.KeptReviews, Count: reviews})
	}
	for _, q := range []string{
		`DELETE FROM sessions WHERE user_id = $1`,
		`DELETE FROM api_tokens WHERE user_id = $1`,
		`DELETE FROM password_resets WHERE user_id = $1`,
		`DELETE FROM email_links WHERE user_id = $1`,
		`DELETE FROM event_roles WHERE user_id = $1`,
		`DELETE FROM reviewer_tracks WHERE user_id = $1`,
		`DELETE FROM reviewer_languages WHERE user_id = $1`,
		`DELETE FROM bids WHERE user_id = $1`,
		`DELETE FROM declared_interests WHERE user_id = $1`,
		`DELETE FROM assignments WHERE user_id = $1 AND NOT EXISTS
			(SELECT 1 FROM reviews r WHERE r.abstract_id = assignments.abstract_id AND r.user_id = $1)`,
	} {
		if _, err := t.exec(q, uid); err != nil {
			return wrap("erase account", err)
		}
	}
	if err := eraseLiveAsker(t, uid); err != nil {
		return wrap("erase account", err)
	}
	_, err := t.exec(`UPDATE users SET email = 'erased:' || id, name = '', password_hash = '', pending_email = '',
		verified_at = NULL, is_admin = FALSE, is_curator = FALSE, can_create_events = FALSE, erased_at = $2, updated_at = $2
		WHERE id = $1`, uid, ts(at))
	return wrap("erase account", err)
}

// eraseAudit removes the individual from the audit log: the name they
// acted under, and the before and after of entries about them or quoting
// their email. The entries themselves stay, so the log still says what
// was done and when.
func eraseAudit(t *tx, uid, email string, people []string) error {
	ids := append([]string{}, people...)
	if uid != "" {
		ids = append(ids, uid)
		if _, err := t.exec(`UPDATE audit_log SET actor_name = '' WHERE actor_id = $1`, uid); err != nil {
			return wrap("erase audit", err)
		}
	}
	if _, err := t.exec(`UPDATE audit_log SET before = '', after = '' WHERE subject IN (SELECT value FROM `+t.d.jsonEach("$1")+`)`,
		jsonText(ids)); err != nil {
		return wrap("erase audit", err)
	}
	if email == "" {
		return nil
	}
	_, err := t.exec(`UPDATE audit_log SET before = '', after = '' WHERE `+t.d.contains("before", "$1")+` OR `+t.d.contains("after", "$1"), email)
	return wrap("erase audit", err)
}

// contains is the condition that the text column col holds the text of
// parameter param.
func (d dialect) contains(col, param string) string {
	if d.name == "postgres" {
		return "strpos(" + col + ", " + param + ") > 0"
	}
	return "instr(" + col + ", " + param + ") > 0"
}
