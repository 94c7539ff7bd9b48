package main

import "syscall"

// childProcAttr has nothing to set on Windows: there are no process groups
// to leave and no parent-death signal, so a load generator killed outright
// leaves its children running (stop them by hand). Signals other than a
// kill do not reach a Windows child either; the load generator's
// shutdown falls back to killing it.
func childProcAttr(syscall.Signal) *syscall.SysProcAttr {
	return nil
}
