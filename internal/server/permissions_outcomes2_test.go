package server_test

// outcomes2Rows are the rows of answering photo consent with a manage
// link: a forged link opens nothing, whoever is signed in.
func (w *world) outcomes2Rows() []perm {
	return []perm{
		{route: "PUT /api/v1/registrations/manage/photo-consent", path: "/api/v1/registrations/manage/photo-consent",
			body: `{"token":"forged","consent":"no"}`, want: every(404), action: "photo consent by manage link"},
		{route: "POST /registrations/manage", path: "/registrations/manage", body: "token=forged&action=photo_consent&photo_consent=no",
			want: every(404), action: "photo consent by manage link"},
	}
}
