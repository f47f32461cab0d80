#!/usr/bin/env bash
# Page times of the demo city (8,000 people, 299 orgs) for its federation admin: starts the platform
# with the demo data on a fresh H2 database (or on PostgreSQL when QUNTUAN_DB_URL is set), signs in as
# admin and asks every page of the navigation 20 times, printing median, p95 and max in ms.
#   bench/pages.sh [rounds]          target: every page under 300 ms
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-20}"
PORT="${BENCH_PORT:-18082}"
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/quntuan-*.jar | grep -v plain | head -1)
(cd "$WORK" && exec java -Xmx512m -jar "$OLDPWD/$JAR" --spring.profiles.active=demo --server.port="$PORT" \
  > "$WORK/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 300); do
  grep -q "平台已就绪" "$WORK/server.log" 2>/dev/null && break
  sleep 1
done
grep -q "平台已就绪" "$WORK/server.log" || { tail -40 "$WORK/server.log"; exit 1; }

B="http://127.0.0.1:$PORT"
JAR_COOKIES="$WORK/cookies"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$B/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -d "username=admin&password=Demo@2026&_csrf=$csrf" "$B/login"

PAGES="/ /orgs /members /accounts /audit /approvals /reelections /meetings /annual-reports /notices /collections
/forms /info-reports /activities /activities/manage /clubs /activity-series /group-rankings /finance
/finance/categories /finance/statement /finance/dues /finance/expenses /finance/incomes /finance/budgets /finance/audits /finance/dues/arrears"
printf '%-22s %8s %8s %8s %8s\n' page median p95 max kB
for p in $PAGES; do
  for _ in 1 2 3; do curl -s -b "$JAR_COOKIES" -o /dev/null "$B$p"; done   # warm
  for _ in $(seq 1 "$ROUNDS"); do
    curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' "$B$p"
  done | sort -n | awk -v p="$p" '{t[NR]=$1*1000; s=$2; c=$3} END {
    printf "%-22s %8.1f %8.1f %8.1f %8.0f%s\n", p, t[int(NR/2)+1], t[int(NR*0.95)], t[NR], s/1024, (c != 200 ? "  (HTTP " c ")" : "") }'
done
