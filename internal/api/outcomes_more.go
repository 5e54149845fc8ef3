package api

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
)

// PhotoInput uploads a photo of the event.
type PhotoInput struct {
	ContributionID string                  `json:"contribution_id,omitempty"`
	Caption        symposium.LocalizedText `json:"caption,omitempty"`
	Credit         string                  `json:"credit" doc:"The photographer."`
	Licence        string                  `json:"licence,omitempty" doc:"Such as CC BY 4.0."`
	InReport       bool                    `json:"in_report,omitempty" doc:"Show it in the event's report."`
	PersonIDs      []string                `json:"person_ids,omitempty" doc:"People in the photo; each must have agreed to photos at the event."`
	Content        []byte                  `json:"content" doc:"A JPEG, PNG or GIF, base64-encoded; at most 8 MB."`
}

// PhotoPatch changes a photo; absent fields stay.
type PhotoPatch struct {
	ContributionID *string                 `json:"contribution_id,omitempty"`
	Caption        symposium.LocalizedText `json:"caption,omitempty"`
	Credit         *string                 `json:"credit,omitempty"`
	Licence        *string                 `json:"licence,omitempty"`
	InReport       *bool                   `json:"in_report,omitempty"`
	PersonIDs      *[]string               `json:"person_ids,omitempty"`
}

// ConsentInput answers photo consent: yes, no, or "" to withdraw consent,
// which the log of consents records as no.
type ConsentInput struct {
	Consent string `json:"consent" enum:"yes,no," doc:"yes or no; empty withdraws consent, recorded as no. Reading, empty is not answered."`
}

func (a *API) outcomeRoutes() {
	huma.Register(a.huma, op("list-photos", http.MethodGet, "/events/{slug}/photos",
		"The event's photos the caller may see: without everyone's consent, a photo is the team's only", "Outcomes"), a.listPhotos)
	huma.Register(a.huma, a.authed(created(upload(op("create-photo", http.MethodPost, "/events/{slug}/photos",
		"Upload a photo: turned upright, resized, metadata stripped", "Outcomes")))), a.createPhoto)
	huma.Register(a.huma, a.authed(op("update-photo", http.MethodPatch, "/events/{slug}/photos/{id}", "Change a photo's caption, credit, tags", "Outcomes")), a.updatePhoto)
	huma.Register(a.huma, a.authed(noContent(op("delete-photo", http.MethodDelete, "/events/{slug}/photos/{id}", "Remove a photo", "Outcomes"))), a.deletePhoto)
	huma.Register(a.huma, a.authed(op("get-photo-consent", http.MethodGet, "/events/{slug}/photo-consent", "The caller's answer to photo consent", "Outcomes")), a.getConsent)
	huma.Register(a.huma, a.authed(op("put-photo-consent", http.MethodPut, "/events/{slug}/photo-consent",
		"Answer photo consent, or withdraw it", "Outcomes")), a.putConsent)
	a.agreementRoutes()
	a.reportRoutes()
	a.newsRoutes()
}

func (a *API) listPhotos(ctx context.Context, in *slugPath) (*struct{ Body List[*symposium.EventPhoto] }, error) {
	g, err := a.Outcomes.Photos(ctx, symposium.UserFromContext(ctx), in.Slug, "")
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	items := g.Photos
	if items == nil {
		items = []*symposium.EventPhoto{}
	}
	return &struct{ Body List[*symposium.EventPhoto] }{Body: List[*symposium.EventPhoto]{Items: items}}, nil
}

func (a *API) createPhoto(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body PhotoInput
}) (*struct{ Body *symposium.EventPhoto }, error) {
	b := in.Body
	ph := &symposium.EventPhoto{ContributionID: b.ContributionID, Caption: b.Caption, Credit: b.Credit, Licence: b.Licence, InReport: b.InReport, PersonIDs: b.PersonIDs}
	if ph.PersonIDs == nil {
		ph.PersonIDs = []string{}
	}
	var file *bytes.Reader
	if len(b.Content) > 0 {
		file = bytes.NewReader(b.Content)
	}
	out, err := a.Outcomes.AddPhoto(ctx, symposium.UserFromContext(ctx), in.Slug, ph, readerOrNil(file))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.EventPhoto }{Body: out}, nil
}

