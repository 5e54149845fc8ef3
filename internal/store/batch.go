package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"
)

// maxBatch bounds how many transactions share one SQLite commit.
const maxBatch = 256

// batchWriter serializes every write transaction through SQLite's single
// writer connection and commits concurrent ones together: each caller's
// work runs inside its own savepoint of one transaction, so a failing caller
// rolls back alone, while one fsync confirms the whole batch. This is how a
// registration rush gets durable commits without one fsync per request.
type batchWriter struct {
	db    *sql.DB
	d     dialect
	stmts *stmtCache
	reqs  chan *writeRequest
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
}

// writeRequest is one caller's transaction waiting for its turn.
type writeRequest struct {
	ctx context.Context
	fn  func(*tx) error
	res chan error

	// own, when set instead of fn, is a transaction run on its own, under
	// the caller's context and without the batch's time limit (see alone).
	own func(*sql.Tx) error
}

func newBatchWriter(db *sql.DB, d dialect) *batchWriter {
	w := &batchWriter{db: db, d: d, stmts: newStmtCache(db), reqs: make(chan *writeRequest), stop: make(chan struct{}), done: make(chan struct{})}
	go w.run()
	return w
}

// write queues fn and waits for the commit that includes it. Once queued, it
// waits for the outcome even if ctx ends, so that a caller is never told
// "failed" about work that was committed.
func (w *batchWriter) write(ctx context.Context, fn func(*tx) error) error {
	r := &writeRequest{ctx: ctx, fn: fn, res: make(chan error, 1)}
	select {
	case w.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-w.stop:
		return fmt.Errorf("sqlite: store is closed")
	}
	return <-r.res
}

// run collects waiting requests into batches until the writer is closed.
func (w *batchWriter) run() {
	defer close(w.done)
	for {
		select {
		case <-w.stop:
			return
		case r := <-w.reqs:
			if r.own != nil {
				r.res <- w.runAlone(r)
				continue
			}
			batch := []*writeRequest{r}
			var own *writeRequest
		collect:
			for len(batch) < maxBatch {
				select {
				case r := <-w.reqs:
					if r.own != nil {
						own = r
						break collect
					}
					batch = append(batch, r)
				default:
					break collect
				}
			}
			w.commit(batch)
			w.stmts.prepareMissed(context.Background())
			if own != nil {
				own.res <- w.runAlone(own)
			}
		}
	}
}

// alone runs fn in a transaction of its own on the writer connection, for
// work too long for a batch's time limit (copying a whole installation in).
// It ends with the caller's context.
func (w *batchWriter) alone(ctx context.Context, fn func(*sql.Tx) error) error {
	r := &writeRequest{ctx: ctx, own: fn, res: make(chan error, 1)}
	select {
	case w.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-w.stop:
		return fmt.Errorf("sqlite: store is closed")
	}
	return <-r.res
}

// runAlone runs a request made by alone.
func (w *batchWriter) runAlone(r *writeRequest) (err error) {
	sqlTx, err := w.db.BeginTx(r.ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sqlite: write panicked: %v", p)
		}
		if err != nil {
			_ = sqlTx.Rollback()
		}
	}()
	if err := r.own(sqlTx); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// commit runs a batch in one transaction and tells every caller its outcome.
func (w *batchWriter) commit(batch []*writeRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	results := make([]error, len(batch))
	err := w.runBatch(ctx, batch, results)
	for i, r := range batch {
		if err != nil && results[i] == nil {
			results[i] = err
		}
		r.res <- results[i]
	}
}

// runBatch executes the batch, recording each caller's own error in results;
// the returned error, if any, failed the whole transaction.
func (w *batchWriter) runBatch(ctx context.Context, batch []*writeRequest, results []error) error {
	sqlTx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	t := &tx{sql: sqlTx, ctx: ctx, d: w.d, stmts: w.stmts}
	if len(batch) == 1 {
		if results[0] = call(batch[0], t); results[0] != nil {
			_ = sqlTx.Rollback()
			return nil
		}
	} else {
		for i, r := range batch {
			if err := callInSavepoint(r, t, &results[i]); err != nil {
				_ = sqlTx.Rollback()
				return err
			}
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// callInSavepoint runs one request inside a savepoint, undoing its changes
// alone when it fails, and stores the request's own outcome in result. The
// returned error is a failure of the savepoint statements themselves, which
// dooms the whole transaction.
func callInSavepoint(r *writeRequest, t *tx, result *error) error {
	if _, err := t.exec("SAVEPOINT batch_item"); err != nil {
		return fmt.Errorf("sqlite: savepoint: %w", err)
	}
	*result = call(r, t)
	if *result != nil {
		if _, err := t.exec("ROLLBACK TO batch_item"); err != nil {
			return fmt.Errorf("sqlite: rollback to savepoint: %w", err)
		}
	}
	if _, err := t.exec("RELEASE batch_item"); err != nil {
		return fmt.Errorf("sqlite: release savepoint: %w", err)
	}
	return nil
}

// call runs a request's function, turning a panic into an error so that one
// bad caller cannot take the writer down.
func call(r *writeRequest, t *tx) (err error) {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sqlite: write panicked: %v", p)
		}
	}()
	return r.fn(t)
}

// close stops accepting writes after the ones already queued are done.
func (w *batchWriter) close() error {
	w.once.Do(func() { close(w.stop) })
	<-w.done
	w.stmts.close()
	return w.db.Close()
}
