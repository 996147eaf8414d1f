#!/usr/bin/env bash
# Starts every server the integration suites need, on 127.0.0.1, installing what is missing.
# Stops at the first one that fails (its own message says why) and exits non-zero.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for s in postgres redis kafka; do
  bash "$here/$s.sh" up || { echo "infra: $s failed to start" >&2; exit 1; }
done
