//go:build race

package server_test

// raceEnabled says the race detector is on; heavy tests scale down.
const raceEnabled = true
