package api

import "context"

// HoldBodyBudget takes all of a's body budget but free bytes, as in-flight
// uploads would, until the returned func is called.
func (a *API) HoldBodyBudget(free int64) (release func()) {
	n := a.bodies.total - free
	if err := a.bodies.sem.Acquire(context.Background(), n); err != nil {
		panic(err)
	}
	return func() { a.bodies.sem.Release(n) }
}

// HoldExpensiveReads takes every expensive-read slot until the returned
// func is called.
func (a *API) HoldExpensiveReads() (release func()) {
	for range cap(a.expensive.slots) {
		a.expensive.slots <- struct{}{}
	}
	return func() {
		for range cap(a.expensive.slots) {
			<-a.expensive.slots
		}
	}
}
