package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"symposium"
	"symposium/internal/store"
)

// CategoryInput creates a registration category.
type CategoryInput struct {
	Name             symposium.LocalizedText `json:"name"`
	Capacity         *int                    `json:"capacity,omitempty" minimum:"0" doc:"Seats; absent means unlimited."`
	RequiresApproval bool                    `json:"requires_approval,omitempty"`
	Waitlist         bool                    `json:"waitlist,omitempty"`
	OpensAt          *time.Time              `json:"opens_at,omitempty"`
	ClosesAt         *time.Time              `json:"closes_at,omitempty"`
	Price            string                  `json:"price,omitempty" maxLength:"100"`
}

// RegistrationInput registers someone for an event.
type RegistrationInput struct {
	CategoryID   string                  `json:"category_id" maxLength:"64"`
	Email        string                  `json:"email" maxLength:"254"`
	Name         symposium.LocalizedText `json:"name"`
	Organization string                  `json:"organization,omitempty" maxLength:"300"`
	Country      string                  `json:"country,omitempty" maxLength:"2"`
	Answers      map[string]string       `json:"answers,omitempty" doc:"Answers keyed by question key; several choices joined by commas."`
	Listed       bool                    `json:"listed,omitempty" doc:"Agree to appear on the participant list."`
	PhotoConsent string                  `json:"photo_consent,omitempty" enum:"yes,no," doc:"Agree to appear in the event's photos: yes, no, or absent for not answered."`
	Language     string                  `json:"language,omitempty" enum:"en,zh,kk,ru" doc:"The language of the mails; default: the request's."`
}

// RegistrationOutput is a new registration: its status, its ticket when
// confirmed, and the secret of its manage link, given this once.
type RegistrationOutput struct {
	*symposium.Registration
	ManageToken string `json:"manage_token,omitempty" doc:"Given when the caller is signed in with the registration's email, verified; otherwise it is mailed. Pass as token to cancel without signing in."`
}

// ChangeInput optionally carries a registration's manage token.
type ChangeInput struct {
	Token string `json:"token,omitempty" maxLength:"100"`
}

func (a *API) registrationRoutes() {
	huma.Register(a.huma, a.authed(created(op("create-category", http.MethodPost, "/events/{slug}/registration-categories", "Add a registration category", "Registration"))), a.createCategory)
	huma.Register(a.huma, op("list-categories", http.MethodGet, "/events/{slug}/registration-categories", "The registration categories with their counts", "Registration"), a.listCategories)
	huma.Register(a.huma, created(op("register", http.MethodPost, "/events/{slug}/registrations",
		"Register: confirmed while seats are free, else waitlisted or 409; pending where approval is needed", "Registration")), a.register)
	huma.Register(a.huma, a.authed(op("list-registrations", http.MethodGet, "/events/{slug}/registrations", "The event's registrations, for its managers", "Registration")), a.listRegistrations)
	for _, change := range []string{store.ChangeCancel, store.ChangeApprove, store.ChangeReject} {
		o := op(change+"-registration", http.MethodPost, "/registrations/{id}/"+change, registrationChangeDoc[change], "Registration")
		if change != store.ChangeCancel { // a registrant cancels with the manage link's token, signed in or not
			o = a.authed(o)
		}
		huma.Register(a.huma, o, a.changeRegistration(change))
	}
	a.manageConsentRoute()
	huma.Register(a.huma, a.authed(op("check-in", http.MethodPost, "/events/{slug}/checkins", "Check a ticket in: 200 the first time, 409 after, 404 for an unknown or forged ticket", "Registration")), a.checkIn)
}

var registrationChangeDoc = map[string]string{
	store.ChangeCancel:  "Cancel a registration (the registrant with its token or account, or a manager); the freed seat goes to the waiting list",
	store.ChangeApprove: "Approve a pending registration (managers)",
	store.ChangeReject:  "Reject a registration (managers); a freed seat goes to the waiting list",
}

func (a *API) createCategory(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body CategoryInput
}) (*struct{ Body *symposium.Category }, error) {
	b := in.Body
	c := &symposium.Category{Name: b.Name, Capacity: b.Capacity, RequiresApproval: b.RequiresApproval,
		Waitlist: b.Waitlist, OpensAt: b.OpensAt, ClosesAt: b.ClosesAt, Price: b.Price}
	if err := a.Registration.CreateCategory(ctx, symposium.UserFromContext(ctx), in.Slug, c); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Category }{Body: c}, nil
}

