#!/usr/bin/env bash
# Scale-out (issue 20 point 5): the learner load of bench/load.sh through HAProxy, first with one node behind it, then
# with two, on the same PostgreSQL; prints each run's figures (requests per second, p50/p95/p99) side by side.
#
# Usage: bench/scale-out.sh [users] [ramp seconds] [hold seconds] [think seconds]
#   defaults: 300 learners, 60 s ramp, 240 s hold, 1 s think time: short think times, so that the nodes, not the
#   learners' pauses, set the throughput (with 30 s think time the throughput is users / 30 whatever the nodes)
# Environment: NODE_COUNTS ("1 2"), SKIP_BUILD=1, WARMUP (30), APP_HEAP (768m per node, as cluster.sh).
# Each run starts the cluster afresh (bench/cluster.sh stop, then start with NODES=n: a fresh database), then runs
# CLUSTER=1 bench/load.sh; reports in target/scale-out/nodes-N/. Leaves the last cluster running.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-300}
RAMP=${2:-60}
HOLD=${3:-240}
THINK=${4:-1}
OUT=target/scale-out
mkdir -p "$OUT"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the application"
  ./mvnw -q -B -ntp -DskipTests package
fi
for n in ${NODE_COUNTS:-1 2}; do
  echo "== $n node(s)"
  bench/cluster.sh stop >/dev/null 2>&1 || true
  NODES=$n SKIP_BUILD=1 bench/cluster.sh start >"$OUT/cluster-$n.log" 2>&1 || { tail -n 20 "$OUT/cluster-$n.log"; exit 1; }
  load=$(awk '{ print $1 }' /proc/loadavg)
  CLUSTER=1 RESULTS="$OUT/nodes-$n" WARMUP=${WARMUP:-30} bench/load.sh "$USERS" "$RAMP" "$HOLD" "$THINK" \
    >"$OUT/load-$n.log" 2>&1 || true
  echo "   load average before: $load, after: $(awk '{ print $1 }' /proc/loadavg)"
  sed -n '/^request /,/^$/p' "$OUT/load-$n.log" | head -n 2 | sed 's/^/   /'
done
echo "== per node count (ALL requests, from target/scale-out/load-N.log)"
for n in ${NODE_COUNTS:-1 2}; do
  printf '   %s node(s): ' "$n"; grep -m 1 '^ALL ' "$OUT/load-$n.log" || echo "no figures (see $OUT/load-$n.log)"
done
