package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"symposium"
)

// maxVoteBatch bounds how many votes share one transaction.
const maxVoteBatch = 512

// voteRequest is one vote waiting for its batch.
type voteRequest struct {
	questionID, voter string
	on                bool
	quotas            Quotas

	ctx context.Context
	res chan voteResult
}

// voteResult is a vote's outcome: the question after the batch, or why
// the vote was refused.
type voteResult struct {
	q   *symposium.LiveQuestion
	err error
}

// voteBatcher commits the live votes arriving together on PostgreSQL in
// one transaction of a few set-wise statements, whatever their number:
// the storm quotas counted, the questions locked, the rows of votes added
// and removed, the counts moved and each question's new count logged once.
// Votes for one question would otherwise take turns on its row, each
// waiting for the commit of the one before. Each caller is answered after
// the commit, so every vote answered is durable.
type voteBatcher struct {
	s    *Store
	reqs chan *voteRequest
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// newVoteBatcher starts the batcher of the store's votes.
func newVoteBatcher(s *Store) *voteBatcher {
	b := &voteBatcher{s: s, reqs: make(chan *voteRequest), stop: make(chan struct{}), done: make(chan struct{})}
	go b.run()
	return b
}

// vote queues a vote and waits for the outcome of its batch. Once queued,
// it waits even if ctx ends, so that a caller is never told "failed" about
// a vote that was committed.
func (b *voteBatcher) vote(ctx context.Context, r voteRequest) (*symposium.LiveQuestion, error) {
	r.ctx, r.res = ctx, make(chan voteResult, 1)
	select {
	case b.reqs <- &r:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-b.stop:
		return nil, fmt.Errorf("store: vote: store is closed")
	}
	res := <-r.res
	return res.q, res.err
}

// run collects waiting votes into batches until the batcher is closed. A
// batch holds one vote per person and question; a second one waits for
// the next batch, so that votes given and withdrawn keep their order.
func (b *voteBatcher) run() {
	defer close(b.done)
	var held []*voteRequest
	for {
		if len(held) == 0 {
			select {
			case <-b.stop:
				return
			case r := <-b.reqs:
				held = append(held, r)
			}
		}
		var batch []*voteRequest
		batch, held = b.collect(held)
		b.commit(batch)
	}
}

// collect returns the next batch from the held votes and those waiting,
// and the votes left for later.
func (b *voteBatcher) collect(held []*voteRequest) (batch, rest []*voteRequest) {
	seen := map[[2]string]bool{}
	add := func(r *voteRequest) {
		k := [2]string{r.questionID, r.voter}
		if seen[k] || len(batch) >= maxVoteBatch {
			rest = append(rest, r)
			return
		}
		seen[k] = true
		batch = append(batch, r)
	}
	for _, r := range held {
		add(r)
	}
	for len(batch) < maxVoteBatch {
		select {
		case r := <-b.reqs:
			add(r)
		default:
			return batch, rest
		}
	}
	return batch, rest
}

// commit runs a batch, once more after losing a deadlock or a
// serialization failure, and answers every vote in it.
func (b *voteBatcher) commit(batch []*voteRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	live := batch[:0:0]
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			r.res <- voteResult{err: err}
			continue
		}
		live = append(live, r)
	}
	var (
		results []voteResult
		log     liveLog
		err     error
	)
	for attempt := 0; attempt < 5; attempt++ {
		if results, log, err = b.try(ctx, live); !isRetryable(err) {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	if err == nil {
		b.s.live.publish(log.entries)
	}
	for i, r := range live {
		if err != nil {
			r.res <- voteResult{err: fmt.Errorf("store: vote: %w", err)}
			continue
		}
		r.res <- results[i]
	}
}

// try runs a batch in one transaction.
func (b *voteBatcher) try(ctx context.Context, batch []*voteRequest) (results []voteResult, log liveLog, err error) {
	sqlTx, err := b.s.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, log, fmt.Errorf("begin: %w", err)
	}
	t := &tx{sql: sqlTx, ctx: ctx, d: postgresDialect}
	results = make([]voteResult, len(batch))
	if err = applyVotes(t, batch, results, &log); err == nil {
		err = log.notify(t, b.s.changes.origin)
	}
	if err != nil {
		_ = sqlTx.Rollback()
		return nil, log, err
	}
	if err := sqlTx.Commit(); err != nil {
		return nil, log, fmt.Errorf("commit: %w", err)
	}
	return results, log, nil
}

