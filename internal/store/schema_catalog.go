package store

import (
	"context"
	"database/sql"
	"regexp"
	"strconv"
	"strings"
)

// sqliteSchema reads the schema from SQLite's catalog and its pragmas.
func sqliteSchema(ctx context.Context, db *sql.DB) (Schema, error) {
	tables, err := queryStrings(ctx, db, 2, `SELECT name, sql FROM sqlite_schema
		WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name <> 'goose_db_version'`)
	if err != nil {
		return nil, err
	}
	sc := Schema{}
	for _, row := range tables {
		t := &Table{Name: row[0], Checks: countChecks(row[1])}
		if err := sqliteColumns(ctx, db, t); err != nil {
			return nil, err
		}
		if err := sqliteForeignKeys(ctx, db, t); err != nil {
			return nil, err
		}
		if err := sqliteIndexes(ctx, db, t); err != nil {
			return nil, err
		}
		sc[t.Name] = t
	}
	return sc, nil
}

// checkClause finds the CHECK constraints in a CREATE TABLE statement.
var checkClause = regexp.MustCompile(`(?i)\bCHECK\s*\(`)

func countChecks(createSQL string) int {
	return len(checkClause.FindAllString(createSQL, -1))
}

func sqliteColumns(ctx context.Context, db *sql.DB, t *Table) error {
	rows, err := queryStrings(ctx, db, 4, `SELECT name, type, "notnull", pk FROM pragma_table_info($1) ORDER BY cid`, t.Name)
	if err != nil {
		return err
	}
	pk := map[string]string{}
	for _, r := range rows {
		// SQLite lets a primary key column hold NULL unless it says NOT
		// NULL; PostgreSQL never does. Both refuse NULL in our keys.
		t.Columns = append(t.Columns, Column{Name: r[0], Kind: kindOf(r[1]), NotNull: r[2] == "1" || r[3] != "0"})
		if r[3] != "0" {
			pk[r[3]] = r[0]
		}
	}
	for i := 1; i <= len(pk); i++ {
		t.PrimaryKey = append(t.PrimaryKey, pk[strconv.Itoa(i)])
	}
	return nil
}

func sqliteForeignKeys(ctx context.Context, db *sql.DB, t *Table) error {
	rows, err := queryStrings(ctx, db, 4, `SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list($1)`, t.Name)
	if err != nil {
		return err
	}
	for _, r := range rows {
		t.ForeignKeys = append(t.ForeignKeys, ForeignKey{Column: r[0], RefTable: r[1], RefColumn: r[2], OnDelete: r[3]})
	}
	return nil
}

// partialWhere finds the predicate of a partial index in its CREATE INDEX.
var partialWhere = regexp.MustCompile(`(?is)\bWHERE\b(.*)$`)

func sqliteIndexes(ctx context.Context, db *sql.DB, t *Table) error {
	list, err := queryStrings(ctx, db, 3, `SELECT l.name, l."unique", COALESCE(m.sql, '')
		FROM pragma_index_list($1) AS l LEFT JOIN sqlite_schema AS m ON m.type = 'index' AND m.name = l.name`, t.Name)
	if err != nil {
		return err
	}
	for _, l := range list {
		cols, err := queryStrings(ctx, db, 1, `SELECT name FROM pragma_index_info($1) ORDER BY seqno`, l[0])
		if err != nil {
			return err
		}
		ix := Index{Unique: l[1] == "1"}
		for _, c := range cols {
			ix.Columns = append(ix.Columns, c[0])
		}
		if m := partialWhere.FindStringSubmatch(strings.TrimRight(l[2], "; \n")); m != nil {
			ix.Where = normalizePredicate(m[1])
		}
		t.Indexes = append(t.Indexes, ix)
	}
	// A primary key SQLite keeps as the rowid has no index of its own;
	// PostgreSQL always indexes it. Count it as the same unique index.
	if len(t.PrimaryKey) > 0 && !hasIndexOn(t.Indexes, t.PrimaryKey) {
		t.Indexes = append(t.Indexes, Index{Columns: t.PrimaryKey, Unique: true})
	}
	return nil
}

func hasIndexOn(indexes []Index, cols []string) bool {
	for _, ix := range indexes {
		if ix.Unique && ix.Where == "" && strings.Join(ix.Columns, ",") == strings.Join(cols, ",") {
			return true
		}
	}
	return false
}

// postgresSchema reads the schema of the current schema from PostgreSQL's
// catalog.
func postgresSchema(ctx context.Context, db *sql.DB) (Schema, error) {
	tables, err := queryStrings(ctx, db, 1, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'goose_db_version'`)
	if err != nil {
		return nil, err
	}
	sc := Schema{}
	for _, row := range tables {
		sc[row[0]] = &Table{Name: row[0]}
	}
	cols, err := queryStrings(ctx, db, 4, `SELECT table_name, column_name, data_type, is_nullable
		FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`)
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		if t := sc[c[0]]; t != nil {
			t.Columns = append(t.Columns, Column{Name: c[1], Kind: kindOf(c[2]), NotNull: c[3] == "NO"})
		}
	}
	if err := postgresConstraints(ctx, db, sc); err != nil {
		return nil, err
	}
	return sc, postgresIndexes(ctx, db, sc)
}

// postgresConstraints reads primary keys, foreign keys and checks.
func postgresConstraints(ctx context.Context, db *sql.DB, sc Schema) error {
	rows, err := queryStrings(ctx, db, 7, `SELECT c.conrelid::regclass::text, c.contype::text,
			a.attname, COALESCE(c.confrelid::regclass::text, ''), COALESCE(fa.attname, ''), c.confdeltype::text, c.conname::text
		FROM pg_constraint c
		JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) ON TRUE
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
		LEFT JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[k.n]
		WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'f', 'c')
		ORDER BY c.conname, k.n`)
	if err != nil {
		return err
	}
	checks := map[string]bool{}
	for _, r := range rows {
		t := sc[r[0]]
		if t == nil {
			continue
		}
		switch r[1] {
		case "p":
			t.PrimaryKey = append(t.PrimaryKey, r[2])
		case "f":
			t.ForeignKeys = append(t.ForeignKeys, ForeignKey{Column: r[2], RefTable: r[3], RefColumn: r[4], OnDelete: foreignKeyActions[r[5]]})
		case "c":
			checks[r[0]+"."+r[6]] = true
		}
	}
	for k := range checks {
		sc[strings.SplitN(k, ".", 2)[0]].Checks++
	}
	return nil
}

// foreignKeyActions spells PostgreSQL's action codes as SQLite does.
var foreignKeyActions = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

func postgresIndexes(ctx context.Context, db *sql.DB, sc Schema) error {
	rows, err := queryStrings(ctx, db, 5, `SELECT t.relname, i.relname, ix.indisunique::text,
			COALESCE(pg_get_expr(ix.indpred, ix.indrelid), ''),
			(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
			 JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum)
		FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
		WHERE t.relnamespace = current_schema()::regnamespace`)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if t := sc[r[0]]; t != nil {
			t.Indexes = append(t.Indexes, Index{Columns: strings.Split(r[4], ","), Unique: r[2] == "true", Where: normalizePredicate(r[3])})
		}
	}
	return nil
}