func (a *API) updatePhoto(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body PhotoPatch
}) (*struct{ Body *symposium.EventPhoto }, error) {
	b := in.Body
	out, err := a.Outcomes.UpdatePhoto(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, func(ph *symposium.EventPhoto) {
		merge(ph.Caption, b.Caption, &ph.Caption)
		set(&ph.ContributionID, b.ContributionID)
		set(&ph.Credit, b.Credit)
		set(&ph.Licence, b.Licence)
		set(&ph.InReport, b.InReport)
		set(&ph.PersonIDs, b.PersonIDs)
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.EventPhoto }{Body: out}, nil
}

func (a *API) deletePhoto(ctx context.Context, in *minutesPath) (*struct{}, error) {
	if err := a.Outcomes.DeletePhoto(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (a *API) getConsent(ctx context.Context, in *slugPath) (*struct{ Body ConsentInput }, error) {
	c, err := a.Outcomes.PhotoConsent(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body ConsentInput }{Body: ConsentInput{Consent: c}}, nil
}

func (a *API) putConsent(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body ConsentInput
}) (*struct{ Body ConsentInput }, error) {
	if err := a.Outcomes.SetPhotoConsent(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Consent); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body ConsentInput }{Body: in.Body}, nil
}

// AgreementInput creates an agreement, memorandum, joint project or
// follow-up that came out of the event.
type AgreementInput struct {
	Title           symposium.LocalizedText `json:"title"`
	Kind            string                  `json:"kind" enum:"mou,agreement,joint_project,follow_up"`
	Status          string                  `json:"status,omitempty" enum:"proposed,agreed,signed,in_progress,done,dropped"`
	Description     symposium.LocalizedText `json:"description,omitempty"`
	Due             string                  `json:"due,omitempty" doc:"A day, YYYY-MM-DD; owners are reminded a week before."`
	MeetingID       string                  `json:"meeting_id,omitempty" maxLength:"64" doc:"The matchmaking meeting it came from."`
	OrganizationIDs []string                `json:"organization_ids" maxItems:"50"`
	PersonIDs       []string                `json:"person_ids,omitempty" maxItems:"50"`
	OwnerEmails     []string                `json:"owner_emails,omitempty" maxItems:"20" doc:"Accounts that own it; by default its creator."`
}

// AgreementPatch changes an agreement; absent fields stay.
type AgreementPatch struct {
	Title           symposium.LocalizedText `json:"title,omitempty"`
	Kind            *string                 `json:"kind,omitempty" enum:"mou,agreement,joint_project,follow_up"`
	Status          *string                 `json:"status,omitempty" enum:"proposed,agreed,signed,in_progress,done,dropped"`
	Description     symposium.LocalizedText `json:"description,omitempty"`
	Due             *string                 `json:"due,omitempty"`
	OrganizationIDs *[]string               `json:"organization_ids,omitempty" maxItems:"50"`
	PersonIDs       *[]string               `json:"person_ids,omitempty" maxItems:"50"`
	OwnerEmails     []string                `json:"owner_emails,omitempty" maxItems:"20"`
}

// TrackerOutput is the cooperation across the caller's events.
type TrackerOutput struct {
	Items   []*symposium.Agreement `json:"items"`
	Overdue []string               `json:"overdue" doc:"IDs of open agreements past their due date."`
	Top     []TopOrganization      `json:"top_organizations"`
}

// TopOrganization is an organization and how many agreements name it.
type TopOrganization struct {
	Organization *symposium.Organization `json:"organization"`
	Agreements   int                     `json:"agreements"`
}

func (a *API) agreementRoutes() {
	huma.Register(a.huma, a.authed(created(op("create-agreement", http.MethodPost, "/events/{slug}/agreements",
		"Record an agreement, memorandum, joint project or follow-up", "Cooperation"))), a.createAgreement)
	huma.Register(a.huma, op("list-event-agreements", http.MethodGet, "/events/{slug}/agreements",
		"The event's agreements: all for its managers, signed ones for everyone", "Cooperation"), a.listEventAgreements)
	huma.Register(a.huma, a.authed(op("update-agreement", http.MethodPatch, "/events/{slug}/agreements/{id}", "Change an agreement", "Cooperation")), a.updateAgreement)
	huma.Register(a.huma, a.authed(op("list-agreements", http.MethodGet, "/agreements",
		"Agreements across the events the caller manages (administrators: all), with the overdue and the organizations cooperating most", "Cooperation")), a.listAgreements)
}

func (a *API) createAgreement(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body AgreementInput
}) (*struct{ Body *symposium.Agreement }, error) {
	b := in.Body
	out, err := a.Outcomes.SaveAgreement(ctx, symposium.UserFromContext(ctx), in.Slug, "", func(ag *symposium.Agreement) []string {
		*ag = symposium.Agreement{Title: b.Title, Kind: b.Kind, Status: b.Status, Description: b.Description, Due: b.Due, MeetingID: b.MeetingID,
			OrganizationIDs: orEmptyIDs(b.OrganizationIDs), PersonIDs: orEmptyIDs(b.PersonIDs)}
		return b.OwnerEmails
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Agreement }{Body: out}, nil
}

func (a *API) updateAgreement(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body AgreementPatch
}) (*struct{ Body *symposium.Agreement }, error) {
	b := in.Body
	out, err := a.Outcomes.SaveAgreement(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, func(ag *symposium.Agreement) []string {
		merge(ag.Title, b.Title, &ag.Title)
		merge(ag.Description, b.Description, &ag.Description)
		set(&ag.Kind, b.Kind)
		set(&ag.Status, b.Status)
		set(&ag.Due, b.Due)
		set(&ag.OrganizationIDs, b.OrganizationIDs)
		set(&ag.PersonIDs, b.PersonIDs)
		return b.OwnerEmails
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Agreement }{Body: out}, nil
}

func (a *API) listEventAgreements(ctx context.Context, in *slugPath) (*struct{ Body List[*symposium.Agreement] }, error) {
	c, err := a.Outcomes.EventAgreements(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.Agreement] }{Body: List[*symposium.Agreement]{Items: orEmptyList(c.Agreements)}}, nil
}

func (a *API) listAgreements(ctx context.Context, _ *struct{}) (*struct{ Body TrackerOutput }, error) {
	t, err := a.Outcomes.Agreements(ctx, symposium.UserFromContext(ctx), time.Now())
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := TrackerOutput{Items: orEmptyList(t.Agreements), Overdue: []string{}, Top: []TopOrganization{}}
	for _, o := range t.Overdue {
		out.Overdue = append(out.Overdue, o.ID)
	}
	for _, c := range t.Top {
		out.Top = append(out.Top, TopOrganization{Organization: c.Organization, Agreements: c.Count})
	}
	return &struct{ Body TrackerOutput }{Body: out}, nil
}

// orEmptyIDs makes a nil list of IDs empty.
func orEmptyIDs(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// orEmptyList makes a nil list encode as [].
func orEmptyList[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// readerOrNil returns r, or a nil interface for a nil reader, so that a
// missing file reads as missing.
func readerOrNil(r *bytes.Reader) interface{ Read([]byte) (int, error) } {
	if r == nil {
		return nil
	}
	return r
}
