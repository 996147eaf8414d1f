#!/usr/bin/env bash
# Stops what scripts/infra/up.sh started (and nothing else).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rc=0
for s in kafka redis postgres; do bash "$here/$s.sh" down || rc=1; done
exit $rc
