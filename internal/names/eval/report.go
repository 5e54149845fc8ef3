package eval

import (
	"fmt"
	"slices"
	"strings"
)

// Row counts the queries of one kind, or of a group of kinds, and how many
// found their person first and among the first ten.
type Row struct {
	Kind           string
	N, Top1, Top10 int
}

// Recall1 is the share of queries that found their person first.
func (r Row) Recall1() float64 { return share(r.Top1, r.N) }

// Recall10 is the share of queries that found their person among the
// first ten.
func (r Row) Recall10() float64 { return share(r.Top10, r.N) }

// share is k out of n, or 0 of none.
func share(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// add counts one query whose person came at rank (0 first, -1 not found).
func (r *Row) add(rank int) {
	r.N++
	if rank == 0 {
		r.Top1++
	}
	if rank >= 0 && rank < 10 {
		r.Top10++
	}
}

// Report tallies search results by kind of query.
type Report struct {
	rows map[string]*Row
}

// Add counts a query whose person came at rank in the results: 0 for
// first, -1 for not found.
func (r *Report) Add(q Query, rank int) {
	if r.rows == nil {
		r.rows = map[string]*Row{}
	}
	script, _, _ := strings.Cut(q.Kind, "-")
	typo := "no typo"
	if strings.HasSuffix(q.Kind, Typo) {
		typo = "typo"
	}
	for _, k := range []string{q.Kind, "all " + script, "all " + typo, "all"} {
		if r.rows[k] == nil {
			r.rows[k] = &Row{Kind: k}
		}
		r.rows[k].add(rank)
	}
}

// Rank returns where id comes in results, 0 for first, or -1 if absent.
func Rank(ids []string, id string) int {
	return slices.Index(ids, id)
}

// Total is the row of all queries.
func (r *Report) Total() Row {
	if row := r.rows["all"]; row != nil {
		return *row
	}
	return Row{Kind: "all"}
}

// Rows returns the rows by kind, sorted, then the groups: each script,
// queries without and with a typo, and all.
func (r *Report) Rows() []Row {
	var kinds, groups []Row
	for _, row := range r.rows {
		if strings.HasPrefix(row.Kind, "all") {
			groups = append(groups, *row)
		} else {
			kinds = append(kinds, *row)
		}
	}
	byKind := func(a, b Row) int { return strings.Compare(a.Kind, b.Kind) }
	slices.SortFunc(kinds, byKind)
	slices.SortFunc(groups, func(a, b Row) int {
		// "all" itself last.
		if (a.Kind == "all") != (b.Kind == "all") {
			if a.Kind == "all" {
				return 1
			}
			return -1
		}
		return byKind(a, b)
	})
	return append(kinds, groups...)
}

// Table writes the rows as a Markdown table.
func (r *Report) Table() string {
	var b strings.Builder
	b.WriteString("| kind | queries | recall@1 | recall@10 |\n|---|---:|---:|---:|\n")
	for _, row := range r.Rows() {
		fmt.Fprintf(&b, "| %s | %d | %.1f%% | %.1f%% |\n", row.Kind, row.N, 100*row.Recall1(), 100*row.Recall10())
	}
	return b.String()
}
