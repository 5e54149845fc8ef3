package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/audit"
)

func (a *API) auditRoutes() {
	huma.Register(a.huma, a.authed(op("list-audit", http.MethodGet, "/audit", "The audit log of the whole site, newest first: administrators only", "Audit")), a.siteAudit)
	huma.Register(a.huma, a.authed(op("list-event-audit", http.MethodGet, "/events/{slug}/audit", "The audit log of an event, newest first: its managers", "Audit")), a.eventAudit)
}

func (a *API) siteAudit(ctx context.Context, in *ListInput) (*struct{ Body List[*symposium.AuditEntry] }, error) {
	p, err := a.Audit.Site(ctx, symposium.UserFromContext(ctx), in.Limit, in.Cursor)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return auditList(p), nil
}

func (a *API) eventAudit(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ListInput
}) (*struct{ Body List[*symposium.AuditEntry] }, error) {
	_, p, err := a.Audit.Event(ctx, symposium.UserFromContext(ctx), in.Slug, in.Limit, in.Cursor)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return auditList(p), nil
}

// auditList answers a page of the audit log.
func auditList(p *audit.Page) *struct{ Body List[*symposium.AuditEntry] } {
	return &struct{ Body List[*symposium.AuditEntry] }{Body: List[*symposium.AuditEntry]{Items: orEmpty(p.Entries), Next: p.Next}}
}
