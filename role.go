package symposium

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
