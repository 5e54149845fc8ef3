// Package bench holds Symposium's benchmarks and load scenarios. Each one
// states its method; the figures measured are in RESULTS.md. Run them with
//
//	go test -run '^$' -bench . -benchtime 1x ./bench
//
// They use real databases and the real HTTP handler, never mocks.
package bench
