#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, combined broker + controller) on 127.0.0.1 for
# the integration suites, without Docker.
#   bash scripts/infra/kafka.sh up|down|status
# The broker's jars come from Maven Central (scripts/infra/kafka/pom.xml, resolved once into
# .infra/kafka/lib; ~/.m2 caches them too); config lives in scripts/infra/kafka/. Every `up` that
# finds no broker running formats a fresh data dir. Idempotent: `up` twice is fine, and `down`
# stops only the broker this script started (the java kafka.Kafka pid in .infra/kafka/broker.pid).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONF="$HERE/kafka"
PORT="${HOMEWARD_KAFKA_PORT:-59092}"
CONTROLLER_PORT="${HOMEWARD_KAFKA_CONTROLLER_PORT:-59093}"
DIR="$ROOT/.infra/kafka"
LIB="$DIR/lib"
DATA="$DIR/data"
PROPS="$DIR/server.properties"
LOG="$DIR/broker.log"
PIDFILE="$DIR/broker.pid"
CLUSTER_ID="MkU3OEVBNTcwNTJENDM2Qk" # any base64url of 16 bytes; the data dir is fresh each time
READY_TIMEOUT=90
BROKERS="127.0.0.1:$PORT"

JVM=(-Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError
     -Djava.awt.headless=true "-Dlog4j.configuration=file:$CONF/log4j.properties" -cp "$LIB/*")

# Jars for the pinned version; skipped when lib/ was resolved from the same pom.xml.
resolve_jars() {
  local stamp; stamp="$(sha256sum "$CONF/pom.xml" | cut -d' ' -f1)"
  [ "$(cat "$LIB/.resolved" 2>/dev/null || true)" = "$stamp" ] && return 0
  command -v mvn >/dev/null || { echo "kafka: mvn is not on PATH" >&2; exit 1; }
  echo "kafka: resolving broker jars from Maven Central"
  rm -rf "$LIB" # left-over jars of another version would mix on the classpath
  # (Debian's Maven 3.8 prints stray colour resets even in batch mode: keep its output in a file.)
  if ! mvn -B -q -f "$CONF/pom.xml" dependency:copy-dependencies "-DoutputDirectory=$LIB" > "$DIR/mvn.log" 2>&1; then
    echo "kafka: mvn dependency:copy-dependencies failed:" >&2; tail -n 40 "$DIR/mvn.log" >&2; exit 1
  fi
  ls "$LIB"/kafka_2.13-*.jar >/dev/null
  echo "$stamp" > "$LIB/.resolved"
}

# Pid of the broker this script started, if it is still a java kafka.Kafka; empty otherwise.
our_pid() {
  local pid args
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "java" ] || return 0
  args="$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null || true)"
  grep -qx 'kafka\.Kafka' <<< "$args" && echo "$pid"
  return 0
}

# Print why the broker did not come up (the first errors, then the log tail), and exit 1.
fail() {
  echo "kafka: $1; see $LOG" >&2
  grep -E -A2 '^\[[^]]*\] (ERROR|FATAL)' "$LOG" 2>/dev/null | head -n 20 >&2 || true
  echo "kafka: last log lines:" >&2; tail -n 20 "$LOG" >&2 || true
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if port_open "$PORT" || port_open "$CONTROLLER_PORT"; then
    echo "kafka: port $PORT or $CONTROLLER_PORT is taken by another process; stop it or set HOMEWARD_KAFKA_PORT" >&2
    exit 1
  fi
  rm -rf "$DATA" && mkdir -p "$DATA"
  { cat "$CONF/server.properties"
    echo
    echo "# --- written by kafka.sh ---"
    echo "log.dirs=$DATA"
    echo "listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
    echo "advertised.listeners=PLAINTEXT://127.0.0.1:$PORT"
    echo "controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT"
  } > "$PROPS"
  java "${JVM[@]}" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$PROPS" > "$LOG" 2>&1 ||
    fail "formatting $DATA failed"
  # Own session, so the broker outlives this shell and a terminal hang-up.
  setsid java "${JVM[@]}" kafka.Kafka "$PROPS" >> "$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  echo "kafka: started on $BROKERS (pid $!)"
}

up() {
  mkdir -p "$DIR"
  if [ -n "$(our_pid)" ]; then echo "kafka: already running on $BROKERS"; else resolve_jars; start; fi
  # The broker opens its client port only once it has caught up with the metadata log and is
  # unfenced, so an open port means ready (the controller port opens earlier: not a signal).
  local pid; pid="$(cat "$PIDFILE")"
  for _ in $(seq 1 $((READY_TIMEOUT * 2))); do
    kill -0 "$pid" 2>/dev/null || fail "the broker exited during startup"
    port_open "$PORT" && { echo "KAFKA_BROKERS=$BROKERS"; return 0; }
    sleep 0.5
  done
  fail "not ready after ${READY_TIMEOUT}s (still running as pid $pid; \`down\` stops it)"
}

down() {
  local pid; pid="$(our_pid)"
  if [ -z "$pid" ]; then echo "kafka: not running"; rm -f "$PIDFILE"; return 0; fi
  kill -TERM "$pid" # runs Kafka's shutdown hook: a controlled shutdown
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; echo "kafka: killed (no clean shutdown within 20s)"
  else
    echo "kafka: stopped"
  fi
  rm -f "$PIDFILE"
}

status() {
  if [ -n "$(our_pid)" ] && port_open "$PORT"; then
    echo "kafka: running on $BROKERS (KAFKA_BROKERS=$BROKERS)"
  else
    echo "kafka: not running"; return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
