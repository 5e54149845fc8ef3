// Command symposium runs Symposium, the platform for international science
// and technology symposia: the web server and the administrative commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand: its name, a line of help, and what it runs.
type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, env environment) error
}

// environment is what a command may touch of the outside world, passed
// explicitly so that tests can run commands in-process.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands = []command{
	{"serve", "serve [--addr HOST:PORT] [--demo] [--metrics-token T]   serve the web UI and API", runServe},
	{"user", "user add --email E --name N [--admin]   create an account (password on stdin)", runUser},
	{"token", "token create --email E [--name N] [--expires DURATION]   print a new API token\n  token revoke --email E [TOKEN_PREFIX]   revoke the account's tokens (all, or the one named)", runToken},
	{"demo", "demo   load the demo event, idempotently", runDemo},
	{"backup", "backup FILE   write a consistent copy of a live SQLite database", runBackup},
	{"copy", "copy --from DB --to DB [--replace]   move a whole installation between SQLite and PostgreSQL, verified", runCopy},
	{"schedule-meetings", "schedule-meetings --in FILE [--time-limit 1s]   schedule matchmaking meetings, print the schedule, its weight and a proven bound", runScheduleMeetings},
	{"migrate", "migrate   bring the database schema up to date", runMigrate},
	{"version", "version   print the version", runVersion},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	if err := run(ctx, os.Args[1:], env); err != nil {
		fmt.Fprintln(os.Stderr, "symposium:", err)
		os.Exit(exitStatus(err))
	}
}

// exitError is an error for which the process exits with a given status
// rather than 1.
type exitError struct {
	status int
	err    error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// exitStatus returns the exit status for a command's error: the one an
// *exitError asks for, otherwise 1.
func exitStatus(err error) int {
	var e *exitError
	if errors.As(err, &e) {
		return e.status
	}
	return 1
}

// run dispatches to the subcommand named by args[0].
func run(ctx context.Context, args []string, env environment) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stderr)
		if len(args) == 0 {
			return fmt.Errorf("no command given")
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], env)
		}
	}
	usage(env.stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: symposium COMMAND [flags]\n\nEvery command takes --db (env SYMPOSIUM_DB): sqlite:PATH (default sqlite:symposium.db) or a postgres:// URL.\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintln(w, "  "+c.usage)
	}
}
