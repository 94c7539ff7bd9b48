//go:build unix && !linux

package main

import "syscall"

// childProcAttr puts a child in its own process group. There is no
// parent-death signal outside Linux: a load generator killed outright
// leaves its children running (stop them by hand).
func childProcAttr(syscall.Signal) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
