package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"symposium/internal/live"
)

// heartbeat is how often an idle stream sends a comment, so that proxies
// keep it open and a dead client is noticed.
const heartbeat = 20 * time.Second

// streamInput opens a contribution's live stream.
type streamInput struct {
	ID          string `path:"id" maxLength:"64"`
	LastEventID string `header:"Last-Event-ID" pattern:"^[0-9]{0,18}$" doc:"The id of the last event received: the events after it are sent first."`
	After       string `query:"after" pattern:"^[0-9]{0,18}$" doc:"As Last-Event-ID, for clients that cannot set headers."`
	Badge       string `cookie:"symposium_badge" maxLength:"200" hidden:"true"`
}

// streamRoute registers the stream of server-sent events.
func (a *API) streamRoute(tag string) {
	o := op("live-stream", http.MethodGet, "/contributions/{id}/live",
		"Server-sent events of the contribution's questions and polls: question, vote, moderation and poll, each with an id; "+
			"Last-Event-ID replays what was missed. The audience gets only what it may see; moderators get everything.", tag)
	o.Responses = map[string]*huma.Response{
		"200": {Description: "A text/event-stream. The first event, ready, carries the id to resume from; every later event's data is JSON: " +
			"a question (question, moderation), {id, votes} (vote), {id, status} when a question leaves the audience's list, or a poll (poll).",
			Content: map[string]*huma.MediaType{"text/event-stream": {Schema: &huma.Schema{Type: "string"}}}},
	}
	huma.Register(a.huma, o, a.stream)
}

func (a *API) stream(ctx context.Context, in *streamInput) (*huma.StreamResponse, error) {
	after := int64(-1)
	for _, s := range []string{in.LastEventID, in.After} {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			after = n
		}
	}
	sub, err := a.Live.SubscribeAs(ctx, caller(ctx, "", in.Badge), in.ID, after)
	if err != nil {
		return nil, a.fail(ctx, err)
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		defer sub.Close()
		r, w := humago.Unwrap(hctx)
		serveStream(r, w, sub)
	}}, nil
}

// serveStream writes a subscription as server-sent events until the
// client leaves or falls too far behind (it then reconnects and replays).
func serveStream(r *http.Request, w http.ResponseWriter, sub *live.Subscription) {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{}) // a stream outlives the server's read timeout
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	ready := "retry: 2000\nid: " + strconv.FormatInt(sub.Start, 10) + "\nevent: ready\ndata: {}\n\n"
	if _, err := w.Write([]byte(ready)); err != nil {
		return
	}
	for _, f := range sub.Replay {
		if _, err := w.Write(f); err != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case f, ok := <-sub.C:
			if !ok {
				return
			}
			if !writeFrames(w, f, sub.C) || rc.Flush() != nil {
				return
			}
		case <-tick.C:
			if _, err := w.Write([]byte(": keep-alive\n\n")); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// writeFrames writes a frame and whatever else is already waiting, so
// that a burst costs one flush.
func writeFrames(w http.ResponseWriter, f []byte, c <-chan []byte) bool {
	for {
		if _, err := w.Write(f); err != nil {
			return false
		}
		select {
		case more, ok := <-c:
			if !ok {
				return false
			}
			f = more
		default:
			return true
		}
	}
}
