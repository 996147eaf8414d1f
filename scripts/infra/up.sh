#!/usr/bin/env bash
# Starts every server the integration suites need, on 127.0.0.1, installing what is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/postgres.sh" up
