// Package smtptest runs a small but real SMTP server for tests: it speaks
// the protocol over TCP on the loopback interface and records every message
// it accepts, so that tests exercise the real sender end to end.
package smtptest

import (
	"bufio"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
)

// Message is one message the server accepted.
type Message struct {
	From    string
	To      []string
	Subject string // decoded
	Header  mail.Header
	Body    string // raw body, still transfer-encoded
}

// Server is an SMTP server listening on 127.0.0.1.
type Server struct {
	ln       net.Listener
	mu       sync.Mutex
	messages []Message
	// failNext makes the server refuse that many messages with a
	// temporary error (451) before accepting any.
	failNext int
}

// Start starts a server that stops when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{ln: ln}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

// URL returns the smtp:// URL of the server.
func (s *Server) URL() string { return "smtp://" + s.ln.Addr().String() }

// FailNext makes the server refuse the next n messages temporarily.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = n
}

// Messages returns the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(c)
	}
}

// session speaks SMTP with one client.
func (s *Server) session(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	reply := func(format string, args ...any) { fmt.Fprintf(c, format+"\r\n", args...) }
	reply("220 smtptest ready")
	var msg Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"):
			reply("250-smtptest\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 OK")
		case strings.HasPrefix(cmd, "HELO"), cmd == "NOOP":
			reply("250 OK")
		case cmd == "RSET":
			msg = Message{}
			reply("250 OK")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			msg = Message{From: address(line)}
			reply("250 OK")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			msg.To = append(msg.To, address(line))
			reply("250 OK")
		case cmd == "DATA":
			reply("354 end with <CRLF>.<CRLF>")
			reply("%s", s.receive(r, msg))
		case cmd == "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 command not implemented")
		}
	}
}

// receive reads a message's data and answers whether it was accepted.
func (s *Server) receive(r *bufio.Reader, msg Message) string {
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return "451 data interrupted"
		}
		if line == ".\r\n" {
			break
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failNext > 0 {
		s.failNext--
		return "451 4.3.0 try again later"
	}
	parsed, err := mail.ReadMessage(strings.NewReader(b.String()))
	if err != nil {
		return "554 malformed message"
	}
	body, _ := io.ReadAll(parsed.Body)
	msg.Header = parsed.Header
	msg.Body = string(body)
	msg.Subject, _ = new(mime.WordDecoder).DecodeHeader(parsed.Header.Get("Subject"))
	s.messages = append(s.messages, msg)
	return "250 OK queued"
}

// address takes the address out of "MAIL FROM:<a@b> ..." and friends.
func address(line string) string {
	i, j := strings.Index(line, "<"), strings.Index(line, ">")
	if i < 0 || j < i {
		return ""
	}
	return line[i+1 : j]
}