func (a *API) listCategories(ctx context.Context, in *slugPath) (*struct{ Body List[symposium.Category] }, error) {
	list, err := a.Registration.Categories(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Category] }{Body: List[symposium.Category]{Items: list}}, nil
}

func (a *API) register(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body RegistrationInput
}) (*struct{ Body RegistrationOutput }, error) {
	b := in.Body
	lang := b.Language
	if lang == "" {
		lang = symposium.LanguageFromContext(ctx)
	}
	r := &symposium.Registration{CategoryID: b.CategoryID, Email: b.Email, Name: b.Name, Organization: b.Organization,
		Country: b.Country, Answers: b.Answers, Listed: b.Listed, Language: lang, PhotoConsent: b.PhotoConsent}
	_, manage, err := a.Registration.Register(ctx, symposium.UserFromContext(ctx), in.Slug, r)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	if !r.EmailConfirmed {
		manage = "" // the link goes only to the address: opening it proves the address
	}
	return &struct{ Body RegistrationOutput }{Body: RegistrationOutput{Registration: r, ManageToken: manage}}, nil
}

func (a *API) listRegistrations(ctx context.Context, in *struct {
	Slug   string `path:"slug" maxLength:"64"`
	Status string `query:"status" enum:"confirmed,waitlisted,pending,cancelled,rejected,"`
	ListInput
	SinceInput
}) (*struct{ Body List[symposium.Registration] }, error) {
	q := store.RegistrationQuery{Status: in.Status, Limit: in.Limit, Cursor: in.Cursor, ModifiedSince: in.ModifiedSince}
	list, next, err := a.Registration.Registrations(ctx, symposium.UserFromContext(ctx), in.Slug, q)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body List[symposium.Registration] }{Body: List[symposium.Registration]{Items: list, Next: next}}, nil
}

// changeRegistration answers one kind of change. Cancelling is open to the
// registrant (by the manage token, or signed in with the same email,
// verified) and to managers; approving and rejecting to managers. Check-in
// staff get 403; anyone else gets 404.
func (a *API) changeRegistration(change string) func(context.Context, *struct {
	ID   string `path:"id" maxLength:"64"`
	Body *ChangeInput
}) (*struct{ Body *symposium.Registration }, error) {
	return func(ctx context.Context, in *struct {
		ID   string `path:"id" maxLength:"64"`
		Body *ChangeInput
	}) (*struct{ Body *symposium.Registration }, error) {
		token := ""
		if in.Body != nil {
			token = in.Body.Token
		}
		changed, err := a.Registration.Change(ctx, symposium.UserFromContext(ctx), in.ID, change, token)
		if err != nil {
			return nil, a.fail(ctx, err)
		}
		return &struct{ Body *symposium.Registration }{Body: changed}, nil
	}
}

// CheckInInput is a scanned ticket.
type CheckInInput struct {
	Ticket string `json:"ticket" maxLength:"200"`
}

func (a *API) checkIn(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body CheckInInput
}) (*struct{ Body *symposium.Registration }, error) {
	r, err := a.Registration.CheckIn(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Ticket)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Registration }{Body: r}, nil
}

// QuestionsBody is an event's registration form.
type QuestionsBody struct {
	Questions []symposium.Question `json:"questions"`
}

func (a *API) questionRoutes() {
	huma.Register(a.huma, a.authed(op("set-questions", http.MethodPut, "/events/{slug}/registration-questions",
		"Replace the questions of the registration form", "Registration")), a.setQuestions)
	huma.Register(a.huma, op("get-questions", http.MethodGet, "/events/{slug}/registration-questions",
		"The questions of the registration form", "Registration"), a.getQuestions)
}

func (a *API) setQuestions(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body QuestionsBody
}) (*struct{ Body QuestionsBody }, error) {
	qs, err := a.Registration.SetQuestions(ctx, symposium.UserFromContext(ctx), in.Slug, func([]symposium.Question) []symposium.Question {
		return in.Body.Questions
	})
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body QuestionsBody }{Body: QuestionsBody{Questions: qs}}, nil
}

func (a *API) getQuestions(ctx context.Context, in *slugPath) (*struct{ Body QuestionsBody }, error) {
	qs, err := a.Registration.Questions(ctx, symposium.UserFromContext(ctx), in.Slug)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body QuestionsBody }{Body: QuestionsBody{Questions: qs}}, nil
}

