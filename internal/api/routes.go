package api

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// routes is the API's route table.
func (a *API) routes() {
	huma.Register(a.huma, op("get-me", http.MethodGet, "/me", "The signed-in account", "Accounts"), a.me)
	a.tokenRoutes()
	a.eventRoutes()
	a.roleRoutes()
	a.peopleRoutes()
	a.programmeRoutes()
	a.registrationRoutes()
	a.questionRoutes()
	a.invitationRoutes()
	a.categoryRoutes()
	a.editRegistrationRoutes()
	a.searchRoutes()
	a.mergeRoutes()
	a.callRoutes()
	a.abstractRoutes()
	a.reviewRoutes()
	a.reviewerRoutes()
	a.auditRoutes()
	a.userRoutes()
	a.privacyRoutes()
	a.overviewRoutes()
	a.matchmakingRoutes()
	a.liveRoutes()
	a.minutesRoutes()
	a.materialRoutes()
	a.outcomeRoutes()
	a.webhookRoutes()
}
