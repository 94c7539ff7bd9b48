#!/usr/bin/env bash
# Installs what Pressroom's run and test commands need from Debian's packages,
# only when it is missing. Usage: scripts/deps.sh [postgres] [promtool]
#
# PostgreSQL is installed only when no server binaries exist at all: an
# unconditional `apt-get install postgresql` could upgrade the server under a
# running cluster. Services the packages would start are held back (policy-rc.d):
# Pressroom starts its own private PostgreSQL and needs no system Prometheus.
set -euo pipefail

need=()
for what in "$@"; do
	case "$what" in
	postgres)
		if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/pg_ctl" ]; then continue; fi
		if compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || command -v pg_ctl >/dev/null; then continue; fi
		need+=(postgresql)
		;;
	promtool)
		command -v promtool >/dev/null && continue
		need+=(prometheus)
		;;
	*)
		echo "deps.sh: unknown dependency $what" >&2
		exit 2
		;;
	esac
done
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null; then
		sudo="sudo"
	else
		echo "missing: ${need[*]}; install them as root: apt-get install -y ${need[*]}" >&2
		exit 1
	fi
fi
echo "installing from Debian's packages: ${need[*]}" >&2
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
	$sudo chmod 755 "$policy"
	created_policy=1
fi
# An if, not `[ … ] && rm`: the trap's last status is the script's, and a
# policy file that was already there (Docker images ship one) made a
# successful install exit 1.
cleanup() {
	if [ -n "$created_policy" ]; then
		$sudo rm -f "$policy"
	fi
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
