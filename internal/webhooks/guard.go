package webhooks

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"symposium"
)

// errPrivate is the reason given when a hook's address leads into a
// private network the operator did not allow.
var errPrivate = errors.New("the address is not a public internet address")

// newClient returns the HTTP client deliveries go out with: no proxy and
// no redirects, a short timeout, and, unless allowPrivate, a dialer that
// refuses every address that is not public, checked on the address
// actually connected to, after any DNS answer.
func newClient(allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || (!allowPrivate && symposium.PrivateAddress(ip)) {
			return errPrivate
		}
		return nil
	}}
	return &http.Client{
		Timeout:       10 * time.Second,
		Transport:     &http.Transport{Proxy: nil, DialContext: dialer.DialContext, MaxIdleConnsPerHost: 2, IdleConnTimeout: 30 * time.Second},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// privateLiteral reports whether a hook's address names a private IP
// address outright, which creating the hook refuses at once; names are
// checked when a delivery connects.
func privateLiteral(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && symposium.PrivateAddress(ip)
}
