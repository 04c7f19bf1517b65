#!/usr/bin/env bash
# Several Stride nodes on one PostgreSQL behind HAProxy, all on this machine (issue 20).
#
# Usage: bench/cluster.sh start | stop | status | restart-node N | kill-node N | start-node N | check
#   start         installs HAProxy if missing, builds the jar, makes a fresh database "stride_cluster", starts NODES
#                 nodes on ports 8141.. (node 1 first, so that one node alone creates the schema and the admin), waits
#                 until each is ready, then starts HAProxy on 8140 and prints the addresses
#   stop          stops everything start started (HAProxy, then the nodes: SIGTERM, SIGKILL after 60 s)
#   status        each node's process and readiness, and whether HAProxy counts it up
#   restart-node  graceful stop of node N (readiness turns OUT_OF_SERVICE, HAProxy takes it out, requests in flight
#                 finish), then start it again and wait until it is ready
#   kill-node     kill -9 node N, as a crash would
#   start-node    start node N again (after kill-node) and wait until it is ready
#   check         bench/cluster-check.sh: pages signed in and an API journey through the balancer
#   journeys      runs browser journeys (JOURNEYS, a -Dtest pattern) with the browser sent through the balancer and the
#                 tests' own set-up written into the cluster's database (STRIDE_JOURNEY_BASE_URL, STRIDE_TEST_DB_URL)
# Environment: NODES (2, at most 3), PGHOST (127.0.0.1), PGPORT (5432), SKIP_BUILD=1, KEEP_DATA=1 (keep the database),
#   DEMO_DATA (false; true seeds the Acme demo organization), APP_HEAP (768m per node), DRAIN_DELAY (3s: how long a
#   stopping node serves on after its readiness turned OUT_OF_SERVICE; HAProxy needs 2 failed checks 1 s apart),
#   ADMIN_EMAIL, ADMIN_PASSWORD
# Files: target/cluster/ holds haproxy.cfg, haproxy.log, node-N.log, the pid files and cluster.env (for the check).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/cluster
# the settings the running cluster was started with, for the commands after start
if [ "${1:-}" != start ] && [ -f "$DIR/cluster.env" ]; then . "$DIR/cluster.env"; fi
NODES=${NODES:-2}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=stride_cluster
BALANCER_PORT=8140
FIRST_NODE_PORT=8141
ADMIN_EMAIL=${ADMIN_EMAIL:-cluster-admin@cluster.test}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-cluster-admin-password}
DEMO_DATA=${DEMO_DATA:-false}
APP_HEAP=${APP_HEAP:-768m}
DRAIN_DELAY=${DRAIN_DELAY:-3s}
BASE="http://127.0.0.1:$BALANCER_PORT"
declare -A STARTED=()

. bench/lib.sh

