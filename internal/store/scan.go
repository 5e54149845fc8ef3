package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// timeLayout stores times as UTC text of fixed width on SQLite, so that
// comparing the text compares the times. PostgreSQL reads the same text
// into its timestamptz columns.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// ts turns a time into a query argument; the zero time becomes NULL.
func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// timeCol scans a time column from either database into a time.Time; NULL
// becomes the zero time.
type timeCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("store: scan time: unexpected %T", src)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("store: scan time %q: %w", s, err)
	}
	*c.t = t.UTC()
	return nil
}

// jsonText turns a value into a JSON text argument. It is used only with
// values that always encode, such as maps and slices of strings.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encode json: %v", err))
	}
	return string(b)
}

// jsonCol scans a JSON text column into the value it points to; NULL and the
// empty text leave it untouched.
type jsonCol struct{ v any }

// Scan implements sql.Scanner.
func (c jsonCol) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("store: scan json: unexpected %T", src)
	}
	if len(b) == 0 {
		return nil
	}
	if err := json.Unmarshal(b, c.v); err != nil {
		return fmt.Errorf("store: scan json: %w", err)
	}
	return nil
}
