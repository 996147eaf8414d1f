#!/usr/bin/env bash
# Runs Homeward as a user would (`node dist/...` after `npm run build`, as `npm start` does) and
# walks the README's curl path: a missing report, a found report, the interview in the queue,
# allocated and held with the screening tool.
#   bash scripts/smoke.sh               # embedded default (PGlite in a temporary directory)
#   DATABASE_URL=postgres://... bash scripts/smoke.sh   # on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SMOKE_PORT:-3917}"
BASE="http://127.0.0.1:$PORT"
DATA_DIR="$(mktemp -d)"
LOG="$DATA_DIR/homeward.log"
export PORT DATA_DIR

# The embedded default with the public development key: only NODE_ENV development or test take it.
NODE_ENV="${NODE_ENV:-development}" node dist/apps/homeward/src/main.js >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { echo "smoke: Homeward exited:"; cat "$LOG"; exit 1; }
  sleep 0.5
done
# Without a token /health says only { status }; an admin token shows every check.
ADMIN="$(node scripts/token.js --role admin --sub smoke-admin)"
health="$(curl -fsS "$BASE/health" -H "Authorization: Bearer $ADMIN")"
echo "smoke: health $health"

POLICE="$(node scripts/token.js --role police-system --sub smoke-police)"
WORKER="$(node scripts/token.js --role ri-worker --sub smoke-worker)"
COORDINATOR="$(node scripts/token.js --role ri-coordinator --sub smoke-coordinator --la Walsall)"
REF="SMOKE-$RANDOM$RANDOM"
ago() { date -u -d "-$1 hours" +%Y-%m-%dT%H:%M:%SZ; }

# Prints the status code; the body goes to the log (opening /dev/stderr as a file would truncate it).
post() {
  curl -sS -o "$DATA_DIR/body" -w '%{http_code}' -X POST "$BASE/api/v1/police/notifications" \
    -H "Authorization: Bearer $POLICE" -H 'Content-Type: application/json' -d "$1"
  cat "$DATA_DIR/body" >&2
}
code=$(post "{\"notificationId\":\"$(node -e 'console.log(crypto.randomUUID())')\",\"type\":\"MISSING_REPORTED\",\"force\":\"WMP\",\"policeReference\":\"$REF\",\"occurredAt\":\"$(ago 20)\",\"classification\":\"MISSING\",\"riskLevel\":\"HIGH\",\"cseConcern\":true,\"child\":{\"policePersonId\":\"P-$REF\",\"givenName\":\"Test\",\"familyName\":\"Child\",\"dateOfBirth\":\"2012-01-01\",\"sex\":\"F\",\"responsibleLocalAuthority\":\"Walsall\",\"lookedAfter\":true,\"knownToSocialCare\":true},\"lastSeenLocation\":{\"description\":\"Town centre\"}}")
echo; [ "$code" = "202" ] || { echo "smoke: missing report answered $code"; exit 1; }
code=$(post "{\"notificationId\":\"$(node -e 'console.log(crypto.randomUUID())')\",\"type\":\"CHILD_FOUND\",\"force\":\"WMP\",\"policeReference\":\"$REF\",\"occurredAt\":\"$(ago 2)\",\"foundLocation\":{\"description\":\"Hotel\"}}")
echo; [ "$code" = "202" ] || { echo "smoke: found report answered $code"; exit 1; }

interview=""
for _ in $(seq 1 40); do
  # The coordinator's queue (a worker sees only what is allocated to them); reads state a purpose.
  queue="$(curl -fsS "$BASE/api/v1/interviews" -H "Authorization: Bearer $COORDINATOR" \
    -H 'X-Purpose: smoke test: allocate the new interview')"
  if echo "$queue" | grep -q '"priority":"RED"'; then
    echo "smoke: interview queue $queue"
    interview="$(echo "$queue" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].interviewId))')"
    break
  fi
  sleep 0.25
done
[ -n "$interview" ] || { echo "smoke: the interview never reached the queue"; cat "$LOG"; exit 1; }

# The coordinator allocates it, the worker holds it with the screening tool.
command() {
  curl -sS -o "$DATA_DIR/body" -w '%{http_code}' -X POST "$BASE/api/v1/interviews/$interview/$1" \
    -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"
}
code=$(command allocate "$COORDINATOR" '{"workerId":"smoke-worker"}')
[ "$code" = "200" ] || { echo "smoke: allocate answered $code: $(cat "$DATA_DIR/body")"; exit 1; }
code=$(command complete "$WORKER" "{\"conductedAt\":\"$(ago 0)\",\"screening\":{\"significant\":[{\"code\":\"MISSING_EPISODES\",\"when\":\"CURRENT\"},{\"code\":\"HOTELS_TAXIS_FAST_FOOD\",\"when\":\"CURRENT\"}],\"medium\":[\"ALCOHOL_MISUSE\"],\"vulnerabilities\":[]},\"locationsVisited\":[{\"description\":\"Hotel\"}],\"associates\":[],\"pushFactors\":\"\",\"pullFactors\":\"\",\"childsVoice\":\"Talked about the hotel\",\"disclosures\":\"\"}")
[ "$code" = "200" ] || { echo "smoke: complete answered $code: $(cat "$DATA_DIR/body")"; exit 1; }
grep -q '"confirmed":"SIGNIFICANT"' "$DATA_DIR/body" || { echo "smoke: unexpected screening $(cat "$DATA_DIR/body")"; exit 1; }
echo "smoke: interview held, screening $(cat "$DATA_DIR/body")"
echo "smoke: ok"
