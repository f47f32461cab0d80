#!/usr/bin/env bash
# The benchmark: builds the large data set (100,000 people, 400 organs) on the local PostgreSQL,
# starts the platform on it with a 512 MB heap, and runs the load scenarios against 127.0.0.1.
#   bench/run.sh [seconds-per-scenario]
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth (BENCH_PG_USER, default postgres).
#   BENCH_SKIP_BUILD=1  use the jar and classpath already in target/
#   BENCH_REUSE_DB=1    keep the database of the previous run (no drop, no new data set)
#   BENCH_ONLY=activities  run only the activity scenarios (member's list, flash sign-up)
#   BENCH_ONLY=learning    run only the learning scenarios (study list, leaderboards, starting an attempt)
#   BENCH_JFR=1         record a Java Flight Recording of the server (bench-results/server.jfr) and print
#                       where the request threads spent it (bench/hot.py)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_SCENARIO="${1:-20}"
PG_USER="${BENCH_PG_USER:-postgres}"
DB=quntuan_bench
PORT="${BENCH_PORT:-18080}"
mkdir -p bench-results

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

if [ -z "${BENCH_REUSE_DB:-}" ]; then
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "drop database if exists $DB" -c "create database $DB"
fi
JFR=()
if [ -n "${BENCH_JFR:-}" ]; then
  JFR=(-XX:StartFlightRecording=filename=bench-results/server.jfr,settings=profile,dumponexit=true)
fi

JAR=$(ls target/quntuan-*.jar | grep -v plain | head -1)
QUNTUAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUNTUAN_DB_USER="$PG_USER" QUNTUAN_DB_PASSWORD="" \
  java -Xmx512m -Xlog:gc:file=bench-results/gc.log "${JFR[@]}" -jar "$JAR" --spring.profiles.active=demo,bench --server.port="$PORT" \
  > bench-results/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT

echo "waiting for the platform (the data set is generated on first start)…"
for _ in $(seq 1 900); do
  if curl -fs "http://127.0.0.1:$PORT/api/v1/ping" >/dev/null 2>&1 && grep -q "平台已就绪" bench-results/server.log; then
    break
  fi
  sleep 1
done
grep "演示数据" bench-results/server.log || { echo "the platform did not start"; tail -50 bench-results/server.log; exit 1; }
# a database in service has its statistics; one just loaded in bulk does not yet
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qc "vacuum analyze"
psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qAtc "select 'people: ' || count(*) from person" -c "select 'organs: ' || count(*) from org where type = 'ORGAN'"

psql -h 127.0.0.1 -U "$PG_USER" -d "$DB" -qAtc "select name from org where type = 'ORGAN' and active order by id" \
  > bench-results/organs.txt

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.quntuan.bench.LoadDriver \
  "http://127.0.0.1:$PORT" "$SECONDS_PER_SCENARIO" bench-results/organs.txt | tee bench-results/load.txt
GCS=$(grep -oE '[0-9]+M->[0-9]+M' bench-results/gc.log || true)
echo "server heap (-Xmx512m): peak before a GC $(echo "$GCS" | sed 's/M->.*//' | sort -n | tail -1) MB, largest live after a GC $(echo "$GCS" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB"
if [ -n "${BENCH_JFR:-}" ]; then
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  python3 bench/hot.py bench-results/server.jfr "$(dirname "$(readlink -f "$(which java)")")/jfr" | tee bench-results/hot.txt
fi
