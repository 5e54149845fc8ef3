package main

import (
	"context"
	"errors"
	"fmt"

	"symposium/internal/store"
)

// runCopy runs "copy --from DB --to DB [--replace]": it moves a whole
// installation between databases, SQLite or PostgreSQL either way, and
// prints per table the rows copied and their verified checksum.
func runCopy(ctx context.Context, args []string, env environment) error {
	fs, _ := newFlags("copy", env)
	from := fs.String("from", "", "the database to copy: sqlite:PATH or a postgres:// URL")
	to := fs.String("to", "", "the database to copy into (migrated first): sqlite:PATH or a postgres:// URL")
	replace := fs.Bool("replace", false, "replace the data the target already holds")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() != 0 {
		return &exitError{status: 2, err: errors.New("usage: symposium copy --from DB --to DB [--replace]")}
	}
	if *from == *to {
		return &exitError{status: 2, err: errors.New("copy: --from and --to name the same database")}
	}
	src, err := openStore(ctx, *from)
	if err != nil {
		return fmt.Errorf("copy: open --from: %w", err)
	}
	defer src.Close()
	dst, err := openStore(ctx, *to)
	if err != nil {
		return fmt.Errorf("copy: open --to: %w", err)
	}
	defer dst.Close()
	fmt.Fprintf(env.stdout, "%-28s %10s  %s\n", "table", "rows", "checksum (sha-256 sum of rows)")
	var total int64
	report, err := store.Copy(ctx, src, dst, store.CopyOptions{
		Replace: *replace,
		Copied: func(tc store.TableCopy) {
			total += tc.Rows
			fmt.Fprintf(env.stdout, "%-28s %10d  %s verified\n", tc.Table, tc.Rows, tc.Checksum)
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "copied %d rows in %d tables from the %s database to the %s database; counts and checksums match\n",
		total, len(report), src.Dialect(), dst.Dialect())
	return nil
}
