#!/usr/bin/env bash
# The cluster test: two nodes of the built jar behind Debian's nginx, on one PostgreSQL database and
# one file store, and the checks that prove the nodes stateless (README, Operations, "Several nodes").
#
#   ops/cluster-test.sh
#
# Needs: the jar (./mvnw -B -DskipTests package; or QUNTUAN_JAR), nginx (apt-get install nginx-light
# or nginx; only the binary is used, with a configuration of its own in a temporary directory, not
# the system's service), PostgreSQL on 127.0.0.1:5432 with trust auth for PGUSER (default postgres)
# who may create databases, curl, python3; wrk (apt-get install wrk) for the throughput figures, a
# small Python client without it; unshare (util-linux) and root or user namespaces, so that each node
# has a temporary directory the other cannot see, as on two machines. The clients that need threads
# are in cluster-test.py beside this script. Prints a line per check, OK or FAIL with its figures, and
# exits non-zero on any FAIL. Everything it starts or makes (nodes, nginx, the database quntuan_cluster, the
# temporary directory) is removed on exit, also on failure; CLUSTER_KEEP=1 keeps the directory and
# the database to look into.
#   CLUSTER_SEATS=25     seats of the flash sign-up (4 × as many members sign up)
#   CLUSTER_CALLERS=16   concurrent callers of the throughput figures, CLUSTER_SECONDS=10 each
#   CLUSTER_FAILOVER_WINDOW=1  seconds after node 1 ended from which every request must succeed
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
# shellcheck source=ops/lib.sh
. "$here/lib.sh"

export PGHOST=127.0.0.1 PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="${CLUSTER_DB:-quntuan_cluster}"
seats="${CLUSTER_SEATS:-25}"
callers="${CLUSTER_CALLERS:-16}"
seconds="${CLUSTER_SECONDS:-10}"
failover_window="${CLUSTER_FAILOVER_WINDOW:-1}"
jar="${QUNTUAN_JAR:-$(ls target/quntuan-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
nginx_bin="${NGINX:-/usr/sbin/nginx}"
py=(python3 "$here/cluster-test.py")

[ -f "$jar" ] || { echo "no jar: ./mvnw -B -DskipTests package (or set QUNTUAN_JAR)" >&2; exit 2; }
[ -x "$nginx_bin" ] || { echo "no nginx at $nginx_bin (apt-get install nginx-light)" >&2; exit 2; }
psql -X -d postgres -qAtc "select 1" >/dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT as $PGUSER" >&2; exit 2; }

work="$(mktemp -d /tmp/quntuan-cluster.XXXXXX)"
chmod 755 "$work" # nginx's workers run as nobody
node_pids=("" "")
nginx_pid=""
failures=0
reported=0

cleanup() {
  local rc=$?
  local pid
  for pid in "${node_pids[@]}" "$nginx_pid"; do
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for pid in "${node_pids[@]}" "$nginx_pid"; do
    if [ -n "$pid" ]; then
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "${CLUSTER_KEEP:-}" ]; then
    echo "kept: $work (logs: node1/app.log node2/app.log nginx/), database $db"
  else
    psql -X -d postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# report OK|FAIL NUMBER NAME TEXT: the line of a check
report() {
  printf '%-4s %s %s: %s\n' "$1" "$2" "$3" "$4"
  reported=$((reported + 1))
  if [ "$1" != OK ]; then failures=$((failures + 1)); fi
}

sql() {
  psql -X -d "$db" -qAtc "$1"
}

# --- the database, the nodes and nginx --------------------------------------------------------------

PGOPTIONS="-c client_min_messages=warning" psql -X -d postgres -qc "drop database if exists $db with (force)" -c "create database $db"
lb_port=$(quntuan_free_port)
ports=("$(quntuan_free_port)" "$(quntuan_free_port)")
node=("127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}")
metrics_token="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
mkdir -p "$work/files" "$work/node1/tmp" "$work/node2/tmp" "$work/nginx/temp"

# Each node gets a temporary directory of its own that the other cannot see, as on another machine:
# a tmpfs mounted in a mount namespace of its own (root, or unprivileged user namespaces).
private_tmp=()
if unshare --mount --propagation private true 2>/dev/null; then
  private_tmp=(unshare --mount --propagation private)
