package symposium

import "slices"

// This file is the one statement of who may do what. Services check these
// predicates before they read or change anything; handlers never decide.
// What a caller may not see answers "not found" (NotFound); what they may
// see but not change answers "forbidden" (Forbidden).

// Site holds the settings that apply to the whole installation.
type Site struct {
	// OpenEventCreation lets every verified account create events, not only
	// the organizers an administrator named.
	OpenEventCreation bool `json:"open_event_creation"`
}

// Forbidden returns the error given when the caller may see something but
// not do what they asked with it.
func Forbidden() *Error { return Errorf(EFORBIDDEN, "error.forbidden") }

// Unauthorized returns the error given when an action needs a signed-in
// caller and there is none.
func Unauthorized() *Error { return Errorf(EUNAUTHORIZED, "error.unauthorized") }

// IsAdministrator reports whether u administers the site: every right
// everywhere.
func (u *User) IsAdministrator() bool { return u != nil && u.IsAdmin }

// MayCreateEvents reports whether u may create events: administrators,
// organizers an administrator named, and, where the site opens event
// creation, every verified account.
func (u *User) MayCreateEvents(site Site) bool {
	if u == nil {
		return false
	}
	return u.IsAdmin || u.CanCreateEvents || (site.OpenEventCreation && u.Verified)
}

// MayCurate reports whether u curates the people directory: sees the
// whole duplicates queue with emails, merges any two people and undoes
// merges.
func (u *User) MayCurate() bool { return u != nil && (u.IsAdmin || u.IsCurator) }

// IsPerson reports whether u is the person p: the account's email is
// verified and is the person's email. A record someone else typed grants
// nothing to an unverified account with the same address.
func (u *User) IsPerson(p *Person) bool {
	return u != nil && u.Verified && p != nil && p.Email != "" && p.Email == u.Email
}

// MaySeeEmailOf reports whether u may read p's email outside an event:
// the person themself, curators and administrators.
func (u *User) MaySeeEmailOf(p *Person) bool { return u.MayCurate() || u.IsPerson(p) }

// MayAddAffiliation reports whether u may add an organization to the
// directory without the right to add to it: any signed-in author may, but
// only as the affiliation of a co-author typed in while submitting or
// editing an abstract (forNewAuthor), never on its own.
func (u *User) MayAddAffiliation(forNewAuthor bool) bool { return u != nil && forNewAuthor }

// MayEditPerson reports whether u may change p's names, photo and bio: the
// person themself, curators, administrators, the account that typed the
// person into the directory, and managers of an event whose team did
// (teamAdded, as the store finds it); listing someone as a speaker does
// not make them editable.
func (u *User) MayEditPerson(p *Person, teamAdded bool) bool {
	if u == nil {
		return false
	}
	return u.MayCurate() || u.IsPerson(p) || (p.CreatedBy != "" && p.CreatedBy == u.ID) || teamAdded
}

// Access is what one caller may do at one event: who they are (nil when
// anonymous) and the roles they hold there.
type Access struct {
	User  *User
	Roles []string
	// Registered says the caller holds a live registration (confirmed,
	// waitlisted or pending) under their account's verified email.
	Registered bool
}

// Has reports whether the caller holds role at the event; site
// administrators hold every role.
func (a Access) Has(role string) bool {
	if a.User.IsAdministrator() {
		return true
	}
	return slices.Contains(a.Roles, role)
}

// CanManage reports whether the caller may change the event, its
// programme, registration, call and team.
func (a Access) CanManage() bool { return a.Has(RoleManager) }

// CanManageWebhooks reports whether the caller may add, change, remove and
// test the event's webhooks and read their deliveries: its managers.
func (a Access) CanManageWebhooks() bool { return a.CanManage() }

// CanCheckIn reports whether the caller may check people in at the desk:
// check-in staff and managers.
func (a Access) CanCheckIn() bool { return a.Has(RoleCheckin) || a.CanManage() }

// CanSeeRegistrants reports whether the caller may read who registered,
// with their emails: managers, and check-in staff at the desk.
func (a Access) CanSeeRegistrants() bool { return a.CanCheckIn() }

// CanModerate reports whether the caller may moderate live questions:
// moderators and managers.
func (a Access) CanModerate() bool { return a.Has(RoleModerator) || a.CanManage() }