// close stops taking votes after the batch under way.
func (b *voteBatcher) close() {
	b.once.Do(func() { close(b.stop) })
	<-b.done
}

// applyVotes does a batch's work in the transaction, setting the outcome
// of each refused vote in results as it goes and of the others at the end.
func applyVotes(t *tx, batch []*voteRequest, results []voteResult, log *liveLog) error {
	if err := takeBatchQuotas(t, batch, results); err != nil {
		return err
	}
	questions, err := lockVotedQuestions(t, batch, results)
	if err != nil {
		return err
	}
	deltas, err := castVotes(t, batch, results)
	if err != nil {
		return err
	}
	if err := moveCounts(t, questions, deltas, log); err != nil {
		return err
	}
	for i, r := range batch {
		if results[i].err == nil {
			q := *questions[r.questionID]
			q.Voted = r.on
			results[i].q = &q
		}
	}
	return nil
}

// takeBatchQuotas counts every vote of the batch against its quotas with
// one statement, each key once with the number of its votes, and refuses
// the votes whose count passes a quota, in the batch's order.
func takeBatchQuotas(t *tx, batch []*voteRequest, results []voteResult) error {
	uses := map[string]int{}
	ends := map[string]string{}
	var now time.Time
	for _, r := range batch {
		at := r.quotas.Now
		if at.IsZero() {
			at = time.Now()
		}
		for _, q := range r.quotas.List {
			if q.N > 0 {
				uses[q.Key]++
				ends[q.Key] = at.UTC().Add(q.Per).Format(timeLayout)
			}
		}
		if at.After(now) {
			now = at
		}
	}
	if len(uses) == 0 {
		return nil
	}
	keys := make([]string, 0, len(uses))
	for k := range uses {
		keys = append(keys, k)
	}
	slices.Sort(keys) // every batch takes the rows in one order
	counts, endList := make([]int32, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		counts[i], endList[i] = int32(uses[k]), ends[k]
	}
	rows, err := t.sql.QueryContext(t.ctx, `INSERT INTO throttle (key, failures, window_ends)
		SELECT k, n, e::timestamptz FROM unnest($1::text[], $2::int[], $3::text[]) AS u(k, n, e)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN throttle.window_ends <= $4 THEN excluded.failures ELSE throttle.failures + excluded.failures END,
			window_ends = CASE WHEN throttle.window_ends <= $4 THEN excluded.window_ends ELSE throttle.window_ends END
		RETURNING key, failures`, keys, counts, endList, ts(now))
	if err != nil {
		return fmt.Errorf("count quotas: %w", err)
	}
	total, err := scanCounts(rows)
	if err != nil {
		return fmt.Errorf("count quotas: %w", err)
	}
	seen := map[string]int{}
	for i, r := range batch {
		for _, q := range r.quotas.List {
			if q.N <= 0 {
				continue
			}
			seen[q.Key]++
			if total[q.Key]-uses[q.Key]+seen[q.Key] > q.N && results[i].err == nil {
				results[i].err = symposium.Errorf(symposium.ETOOMANY, r.quotas.Refusal)
			}
		}
	}
	return nil
}

// rowScanner is the part of *sql.Rows that scanCounts and others use.
type rowScanner interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}

// scanCounts reads rows of a key and a number.
func scanCounts(rows rowScanner) (map[string]int, error) {
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, rows.Err()
}

