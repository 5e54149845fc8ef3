package bench

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"symposium/internal/names"
	"symposium/internal/names/eval"
)

// BenchmarkNamesSearch measures finding people by name across scripts:
// it indexes the 100,000 generated people of the evaluation set
// (internal/names/eval) in memory, then runs its 2,000 queries (Russian
// and Kazakh in romanizations, Chinese in pinyin, English reordered, half
// with a typo) one after another, asking for ten results each, and
// reports the median and the 99th percentile of their latency.
func BenchmarkNamesSearch(b *testing.B) {
	set := eval.Generate(eval.Seed, eval.NumPeople, eval.NumQueries)
	x := buildNames(set)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := make([]time.Duration, len(set.Queries))
		for j, q := range set.Queries {
			t0 := time.Now()
			x.Search(q.Text, 10)
			d[j] = time.Since(t0)
		}
		slices.Sort(d)
		b.ReportMetric(ms(d[len(d)/2]), "p50-ms")
		b.ReportMetric(ms(d[len(d)*99/100]), "p99-ms")
		b.ReportMetric(ms(d[len(d)-1]), "max-ms")
	}
}

// BenchmarkNamesBuild measures indexing the 100,000 generated people of
// the evaluation set, and the memory the index holds: the heap in use
// after a garbage collection with the index built, less the same before
// building it (the people themselves, generated beforehand, are not
// counted).
func BenchmarkNamesBuild(b *testing.B) {
	set := eval.Generate(eval.Seed, eval.NumPeople, 0)
	for i := 0; i < b.N; i++ {
		before := heapInUse()
		t0 := time.Now()
		x := buildNames(set)
		elapsed := time.Since(t0)
		after := heapInUse()
		b.ReportMetric(ms(elapsed), "build-ms")
		b.ReportMetric(float64(after-before)/(1<<20), "heap-MiB")
		runtime.KeepAlive(x)
	}
}

// buildNames indexes the people of an evaluation set.
func buildNames(set *eval.Set) *names.Index {
	x := names.NewIndex()
	for _, p := range set.People {
		x.Put(p.ID, p.Names...)
	}
	return x
}

// heapInUse returns the bytes of heap in use after a garbage collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

// ms writes a duration in milliseconds.
func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}
