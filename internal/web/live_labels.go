package web

import "symposium"

// Message keys of live questions' statuses, poll statuses and moderation
// actions, written out in full so that the catalog test finds every key.
var (
	liveStatusKeys = map[string]string{
		"visible": "live.status.visible", "pending": "live.status.pending", "hidden": "live.status.hidden", "merged": "live.status.merged",
	}
	pollStatusKeys = map[string]string{
		"draft": "live.poll.status.draft", "open": "live.poll.status.open", "closed": "live.poll.status.closed",
	}
	liveModKeys = map[string]string{
		"approve": "live.mod.approve", "hide": "live.mod.hide", "pin": "live.mod.pin", "unpin": "live.mod.unpin",
		"answered": "live.mod.answered", "merge": "live.mod.merge",
	}
)

// init names the audit log's actions of live questions.
func init() {
	auditActionKeys[symposium.AuditLiveSettings] = "audit.action.live_settings"
	auditActionKeys[symposium.AuditLiveModeration] = "audit.action.live_moderation"
	auditActionKeys[symposium.AuditLivePoll] = "audit.action.live_poll"
}
