package store

import "database/sql"

// Connections is how many database connections the store holds open and
// how many of them are busy at this moment.
type Connections struct {
	Open, InUse int
}

// Connections counts the store's open database connections: on SQLite the
// writer's and the readers' pools, on PostgreSQL the whole pgx pool, which
// also holds the connections that listen to the change feed.
func (s *Store) Connections() Connections {
	if s.pool != nil {
		st := s.pool.Stat()
		return Connections{Open: int(st.TotalConns()), InUse: int(st.AcquiredConns())}
	}
	c := Connections{}
	add := func(db *sql.DB) {
		st := db.Stats()
		c.Open += st.OpenConnections
		c.InUse += st.InUse
	}
	add(s.read)
	if w, ok := s.writer.(*batchWriter); ok {
		add(w.db)
	}
	return c
}
