#!/usr/bin/env bash
# One line per server; exits non-zero if any of them is down.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rc=0
for s in postgres redis kafka; do bash "$here/$s.sh" status || rc=1; done
exit $rc
