package symposium

import "time"

// Mail is a message to one recipient, already written in their language.
type Mail struct {
	To      string `json:"to"`
	ToName  string `json:"to_name,omitempty"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html,omitempty"`
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
