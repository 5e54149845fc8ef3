package api

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/outcomes"
)

// MinutesInput saves minutes: the text in the event's languages, with key
// messages on lines starting "! ", and their state.
type MinutesInput struct {
	Body     symposium.LocalizedText `json:"body" doc:"A small Markdown subset: paragraphs, - lists, # headings, **strong**, *emphasis*; a line starting \"! \" is a key message."`
	Status   string                  `json:"status,omitempty" enum:"draft,published,locked"`
	Revision *int                    `json:"revision,omitempty" minimum:"0" doc:"The revision the text was written from; without If-Match, a later stored revision answers 409."`
}

// MinutesOutput is minutes with their ETag and, for the team, every
// revision.
type MinutesOutput struct {
	ETag string `header:"ETag"`
	Body struct {
		Minutes   *symposium.Minutes          `json:"minutes"`
		Revisions []symposium.MinutesRevision `json:"revisions,omitempty"`
	}
}

type minutesPath struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
}

func (a *API) minutesRoutes() {
	for _, kind := range []string{"contributions", "sessions"} {
		session := kind == "sessions"
		huma.Register(a.huma, op("get-"+kind[:len(kind)-1]+"-minutes", http.MethodGet, "/events/{slug}/"+kind+"/{id}/minutes",
			"The minutes; drafts and revisions for the event's team only", "Outcomes"),
			func(ctx context.Context, in *minutesPath) (*MinutesOutput, error) {
				pg, err := a.Outcomes.Minutes(ctx, symposium.UserFromContext(ctx), outcomes.Subject{Slug: in.Slug, ID: in.ID, Session: session})
				return a.minutesOut(ctx, pg, err)
			})
		huma.Register(a.huma, a.authed(op("put-"+kind[:len(kind)-1]+"-minutes", http.MethodPut, "/events/{slug}/"+kind+"/{id}/minutes",
			"Save the minutes as their next revision; 412 when If-Match names an older one, 409 when the body's revision does, 409 when locked", "Outcomes")),
			func(ctx context.Context, in *struct {
				Slug    string `path:"slug" maxLength:"64"`
				ID      string `path:"id" maxLength:"64"`
				IfMatch string `header:"If-Match" doc:"The ETag of the revision the text was written from."`
				Body    MinutesInput
			}) (*MinutesOutput, error) {
				base, ifMatch := 0, false
				if in.IfMatch != "" {
					rev, ok := outcomes.RevisionOf(in.IfMatch)
					if !ok {
						return nil, a.fail(ctx, symposium.Errorf(symposium.EPRECONDITION, "error.minutes_changed"))
					}
					base, ifMatch = rev, true
				} else if in.Body.Revision != nil {
					base = *in.Body.Revision
				}
				m := &symposium.Minutes{Body: in.Body.Body, Status: in.Body.Status}
				pg, err := a.Outcomes.SaveMinutes(ctx, symposium.UserFromContext(ctx), outcomes.Subject{Slug: in.Slug, ID: in.ID, Session: session}, m, base, ifMatch)
				return a.minutesOut(ctx, pg, err)
			})
	}
	huma.Register(a.huma, op("get-event-minutes", http.MethodGet, "/events/{slug}/minutes",
		"The whole event's minutes the caller may read, in programme order", "Outcomes"), a.compiledMinutes)
}

// minutesOut answers minutes, or 404 when there are none the caller may
// read.
func (a *API) minutesOut(ctx context.Context, pg *outcomes.MinutesPage, err error) (*MinutesOutput, error) {
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if pg.Minutes == nil {
		return nil, a.fail(ctx, symposium.NotFound())
	}
	out := &MinutesOutput{ETag: outcomes.ETag(pg.Minutes.Revision)}
	out.Body.Minutes, out.Body.Revisions = pg.Minutes, pg.Revisions
	return out, nil
}

// CompiledMinutes is one entry of the event's minutes.
type CompiledMinutes struct {
	ContributionID string                  `json:"contribution_id,omitempty"`
	SessionID      string                  `json:"session_id,omitempty"`
	Title          symposium.LocalizedText `json:"title"`
	StartsAt       *time.Time              `json:"starts_at,omitempty"`
	Minutes        *symposium.Minutes      `json:"minutes"`
}

