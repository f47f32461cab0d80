#!/usr/bin/env bash
# The benchmark: builds the large data set (100,000 people, 400 organs) on the local PostgreSQL,
# starts the platform on it with a 512 MB heap, and runs the load scenarios against 127.0.0.1.
#   bench/run.sh [seconds-per-scenario]
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (BENCH_PG_USER, default postgres).
#   BENCH_SKIP_BUILD=1  use the jar and classpath already in target/
#   BENCH_REUSE_DB=1    keep the database of the previous run (no drop, no new data set)
#   BENCH_ONLY=activities  run only the activity scenarios (member's list, flash sign-up)
#   BENCH_ONLY=learning    run only the learning scenarios (study list, leaderboards, starting an attempt)
#   BENCH_ONLY=care        run only the care scenarios (mutual-aid progress board, bulk enrolment of 2,000 people)
#   BENCH_JFR=1         record a Java Flight Recording of the server (bench-results/server.jfr) and print
#                       where the request threads spent it (bench/hot.py); of node 1 with several nodes
#   BENCH_NODES=2       start that many nodes of the jar on the one database (ports BENCH_PORT, +1, …; node 1
#                       makes the data set, the others start after it) behind nginx, and run the load through
#                       nginx (round robin, as ops/cluster-test.sh; ops/lib.sh writes its configuration)
#   BENCH_VIA_NGINX=1   with one node: run the load through the same nginx in front of it, so that one and
#                       two nodes are compared through the same proxy at the same offered rates
#   BENCH_CLASSES=1     run the nodes from target/classes and the runtime class path instead of the jar
#                       (where the Spring Boot plugin's repackage cannot be resolved, e.g. Maven offline)
# Through nginx, bench-results/nginx/access.log names the node of each request and the run ends with
# each node's share. Nodes behind nginx keep page sessions in the database (QUNTUAN_SESSIONS_STORE=jdbc).
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/lib.sh
SECONDS_PER_SCENARIO="${1:-20}"
PG_USER="${BENCH_PG_USER:-postgres}"
DB=quntuan_bench
PORT="${BENCH_PORT:-18080}"
NODES="${BENCH_NODES:-1}"
VIA_NGINX="${BENCH_VIA_NGINX:-}"
if ! [[ "$NODES" =~ ^[1-9]$ ]]; then
  echo "BENCH_NODES must be 1 to 9" >&2
  exit 2
fi
if [ "$NODES" -gt 1 ]; then
  VIA_NGINX=1
fi
NGINX="${NGINX:-/usr/sbin/nginx}"
if [ -n "$VIA_NGINX" ] && [ ! -x "$NGINX" ]; then
  echo "no nginx at $NGINX (apt-get install nginx-light)" >&2
  exit 2
fi
mkdir -p bench-results

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  if [ -n "${BENCH_CLASSES:-}" ]; then
    ./mvnw -B -q -DskipTests test-compile
    ./mvnw -B -q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/runtime.classpath
  else
    ./mvnw -B -q -DskipTests package
  fi
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

if [ -z "${BENCH_REUSE_DB:-}" ]; then
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "drop database if exists $DB" -c "create database $DB"
fi
JFR=()
if [ -n "${BENCH_JFR:-}" ]; then
  JFR=(-XX:StartFlightRecording=filename=bench-results/server.jfr,settings=profile,dumponexit=true)
fi

if [ -n "${BENCH_CLASSES:-}" ]; then
  APP=(-cp "target/classes:$(cat target/runtime.classpath)" org.quntuan.QuntuanApplication)
else
  APP=(-jar "$(ls target/quntuan-*.jar | grep -v plain | head -1)")
fi
PIDS=()
NGINX_PID=""
stop_all() {
  local pid
  for pid in "${PIDS[@]}" $NGINX_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}" $NGINX_PID; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

