// Package scheduler chooses the meetings of a matchmaking day: given slots
// with their tables, who is free when, and requested meetings with weights,
// it places requests in slots and at tables so as to maximise the total
// weight (then the number of meetings), and proves an upper bound on the
// weight any schedule could reach.
//
// The package is pure: no store, no HTTP. An Instance describes the problem
// in the JSON shape of "symposium schedule-meetings" (CONTRACT.md) with
// optional extensions: tables reserved for one participant, delegations,
// interpreters and meetings already published. Validate refuses a bad
// instance naming what is wrong, Solve schedules, and Check verifies a
// schedule against every constraint independently of the solver.
package scheduler

// Instance is a meeting-scheduling problem. The keys "slots", "people" and
// "requests" are the shape of CONTRACT.md; "interpreters" and the optional
// keys of people and requests are extensions.
type Instance struct {
	Slots        []Slot        `json:"slots"`
	People       []Person      `json:"people"`
	Requests     []Request     `json:"requests"`
	Interpreters []Interpreter `json:"interpreters,omitempty"`
}

// Slot is a time in which every participant holds at most one meeting. Its
// shared tables are numbered 1 to Tables.
type Slot struct {
	ID     int `json:"id"`
	Tables int `json:"tables"`
}

// Person is a participant, or a delegation when Members is not empty.
//
// A person is available in the slots listed in Free. A delegation is one
// party to its meetings and a meeting with it takes every member's slot: it
// is available where all its members are, and Free, if given, restricts
// that further.
//
// Languages are those the party can meet in (for a delegation without its
// own list, any member's); when both parties to a request list languages
// and share none, the meeting needs an interpreter.
//
// Table, when not zero, is the number of a table reserved for this party (a
// company with a booth): its meetings take place there and use none of the
// slot's shared tables. Reserved numbers are above every slot's shared
// tables.
type Person struct {
	ID        string   `json:"id"`
	Free      []int    `json:"free"`
	Members   []string `json:"members,omitempty"`
	Languages []string `json:"languages,omitempty"`
	Table     int      `json:"table,omitempty"`
}

// Request asks for one meeting between two parties, in either order, with
// a weight of 1, 2 or 3. Pinned, when set, is a meeting already published
// that a schedule keeps unless a fresh plan is asked for.
type Request struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Weight int    `json:"weight"`
	Pinned *Pin   `json:"pinned,omitempty"`
}

// Pin is where a published meeting takes place: its slot, and its table
// and interpreter when they are to be kept too (zero and empty leave them
// to the solver).
type Pin struct {
	Slot        int    `json:"slot"`
	Table       int    `json:"table,omitempty"`
	Interpreter string `json:"interpreter,omitempty"`
}

// Interpreter translates at one table per slot, in the slots listed in
// Free, between any two of Languages.
type Interpreter struct {
	ID        string   `json:"id"`
	Languages []string `json:"languages"`
	Free      []int    `json:"free"`
}

// Meeting is a scheduled request: the request's index in
// Instance.Requests, its parties and weight, its slot's ID, its table
// number, and the interpreter's ID when one is needed.
type Meeting struct {
	Request     int    `json:"request"`
	A           string `json:"a"`
	B           string `json:"b"`
	Slot        int    `json:"slot"`
	Table       int    `json:"table"`
	Interpreter string `json:"interpreter,omitempty"`
	Weight      int    `json:"weight"`
}

// WithoutPins returns a copy of the instance whose requests pin nothing:
// the instance a fresh plan answers.
func (in *Instance) WithoutPins() *Instance {
	out := *in
	out.Requests = make([]Request, len(in.Requests))
	for i, r := range in.Requests {
		r.Pinned = nil
		out.Requests[i] = r
	}
	return &out
}
