package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"symposium"
	"symposium/internal/accounts"
)

// tokenUsage says how the token commands are called.
const tokenUsage = "usage: symposium token create --email E [--name N] [--expires DURATION]\n" +
	"       symposium token revoke --email E [TOKEN_PREFIX]"

// runToken runs "token create", which prints a new API token, one line,
// and "token revoke", which revokes an account's tokens.
func runToken(ctx context.Context, args []string, env environment) error {
	if len(args) == 0 {
		return errors.New(tokenUsage)
	}
	switch args[0] {
	case "create":
		return runTokenCreate(ctx, args[1:], env)
	case "revoke":
		return runTokenRevoke(ctx, args[1:], env)
	}
	return errors.New(tokenUsage)
}

// runTokenCreate prints a new API token for an account, and nothing else.
func runTokenCreate(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("token create", env)
	email := fs.String("email", "", "the account's email")
	name := fs.String("name", "cli", "a name to recognize the token by")
	expires := fs.String("expires", "", "how long the token works, such as 90d or 12h; without it, until revoked")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New(tokenUsage)
	}
	var until time.Time
	if *expires != "" {
		d, err := parseLifetime(*expires)
		if err != nil {
			return fmt.Errorf("token create: --expires: %w", err)
		}
		until = time.Now().Add(d)
	}
	return withAccounts(ctx, *db, func(svc *accounts.Service) error {
		token, err := svc.CreateTokenUntil(ctx, *email, *name, until)
		if err != nil {
			return fmt.Errorf("token create: %w", describe(err))
		}
		fmt.Fprintln(env.stdout, token)
		return nil
	})
}

// runTokenRevoke revokes an account's tokens: all, or the one whose start
// is given.
func runTokenRevoke(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("token revoke", env)
	email := fs.String("email", "", "the account's email")
	prefix, err := parseWithOneArg(fs, args)
	if err != nil {
		return err
	}
	return withAccounts(ctx, *db, func(svc *accounts.Service) error {
		n, err := svc.RevokeTokens(ctx, *email, prefix)
		if err != nil {
			return fmt.Errorf("token revoke: %w", describe(err))
		}
		fmt.Fprintf(env.stderr, "revoked %d token(s) of %s\n", n, symposium.NormalizeEmail(*email))
		return nil
	})
}

// parseWithOneArg parses flags given before or after at most one
// positional argument, and returns that argument ("" when none).
func parseWithOneArg(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "", nil
	}
	arg := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", errors.New(tokenUsage)
	}
	return arg, nil
}

// parseLifetime reads a duration such as 90d, 12h or 1h30m: Go's
// durations, and whole days with d.
func parseLifetime(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 100*365 {
			return 0, fmt.Errorf("%q is not a number of days such as 90d", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a duration such as 90d or 12h", s)
	}
	return d, nil
}
