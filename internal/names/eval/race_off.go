//go:build !race

package eval

// raceEnabled is whether the race detector is on: tests then run on a
// smaller set.
const raceEnabled = false
