//go:build !linux && !windows

package pglocal

import "syscall"

// sysProcAttr runs a server process as acct in its own process group. There
// is no parent-death signal outside Linux: a killed parent leaves the server
// running, and the next Start adopts it.
func sysProcAttr(acct account) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true}
	if acct.switchUser {
		a.Credential = &syscall.Credential{Uid: acct.uid, Gid: acct.gid}
	}
	return a
}
