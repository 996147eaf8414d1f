#!/usr/bin/env bash
# A real PostgreSQL server on 127.0.0.1 for the integration suites, without Docker.
#   bash scripts/infra/postgres.sh up|down|status
# Installs Debian's postgresql package if no server binaries are present, then runs a private
# cluster in .infra/postgres (owned by the `postgres` OS user when run as root). Idempotent:
# `up` twice is fine, and `down` stops only the cluster this script started.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${HOMEWARD_PG_PORT:-55432}"
DIR="$ROOT/.infra/postgres"
DATA="$DIR/data"
LOG="$DIR/server.log"
URL="postgres://homeward@127.0.0.1:$PORT/postgres"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_server() {
  [ -n "$(find_bin)" ] && return 0
  echo "postgres: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  # Debian's package starts its own cluster on 5432 where it can; ours is separate.
}

up() {
  install_server
  local bin; bin="$(find_bin)"
  [ -n "$bin" ] || { echo "postgres: no server binaries found after install" >&2; exit 1; }
  mkdir -p "$DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$DATA" -U homeward --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "postgres: already running on 127.0.0.1:$PORT"
  else
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200" >/dev/null
    echo "postgres: started on 127.0.0.1:$PORT"
  fi
  for _ in $(seq 1 60); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$PORT" -q && { echo "TEST_DATABASE_URL=$URL"; return 0; }
    sleep 0.5
  done
  echo "postgres: not ready; last log lines:" >&2; tail -n 30 "$LOG" >&2; exit 1
}

down() {
  local bin; bin="$(find_bin)"
  if [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "postgres: stopped"
  else
    echo "postgres: not running"
  fi
}

status() {
  local bin; bin="$(find_bin)"
  if [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "postgres: running on 127.0.0.1:$PORT ($URL)"
  else
    echo "postgres: not running"; return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