// IsReviewer reports whether the caller reviews abstracts at the event.
func (a Access) IsReviewer() bool { return slices.Contains(a.Roles, RoleReviewer) }

// CanSee reports whether the caller may see the event at all: everyone may
// see a public published event; anyone else sees it only with a role there
// or a registration for it. A restricted or draft event answers "not
// found" to everyone else.
func (a Access) CanSee(e *Event) bool {
	if e.IsPublic() {
		return true
	}
	return a.User.IsAdministrator() || len(a.Roles) > 0 || a.Registered
}

// See returns NotFound unless the caller may see the event.
func (a Access) See(e *Event) error {
	if !a.CanSee(e) {
		return NotFound()
	}
	return nil
}

// Require returns nil when allowed; otherwise NotFound when the caller may
// not see the event, Unauthorized when they may see it but are not signed
// in, and Forbidden when they are signed in but may not do this.
func (a Access) Require(e *Event, allowed bool) error {
	if err := a.See(e); err != nil {
		return err
	}
	switch {
	case allowed:
		return nil
	case a.User == nil:
		return Unauthorized()
	}
	return Forbidden()
}

// CanManageMatchmaking reports whether the caller may open and change the
// event's matchmaking, approve requests, create meetings between any two
// participants, publish the schedule and read the dashboard: its managers.
func (a Access) CanManageMatchmaking() bool { return a.CanManage() }

// CanActInMatchmaking reports whether the caller may act for a party to
// the event's matchmaking — keep its profile, send, accept and decline its
// requests, mark its meetings: the party itself (isParty: the caller is
// that confirmed participant, or a member of that delegation), and
// managers.
func (a Access) CanActInMatchmaking(isParty bool) bool {
	return (a.User != nil && isParty) || a.CanManageMatchmaking()
}

// CanUseMatchmaking reports whether the caller may read the event's
// matchmaking catalogue and recommendations: confirmed participants
// (participant, as the store finds it) and managers.
func (a Access) CanUseMatchmaking(participant bool) bool {
	return (a.User != nil && participant) || a.CanManageMatchmaking()
}

// MayAskLive reports whether the caller may ask and vote on live
// questions at an event they see: anyone signed in, a participant who
// joined by scanning their checked-in badge (which makes them Registered),
// and guests without an account where the event's live settings let them.
func (a Access) MayAskLive(s LiveSettings) bool { return a.User != nil || a.Registered || s.Guests }

// MayAnswerLive reports whether the caller may write the answer to a live
// question afterwards: the contribution's speakers (isSpeaker) and the
// event's moderators.
func (a Access) MayAnswerLive(isSpeaker bool) bool { return isSpeaker || a.CanModerate() }

// MayExportLive reports whether the caller may export a contribution's
// questions and poll results with who asked: the event's moderators and
// managers.
func (a Access) MayExportLive() bool { return a.CanModerate() }

// CanWriteMinutes reports whether the caller writes the event's minutes
// and photos and sees its drafts: its managers and moderators, the team in
// the room.
func (a Access) CanWriteMinutes() bool { return a.CanManage() || a.Has(RoleModerator) }

// CanSeeMinutes reports whether the caller may read minutes in a state:
// published and locked minutes whoever sees the event, drafts the team.
func (a Access) CanSeeMinutes(status string) bool {
	return status != MinutesDraft || a.CanWriteMinutes()
}

// CanSeeMaterial reports whether the caller may see a material of the
// given visibility; speaker says they speak at the event.
func (a Access) CanSeeMaterial(visibility string, speaker bool) bool {
	switch visibility {
	case SeenByEveryone:
		return true
	case SeenByParticipants:
		return a.Registered || speaker || len(a.Roles) > 0 || a.User.IsAdministrator()
	case SeenBySpeakers:
		return speaker || a.CanManage()
	}
	return a.CanManage()
}

// CanUploadMaterial reports whether the caller may add a material to a
// contribution or session, or a version to one: the event's managers, and
// the speakers of that contribution (speaker).
func (a Access) CanUploadMaterial(speaker bool) bool { return a.CanManage() || speaker }

// CanSeeReport reports whether the caller may read the event's report in
// a state: published, whoever sees the event; a draft, its managers.
func (a Access) CanSeeReport(status string) bool {
	return status == ReportPublished || a.CanManage()
}

// MayEditNews reports whether u writes the site's news: its
// administrators.
func (u *User) MayEditNews() bool { return u.IsAdministrator() }
