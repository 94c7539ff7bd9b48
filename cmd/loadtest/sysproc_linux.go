package main

import "syscall"

// childProcAttr puts a child in its own process group, so a terminal's
// Ctrl-C reaches only the load generator, which stops its children in
// order; the kernel sends the child sig should the load generator die
// suddenly.
func childProcAttr(sig syscall.Signal) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: sig}
}
