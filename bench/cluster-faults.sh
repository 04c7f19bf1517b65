#!/usr/bin/env bash
# Faults under load on the cluster of bench/cluster.sh (issue 20, points 2-4); each prints what was lost: nothing.
#
# Usage: bench/cluster-faults.sh rolling | crash | database
#   rolling   restart-node 1, then restart-node 2, while the load runs (graceful stop, readiness drain)
#   crash     kill-node 1 (SIGKILL) mid-run, start it again; event publications left incomplete are shown before the
#             kill, after it, and after the staleness monitor marked them failed and a live node resubmitted them
#   database  restarts PostgreSQL (the machine's only one: every database on it is down for a few seconds) mid-run;
#             the requests sent during the outage are counted apart
# The load (bench/faults/load-client.py): USERS learners (30) through the balancer from LOAD_SECONDS (30) before the
# fault until LOAD_SECONDS after the node or the database is back (at most 15 minutes): reads, quiz
# attempts saved answer by answer and submitted with an Idempotency-Key, kudos (each a notification through the event
# registry). Afterwards every acknowledged write is looked up in PostgreSQL.
# Starts the cluster if it is not running (SKIP_BUILD=1 as for cluster.sh); leaves it running.
# Files: target/cluster/faults-MODE/ (requests.tsv, writes.tsv, state.json).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-}
case "$MODE" in rolling | crash | database) ;; *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;; esac
LOAD_SECONDS=${LOAD_SECONDS:-30}
export USERS=${USERS:-30} PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} DB=stride_cluster
. bench/lib.sh
# a crashed node's publications are found stale after a minute here, so that the run sees them resubmitted
export STRIDE_EVENTS_STALE_PUBLISHED=${STRIDE_EVENTS_STALE_PUBLISHED:-1m} STRIDE_EVENTS_STALE_PROCESSING=${STRIDE_EVENTS_STALE_PROCESSING:-1m}
export STRIDE_EVENTS_RESUBMIT_EVERY=15s

if ! bench/cluster.sh status | grep -q 'haproxy  port'; then bench/cluster.sh start; fi
. target/cluster/cluster.env
export ADMIN_EMAIL ADMIN_PASSWORD
WORK=target/cluster/faults-$MODE
rm -rf "$WORK"; mkdir -p "$WORK"
CLIENT="python3 bench/faults/load-client.py"

incomplete() { # the event publications not completed, by status
  psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$DB" -tA -F' ' -c \
    "SELECT coalesce(string_agg(status || ' ' || n, ', '), 'none') FROM (SELECT coalesce(status, '?') status, count(*) n
       FROM event_publication WHERE completion_date IS NULL GROUP BY 1 ORDER BY 1) s" 2>/dev/null || echo "(database down)"
}
export PGPASSWORD=stride

echo "== $MODE: $USERS learners through the balancer, from $LOAD_SECONDS s before the fault to $LOAD_SECONDS s after"
$CLIENT setup "$WORK"
echo "   incomplete event publications before: $(incomplete)"
$CLIENT run "$WORK" 900 &
load=$!
window=""
case "$MODE" in
  rolling)
    sleep "$LOAD_SECONDS"; bench/cluster.sh restart-node 1
    sleep 10; bench/cluster.sh restart-node 2
    ;;
  crash)
    sleep "$LOAD_SECONDS"
    bench/cluster.sh kill-node 1
    echo "   incomplete event publications right after the kill: $(incomplete)"
    sleep 5
    bench/cluster.sh start-node 1
    ;;
  database)
    sleep "$LOAD_SECONDS"
    from=$(date +%s.%N)
    echo "== restarting PostgreSQL"
    if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster 15 main restart; else service postgresql restart; fi
    # the outage lasts until PostgreSQL takes connections again
    until psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$DB" -tAc 'select 1' >/dev/null 2>&1; do sleep 0.2; done
    to=$(date +%s.%N)
    echo "   PostgreSQL answered again after $(python3 -c "print(f'{$to - $from:.1f}')") s"
    # requests sent up to 5 s after it came back still count as the outage's
    window="$from $(python3 -c "print($to + 5)")"
    ;;
esac
sleep "$LOAD_SECONDS"
touch "$WORK/stop"
wait "$load"
if [ "$MODE" = crash ]; then
  echo "   incomplete event publications when the load ended: $(incomplete)"
  # stale after a minute, checked every 30 s, resubmitted every 15 s
  for _ in $(seq 1 24); do
    [ "$(incomplete)" = none ] && break
    sleep 5
  done
fi
# listeners run after their request's commit; give the last ones a moment
sleep 3
echo "   incomplete event publications after: $(incomplete)"
bench/cluster.sh status
echo "== what was lost"
# shellcheck disable=SC2086
$CLIENT verify "$WORK" $window