# start_node N: node 1 logs to bench-results/server.log and gc.log (as with one node), node N to
# server-N.log and gc-N.log; node N listens on PORT + N - 1
start_node() {
  local n=$1 suffix="" sessions=() jfr=()
  if [ "$n" -gt 1 ]; then suffix="-$n"; fi
  if [ -n "$VIA_NGINX" ]; then sessions=(QUNTUAN_SESSIONS_STORE=jdbc); fi
  if [ "$n" = 1 ]; then jfr=("${JFR[@]}"); fi
  env QUNTUAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUNTUAN_DB_USER="$PG_USER" QUNTUAN_DB_PASSWORD="" "${sessions[@]}" \
    java -Xmx512m -Xlog:gc:file="bench-results/gc$suffix.log" "${jfr[@]}" "${APP[@]}" --spring.profiles.active=demo,bench \
    --server.port="$((PORT + n - 1))" > "bench-results/server$suffix.log" 2>&1 &
  PIDS+=($!)
}

start_node 1
echo "waiting for the platform (the data set is generated on first start)…"
quntuan_wait_ready bench-results/server.log "http://127.0.0.1:$PORT/actuator/health/readiness" "${PIDS[0]}" 900 || true
grep "演示数据" bench-results/server.log || { echo "the platform did not start"; tail -50 bench-results/server.log; exit 1; }
for n in $(seq 2 "$NODES"); do
  echo "starting node $n on port $((PORT + n - 1))…"
  start_node "$n"
  quntuan_wait_ready "bench-results/server-$n.log" "http://127.0.0.1:$((PORT + n - 1))/actuator/health/readiness" \
    "${PIDS[$((n - 1))]}" 300 || { echo "node $n did not start"; tail -50 "bench-results/server-$n.log"; exit 1; }
done
# a database in service has its statistics; one just loaded in bulk does not yet
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qc "vacuum analyze"
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qAtc "select 'people: ' || count(*) from person" -c "select 'organs: ' || count(*) from org where type = 'ORGAN'"

psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qAtc "select name from org where type = 'ORGAN' and active order by id" \
  > bench-results/organs.txt

BASE="http://127.0.0.1:$PORT"
NODE_ADDRESSES=()
if [ -n "$VIA_NGINX" ]; then
  LB_PORT="${BENCH_LB_PORT:-$(quntuan_free_port)}"
  NODE_PORTS=()
  for n in $(seq 1 "$NODES"); do
    NODE_PORTS+=("$((PORT + n - 1))")
    NODE_ADDRESSES+=("127.0.0.1:$((PORT + n - 1))")
  done
  rm -rf bench-results/nginx
  mkdir -p bench-results/nginx
  quntuan_nginx_conf "$(pwd)/bench-results/nginx" "$LB_PORT" "${NODE_PORTS[@]}"
  "$NGINX" -p "$(pwd)/bench-results/nginx" -c "$(pwd)/bench-results/nginx/nginx.conf" -e "$(pwd)/bench-results/nginx/error.log" &
  NGINX_PID=$!
  BASE="http://127.0.0.1:$LB_PORT"
  for _ in $(seq 1 20); do curl -fs "$BASE/api/v1/ping" >/dev/null 2>&1 && break; sleep 0.5; done
  echo "load through nginx on $BASE over $NODES node(s): ${NODE_ADDRESSES[*]}"
fi

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.quntuan.bench.LoadDriver \
  "$BASE" "$SECONDS_PER_SCENARIO" bench-results/organs.txt | tee bench-results/load.txt
for n in $(seq 1 "$NODES"); do
  suffix=""
  if [ "$n" -gt 1 ]; then suffix="-$n"; fi
  GCS=$(grep -oE '[0-9]+M->[0-9]+M' "bench-results/gc$suffix.log" || true)
  echo "server heap (-Xmx512m)$([ "$NODES" -gt 1 ] && echo " of node $n"): peak before a GC $(echo "$GCS" | sed 's/M->.*//' | sort -n | tail -1) MB, largest live after a GC $(echo "$GCS" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB"
done
if [ -n "$VIA_NGINX" ]; then
  echo "requests answered through nginx: $(quntuan_upstream_spread bench-results/nginx/access.log 1 "${NODE_ADDRESSES[@]}")" \
    | tee -a bench-results/load.txt
fi
if [ -n "${BENCH_JFR:-}" ]; then
  stop_all
  python3 bench/hot.py bench-results/server.jfr "$(dirname "$(readlink -f "$(which java)")")/jfr" | tee bench-results/hot.txt
fi
