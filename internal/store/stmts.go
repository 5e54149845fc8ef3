package store

import (
	"context"
	"database/sql"
)

// stmtCache keeps the SQLite writer's statements prepared. Preparing
// (parsing) a statement costs about as much as running it, and the writer
// runs the same few statements over and over. A statement is prepared on
// the writer's one connection while no transaction holds it — after a
// commit — and used inside later transactions through Tx.Stmt, which
// reuses a statement already prepared on the transaction's connection.
type stmtCache struct {
	db       *sql.DB
	prepared map[string]*sql.Stmt
	missed   map[string]bool
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, prepared: map[string]*sql.Stmt{}, missed: map[string]bool{}}
}

// lookup returns the prepared statement for a query inside a transaction,
// or nil, noting the query to prepare later. Only the writer goroutine
// calls it.
func (c *stmtCache) lookup(t *sql.Tx, ctx context.Context, query string) *sql.Stmt {
	if st, ok := c.prepared[query]; ok {
		return t.StmtContext(ctx, st)
	}
	if len(c.prepared)+len(c.missed) < 500 {
		c.missed[query] = true
	}
	return nil
}

// prepareMissed prepares the queries looked up since the last call; the
// writer calls it between transactions.
func (c *stmtCache) prepareMissed(ctx context.Context) {
	for q := range c.missed {
		if st, err := c.db.PrepareContext(ctx, q); err == nil {
			c.prepared[q] = st
		}
		delete(c.missed, q)
	}
}

// close releases the prepared statements.
func (c *stmtCache) close() {
	for _, st := range c.prepared {
		st.Close()
	}
}
