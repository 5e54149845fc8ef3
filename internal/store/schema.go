package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Kind is what a column holds, the same on both databases even where their
// declared types differ: SQLite keeps times as TEXT where PostgreSQL has
// TIMESTAMPTZ, and BLOB where PostgreSQL has BYTEA.
type Kind string

// The kinds of column.
const (
	KindText  Kind = "text"
	KindTime  Kind = "time"
	KindBool  Kind = "bool"
	KindInt   Kind = "int"
	KindFloat Kind = "float"
	KindBytes Kind = "bytes"
	KindJSON  Kind = "json"
)

// kindOf names the kind of a declared column type of either database.
func kindOf(declared string) Kind {
	t := strings.ToUpper(declared)
	switch {
	case strings.Contains(t, "TIMESTAMP"):
		return KindTime
	case strings.Contains(t, "BOOL"):
		return KindBool
	case strings.Contains(t, "BYTEA"), strings.Contains(t, "BLOB"):
		return KindBytes
	case strings.Contains(t, "INT"), t == "SERIAL", t == "BIGSERIAL":
		return KindInt
	case strings.Contains(t, "DOUBLE"), strings.Contains(t, "REAL"), strings.Contains(t, "FLOAT"), strings.Contains(t, "NUMERIC"):
		return KindFloat
	case strings.Contains(t, "JSON"):
		return KindJSON
	default:
		return KindText
	}
}

// Column is one column of a table.
type Column struct {
	Name    string
	Kind    Kind
	NotNull bool
}

// ForeignKey is one column referring to another table's column.
type ForeignKey struct {
	Column, RefTable, RefColumn string
	OnDelete                    string // "NO ACTION", "CASCADE", "SET NULL"…
}

// Index is an index of a table, including those that back primary keys and
// unique constraints. Where is the normalized predicate of a partial index.
type Index struct {
	Columns []string
	Unique  bool
	Where   string
}

// Table is one table as the migrations made it.
type Table struct {
	Name        string
	Columns     []Column
	PrimaryKey  []string
	ForeignKeys []ForeignKey
	Indexes     []Index
	Checks      int // how many CHECK constraints the table has
}

// Schema is the set of tables of a database, by name, without goose's own
// version table.
type Schema map[string]*Table

// Names returns the table names in alphabetical order.
func (sc Schema) Names() []string {
	names := make([]string, 0, len(sc))
	for n := range sc {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Schema reads the tables, columns, keys, indexes and constraints of the
// database from its catalog.
func (s *Store) Schema(ctx context.Context) (Schema, error) {
	var (
		sc  Schema
		err error
	)
	if s.d.name == "postgres" {
		sc, err = postgresSchema(ctx, s.read)
	} else {
		sc, err = sqliteSchema(ctx, s.read)
	}
	if err != nil {
		return nil, fmt.Errorf("store: read schema: %w", err)
	}
	for _, t := range sc {
		sortTable(t)
	}
	return sc, nil
}

// sortTable puts a table's keys and indexes in one order on both databases.
func sortTable(t *Table) {
	slices.SortFunc(t.ForeignKeys, func(a, b ForeignKey) int {
		return strings.Compare(a.Column+" "+a.RefTable, b.Column+" "+b.RefTable)
	})
	slices.SortFunc(t.Indexes, func(a, b Index) int {
		return strings.Compare(indexKey(a), indexKey(b))
	})
}

func indexKey(i Index) string {
	return fmt.Sprintf("%s|%t|%s", strings.Join(i.Columns, ","), i.Unique, i.Where)
}

// normalizePredicate makes the predicate of a partial index comparable
// between the databases: PostgreSQL adds parentheses and casts that the
// migration's text did not have.
func normalizePredicate(p string) string {
	p = strings.ToLower(p)
	p = strings.NewReplacer("(", "", ")", "", "::text[]", "", "::text", "", "\n", " ", "\t", " ").Replace(p)
	p = anyArray.ReplaceAllString(p, "$1 in $2")
	return strings.Join(strings.Fields(p), " ")
}

// anyArray matches PostgreSQL's rewriting of "x IN (…)" as "x = ANY (ARRAY[…])".
var anyArray = regexp.MustCompile(`(\w+) = any array\[([^\]]*)\]`)

// queryStrings runs a query returning rows of strings.
func queryStrings(ctx context.Context, db *sql.DB, n int, query string, args ...any) ([][]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		row := make([]sql.NullString, n)
		dest := make([]any, n)
		for i := range row {
			dest[i] = &row[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		strs := make([]string, n)
		for i, v := range row {
			strs[i] = v.String
		}
		out = append(out, strs)
	}
	return out, rows.Err()
}
