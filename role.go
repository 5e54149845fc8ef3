package symposium

import "slices"

// Per-event roles.
const (
	RoleManager   = "manager"
	RoleReviewer  = "reviewer"
	RoleCheckin   = "checkin"
	RoleModerator = "moderator"
)

// EventRoles lists the roles an account can hold at an event.
var EventRoles = []string{RoleManager, RoleReviewer, RoleCheckin, RoleModerator}

// EventRole is a role an account holds at an event.
type EventRole struct {
	EventID string `json:"event_id"`
	UserID  string `json:"user_id"`
	Email   string `json:"email"`
	Name    string `json:"name"`
	Role    string `json:"role"`
}

// Access is what one caller may do at one event: who they are (nil when
// anonymous) and the roles they hold there.
type Access struct {
	User  *User
	Roles []string
	// Registered says the caller holds a live registration (confirmed,
	// waitlisted or pending) under their account's email.
	Registered bool
}

// Has reports whether the caller holds role at the event; site
// administrators hold every role.
func (a Access) Has(role string) bool {
	if a.User != nil && a.User.IsAdmin {
		return true
	}
	return slices.Contains(a.Roles, role)
}

// CanManage reports whether the caller may change the event.
func (a Access) CanManage() bool { return a.Has(RoleManager) }

// CanSee reports whether the caller may see the event at all: everyone may
// see a public published event; anyone else sees it only with a role there
// or a registration for it. A restricted or draft event answers "not
// found" to everyone else.
func (a Access) CanSee(e *Event) bool {
	if e.IsPublic() {
		return true
	}
	return (a.User != nil && a.User.IsAdmin) || len(a.Roles) > 0 || a.Registered
}