// lockVotedQuestions locks the questions the batch's votes go to, in the
// order of their IDs, and refuses the votes for questions missing or not
// visible.
func lockVotedQuestions(t *tx, batch []*voteRequest, results []voteResult) (map[string]*symposium.LiveQuestion, error) {
	var ids []string
	for i, r := range batch {
		if results[i].err == nil && !slices.Contains(ids, r.questionID) {
			ids = append(ids, r.questionID)
		}
	}
	out := map[string]*symposium.LiveQuestion{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := t.sql.QueryContext(t.ctx, `SELECT `+liveQuestionColumns+` FROM live_questions
		WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, ids)
	if err != nil {
		return nil, fmt.Errorf("lock questions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q symposium.LiveQuestion
		if err := scanLiveQuestion(rows, &q); err != nil {
			return nil, fmt.Errorf("lock questions: %w", err)
		}
		out[q.ID] = &q
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lock questions: %w", err)
	}
	for i, r := range batch {
		q, ok := out[r.questionID]
		switch {
		case results[i].err != nil:
		case !ok:
			results[i].err = symposium.NotFound()
		case q.Status != symposium.LiveVisible:
			results[i].err = symposium.Errorf(symposium.ECONFLICT, "error.live.not_visible")
		}
	}
	return out, nil
}

// castVotes adds the rows of the votes given and removes those of the
// votes withdrawn, and returns by how much each question's count moves.
func castVotes(t *tx, batch []*voteRequest, results []voteResult) (map[string]int, error) {
	var onQ, onV, offQ, offV []string
	for i, r := range batch {
		switch {
		case results[i].err != nil:
		case r.on:
			onQ, onV = append(onQ, r.questionID), append(onV, r.voter)
		default:
			offQ, offV = append(offQ, r.questionID), append(offV, r.voter)
		}
	}
	deltas := map[string]int{}
	if len(onQ) > 0 {
		rows, err := t.sql.QueryContext(t.ctx, `INSERT INTO live_votes (question_id, voter, created_at)
			SELECT q, v, $3::timestamptz FROM unnest($1::text[], $2::text[]) AS u(q, v)
			ON CONFLICT (question_id, voter) DO NOTHING RETURNING question_id, 1`, onQ, onV, ts(now()))
		if err := addDeltas(deltas, rows, err, 1); err != nil {
			return nil, fmt.Errorf("add votes: %w", err)
		}
	}
	if len(offQ) > 0 {
		rows, err := t.sql.QueryContext(t.ctx, `DELETE FROM live_votes AS v USING unnest($1::text[], $2::text[]) AS u(q, w)
			WHERE v.question_id = u.q AND v.voter = u.w RETURNING v.question_id, 1`, offQ, offV)
		if err := addDeltas(deltas, rows, err, -1); err != nil {
			return nil, fmt.Errorf("remove votes: %w", err)
		}
	}
	return deltas, nil
}

// addDeltas adds sign for each row of a question's ID that rows returns.
func addDeltas(deltas map[string]int, rows rowScanner, err error, sign int) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var one int
		if err := rows.Scan(&id, &one); err != nil {
			return err
		}
		deltas[id] += sign
	}
	return rows.Err()
}

// moveCounts moves the questions' counts by their deltas with one
// statement and logs each changed question's new count once.
func moveCounts(t *tx, questions map[string]*symposium.LiveQuestion, deltas map[string]int, log *liveLog) error {
	var ids []string
	var by []int32
	for id, d := range deltas {
		if d != 0 {
			ids, by = append(ids, id), append(by, int32(d))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := t.sql.QueryContext(t.ctx, `UPDATE live_questions AS q SET votes = q.votes + d.delta
		FROM unnest($1::text[], $2::int[]) AS d(id, delta) WHERE q.id = d.id RETURNING q.id, q.votes`, ids, by)
	if err != nil {
		return fmt.Errorf("count votes: %w", err)
	}
	counts, err := scanCounts(rows)
	if err != nil {
		return fmt.Errorf("count votes: %w", err)
	}
	// Streams too are taken in one order, by contribution, so that two
	// instances' batches cannot wait for each other's streams.
	slices.SortFunc(ids, func(a, b string) int {
		return strings.Compare(questions[a].ContributionID+"/"+a, questions[b].ContributionID+"/"+b)
	})
	for _, id := range ids {
		q := questions[id]
		q.Votes = counts[id]
		if err := log.vote(t, q); err != nil {
			return err
		}
	}
	return nil
}
