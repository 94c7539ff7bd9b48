//go:build linux

package pglocal

import "syscall"

// sysProcAttr runs a server process as acct, in its own process group (so a
// terminal's Ctrl-C reaches only us, and we shut the server down in order),
// and asks the kernel to send it SIGQUIT (immediate shutdown) if we die
// without stopping it. Pdeathsig is tied to the forking OS thread; the Go
// runtime keeps its threads alive unless a goroutine exits while locked to
// one, which this package never does.
func sysProcAttr(acct account) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	if acct.switchUser {
		a.Credential = &syscall.Credential{Uid: acct.uid, Gid: acct.gid}
	}
	return a
}
