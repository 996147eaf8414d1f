#!/usr/bin/env bash
# A real Redis server on 127.0.0.1 for the integration suites (BullMQ), without Docker.
#   bash scripts/infra/redis.sh up|down|status
# Installs Debian's redis-server package if redis-server is not on PATH, then runs a private,
# daemonized instance with its pidfile and log in .infra/redis (never the system service, which
# Debian may start on 6379; ours is separate). Idempotent: `up` twice is fine, and `down` stops
# only the instance this script started.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${HOMEWARD_REDIS_PORT:-56379}"
DIR="$ROOT/.infra/redis"
PIDFILE="$DIR/redis.pid"
LOG="$DIR/redis.log"
URL="redis://127.0.0.1:$PORT"

install_server() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  echo "redis: installing Debian's redis-server package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
}

# Pid of the instance this script started, if it is still a redis-server; empty otherwise.
our_pid() {
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "redis-server" ] && echo "$pid"
  return 0
}

ping() { [ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null || true)" = "PONG" ]; }

up() {
  install_server
  mkdir -p "$DIR"
  if [ -n "$(our_pid)" ]; then
    echo "redis: already running on 127.0.0.1:$PORT"
  elif ping; then
    echo "redis: port $PORT answers but not from the instance in $DIR; stop it or set HOMEWARD_REDIS_PORT" >&2
    exit 1
  else
    redis-server --daemonize yes --bind 127.0.0.1 --port "$PORT" --dir "$DIR" \
      --pidfile "$PIDFILE" --logfile "$LOG" --maxmemory-policy noeviction \
      --save "" --appendonly no >/dev/null
    echo "redis: started on 127.0.0.1:$PORT"
  fi
  for _ in $(seq 1 60); do
    if ping; then
      local policy
      policy="$(redis-cli -h 127.0.0.1 -p "$PORT" config get maxmemory-policy | tail -n 1)"
      [ "$policy" = "noeviction" ] || { echo "redis: maxmemory-policy is '$policy', BullMQ needs noeviction" >&2; exit 1; }
      echo "REDIS_URL=$URL"; return 0
    fi
    sleep 0.5
  done
  echo "redis: not ready; last log lines:" >&2; tail -n 30 "$LOG" >&2 || true; exit 1
}

down() {
  local pid; pid="$(our_pid)"
  if [ -z "$pid" ]; then echo "redis: not running"; rm -f "$PIDFILE"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$PIDFILE"
  echo "redis: stopped"
}

status() {
  if [ -n "$(our_pid)" ] && ping; then
    echo "redis: running on 127.0.0.1:$PORT ($URL)"
  else
    echo "redis: not running"; return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
