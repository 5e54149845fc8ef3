package outcomes

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"time"

	"symposium"
	"symposium/internal/store"
)

// AgreementChange edits an agreement before it is validated and stored;
// ownerEmails, when not nil, replaces its owners by the accounts with
// these emails.
type AgreementChange func(a *symposium.Agreement) (ownerEmails []string)

// SaveAgreement adds an agreement that came out of the event (id "") or
// changes one of its agreements, for the event's managers. The creator
// owns a new agreement unless owners are named.
func (s *Service) SaveAgreement(ctx context.Context, u *symposium.User, slug, id string, change AgreementChange) (*symposium.Agreement, error) {
	e, _, err := s.require(ctx, u, slug, symposium.Access.CanManage)
	if err != nil {
		return nil, err
	}
	a := &symposium.Agreement{}
	var old *symposium.Agreement
	if id != "" {
		if old, err = s.store.Agreement(ctx, id); err != nil || old.EventID != e.ID {
			return nil, symposium.NotFound()
		}
		copied := *old
		a = &copied
	}
	emails := change(a)
	a.ID, a.EventID = "", e.ID
	if old != nil {
		a.ID = old.ID
	}
	var p symposium.Problems
	a.Validate(&p)
	if err := s.owners(ctx, u, a, emails, old == nil, &p); err != nil {
		return nil, err
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	entry := symposium.NewAuditEntry(u, e.ID, symposium.AuditAgreementSave, a.ID, old, a)
	if err := s.store.SaveAgreement(store.WithAudit(ctx, entry), a); err != nil {
		return nil, err
	}
	return s.store.Agreement(ctx, a.ID)
}

// owners sets the agreement's owners from emails of accounts; a new
// agreement without any is owned by its creator.
func (s *Service) owners(ctx context.Context, u *symposium.User, a *symposium.Agreement, emails []string, isNew bool, p *symposium.Problems) error {
	if emails == nil {
		if isNew {
			a.OwnerIDs = []string{u.ID}
		}
		return nil
	}
	a.OwnerIDs = []string{}
	for i, email := range emails {
		owner, _, err := s.store.UserByEmail(ctx, symposium.NormalizeEmail(email))
		if symposium.ErrorCode(err) == symposium.ENOTFOUND {
			p.Add(fmt.Sprintf("owner_emails.%d", i), "error.field.unknown_account")
			continue
		}
		if err != nil {
			return err
		}
		if !slices.Contains(a.OwnerIDs, owner.ID) {
			a.OwnerIDs = append(a.OwnerIDs, owner.ID)
		}
	}
	return nil
}

// Cooperation is agreements with the organizations and people they name.
type Cooperation struct {
	Event         *symposium.Event
	Access        symposium.Access
	Agreements    []*symposium.Agreement
	Organizations map[string]*symposium.Organization
	People        map[string]*symposium.Person
}

// Public reports whether an agreement is shown beyond the event's
// managers: once signed, under way or done.
func Public(a *symposium.Agreement) bool {
	return a.Status == symposium.AgreementSigned || a.Status == symposium.AgreementInProgress || a.Status == symposium.AgreementDone
}

// EventAgreements returns the event's agreements: all of them to its
// managers, the signed, under way and done ones to whoever sees the event.
func (s *Service) EventAgreements(ctx context.Context, u *symposium.User, slug string) (*Cooperation, error) {
	e, access, err := s.visible(ctx, u, slug)
	if err != nil {
		return nil, err
	}
	all, err := s.store.AgreementsOf(ctx, []string{e.ID}, false)
	if err != nil {
		return nil, err
	}
	c := &Cooperation{Event: e, Access: access}
	for _, a := range all {
		if access.CanManage() || Public(a) {
			c.Agreements = append(c.Agreements, a)
		}
	}
	return c, s.parties(ctx, c)
}

// parties loads the organizations and people the agreements name.
func (s *Service) parties(ctx context.Context, c *Cooperation) error {
	var orgs, people []string
	for _, a := range c.Agreements {
		orgs = append(orgs, a.OrganizationIDs...)
		people = append(people, a.PersonIDs...)
	}
	var err error
	if c.Organizations, err = s.store.Organizations(ctx, orgs); err != nil {
		return err
	}
	c.People, err = s.store.People(ctx, people)
	return err
}

// Tracker is the view across events and years: every agreement of the
// events the caller manages (administrators: of all events), what is
// overdue, and which organizations cooperate most.
type Tracker struct {
	Cooperation
	Overdue []*symposium.Agreement
	Top     []OrganizationCount
	// PerEvent counts the agreements of each event, by event slug.
	PerEvent map[string]int
}

// OrganizationCount is how many agreements an organization is party to.
type OrganizationCount struct {
	Organization *symposium.Organization
	Count        int
}

// Agreements returns the cross-event view for the signed-in caller.
func (s *Service) Agreements(ctx context.Context, u *symposium.User, now time.Time) (*Tracker, error) {
	if u == nil {
		return nil, symposium.Unauthorized()
	}
	var ids []string
	var err error
	if !u.IsAdministrator() {
		if ids, err = s.store.ManagedEventIDs(ctx, u.ID); err != nil {
			return nil, err
		}
	}
	all, err := s.store.AgreementsOf(ctx, ids, u.IsAdministrator())
	if err != nil {
		return nil, err
	}
	t := &Tracker{Cooperation: Cooperation{Agreements: all}, PerEvent: map[string]int{}}
	if err := s.parties(ctx, &t.Cooperation); err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, a := range all {
		t.PerEvent[a.EventSlug]++
		if a.Overdue(now) {
			t.Overdue = append(t.Overdue, a)
		}
		if a.Status != symposium.AgreementDropped {
			for _, id := range a.OrganizationIDs {
				counts[id]++
			}
		}
	}
	for id, n := range counts {
		if o := t.Organizations[id]; o != nil {
			t.Top = append(t.Top, OrganizationCount{Organization: o, Count: n})
		}
	}
	sort.Slice(t.Top, func(i, j int) bool {
		if t.Top[i].Count != t.Top[j].Count {
			return t.Top[i].Count > t.Top[j].Count
		}
		return t.Top[i].Organization.ID < t.Top[j].Organization.ID
	})
	if len(t.Top) > 10 {
		t.Top = t.Top[:10]
	}
	return t, nil
}

// ReminderDays is how long before its due date an agreement's owners are
// reminded.
const ReminderDays = 7

// Remind mails the owners of every open agreement due within
// ReminderDays of now, once per due date, and returns how many agreements
// it reminded of. The mails are queued in the outbox in the transaction
// that marks the agreement reminded.
func (s *Service) Remind(ctx context.Context, now time.Time) (int, error) {
	due, err := s.store.DueAgreements(ctx, now.AddDate(0, 0, ReminderDays).UTC().Format(symposium.DateLayout))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, a := range due {
		mails, err := s.reminders(ctx, a)
		if err != nil {
			return n, err
		}
		done, err := s.store.MarkReminded(ctx, a.ID, mails)
		if err != nil {
			return n, err
		}
		if done {
			n++
		}
	}
	return n, nil
}

// reminders writes the reminder to each owner of an agreement, in the
// owner's language.
func (s *Service) reminders(ctx context.Context, a *symposium.Agreement) ([]symposium.Mail, error) {
	var out []symposium.Mail
	for _, id := range a.OwnerIDs {
		owner, err := s.store.UserByID(ctx, id)
		if err != nil {
			return nil, err
		}
		l := s.bundle.For(owner.Language)
		title := a.Title.Get(l.Lang, "")
		link := s.BaseURL + "/events/" + a.EventSlug + "/agreements"
		out = append(out, symposium.Mail{To: owner.Email, ToName: owner.Name,
			Subject: l.T("mail.agreement_due.subject", "Title", title),
			Text:    l.T("mail.agreement_due.text", "Title", title, "Due", a.Due, "Link", link)})
	}
	return out, nil
}

// Sweep sends the reminders every interval until ctx ends.
func (s *Service) Sweep(ctx context.Context, interval time.Duration, log *slog.Logger) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if n, err := s.Remind(ctx, time.Now()); err != nil && ctx.Err() == nil {
			log.Error("outcomes: remind", "err", err)
		} else if n > 0 {
			log.Info("outcomes: reminded owners of agreements due soon", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
