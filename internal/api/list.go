package api

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
