package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"symposium"
)

// DataSubject names one individual whose data is read or erased: their
// account (nil without one), the verified email that makes them who they
// are ("" for none), and the people records that are them.
type DataSubject struct {
	User      *symposium.User
	Email     string
	PersonIDs []string
}

// PersonalData gathers everything held about the subject. Each part is
// read by a query of its own; none reads another individual's data.
func (s *Store) PersonalData(ctx context.Context, sub DataSubject) (*symposium.PersonalData, error) {
	d := &symposium.PersonalData{GeneratedAt: time.Now().UTC()}
	ids := jsonText(orEmpty(sub.PersonIDs))
	uid := ""
	if sub.User != nil {
		uid = sub.User.ID
	}
	parts := []func() error{
		func() (err error) { d.Account, err = s.dataAccount(ctx, sub.User); return },
		func() (err error) { d.People, err = s.dataPeople(ctx, sub.PersonIDs); return },
		func() (err error) { d.Registrations, err = s.dataRegistrations(ctx, sub.Email, ids); return },
		func() (err error) { d.Invitations, err = s.dataInvitations(ctx, sub.Email); return },
		func() (err error) { d.Abstracts, err = s.dataAbstracts(ctx, uid, ids); return },
		func() (err error) { d.Reviews, err = s.dataReviews(ctx, uid); return },
		func() (err error) { d.Roles, err = s.dataRoles(ctx, uid); return },
		func() (err error) { d.Speaking, err = s.dataSpeaking(ctx, ids); return },
		func() (err error) { d.Consents, err = s.Consents(ctx, sub.Email); return },
		func() (err error) { d.Mail, err = s.dataMail(ctx, sub.Email); return },
		func() (err error) { d.Questions, err = s.dataQuestions(ctx, uid); return },
		func() (err error) { d.Matchmaking, err = s.dataMatchmaking(ctx, ids); return },
		func() (err error) { d.Photos, err = s.dataPhotos(ctx, ids); return },
	}
	for _, part := range parts {
		if err := part(); err != nil {
			return nil, err
		}
	}
	var err error
	d.Audit, err = s.dataAudit(ctx, uid, sub.Email, subjects(d))
	return d, err
}

// subjects lists the IDs the audit log may name the individual by: their
// account, their people records and their registrations.
func subjects(d *symposium.PersonalData) []string {
	out := []string{}
	if d.Account != nil {
		out = append(out, d.Account.ID)
	}
	for _, p := range d.People {
		out = append(out, p.ID)
	}
	for _, r := range d.Registrations {
		out = append(out, r.ID)
	}
	return out
}

// dataAccount reads the account with its tokens and open sessions.
func (s *Store) dataAccount(ctx context.Context, u *symposium.User) (*symposium.DataAccount, error) {
	if u == nil {
		return nil, nil
	}
	fresh, err := s.UserByID(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	a := &symposium.DataAccount{User: *fresh}
	if a.Tokens, err = s.APITokens(ctx, u.ID); err != nil {
		return nil, err
	}
	err = s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2`,
		u.ID, ts(time.Now())).Scan(&a.Sessions)
	return a, wrap("personal data: sessions", err)
}

// dataPeople reads the people records, each with or without a photo.
func (s *Store) dataPeople(ctx context.Context, ids []string) ([]*symposium.Person, error) {
	byID, err := s.People(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := []*symposium.Person{}
	for _, id := range ids {
		if p := byID[id]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// dataRegistrations reads registrations under the email or naming one of
// the people.
func (s *Store) dataRegistrations(ctx context.Context, email, ids string) ([]symposium.DataRegistration, error) {
	out := []symposium.DataRegistration{}
	err := s.each(ctx, "personal data: registrations", `SELECT e.slug, e.title, c.name, `+prefixed("r.", registrationFields)+", "+photoConsentOf("r")+`
		FROM registrations r JOIN events e ON e.id = r.event_id JOIN registration_categories c ON c.id = r.category_id
		WHERE (r.email = $1 AND $1 <> '') OR r.person_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`)
		ORDER BY r.created_at, r.id`, func(sc scanner) error {
		var d symposium.DataRegistration
		var ev eventName
		if err := scanRegistration(prefixScanner{sc, []any{&ev.slug, jsonCol{&ev.title}, jsonCol{&d.Category}}}, &d.Registration); err != nil {
			return err
		}
		d.Event = ev.data()
		out = append(out, d)
		return nil
	}, email, ids)
	return out, err
}

