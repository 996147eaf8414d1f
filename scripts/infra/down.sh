#!/usr/bin/env bash
# Stops what scripts/infra/up.sh started (and nothing else).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/postgres.sh" down
