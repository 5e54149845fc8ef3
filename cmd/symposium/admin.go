package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"symposium"
	"symposium/internal/accounts"
	"symposium/internal/i18n"
)

// runUser runs "user add": it creates an account whose email counts as
// verified, reading the password as one line from standard input.
func runUser(ctx context.Context, args []string, env environment) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: symposium user add --email E --name N [--admin] [--organizer] [--curator]")
	}
	fs, db := newFlags("user add", env)
	email := fs.String("email", "", "the account's email")
	name := fs.String("name", "", "the account's name")
	admin := fs.Bool("admin", false, "make the account a site administrator")
	organizer := fs.Bool("organizer", false, "let the account create events")
	curator := fs.Bool("curator", false, "make the account a curator of the people directory")
	lang := fs.String("lang", symposium.DefaultLanguage, "the language the account reads mail in: en, zh, kk or ru")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	password, err := bufio.NewReader(env.stdin).ReadString('\n')
	if err != nil && password == "" {
		return errors.New("user add: read the password from standard input: none given")
	}
	password = strings.TrimRight(password, "\r\n")
	return withAccounts(ctx, *db, func(svc *accounts.Service) error {
		u := &symposium.User{Email: *email, Name: *name, IsAdmin: *admin, CanCreateEvents: *organizer, IsCurator: *curator,
			Verified: true, Language: *lang}
		if err := svc.AddUser(ctx, u, password); err != nil {
			return fmt.Errorf("user add: %w", describe(err))
		}
		fmt.Fprintf(env.stderr, "created account %s (%s)\n", u.Email, u.ID)
		return nil
	})
}

// withAccounts opens the database and runs fn with the accounts service.
func withAccounts(ctx context.Context, dsn string, fn func(*accounts.Service) error) error {
	s, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	svc, err := accounts.New(s, accounts.DefaultConfig())
	if err != nil {
		return err
	}
	return fn(svc)
}

// describe turns a domain error into a line for a terminal, in English,
// naming each invalid field.
func describe(err error) error {
	e := symposium.AsError(err)
	if e == nil {
		return err
	}
	l := i18n.Must(i18n.New()).For("en")
	if e.Code == symposium.ENOTFOUND && e.Key == "error.not_found" {
		return errors.New(l.T("error.field.unknown_account"))
	}
	var parts []string
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+l.TMap(f.Key, f.Args))
	}
	if len(parts) == 0 {
		return errors.New(l.TMap(e.Key, e.Args))
	}
	return errors.New(strings.Join(parts, " "))
}
