package web

import (
	"html/template"

	"symposium"
	"symposium/internal/matchmaking"
)

// Message keys of matchmaking's enumerations.
var (
	meetingStatusKeys = map[string]string{
		symposium.MeetingScheduled: "matchmaking.meeting.scheduled", symposium.MeetingHeld: "matchmaking.meeting.held",
		symposium.MeetingNoShow: "matchmaking.meeting.no_show", symposium.MeetingCancelled: "matchmaking.meeting.cancelled",
	}
	requestStatusKeys = map[string]string{
		symposium.RequestPending: "matchmaking.request.pending", symposium.RequestAccepted: "matchmaking.request.accepted",
		symposium.RequestDeclined: "matchmaking.request.declined", symposium.RequestCancelled: "matchmaking.request.cancelled",
	}
	priorityKeys = map[string]string{
		"3": "matchmaking.priority.must", "2": "matchmaking.priority.should", "1": "matchmaking.priority.could",
	}
	mmSettingsKeys = map[string]string{
		"periods": "matchmaking.settings.periods", "tables": "matchmaking.settings.tables",
		"interpreters": "matchmaking.settings.interpreters", "delegations": "matchmaking.settings.delegations",
	}
	mmSettingsHelpKeys = map[string]string{
		"periods": "matchmaking.settings.periods_help", "tables": "matchmaking.settings.tables_help",
		"interpreters": "matchmaking.settings.interpreters_help", "delegations": "matchmaking.settings.delegations_help",
	}
)

func init() {
	for action, key := range map[string]string{
		matchmaking.AuditSettings: "audit.action.matchmaking_settings", matchmaking.AuditProfile: "audit.action.matchmaking_profile",
		matchmaking.AuditRequest: "audit.action.matchmaking_request", matchmaking.AuditApprove: "audit.action.matchmaking_approve",
		matchmaking.AuditAnswer: "audit.action.matchmaking_answer", matchmaking.AuditPublish: "audit.action.matchmaking_publish",
		matchmaking.AuditMark: "audit.action.matchmaking_mark",
	} {
		auditActionKeys[action] = key
	}
}

// mmLabels are matchmaking's tables for label.
func mmLabels() map[string]map[string]string {
	return map[string]map[string]string{"meeting_status": meetingStatusKeys, "request_status": requestStatusKeys,
		"priority": priorityKeys, "mm_settings": mmSettingsKeys, "mm_settings_help": mmSettingsHelpKeys}
}

// TopicLabel returns the name of an OECD topic in the reader's language.
func (p *page) TopicLabel(code string) template.HTML {
	t, ok := symposium.TopicByCode(code)
	if !ok {
		return template.HTML(template.HTMLEscapeString(code))
	}
	return p.Text(t.Label)
}

// mmCardData is what the mm_card template sees.
type mmCardData struct {
	Page *page
	Card *matchmaking.Card
}

// mmCard bundles the page with a profile card: {{template "mm_card" mmcard $ .Card}}.
func mmCard(p *page, c *matchmaking.Card) mmCardData { return mmCardData{Page: p, Card: c} }

// mmRequestsData is what the mm_request_list template sees.
type mmRequestsData struct {
	Page     *page
	List     []*symposium.MeetingRequest
	Received bool
	Names    map[string]symposium.LocalizedText
	Manager  bool
	Approval bool
}

// mmRequests bundles the page with a list of requests of the requests
// page: {{template "mm_request_list" (mmreqs $ .In true)}}.
func mmRequests(p *page, list []*symposium.MeetingRequest, received bool) mmRequestsData {
	d := mmRequestsData{Page: p, List: list, Received: received}
	if v, ok := p.Data.(mmView); ok {
		if rs, ok := v.Data.(*matchmaking.Requests); ok {
			d.Names, d.Manager, d.Approval = rs.Names, rs.Page.IsManager(), rs.Page.Matchmaking.Approval
		}
	}
	return d
}
