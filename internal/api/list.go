package api

import "time"

// ListInput is how every list is paged: up to limit items, starting after
// the cursor a previous page gave.
type ListInput struct {
	Limit  int    `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"How many items at most."`
	Cursor string `query:"cursor" maxLength:"500" doc:"The next cursor of the previous page."`
}

// List is a page of items and, while more remain, the cursor of the next.
type List[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty" doc:"Pass as cursor= to get the next page; absent on the last page."`
}

// SinceInput narrows a list to what changed at or after a time, so that
// an integration fetches only what changed since it last looked: pass the
// time of the previous fetch, less a little for clocks.
type SinceInput struct {
	ModifiedSince time.Time `query:"modified_since" doc:"Only items created or changed at or after this time (RFC 3339, such as 2026-05-22T09:00:00Z): compares each item's updated_at."`
}
