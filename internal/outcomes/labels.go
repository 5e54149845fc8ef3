package outcomes

// Message keys of the values the report's PDF names.
var (
	orgKindKeys = map[string]string{
		"research_center": "org.kind.research_center", "university": "org.kind.university", "company": "org.kind.company",
		"government": "org.kind.government", "embassy": "org.kind.embassy", "media": "org.kind.media", "ngo": "org.kind.ngo",
		"event_company": "org.kind.event_company", "other": "org.kind.other",
	}
	orgRoleKeys = map[string]string{
		"organizer": "event.org_role.organizer", "co_sponsor": "event.org_role.co_sponsor",
		"host": "event.org_role.host", "partner": "event.org_role.partner",
	}
	agreementKindKeys = map[string]string{"mou": "agreements.kind.mou", "agreement": "agreements.kind.agreement",
		"joint_project": "agreements.kind.joint_project", "follow_up": "agreements.kind.follow_up"}
	agreementStatusKeys = map[string]string{"proposed": "agreements.status.proposed", "agreed": "agreements.status.agreed",
		"signed": "agreements.status.signed", "in_progress": "agreements.status.in_progress",
		"done": "agreements.status.done", "dropped": "agreements.status.dropped"}
)

// keyOr returns the key of value in table, or "" for none.
func keyOr(table map[string]string, value string) string { return table[value] }