node_port() { echo $(( FIRST_NODE_PORT + $1 - 1 )); }
node_pid() { cat "$DIR/node-$1.pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
readiness() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(node_port "$1")/actuator/health/readiness" || true; }

check_node_number() {
  [[ "${1:-}" =~ ^[1-3]$ ]] && [ "$1" -le "$NODES" ] || { echo "node number 1..$NODES expected, got '${1:-}'"; exit 2; }
}

install_haproxy() {
  if ! command -v haproxy >/dev/null; then
    echo "== installing HAProxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy >"$DIR/apt.log" 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update >>"$DIR/apt.log" 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy >>"$DIR/apt.log" 2>&1; } \
      || { echo "HAProxy could not be installed; see $DIR/apt.log"; exit 1; }
    # the package may start its own service on the default configuration; only ours is wanted here
    service haproxy stop >/dev/null 2>&1 || true
  fi
}

# Starts node N in its own session (a stop of the shell that started it does not reach it); the pid file names the
# JVM itself, since bash execs it.
start_node() {
  local n=$1 port; port=$(node_port "$1")
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "port $port is taken by something else; stop it first"; exit 1
  fi
  echo "== node-$n on port $port"
  rm -f "$DIR/node-$n.pid"
  STARTED[$n]=$SECONDS
  STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride PORT=$port \
  STRIDE_BASE_URL=$BASE STRIDE_NODE_NAME=node-$n STRIDE_DEMO_DATA=$DEMO_DATA \
  STRIDE_ADMIN_EMAIL=$ADMIN_EMAIL STRIDE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  STRIDE_SHUTDOWN_DRAIN_DELAY=$DRAIN_DELAY STRIDE_FORWARD_HEADERS=native STRIDE_TRUSTED_PROXIES=127.0.0.1/32 \
  JAR=$JAR JAVA=$JAVA HEAP=$APP_HEAP PIDFILE="$DIR/node-$n.pid" \
    setsid bash -c 'echo $$ > "$PIDFILE"; exec "$JAVA" -Xmx$HEAP -XX:+UseG1GC -jar "$JAR" \
      --logging.level.io.stride.shared.web.RequestLogging=WARN' >>"$DIR/node-$n.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [ -s "$DIR/node-$n.pid" ] && break; sleep 0.1; done
}

wait_ready() {
  local n=$1
  for _ in $(seq 1 300); do
    [ "$(readiness "$n")" = 200 ] && { echo "   node-$n ready $(( SECONDS - ${STARTED[$n]} )) s after its start"; return 0; }
    alive "$(node_pid "$n")" || { echo "node-$n stopped while starting; the end of $DIR/node-$n.log:"; tail -n 30 "$DIR/node-$n.log"; exit 1; }
    sleep 1
  done
  echo "node-$n not ready after 300 s; see $DIR/node-$n.log"; exit 1
}

stop_node() {
  local n=$1 pid; pid=$(node_pid "$1")
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do alive "$pid" || break; sleep 1; done
    if alive "$pid"; then echo "node-$n still running after 60 s: kill -9"; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$DIR/node-$n.pid"
}

write_haproxy_config() {
  local n servers=""
  for n in $(seq 1 "$NODES"); do servers+="    server node-$n 127.0.0.1:$(node_port "$n") check"$'\n'; done
  cat >"$DIR/haproxy.cfg" <<CFG
# written by bench/cluster.sh: $NODES Stride nodes behind one address
global
    log stdout format raw local0 info
    maxconn 4096
    stats socket $PWD/$DIR/haproxy.sock mode 600 level admin

defaults
    mode http
    log global
    option httplog
    option forwardfor
    # read the whole request before a node sees it (a slow client costs HAProxy a connection, not a node a thread)
    option http-buffer-request
    timeout http-request 10s
    timeout connect 2s
    timeout client 30s
    # drafting a long document takes a while
    timeout server 120s
    timeout queue 10s
    timeout check 2s
    # a request whose connection to a node fails is tried again, on another node; so is one the node closed without
    # an answer (it died with the request in hand: kill -9), unless retrying could write twice (below)
    retries 3
    retry-on conn-failure empty-response
    option redispatch 1

frontend stride
    bind 127.0.0.1:$BALANCER_PORT
    # a POST or PATCH that reached a node may have been written before the node died: tried again only when it
    # carries an Idempotency-Key (the API answers a repeat with the first result) or starts-or-resumes a quiz attempt
    # (one open attempt per learner and course); GET, PUT and DELETE are idempotent
    http-request disable-l7-retry if { method POST PATCH } !{ req.hdr(Idempotency-Key) -m found } !{ path_end /attempts/current }
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    http-check expect status 200
    # checked every second: out after 2 failures (the node's drain delay covers this), back after 2 successes
    default-server inter 1s fall 2 rise 2
$servers
CFG
}

start_haproxy() {
  haproxy -c -q -f "$DIR/haproxy.cfg" || { echo "haproxy.cfg is not valid"; exit 1; }
  # in the foreground (-db), in its own session; the pid file names HAProxy itself
  CFG="$DIR/haproxy.cfg" PIDFILE="$DIR/haproxy.pid" \
    setsid bash -c 'echo $$ > "$PIDFILE"; exec haproxy -db -f "$CFG"' >>"$DIR/haproxy.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do
    curl -s -o /dev/null --max-time 1 "$BASE/login" && return 0
    sleep 0.2
  done
  echo "HAProxy did not answer on $BASE; see $DIR/haproxy.log"; exit 1
}

# HAProxy's own view of each node (its stats socket): UP, DOWN, or in transition
haproxy_view() {
  python3 - "$DIR/haproxy.sock" <<'PY' 2>/dev/null || true
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536): data += chunk
for line in data.decode().splitlines():
    f = line.split(",")
    if len(f) > 17 and f[0] == "nodes" and f[1].startswith("node-"):
        print(f"{f[1]}={f[17]}", end=" ")
PY
}