// CategoryPatch changes a category; absent fields stay as they are.
type CategoryPatch struct {
	Name             symposium.LocalizedText `json:"name,omitempty"`
	Capacity         *int                    `json:"capacity,omitempty" minimum:"0" doc:"Raising it promotes from the waiting list."`
	Unlimited        bool                    `json:"unlimited,omitempty" doc:"Remove the capacity."`
	RequiresApproval *bool                   `json:"requires_approval,omitempty"`
	Waitlist         *bool                   `json:"waitlist,omitempty"`
	OpensAt          *time.Time              `json:"opens_at,omitempty"`
	ClosesAt         *time.Time              `json:"closes_at,omitempty"`
	Price            *string                 `json:"price,omitempty" maxLength:"100"`
}

// CapacityInput sets an event's overall capacity.
type CapacityInput struct {
	Capacity *int `json:"capacity,omitempty" minimum:"0" doc:"Across all categories; absent for unlimited. Raising it promotes from the waiting lists."`
}

func (a *API) categoryRoutes() {
	huma.Register(a.huma, a.authed(op("update-category", http.MethodPatch, "/events/{slug}/registration-categories/{id}",
		"Change a registration category; a raised capacity promotes from the waiting list", "Registration")), a.updateCategory)
	huma.Register(a.huma, a.authed(op("set-capacity", http.MethodPut, "/events/{slug}/registration-capacity",
		"Set the event's overall capacity", "Registration")), a.setCapacity)
}

func (a *API) updateCategory(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	ID   string `path:"id" maxLength:"64"`
	Body CategoryPatch
}) (*struct{ Body *symposium.Category }, error) {
	c, err := a.Registration.UpdateCategory(ctx, symposium.UserFromContext(ctx), in.Slug, in.ID, in.Body.apply)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Category }{Body: c}, nil
}

// apply copies the set fields onto c; a localized text replaces the
// languages it names and keeps the others.
func (b *CategoryPatch) apply(c *symposium.Category) {
	merge(c.Name, b.Name, &c.Name)
	if b.Capacity != nil {
		c.Capacity = b.Capacity
	}
	if b.Unlimited {
		c.Capacity = nil
	}
	set(&c.RequiresApproval, b.RequiresApproval)
	set(&c.Waitlist, b.Waitlist)
	if b.OpensAt != nil {
		c.OpensAt = b.OpensAt
	}
	if b.ClosesAt != nil {
		c.ClosesAt = b.ClosesAt
	}
	set(&c.Price, b.Price)
}

func (a *API) setCapacity(ctx context.Context, in *struct {
	Slug string `path:"slug" maxLength:"64"`
	Body CapacityInput
}) (*struct{ Body CapacityInput }, error) {
	if err := a.Registration.SetCapacity(ctx, symposium.UserFromContext(ctx), in.Slug, in.Body.Capacity); err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body CapacityInput }{Body: in.Body}, nil
}

// RegistrationPatch changes a registrant's details; absent fields stay.
type RegistrationPatch struct {
	Name         symposium.LocalizedText `json:"name,omitempty"`
	Organization *string                 `json:"organization,omitempty" maxLength:"300"`
	Country      *string                 `json:"country,omitempty" maxLength:"2"`
	Answers      map[string]string       `json:"answers,omitempty"`
	Listed       *bool                   `json:"listed,omitempty"`
}

func (a *API) editRegistrationRoutes() {
	huma.Register(a.huma, a.authed(op("update-registration", http.MethodPatch, "/registrations/{id}",
		"Change a registrant's details (managers)", "Registration")), a.updateRegistration)
}

func (a *API) updateRegistration(ctx context.Context, in *struct {
	ID   string `path:"id" maxLength:"64"`
	Body RegistrationPatch
}) (*struct{ Body *symposium.Registration }, error) {
	r, err := a.Registration.Edit(ctx, symposium.UserFromContext(ctx), in.ID, in.Body.apply)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &struct{ Body *symposium.Registration }{Body: r}, nil
}

// apply copies the set fields onto r; a localized text replaces the
// languages it names and keeps the others.
func (b *RegistrationPatch) apply(r *symposium.Registration) {
	merge(r.Name, b.Name, &r.Name)
	set(&r.Organization, b.Organization)
	set(&r.Country, b.Country)
	set(&r.Listed, b.Listed)
	if b.Answers != nil {
		r.Answers = b.Answers
	}
}
