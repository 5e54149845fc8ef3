package main

import (
	"context"
	"errors"
	"fmt"

	"symposium/internal/demo"
	"symposium/internal/store"
)

// runBackup runs "backup FILE".
func runBackup(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("backup", env)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: symposium backup FILE")
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "wrote %s\n", fs.Arg(0))
	return nil
}

// runMigrate runs "migrate": opening the store brings the schema up to date.
func runMigrate(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("migrate", env)
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintf(env.stderr, "the %s database is up to date\n", s.Dialect())
	return nil
}

// runVersion prints the version.
func runVersion(_ context.Context, _ []string, env environment) error {
	fmt.Fprintln(env.stdout, Version())
	return nil
}

// runDemo runs "demo".
func runDemo(ctx context.Context, args []string, env environment) error {
	fs, db := newFlags("demo", env)
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	return loadDemo(ctx, s, env)
}

// loadDemo loads the demo event when it is absent.
func loadDemo(ctx context.Context, s *store.Store, env environment) error {
	created, err := demo.Load(ctx, s)
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(env.stderr, "loaded the demo event: /events/%s\n", demo.Slug)
	} else {
		fmt.Fprintf(env.stderr, "the demo event is already there: /events/%s\n", demo.Slug)
	}
	return nil
}
