package symposium

import "time"

// Mail is a message to one recipient, already written in their language.
type Mail struct {
	To          string       `json:"to"`
	ToName      string       `json:"to_name,omitempty"`
	Subject     string       `json:"subject"`
	Text        string       `json:"text"`
	HTML        string       `json:"html,omitempty"`
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment is a file sent with a mail. Files made from data the server
// holds — a QR code, an event's calendar — are kept as what they are made
// from and made only when the mail is sent, so that queuing a mail in a
// registration rush stays cheap.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data,omitempty"`
	QR          string `json:"qr,omitempty"`    // text to draw as a QR code PNG
	Event       string `json:"event,omitempty"` // ID of an event whose calendar to attach
	Lang        string `json:"lang,omitempty"`  // the calendar's language
	// ContentID, when set, sends the file inline, for the HTML part to
	// show as cid:ContentID, such as a ticket's QR code.
	ContentID string `json:"content_id,omitempty"`
}

// OutboxMail is a message in the outbox with its delivery state: waiting,
// sent, or failed for good after its retries.
type OutboxMail struct {
	ID            string    `json:"id"`
	Mail          Mail      `json:"mail"`
	CreatedAt     time.Time `json:"created_at"`
	Attempts      int       `json:"attempts"`
	NextAttemptAt time.Time `json:"next_attempt_at"`
	SentAt        time.Time `json:"sent_at"`
	FailedAt      time.Time `json:"failed_at"`
	LastError     string    `json:"last_error,omitempty"`
}