// dataInvitations reads invitations sent to the email.
func (s *Store) dataInvitations(ctx context.Context, email string) ([]symposium.DataInvitation, error) {
	out := []symposium.DataInvitation{}
	if email == "" {
		return out, nil
	}
	err := s.each(ctx, "personal data: invitations", `SELECT e.slug, e.title, `+prefixed("i.", invitationColumns)+`
		FROM invitations i JOIN events e ON e.id = i.event_id WHERE i.email = $1 ORDER BY i.created_at, i.id`,
		func(sc scanner) error {
			var d symposium.DataInvitation
			var ev eventName
			if err := scanInvitation(prefixScanner{sc, []any{&ev.slug, jsonCol{&ev.title}}}, &d.Invitation); err != nil {
				return err
			}
			d.Event = ev.data()
			out = append(out, d)
			return nil
		}, email)
	return out, err
}

// dataAbstracts reads abstracts the account submitted or the people wrote
// or present.
func (s *Store) dataAbstracts(ctx context.Context, uid, ids string) ([]symposium.DataAbstract, error) {
	out := []symposium.DataAbstract{}
	err := s.each(ctx, "personal data: abstracts", `SELECT e.slug, e.title, a.id, a.title, a.content, a.language, a.status, a.created_at,
		a.submitter_id = $1,
		EXISTS (SELECT 1 FROM abstract_authors aa WHERE aa.abstract_id = a.id AND aa.person_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`)),
		COALESCE(a.presenter_id, '') IN (SELECT value FROM `+s.d.jsonEach("$2")+`)
		FROM abstracts a JOIN events e ON e.id = a.event_id
		WHERE a.submitter_id = $1
		   OR a.presenter_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`)
		   OR a.id IN (SELECT abstract_id FROM abstract_authors WHERE person_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`))
		ORDER BY a.created_at, a.id`, func(sc scanner) error {
		var d symposium.DataAbstract
		var ev eventName
		if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.ID, jsonCol{&d.Title}, jsonCol{&d.Content}, &d.Language, &d.Status,
			timeCol{&d.CreatedAt}, &d.Submitter, &d.Author, &d.Presenter); err != nil {
			return err
		}
		d.Event = ev.data()
		out = append(out, d)
		return nil
	}, uid, ids)
	return out, err
}

// dataReviews reads the reviews the account wrote, and nobody else's.
func (s *Store) dataReviews(ctx context.Context, uid string) ([]symposium.DataReview, error) {
	out := []symposium.DataReview{}
	if uid == "" {
		return out, nil
	}
	err := s.each(ctx, "personal data: reviews", `SELECT e.slug, e.title, a.title, `+reviewColumns+`
		FROM reviews r JOIN abstracts a ON a.id = r.abstract_id JOIN events e ON e.id = a.event_id
		WHERE r.user_id = $1 ORDER BY r.created_at, r.id`, func(sc scanner) error {
		var d symposium.DataReview
		var ev eventName
		if err := scanReview(prefixScanner{sc, []any{&ev.slug, jsonCol{&ev.title}, jsonCol{&d.AbstractTitle}}}, &d.Review); err != nil {
			return err
		}
		d.Event = ev.data()
		out = append(out, d)
		return nil
	}, uid)
	return out, err
}

// dataRoles reads the roles the account holds at events.
func (s *Store) dataRoles(ctx context.Context, uid string) ([]symposium.DataRole, error) {
	out := []symposium.DataRole{}
	if uid == "" {
		return out, nil
	}
	err := s.each(ctx, "personal data: roles", `SELECT e.slug, e.title, r.role, r.created_at
		FROM event_roles r JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY r.created_at, e.slug, r.role`,
		func(sc scanner) error {
			var d symposium.DataRole
			var ev eventName
			if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.Role, timeCol{&d.Since}); err != nil {
				return err
			}
			d.Event = ev.data()
			out = append(out, d)
			return nil
		}, uid)
	return out, err
}

// dataSpeaking reads the contributions the people speak at.
func (s *Store) dataSpeaking(ctx context.Context, ids string) ([]symposium.DataAppearance, error) {
	out := []symposium.DataAppearance{}
	err := s.each(ctx, "personal data: speaking", `SELECT DISTINCT e.slug, e.title, c.id, c.title, c.starts_at
		FROM contribution_speakers cs JOIN contributions c ON c.id = cs.contribution_id JOIN events e ON e.id = c.event_id
		WHERE cs.person_id IN (SELECT value FROM `+s.d.jsonEach("$1")+`) ORDER BY c.starts_at, c.id`,
		func(sc scanner) error {
			var d symposium.DataAppearance
			var ev eventName
			var starts time.Time
			if err := sc.Scan(&ev.slug, jsonCol{&ev.title}, &d.ContributionID, jsonCol{&d.Title}, timeCol{&starts}); err != nil {
				return err
			}
			d.Event, d.StartsAt = ev.data(), timeOrNil(starts)
			out = append(out, d)
			return nil
		}, ids)
	return out, err
}

// dataMail reads the messages written to the email.
func (s *Store) dataMail(ctx context.Context, email string) ([]symposium.DataMail, error) {
	out := []symposium.DataMail{}
	if email == "" {
		return out, nil
	}
	err := s.each(ctx, "personal data: mail", `SELECT subject, created_at, sent_at FROM outbox WHERE to_address = $1
		ORDER BY created_at, id`, func(sc scanner) error {
		var d symposium.DataMail
		var sent time.Time
		if err := sc.Scan(&d.Subject, timeCol{&d.CreatedAt}, timeCol{&sent}); err != nil {
			return err
		}
		d.SentAt = timeOrNil(sent)
		out = append(out, d)
		return nil
	}, email)
	return out, err
}

// dataAudit reads the audit entries the account made, that name one of
// the IDs, or that quote the email.
func (s *Store) dataAudit(ctx context.Context, uid, email string, ids []string) ([]*symposium.AuditEntry, error) {
	out := []*symposium.AuditEntry{}
	err := s.each(ctx, "personal data: audit", `SELECT id, at, actor_id, actor_name, COALESCE(event_id, ''), action, subject, before, after
		FROM audit_log WHERE (actor_id = $1 AND $1 <> '') OR subject IN (SELECT value FROM `+s.d.jsonEach("$2")+`)
			OR ($3 <> '' AND (`+s.d.contains("before", "$3")+` OR `+s.d.contains("after", "$3")+`))
		ORDER BY at, id`, func(sc scanner) error {
		e, err := scanAuditEntry(sc)
		if err != nil {
			return err
		}
		out = append(out, e)
		return nil
	}, uid, jsonText(ids), email)
	return out, err
}

// eventName is an event's slug and title as read beside an item.
type eventName struct {
	slug  string
	title symposium.LocalizedText
}

func (e eventName) data() symposium.DataEvent {
	return symposium.DataEvent{Slug: e.slug, Title: e.title}
}

// prefixScanner reads leading columns into first, then hands the rest to
// a scan function written for the item's own columns.
type prefixScanner struct {
	sc    scanner
	first []any
}

// Scan implements scanner.
func (p prefixScanner) Scan(dest ...any) error {
	return p.sc.Scan(append(append([]any{}, p.first...), dest...)...)
}

// prefixed qualifies each column of a list written for one table with the
// table's alias, so that it can be read from a join.
func prefixed(alias, columns string) string {
	parts := strings.Split(columns, ",")
	for i, c := range parts {
		c = strings.TrimSpace(c)
		if inner, ok := strings.CutPrefix(c, "COALESCE("); ok {
			parts[i] = "COALESCE(" + alias + inner
		} else if strings.HasPrefix(c, "'") {
			parts[i] = c
		} else {
			parts[i] = alias + c
		}
	}
	return strings.Join(parts, ", ")
}

// wrap adds what the store was doing to err, leaving nil alone.
func wrap(what string, err error) error {
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	return nil
}

// LiveRegistrationsToCome returns the IDs of the live registrations
// (confirmed, waitlisted or pending), under the email or of one of the
// people, at events that have not ended by at.
func (s *Store) LiveRegistrationsToCome(ctx context.Context, email string, people []string, at time.Time) ([]string, error) {
	var out []string
	err := s.each(ctx, "live registrations to come", `SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
		WHERE ((r.email = $1 AND $1 <> '') OR r.person_id IN (SELECT value FROM `+s.d.jsonEach("$2")+`))
		AND r.status IN ('confirmed', 'waitlisted', 'pending') AND e.ends_at > $3 ORDER BY r.created_at`,
		func(sc scanner) error {
			var id string
			if err := sc.Scan(&id); err != nil {
				return err
			}
			out = append(out, id)
			return nil
		}, email, jsonText(orEmpty(people)), ts(at))
	return out, err
}
