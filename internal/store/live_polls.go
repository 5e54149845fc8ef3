package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"symposium"
)

const livePollColumns = `id, contribution_id, question, kind, multiple, options, status, hide_results, created_at`

// scanLivePoll reads a row of livePollColumns.
func scanLivePoll(row interface{ Scan(...any) error }, p *symposium.LivePoll) error {
	return row.Scan(&p.ID, &p.ContributionID, jsonCol{&p.Question}, &p.Kind, &p.Multiple, jsonCol{&p.Options}, &p.Status,
		&p.HideResults, timeCol{&p.CreatedAt})
}

// AddLivePoll stores a new poll of a contribution at an event and
// announces it.
func (s *Store) AddLivePoll(ctx context.Context, eventID string, p *symposium.LivePoll) error {
	p.CreatedAt = now()
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		_, err := t.exec(`INSERT INTO live_polls (`+livePollColumns+`, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			p.ID, p.ContributionID, jsonText(p.Question), p.Kind, p.Multiple, jsonText(p.Options), p.Status, p.HideResults,
			ts(p.CreatedAt), eventID)
		if err != nil {
			return err
		}
		return logPoll(t, log, p)
	})
	if err != nil {
		return fmt.Errorf("store: add live poll: %w", err)
	}
	return nil
}

// LivePoll returns one poll with its results.
func (s *Store) LivePoll(ctx context.Context, id string) (*symposium.LivePoll, error) {
	if !symposium.IsID(id) {
		return nil, symposium.NotFound()
	}
	var p symposium.LivePoll
	if err := scanLivePoll(s.read.QueryRowContext(ctx, `SELECT `+livePollColumns+` FROM live_polls WHERE id = $1`, id), &p); err != nil {
		return nil, notFound("live poll", err)
	}
	res, err := pollResults(ctx, s.read, &p)
	if err != nil {
		return nil, fmt.Errorf("store: live poll: %w", err)
	}
	p.Results = res
	return &p, nil
}

// LivePolls lists a contribution's polls in the order they were made,
// with their results; each says whether voter answered it.
func (s *Store) LivePolls(ctx context.Context, contributionID, voter string) ([]symposium.LivePoll, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+livePollColumns+`,
		EXISTS (SELECT 1 FROM live_poll_answers a WHERE a.poll_id = p.id AND a.voter = $2)
		FROM live_polls p WHERE contribution_id = $1 ORDER BY created_at, id`, contributionID, voter)
	if err != nil {
		return nil, fmt.Errorf("store: live polls: %w", err)
	}
	out := []symposium.LivePoll{}
	for rows.Next() {
		var p symposium.LivePoll
		err := rows.Scan(&p.ID, &p.ContributionID, jsonCol{&p.Question}, &p.Kind, &p.Multiple, jsonCol{&p.Options}, &p.Status,
			&p.HideResults, timeCol{&p.CreatedAt}, &p.Answered)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: live polls: %w", err)
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: live polls: %w", err)
	}
	for i := range out {
		if out[i].Results, err = pollResults(ctx, s.read, &out[i]); err != nil {
			return nil, fmt.Errorf("store: live polls: %w", err)
		}
	}
	return out, nil
}

// pollResults counts a poll's answers: per option, or per word, most
// given first.
func pollResults(ctx context.Context, q querier, p *symposium.LivePoll) (*symposium.PollResults, error) {
	rows, err := q.QueryContext(ctx, `SELECT choices, word FROM live_poll_answers WHERE poll_id = $1`, p.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	res := &symposium.PollResults{}
	if p.Kind == symposium.PollChoice {
		res.Counts = make([]int, len(p.Options))
	}
	words := map[string]int{}
	for rows.Next() {
		var choices []int
		var word string
		if err := rows.Scan(jsonCol{&choices}, &word); err != nil {
			return nil, err
		}
		res.Voters++
		for _, c := range choices {
			if c >= 0 && c < len(res.Counts) {
				res.Counts[c]++
			}
		}
		if word != "" {
			words[word]++
		}
	}
	for w, n := range words {
		res.Words = append(res.Words, symposium.WordCount{Word: w, Count: n})
	}
	sort.Slice(res.Words, func(i, j int) bool {
		a, b := res.Words[i], res.Words[j]
		return a.Count > b.Count || (a.Count == b.Count && a.Word < b.Word)
	})
	return res, rows.Err()
}

// txQuerier lets a transaction serve as a querier.
type txQuerier struct{ t *tx }

// QueryContext runs a query in the transaction.
func (q txQuerier) QueryContext(_ context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.t.query(query, args...)
}

// logPoll announces a poll as it stands, its results counted in the
// transaction; the audience gets no drafts, and no results while they
// are hidden.
func logPoll(t *tx, log *liveLog, p *symposium.LivePoll) error {
	res, err := pollResults(t.ctx, txQuerier{t}, p)
	if err != nil {
		return err
	}
	p.Results = res
	var public any
	if p.Status != symposium.PollDraft {
		public = p.ForAudience()
	}
	return log.add(t, p.ContributionID, symposium.LiveEventPoll, public, p)
}

// SetLivePollStatus opens or closes a poll and announces it.
func (s *Store) SetLivePollStatus(ctx context.Context, id, status string) (*symposium.LivePoll, error) {
	var p symposium.LivePoll
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		err := scanLivePoll(t.queryRow(`SELECT `+livePollColumns+` FROM live_polls WHERE id = $1`+t.d.forUpdate, id), &p)
		if err != nil {
			return notFound("live poll", err)
		}
		if err := p.SetStatus(status); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE live_polls SET status = $2 WHERE id = $1`, id, p.Status); err != nil {
			return err
		}
		return logPoll(t, log, &p)
	})
	if err != nil {
		return nil, wrapLive("set live poll status", err)
	}
	return &p, nil
}

// AnswerLivePoll records voter's answer to an open poll, replacing an
// earlier one (one answer per person), and announces the new results.
func (s *Store) AnswerLivePoll(ctx context.Context, id, voter string, choices []int, word string) (*symposium.LivePoll, error) {
	var p symposium.LivePoll
	err := s.writeLive(ctx, func(t *tx, log *liveLog) error {
		err := scanLivePoll(t.queryRow(`SELECT `+livePollColumns+` FROM live_polls WHERE id = $1`+t.d.forUpdate, id), &p)
		if err != nil {
			return notFound("live poll", err)
		}
		if p.Status != symposium.PollOpen {
			return symposium.Errorf(symposium.ECONFLICT, "error.live.poll_not_open")
		}
		if choices == nil {
			choices = []int{}
		}
		_, err = t.exec(`INSERT INTO live_poll_answers (poll_id, voter, choices, word, created_at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (poll_id, voter) DO UPDATE SET choices = $3, word = $4`, id, voter, jsonText(choices), word, ts(now()))
		if err != nil {
			return err
		}
		p.Answered = true
		return logPoll(t, log, &p)
	})
	if err != nil {
		return nil, wrapLive("answer live poll", err)
	}
	return &p, nil
}