func (a *API) compiledMinutes(ctx context.Context, in *slugPath) (*struct{ Body List[CompiledMinutes] }, error) {
	c, err := a.Outcomes.CompiledMinutes(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	items := []CompiledMinutes{}
	for _, e := range c.Entries {
		items = append(items, CompiledMinutes{ContributionID: e.Contribution.ID, Title: e.Contribution.Title, StartsAt: e.Contribution.StartsAt, Minutes: e.Minutes})
	}
	for _, s := range c.Sessions {
		items = append(items, CompiledMinutes{SessionID: s.Session.ID, Title: s.Session.Title, Minutes: s.Minutes})
	}
	return &struct{ Body List[CompiledMinutes] }{Body: List[CompiledMinutes]{Items: items}}, nil
}

// MaterialInput uploads a material: the file as base64, its name, and who
// may see it.
type MaterialInput struct {
	ContributionID string                  `json:"contribution_id,omitempty"`
	SessionID      string                  `json:"session_id,omitempty"`
	Title          symposium.LocalizedText `json:"title,omitempty"`
	Visibility     string                  `json:"visibility,omitempty" enum:"everyone,participants,speakers,managers"`
	FileName       string                  `json:"file_name" maxLength:"200"`
	Content        []byte                  `json:"content" doc:"The file, base64-encoded; at most 20 MB."`
}

// VersionInput uploads a new version of a material's file.
type VersionInput struct {
	FileName string `json:"file_name" maxLength:"200"`
	Content  []byte `json:"content" doc:"The file, base64-encoded; at most 20 MB."`
}

// uploadBytes bounds the body of an upload: the largest file in base64,
// with room for the rest.
const uploadBytes = outcomes.MaxMaterialBytes*4/3 + 1<<16

// upload raises an operation's body limit to fit a file.
func upload(o huma.Operation) huma.Operation {
	o.MaxBodyBytes = uploadBytes
	return o
}

func (a *API) materialRoutes() {
	huma.Register(a.huma, op("list-materials", http.MethodGet, "/events/{slug}/materials", "The materials the caller may see", "Outcomes"), a.listMaterials)
	huma.Register(a.huma, a.authed(created(upload(op("create-material", http.MethodPost, "/events/{slug}/materials",
		"Upload a material: checked by content (PDF, PPTX, DOCX, XLSX, images, text), at most 20 MB", "Outcomes")))), a.createMaterial)
	huma.Register(a.huma, op("get-material", http.MethodGet, "/events/{slug}/materials/{id}", "A material with every version", "Outcomes"), a.getMaterial)
	huma.Register(a.huma, a.authed(created(upload(op("create-material-version", http.MethodPost, "/events/{slug}/materials/{id}/versions",
		"Upload a new version of a material's file; the earlier ones stay", "Outcomes")))), a.createMaterialVersion)
}

func (a *API) listMaterials(ctx context.Context, in *slugPath) (*struct{ Body List[*symposium.Material] }, error) {
	_, list, err := a.Outcomes.Materials(ctx, symposium.UserFromContext(ctx), in.Slug, nil)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if list == nil {
		list = []*symposium.Material{}
	}
	return &struct{ Body List[*symposium.Material] }{Body: List[*symposium.Material]{Items: list}}, nil
}

func (a *API) createMaterial(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body MaterialInput
}) (*struct{ Body *symposium.Material }, error) {
	b := in.Body
	m, err := a.Outcomes.AddMaterial(ctx, symposium.UserFromContext(ctx), in.Slug, outcomes.Target{ContributionID: b.ContributionID, SessionID: b.SessionID},
		outcomes.Upload{Title: b.Title, Visibility: b.Visibility, FileName: b.FileName, File: bytes.NewReader(b.Content)})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Material }{Body: m}, nil
}

// MaterialDetail is a material with every version.
type MaterialDetail struct {
	Material *symposium.Material         `json:"material"`
	Versions []symposium.MaterialVersion `json:"versions"`
}

func (a *API) getMaterial(ctx context.Context, in *minutesPath) (*struct{ Body MaterialDetail }, error) {
	d, err := a.Outcomes.Material(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body MaterialDetail }{Body: MaterialDetail{Material: d.Material, Versions: d.Versions}}, nil
}

func (a *API) createMaterialVersion(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body VersionInput
}) (*struct{ Body *symposium.Material }, error) {
	m, err := a.Outcomes.AddMaterialVersion(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID,
		outcomes.Upload{FileName: in.Body.FileName, File: bytes.NewReader(in.Body.Content)})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Material }{Body: m}, nil
}
