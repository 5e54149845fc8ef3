package bench

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"symposium/internal/events"
	"symposium/internal/names/eval"
	"symposium/internal/search"
)

// BenchmarkDuplicatesQueue measures the queue of likely duplicate people
// on the 100,000 people of the evaluation set stored in SQLite: the first
// request after start, which starts comparing every person with their five
// most similar names and answers with what is found within two seconds,
// and a request after the first pair was merged; then, once the first
// comparison is stored, a restart: loading a new search service and its
// first request for the queue, which reads the pairs kept in the database.
func BenchmarkDuplicatesQueue(b *testing.B) {
	set := eval.Generate(eval.Seed, eval.NumPeople, 0)
	s := sqliteStore(b)
	storePeople(b, s, set)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		se := search.New(s, events.New(s, nil), slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err := se.Load(ctx); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		pairs, err := se.Duplicates(ctx, nil, 100)
		if err != nil {
			b.Fatal(err)
		}
		first := time.Since(t0)
		if _, err := s.MergePeople(ctx, pairs[0].A.ID, pairs[0].B.ID, ""); err != nil {
			b.Fatal(err)
		}
		t0 = time.Now()
		if _, err := se.Duplicates(ctx, nil, 100); err != nil {
			b.Fatal(err)
		}
		afterMerge := time.Since(t0)
		// Wait for the first comparison of everyone to be stored, then
		// start again: the new service reads the pairs and compares nobody.
		for {
			if _, complete, err := s.DuplicateCandidates(ctx); err != nil {
				b.Fatal(err)
			} else if complete {
				break
			}
			time.Sleep(time.Second)
		}
		t0 = time.Now()
		again := search.New(s, events.New(s, nil), slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err := again.Load(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := again.Duplicates(ctx, nil, 100); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(ms(first), "first-ms")
		b.ReportMetric(ms(afterMerge), "after-merge-ms")
		b.ReportMetric(float64(len(pairs)), "pairs-shown")
		b.ReportMetric(ms(time.Since(t0)), "restart-load-and-queue-ms")
		b.ReportMetric(float64(again.Stats().Compared), "compared-after-restart")
	}
}
