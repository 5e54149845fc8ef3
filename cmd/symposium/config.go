package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"

	"symposium/internal/store"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

// Version returns the version of this build.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// newFlags returns a flag set for a subcommand with the --db flag every
// subcommand takes, defaulting to SYMPOSIUM_DB.
func newFlags(name string, env environment) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	db := fs.String("db", envOr(env, "SYMPOSIUM_DB", "sqlite:symposium.db"), "database: sqlite:PATH or a postgres:// URL (env SYMPOSIUM_DB)")
	return fs, db
}

// envOr returns the environment variable, or def when it is unset.
func envOr(env environment, key, def string) string {
	if v := env.getenv(key); v != "" {
		return v
	}
	return def
}

// envBool reads a boolean environment variable: "1", "true" and "yes" are
// true.
func envBool(env environment, key string) bool {
	switch strings.ToLower(env.getenv(key)) {
	case "1", "true", "yes":
		return true
	}
	return false
}

// openStore opens and migrates the database.
func openStore(ctx context.Context, dsn string) (*store.Store, error) {
	s, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// newLogger returns the JSON logger, at the level named by
// SYMPOSIUM_LOG_LEVEL (debug, info, warn, error).
func newLogger(w io.Writer, env environment) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(envOr(env, "SYMPOSIUM_LOG_LEVEL", "info"))); err != nil {
		return nil, fmt.Errorf("SYMPOSIUM_LOG_LEVEL: %w", err)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level})), nil
}
