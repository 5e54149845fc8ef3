package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/outcomes"
)

// ReportInput changes what the team writes of the report; absent fields
// stay.
type ReportInput struct {
	Status         *string                 `json:"status,omitempty" enum:"draft,published" doc:"published makes the report public."`
	Introduction   symposium.LocalizedText `json:"introduction,omitempty"`
	Conclusion     symposium.LocalizedText `json:"conclusion,omitempty"`
	HiddenSections *[]string               `json:"hidden_sections,omitempty" doc:"Sections switched off: overview, organizers, figures, addresses, photos, cooperation."`
}

// ReportOutput is the report's edited part with its figures.
type ReportOutput struct {
	Report  *symposium.Report   `json:"report"`
	Figures *outcomes.Figures   `json:"figures"`
	Photos  []string            `json:"photo_ids"`
	Agreed  []string            `json:"agreement_ids"`
	Address []map[string]string `json:"addresses" doc:"The contributions whose key messages the report shows."`
}

func (a *API) reportRoutes() {
	huma.Register(a.huma, op("get-report", http.MethodGet, "/events/{slug}/report",
		"The event's report with its figures; 404 before publishing except for managers", "Outcomes"), a.getReport)
	huma.Register(a.huma, a.authed(op("put-report", http.MethodPut, "/events/{slug}/report",
		"Edit, switch sections of, publish or withdraw the report", "Outcomes")), a.putReport)
	huma.Register(a.huma, op("get-report-figures", http.MethodGet, "/events/{slug}/report/figures",
		"The figures behind the report's charts", "Outcomes"), a.getFigures)
}

func (a *API) getReport(ctx context.Context, in *slugPath) (*struct{ Body ReportOutput }, error) {
	v, err := a.Outcomes.Report(ctx, symposium.UserFromContext(ctx), in.Slug)
	return a.reportOut(ctx, v, err)
}

func (a *API) putReport(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body ReportInput
}) (*struct{ Body ReportOutput }, error) {
	b := in.Body
	v, err := a.Outcomes.SaveReport(ctx, symposium.UserFromContext(ctx), in.Slug, func(r *symposium.Report) {
		set(&r.Status, b.Status)
		merge(r.Introduction, b.Introduction, &r.Introduction)
		merge(r.Conclusion, b.Conclusion, &r.Conclusion)
		set(&r.HiddenSections, b.HiddenSections)
	})
	return a.reportOut(ctx, v, err)
}

// reportOut answers a report view.
func (a *API) reportOut(ctx context.Context, v *outcomes.ReportView, err error) (*struct{ Body ReportOutput }, error) {
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	out := ReportOutput{Report: v.Report, Figures: v.Figures, Photos: []string{}, Agreed: []string{}, Address: []map[string]string{}}
	for _, ph := range v.Photos {
		out.Photos = append(out.Photos, ph.ID)
	}
	for _, ag := range v.Cooperation.Agreements {
		out.Agreed = append(out.Agreed, ag.ID)
	}
	for _, ad := range v.Addresses {
		out.Address = append(out.Address, map[string]string{"contribution_id": ad.Contribution.ID})
	}
	return &struct{ Body ReportOutput }{Body: out}, nil
}

func (a *API) getFigures(ctx context.Context, in *slugPath) (*struct{ Body *outcomes.Figures }, error) {
	f, err := a.Outcomes.ReportFigures(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *outcomes.Figures }{Body: f}, nil
}

// NewsInput writes a post of the site's news.
type NewsInput struct {
	Title  symposium.LocalizedText `json:"title"`
	Body   symposium.LocalizedText `json:"body" doc:"The same small Markdown subset as minutes."`
	Status string                  `json:"status,omitempty" enum:"draft,published"`
}

// NewsPatch changes a post; absent fields stay.
type NewsPatch struct {
	Title  symposium.LocalizedText `json:"title,omitempty"`
	Body   symposium.LocalizedText `json:"body,omitempty"`
	Status *string                 `json:"status,omitempty" enum:"draft,published"`
}

func (a *API) newsRoutes() {
	huma.Register(a.huma, op("list-news", http.MethodGet, "/news", "The site's news: published posts, and drafts for its editors", "News"), a.listNews)
	huma.Register(a.huma, a.authed(created(op("create-news", http.MethodPost, "/news", "Write a post, for the site's editors", "News"))), a.createNews)
	huma.Register(a.huma, op("get-news", http.MethodGet, "/news/{id}", "A post of the site's news", "News"), a.getNews)
	huma.Register(a.huma, a.authed(op("update-news", http.MethodPatch, "/news/{id}", "Change a post", "News")), a.updateNews)
}

func (a *API) listNews(ctx context.Context, _ *struct{}) (*struct{ Body List[*symposium.NewsPost] }, error) {
	list, err := a.Outcomes.NewsPosts(ctx, symposium.UserFromContext(ctx))
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[*symposium.NewsPost] }{Body: List[*symposium.NewsPost]{Items: orEmptyList(list)}}, nil
}

func (a *API) createNews(ctx context.Context, in *struct{ Body NewsInput }) (*struct{ Body *symposium.NewsPost }, error) {
	b := in.Body
	n, err := a.Outcomes.SaveNews(ctx, symposium.UserFromContext(ctx), "", func(n *symposium.NewsPost) {
		n.Title, n.Body, n.Status = b.Title, b.Body, b.Status
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.NewsPost }{Body: n}, nil
}

func (a *API) getNews(ctx context.Context, in *idPath) (*struct{ Body *symposium.NewsPost }, error) {
	n, err := a.Outcomes.NewsPost(ctx, symposium.UserFromContext(ctx), in.ID)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.NewsPost }{Body: n}, nil
}

func (a *API) updateNews(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body NewsPatch
}) (*struct{ Body *symposium.NewsPost }, error) {
	b := in.Body
	n, err := a.Outcomes.SaveNews(ctx, symposium.UserFromContext(ctx), in.ID, func(n *symposium.NewsPost) {
		merge(n.Title, b.Title, &n.Title)
		merge(n.Body, b.Body, &n.Body)
		set(&n.Status, b.Status)
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.NewsPost }{Body: n}, nil
}