elif unshare --map-root-user --mount true 2>/dev/null; then
  private_tmp=(unshare --map-root-user --mount)
fi

# start_node 1|2: the jar with the demo profile, sessions in the database, the shared file root, its
# own temporary directory, the reminder job every two seconds
start_node() {
  local n=$1 tmp="$work/node$1/tmp" wrap=()
  if [ ${#private_tmp[@]} -gt 0 ]; then
    wrap=("${private_tmp[@]}" sh -c 'mount -t tmpfs -o size=256m tmpfs "$0" && exec "$@"' "$tmp")
  fi
  QUNTUAN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUNTUAN_DB_USER="$PGUSER" QUNTUAN_DB_PASSWORD="${PGPASSWORD:-}" \
    QUNTUAN_FILES_ROOT="$work/files" QUNTUAN_SESSIONS_STORE=jdbc QUNTUAN_METRICS_TOKEN="$metrics_token" \
    "${wrap[@]}" java -Xmx512m -Djava.io.tmpdir="$tmp" -jar "$jar" --spring.profiles.active=demo \
    --server.port="${ports[$((n - 1))]}" "--quntuan.jobs.activity-reminders=*/2 * * * * *" \
    > "$work/node$n/app.log" 2>&1 &
  node_pids[$((n - 1))]=$!
  disown # no "Killed" line from the shell when 6 kills it
}

wait_ready() {
  local n=$1
  quntuan_wait_ready "$work/node$n/app.log" "http://${node[$((n - 1))]}/actuator/health/readiness" \
    "${node_pids[$((n - 1))]}" 300 && return 0
  tail -40 "$work/node$n/app.log"
  echo "node $n did not start" >&2
  exit 1
}

# write_nginx PORT...: the load balancer over these nodes (ops/lib.sh)
write_nginx() {
  quntuan_nginx_conf "$work/nginx" "$lb_port" "$@"
}

reload_nginx() {
  write_nginx "$@"
  kill -HUP "$nginx_pid"
  sleep 2
}

echo "starting node 1 (${node[0]}; it seeds the demo data), then node 2 (${node[1]}), nginx on 127.0.0.1:$lb_port…"
start_node 1
wait_ready 1
start_node 2
wait_ready 2
write_nginx "${ports[0]}" "${ports[1]}"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
lb="http://127.0.0.1:$lb_port"
for _ in $(seq 1 20); do curl -fs "$lb/api/v1/ping" >/dev/null 2>&1 && break; sleep 0.5; done

api_token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Demo@2026\"}" \
    "$lb/api/v1/auth/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
admin_token=$(api_token admin)
group_token=$(api_token group1)   # org admin of 第一片组
finance_token=$(api_token finance1)
# members of 第一片组 (they sign in with their mobile), in three lots: reminder, flash sign-up, load
sql "select a.username from account a join person p on p.id = a.person_id join org o on o.id = p.organ_id
     where o.path like (select path || '%' from org where name = '第一片组') and a.username ~ '^1[0-9]{10}\$'
       and p.active_mobile is not null and p.union_status = 'MEMBER' and p.employment_status = 'IN_SERVICE'
     order by p.id limit $((6 + 4 * seats + 200))" > "$work/members.txt"
head -6 "$work/members.txt" > "$work/members-reminder.txt"
sed -n "7,$((6 + 4 * seats))p" "$work/members.txt" > "$work/members-flash.txt"
tail -n +$((7 + 4 * seats)) "$work/members.txt" > "$work/members-load.txt"
echo "signing in $(wc -l < "$work/members.txt") members by mobile…"
"${py[@]}" tokens "$lb_port" "$work/members-reminder.txt" "$work/tokens-reminder.txt" >/dev/null
"${py[@]}" tokens "$lb_port" "$work/members-flash.txt" "$work/tokens-flash.txt" >/dev/null
"${py[@]}" tokens "$lb_port" "$work/members-load.txt" "$work/tokens-load.txt" >/dev/null
echo

# --- 1. a page session on both nodes --------------------------------------------------------------

check_session() {
  local jar="$work/session.cookies" csrf status served pages=0 answered=()
  csrf=$(curl -fs -c "$jar" -b "$jar" "$lb/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  read -r status served < <(curl -s -c "$jar" -b "$jar" -o /dev/null -D "$work/login.headers" -w '%{http_code} ' \
    --data-urlencode username=admin --data-urlencode password=Demo@2026 --data-urlencode "_csrf=$csrf" "$lb/login"; \
    grep -i '^x-upstream:' "$work/login.headers" | tr -d '\r' | sed 's/^[^:]*: //')
  if [ "$status" != 302 ] || grep -qi '^location:.*error' "$work/login.headers"; then
    report FAIL 1 session "the sign-in through nginx answered $status ($(grep -i '^location:' "$work/login.headers" | tr -d '\r'))"
    return
  fi
  local i n
  for i in 1 2 3 4 5 6; do
    n=$(( (i - 1) % 2 ))
    if curl -s -b "$jar" "http://${node[$n]}/" | grep -q 'id="logout"'; then
      pages=$((pages + 1))
      answered+=("node$((n + 1))")
    fi
  done
  if [ "$pages" = 6 ]; then
    report OK 1 session "signed in as admin through nginx (answered by $served); 6/6 pages signed in, alternately straight from node 1 and node 2 with the same cookie"
  else
    report FAIL 1 session "signed in through nginx ($served), but only $pages/6 pages alternating node 1/node 2 were signed in (${answered[*]:-none})"
  fi
  cp "$jar" "$work/admin.cookies"
}

# --- 2. a file uploaded on one node, downloaded from the other ----------------------------------

check_upload() {
  local notice sum got answer file_id
  notice=$(curl -fs -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"title":"集群测试附件","body":"两个节点共用文件存储。","targets":{"orgIds":['"$(sql "select id from org where name = '市财政局工会'")"']}}' \
    "http://${node[0]}/api/v1/notices" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  sum=$("${py[@]}" pdf "$work/upload.pdf" 300000)
  answer=$(curl -s -H "Authorization: Bearer $admin_token" -F "file=@$work/upload.pdf;type=application/pdf" \
    -w ' %{http_code}' "http://${node[0]}/api/v1/notices/$notice/attachments")
  file_id=$(echo "$answer" | sed -n 's/^{"id":\([0-9]*\),.* 201$/\1/p')
  if [ -z "$file_id" ]; then
    report FAIL 2 upload "the upload to node 1 answered: ${answer: -200}"
    return
  fi
  got=$(curl -fs -H "Authorization: Bearer $admin_token" "http://${node[1]}/api/v1/notices/$notice/attachments/$file_id" | sha256sum | cut -d' ' -f1)
  if [ "$got" = "$sum" ]; then
    report OK 2 upload "a 300 KB notice attachment uploaded to node 1 (file $file_id), downloaded from node 2 with the same sha256 ${sum:0:12}…"
  else
    report FAIL 2 upload "uploaded to node 1 as file $file_id (sha256 ${sum:0:12}…), node 2 served ${got:0:12}…"
  fi
}

# --- 3. an import previewed on node 1, confirmed on node 2 ------------------------------------------

check_import() {
  local jar="$work/admin.cookies" page csrf token status location rows=5 stored
  curl -fs -b "$jar" "http://${node[0]}/members/import/template" -o "$work/template.xlsx"
  "${py[@]}" xlsx "$work/template.xlsx" "$work/import.xlsx" 市财政局 "$rows" > "$work/import-mobiles.txt"
  csrf=$(curl -fs -b "$jar" "http://${node[0]}/members/import" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -H "X-CSRF-TOKEN: $csrf" -o /dev/null \
    -F "file=@$work/import.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    "http://${node[0]}/members/import"
  page=$(curl -fs -b "$jar" "http://${node[0]}/members/import")
  token=$(echo "$page" | grep -o 'name="token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  if [ -z "$token" ]; then
    report FAIL 3 import "node 1 showed no preview to confirm: $(echo "$page" | grep -o 'import-summary">[^<]*' || echo 'no summary')"
    return
  fi
  read -r status location < <(curl -s -b "$jar" -H "X-CSRF-TOKEN: $csrf" --data-urlencode "token=$token" -o /dev/null \
    -w '%{http_code} %{redirect_url}' "http://${node[1]}/members/import/confirm")
  stored=$(sql "select count(*) from person where mobile in ($(sed "s/.*/'&'/" "$work/import-mobiles.txt" | paste -sd,))")
  if [ "$status" = 302 ] && [[ "$location" == */members ]] && [ "$stored" = "$rows" ]; then
    report OK 3 import "$rows rows previewed on node 1, confirmed on node 2: $stored people in the database$([ ${#private_tmp[@]} -gt 0 ] || echo ' (no private temporary directories here: node 2 could read what node 1 kept there)')"
  else
    local why
    why=$(curl -fs -b "$jar" "http://${node[1]}/members/import" | grep -o 'alert-danger[^>]*>[^<]*' | sed 's/.*>//' | head -1 || true)
    report FAIL 3 import "previewed on node 1, the confirmation on node 2 answered $status ${location:-} (${why:-no message}); $stored of $rows people in the database"
  fi
}

# --- 4. a reminder job on both nodes notifies each person once ---------------------------------------

job_runs() {
  curl -fs -H "Authorization: Bearer $metrics_token" "http://$1/actuator/prometheus" 2>/dev/null \
    | awk '/^quntuan_job_runs_seconds_count\{/ && /job="activity-reminders"/ && /outcome="success"/ {s += $2} END {print s + 0}'
}

check_reminder() {
  local activity day tok mobile key people=0 sent rows
  read -r activity day < <("${py[@]}" activity "$lb_port" "$group_token" 集群测试提醒活动 10 tomorrow)
  while read -r mobile tok; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $tok" "$lb/api/v1/activities/$activity/registrations")" = 201 ] \
      && people=$((people + 1))
  done < "$work/tokens-reminder.txt"
  key="activity-$activity-remind-$day"
  for _ in $(seq 1 30); do
    [ "$(sql "select count(*) from notification where event_key = '$key' and channel = 'INBOX'")" -ge "$people" ] && break
    sleep 1
  done
  sleep 6 # a few more runs of the job on both nodes
  rows=$(sql "select count(*) from notification where event_key = '$key' and channel = 'INBOX'")
  sent=$(sql "select count(*) from (select recipient_account_id from notification where event_key = '$key' and channel = 'INBOX'
              group by recipient_account_id having count(*) = 1) once")
  local runs="job runs (every 2 s on both nodes): node 1 $(job_runs "${node[0]}"), node 2 $(job_runs "${node[1]}")"
  if [ "$people" -gt 0 ] && [ "$sent" = "$people" ] && [ "$rows" = "$people" ]; then
    report OK 4 reminder "$people people confirmed for tomorrow's activity, $rows inbox reminders, each person once; $runs"
  else
    report FAIL 4 reminder "$people people confirmed, $rows inbox reminders, $sent people reminded exactly once; $runs"
  fi
}

# --- 5. a flash sign-up over both nodes ---------------------------------------------------------------

check_flash() {
  local activity confirmed told summary
  read -r activity _ < <("${py[@]}" activity "$lb_port" "$group_token" 集群测试秒杀活动 "$seats" later)
  "${py[@]}" signups "$lb_port" "$activity" "$work/tokens-flash.txt" "$work/flash.jsonl"
  confirmed=$(sql "select count(*) from activity_registration where activity_id = $activity and status = 'CONFIRMED'")
  summary=$(python3 - "$work/flash.jsonl" "${node[0]}" "${node[1]}" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
count = lambda f: sum(1 for r in rows if f(r))
print(count(lambda r: r["status"] == 201 and r["registration"] == "CONFIRMED"),
      "answers: %d CONFIRMED, %d WAITLISTED, %d other; node 1 answered %d, node 2 %d" % (
      count(lambda r: r["registration"] == "CONFIRMED"), count(lambda r: r["registration"] == "WAITLISTED"),
      count(lambda r: r["registration"] not in ("CONFIRMED", "WAITLISTED")),
      count(lambda r: r["upstream"].endswith(sys.argv[2])), count(lambda r: r["upstream"].endswith(sys.argv[3]))))
EOF
)
  told=${summary%% *}
  if [ "$confirmed" = "$seats" ] && [ "$told" = "$seats" ]; then
    report OK 5 flash "$((4 * seats)) members at once for $seats seats: $confirmed confirmed in the database; ${summary#* }"
  else
    report FAIL 5 flash "$((4 * seats)) members for $seats seats: $confirmed confirmed in the database, $told told so; ${summary#* }"
  fi
}

# --- 7. throughput through nginx (measured with two nodes before 6, with one after) ----------------

# throughput PATH TOKEN|-: "requests/s p50 p99 errors" of a closed loop of callers
throughput() {
  local auth=()
  [ "$2" != - ] && auth=(-H "Authorization: Bearer $2")
  if command -v wrk >/dev/null; then
    wrk -t2 -c"$callers" -d2s "${auth[@]}" "$lb$1" >/dev/null # warm up
    wrk -t2 -c"$callers" -d"${seconds}s" --latency "${auth[@]}" "$lb$1" | awk '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
      /Requests\/sec/ {rps = $2} /^ +50%/ {p50 = ms($2)} /^ +99%/ {p99 = ms($2)}
      /Non-2xx/ {err += $NF} /Socket errors/ {gsub(/,/, ""); err += $4 + $6 + $8 + $10}
      END {printf "%.0f %.1f %.1f %d\n", rps, p50, p99, err}'
  else
    "${py[@]}" closed "$lb_port" "$1" "$2" "$callers" 2 >/dev/null
    "${py[@]}" closed "$lb_port" "$1" "$2" "$callers" "$seconds"
  fi
}

# figures LABEL: both endpoints, and how nginx spread them over the nodes
figures() {
  local before ping list spread member_token
  member_token=$(head -1 "$work/tokens-reminder.txt" | cut -d' ' -f2)
  before=$(wc -l < "$work/nginx/access.log")
  ping=$(throughput /api/v1/ping -)
  list=$(throughput /api/v1/activities "$member_token")
  spread=$(quntuan_upstream_spread "$work/nginx/access.log" $((before + 1)) "${node[0]}" "${node[1]}")
  printf '%s: ping %s/s (p50 %s ms, p99 %s ms, errors %s), member activity list %s/s (p50 %s ms, p99 %s ms, errors %s); served by %s\n' \
    "$1" $ping $list "$spread"
}

# --- 6. node 1 killed in the middle of a load run -------------------------------------------------------

check_failover() {
  local activity tag="cluster-$$-$RANDOM"
  read -r activity _ < <("${py[@]}" activity "$lb_port" "$group_token" 集群测试负载活动 10000 later)
  # 30 requests/s for 12 s (sign-ups of 180 members and 180 journal postings), node 1 killed at 6 s
  "${py[@]}" load "$lb_port" "$activity" "$work/tokens-load.txt" "$finance_token" \
    "$(sql "select id from org where name = '市财政局工会'")" "$tag" 12 30 "${node_pids[0]}" 6 "$work/load.jsonl"
  while kill -0 "${node_pids[0]}" 2>/dev/null; do sleep 0.1; done
  node_pids[0]=""
  sleep 1
  # prints the check's line itself
  "${py[@]}" verify-load "$work/load.jsonl" "$db" "$activity" "$tag" "${node[1]}" "$failover_window" \
    || failures=$((failures + 1))
  reported=$((reported + 1))
}

# run_check FUNCTION NUMBER NAME: a check that breaks off (a command failed, errexit does not apply in
# it) still gets its FAIL line
run_check() {
  local before=$reported
  "$1" || true
  [ "$reported" -gt "$before" ] || report FAIL "$2" "$3" "the check broke off before its result"
}

run_check check_session 1 session
run_check check_upload 2 upload
run_check check_import 3 import
run_check check_reminder 4 reminder
run_check check_flash 5 flash
# the figures of 7 before node 1 is killed: both nodes warmed up, then node 2 alone, then both
figures warm-up >/dev/null
reload_nginx "${ports[1]}"
one_node=$(figures "one node")
reload_nginx "${ports[0]}" "${ports[1]}"
two_nodes=$(figures "two nodes")
run_check check_failover 6 failover
figures_line="$callers callers, ${seconds} s each, through nginx on this machine ($(nproc) cores shared by client, nginx and nodes)"
if [ "$(echo "$two_nodes $one_node" | grep -o 'errors 0)' | wc -l)" = 4 ]; then
  report OK 7 throughput "$figures_line"
else
  report FAIL 7 throughput "$figures_line; some requests failed"
fi
echo "       $one_node"
echo "       $two_nodes"

echo
if [ "$failures" -gt 0 ]; then
  echo "cluster test: $failures check(s) FAILED"
  exit 1
fi
echo "cluster test: PASSED"
