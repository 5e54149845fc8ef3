package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"symposium/internal/matchmaking/scheduler"
)

// scheduled is a meeting as "schedule-meetings" prints it.
type scheduled struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Slot   int    `json:"slot"`
	Weight int    `json:"weight"`
}

// runScheduleMeetings runs "schedule-meetings --in FILE [--time-limit 1s]":
// it reads a meeting-scheduling instance, schedules it and prints the
// schedule, its weight and a proven upper bound on any schedule's weight.
// A bad instance exits with status 2 and the reason on standard error.
func runScheduleMeetings(ctx context.Context, args []string, env environment) error {
	fs := flag.NewFlagSet("schedule-meetings", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	path := fs.String("in", "", "the instance, a JSON file")
	limit := fs.Duration("time-limit", time.Second, "how long to search")
	if err := fs.Parse(args); err != nil {
		return &exitError{2, err}
	}
	if *path == "" || fs.NArg() > 0 || *limit <= 0 {
		return &exitError{2, errors.New("usage: symposium schedule-meetings --in FILE [--time-limit 1s]")}
	}
	in, err := readInstance(*path)
	if err != nil {
		return &exitError{2, err}
	}
	res, err := scheduler.Solve(ctx, in, scheduler.Options{TimeLimit: *limit})
	if _, bad := errors.AsType[*scheduler.InvalidError](err); bad {
		return &exitError{2, fmt.Errorf("%s: %w", *path, err)}
	}
	if err != nil {
		return err
	}
	out := struct {
		Schedule []scheduled `json:"schedule"`
		Weight   int         `json:"weight"`
		Bound    int         `json:"bound"`
	}{Schedule: []scheduled{}, Weight: res.Weight, Bound: res.Bound}
	for _, m := range res.Meetings {
		out.Schedule = append(out.Schedule, scheduled{m.A, m.B, m.Slot, m.Weight})
	}
	return json.NewEncoder(env.stdout).Encode(out)
}

// readInstance reads an instance from a JSON file.
func readInstance(path string) (*scheduler.Instance, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var in scheduler.Instance
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("%s: not an instance: %w", path, err)
	}
	return &in, nil
}
