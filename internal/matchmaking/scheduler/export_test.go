package scheduler

// WithoutExact makes Solve use its local search even on the smallest
// instances, until the returned function restores it.
func WithoutExact() func() {
	old := exactLimit
	exactLimit = -1
	return func() { exactLimit = old }
}
