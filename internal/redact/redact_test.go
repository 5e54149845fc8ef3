package redact

import "testing"

func TestPath(t *testing.T) {
	tests := []struct{ pattern, path, want string }{
		{"GET /invitations/{token}", "/invitations/abc123", "/invitations/[redacted]"},
		{"POST /invitations/{token}", "/invitations/abc123", "/invitations/[redacted]"},
		{"GET /invitations/{token}/decline", "/invitations/abc/decline", "/invitations/[redacted]/decline"},
		{"GET /links/{manage_token}", "/links/abc", "/links/[redacted]"},
		{"GET /keys/{apiKey}", "/keys/abc", "/keys/[redacted]"},
		{"GET /files/{token...}", "/files/a/b/c", "/files/[redacted]"},
		{"GET example.org/invitations/{token}", "/invitations/abc", "/invitations/[redacted]"},
		{"GET /events/{slug}", "/events/astana-2024", "/events/astana-2024"},
		{"GET /people/{id}/photo", "/people/01a2/photo", "/people/01a2/photo"},
		{"/", "/invitations/abc", "/invitations/abc"},
		{"", "/anything/abc", "/anything/abc"},
		{"GET /invitations/{token}", "/invitations/", "/invitations/[redacted]"},
	}
	for _, tt := range tests {
		if got := Path(tt.pattern, tt.path); got != tt.want {
			t.Errorf("Path(%q, %q) = %q; want %q", tt.pattern, tt.path, got, tt.want)
		}
	}
}

// TestEmails checks that addresses quoted in a message from elsewhere
// leave the log redacted, and the rest of the message stays.
func TestEmails(t *testing.T) {
	got := Emails("550 5.1.1 <ada.lovelace+cfp@mail.example.kz>: recipient rejected; cc b_2@x.org")
	want := "550 5.1.1 <[redacted]>: recipient rejected; cc [redacted]"
	if got != want {
		t.Errorf("Emails = %q, want %q", got, want)
	}
}
