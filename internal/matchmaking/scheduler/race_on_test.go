//go:build race

package scheduler_test

// raceEnabled says the race detector is on; timed searches get longer.
const raceEnabled = true
