package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"time"
)

// normalize turns a value as either database's driver returns it into one
// Go value per kind: nil, time.Time in UTC to the microsecond, bool, int64,
// float64, []byte or string. SQLite hands times back as text and booleans
// as integers; PostgreSQL as time.Time and bool.
func normalize(k Kind, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch k {
	case KindTime:
		return normalizeTime(v)
	case KindBool:
		switch b := v.(type) {
		case bool:
			return b, nil
		case int64:
			return b != 0, nil
		case string:
			return strconv.ParseBool(b)
		}
	case KindInt:
		switch n := v.(type) {
		case int64:
			return n, nil
		case int32:
			return int64(n), nil
		case string:
			return strconv.ParseInt(n, 10, 64)
		}
	case KindFloat:
		switch f := v.(type) {
		case float64:
			return f, nil
		case int64:
			return float64(f), nil
		case string:
			return strconv.ParseFloat(f, 64)
		}
	case KindBytes:
		switch b := v.(type) {
		case []byte:
			return b, nil
		case string:
			return []byte(b), nil
		}
	case KindText, KindJSON:
		switch s := v.(type) {
		case string:
			return s, nil
		case []byte:
			return string(s), nil
		case map[string]any, []any:
			b, err := json.Marshal(s)
			return string(b), err
		}
	}
	return nil, fmt.Errorf("unexpected %T for a %s column", v, k)
}

func normalizeTime(v any) (any, error) {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case string:
		p, err := time.Parse(time.RFC3339Nano, x)
		if err != nil {
			return nil, err
		}
		t = p
	case []byte:
		return normalizeTime(string(x))
	default:
		return nil, fmt.Errorf("unexpected %T for a time", v)
	}
	return t.UTC().Truncate(time.Microsecond), nil
}

// encodeFor turns a normalized value into an argument for the dialect:
// SQLite keeps times as fixed-width UTC text and booleans as 0 or 1.
func encodeFor(d dialect, v any) any {
	if d.name == "postgres" {
		return v
	}
	switch x := v.(type) {
	case time.Time:
		return x.Format(timeLayout)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

// canonical writes a normalized value as the text the checksum hashes, the
// same whichever database it came from. JSON is re-encoded, since
// PostgreSQL's jsonb keeps neither spacing nor key order.
func canonical(k Kind, v any) string {
	switch x := v.(type) {
	case nil:
		return "\x00null"
	case time.Time:
		return x.Format(timeLayout)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []byte:
		return hex.EncodeToString(x)
	case string:
		if k == KindJSON {
			var j any
			if json.Unmarshal([]byte(x), &j) == nil {
				b, _ := json.Marshal(j)
				return string(b)
			}
		}
		return x
	}
	return fmt.Sprint(v)
}

// checksum sums the SHA-256 of every row modulo 2^256: the sum does not
// depend on the order rows come in, which differs between the databases
// (their collations differ), yet a row changed, missing or added changes it.
type checksum struct {
	sum  big.Int
	rows int64
}

var checksumModulus = new(big.Int).Lsh(big.NewInt(1), 256)

// add hashes one row of normalized values.
func (c *checksum) add(kinds []Kind, row []any) {
	h := sha256.New()
	var n [8]byte
	for i, v := range row {
		s := canonical(kinds[i], v)
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	c.sum.Add(&c.sum, new(big.Int).SetBytes(h.Sum(nil)))
	c.sum.Mod(&c.sum, checksumModulus)
	c.rows++
}

// String returns the sum as 64 hex digits.
func (c *checksum) String() string {
	b := make([]byte, 32)
	c.sum.FillBytes(b)
	return hex.EncodeToString(b)
}