cmd_start() {
  if [[ ! "$NODES" =~ ^[1-3]$ ]]; then echo "NODES must be 1, 2 or 3"; exit 2; fi
  local pid
  for pid in $(cat "$DIR"/haproxy.pid "$DIR"/node-*.pid 2>/dev/null || true); do
    if alive "$pid"; then echo "the cluster is running (pid $pid); bench/cluster.sh stop first"; exit 1; fi
  done
  mkdir -p "$DIR"
  rm -f "$DIR"/*.log
  install_haproxy
  build_unless_skipped
  JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)
  if [ -z "${KEEP_DATA:-}" ]; then
    fresh_database "$DB"
  elif [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE $DB OWNER stride" >/dev/null
  fi
  local v
  for v in NODES ADMIN_EMAIL ADMIN_PASSWORD DEMO_DATA APP_HEAP DRAIN_DELAY; do printf '%s=%q\n' "$v" "${!v}"; done >"$DIR/cluster.env"
  # node 1 alone first: it migrates the empty database and creates the admin; the others then find both done
  start_node 1
  wait_ready 1
  local n
  for n in $(seq 2 "$NODES"); do start_node "$n"; done
  for n in $(seq 2 "$NODES"); do wait_ready "$n"; done
  write_haproxy_config
  echo "== HAProxy on $BASE"
  start_haproxy
  echo "== cluster up: $NODES nodes behind $BASE"
  echo "   sign in at $BASE/login as $ADMIN_EMAIL"
  for n in $(seq 1 "$NODES"); do echo "   node-$n  http://127.0.0.1:$(node_port "$n")  (log $DIR/node-$n.log)"; done
  echo "   HAProxy log $DIR/haproxy.log; bench/cluster.sh status | check | restart-node N | kill-node N | stop"
}

cmd_stop() {
  local pid n
  pid=$(cat "$DIR/haproxy.pid" 2>/dev/null || true)
  if alive "$pid"; then kill -TERM "$pid"; for _ in $(seq 1 20); do alive "$pid" || break; sleep 0.25; done; fi
  rm -f "$DIR/haproxy.pid"
  for n in 1 2 3; do
    if [ -f "$DIR/node-$n.pid" ]; then echo "== stopping node-$n"; stop_node "$n" & fi
  done
  wait
  echo "== stopped"
}

cmd_status() {
  local n pid
  for n in $(seq 1 "$NODES"); do
    pid=$(node_pid "$n")
    if alive "$pid"; then
      echo "node-$n  port $(node_port "$n")  pid $pid  readiness $(readiness "$n")"
    else
      echo "node-$n  port $(node_port "$n")  not running"
    fi
  done
  pid=$(cat "$DIR/haproxy.pid" 2>/dev/null || true)
  if alive "$pid"; then echo "haproxy  port $BALANCER_PORT  pid $pid  sees: $(haproxy_view)"; else echo "haproxy  not running"; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart-node)
    check_node_number "${2:-}"
    JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)
    echo "== graceful stop of node-$2"
    started=$SECONDS
    stop_node "$2"
    echo "   stopped after $(( SECONDS - started )) s"
    start_node "$2"
    wait_ready "$2"
    ;;
  kill-node)
    check_node_number "${2:-}"
    pid=$(node_pid "$2")
    alive "$pid" || { echo "node-$2 is not running"; exit 1; }
    kill -KILL "$pid"
    rm -f "$DIR/node-$2.pid"
    echo "== node-$2 (pid $pid) killed with SIGKILL"
    ;;
  start-node)
    check_node_number "${2:-}"
    alive "$(node_pid "$2")" && { echo "node-$2 is running"; exit 1; }
    JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)
    start_node "$2"
    wait_ready "$2"
    ;;
  check) exec bench/cluster-check.sh ;;
  journeys)
    # the journeys that cross what nodes must share: autosave and conflicts, a quiz reloaded mid-way, a drafting job
    # and its progress, an upload shown to a learner, assignments and notifications
    JOURNEYS=${JOURNEYS:-AuthorEditsACourseInTheOutlineEditorJourneyTests,LearnerReloadsMidQuizAndLosesNothingJourneyTests,ManagerDraftsCourseFromPdfAndLearnerPassesItJourneyTests,AuthorInsertsAnImageALearnerSeesItJourneyTests,ManagerPublishesCourseAndTeamCompletesItJourneyTests}
    unset STRIDE_TEST_FORKS
    STRIDE_JOURNEY_BASE_URL=$BASE STRIDE_BROWSER_TESTS=true \
    STRIDE_TEST_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_TEST_DB_USER=stride STRIDE_TEST_DB_PASSWORD=stride \
      exec ./mvnw -B -ntp test -Dtest="$JOURNEYS" -Dsurefire.failIfNoSpecifiedTests=false
    ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
