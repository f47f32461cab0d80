#!/usr/bin/env bash
# The restore drill: back up a source, restore it into a new database and file store with
# ops/backup.sh and ops/restore.sh, and compare them: the row count of every table and the value of
# every sequence, and the checksum of every file. Exits non-zero on any difference. It drills the
# local file store (QUNTUAN_FILES_STORE=local whatever the environment says): a bucket is restored
# by the object store, and ops/restore.sh checks a copy of it.
#
#   ops/restore-drill.sh                      a fresh source: the built jar started once with the
#                                             demo profile on a scratch database (demo data, stored
#                                             files included), then stopped
#   ops/restore-drill.sh SOURCE_DB FILES_DIR  an existing source (a staging copy, say); it must be
#                                             quiet during the drill
#
# PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres; trust or PGPASSWORD), a user
# that may create databases; the scratch databases are dropped at the end (DRILL_KEEP=1 keeps them
# and the work directory). DRILL_START_CLUSTER=1 starts a throwaway PostgreSQL cluster of its own
# (initdb from the postgresql package, trust auth, port DRILL_PGPORT or 55432) for a machine
# without a running server, such as CI. The jar: QUNTUAN_JAR, else target/quntuan-*.jar
# (./mvnw -B -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
. "$here/lib.sh"

work="$(mktemp -d /tmp/quntuan-drill.XXXXXX)"
chmod 755 "$work"
suffix="$(date -u +%H%M%S)_$$"
source_db="${1:-}"
source_files="${2:-}"
scratch_source=""
restored_db="quntuan_drill_restored_$suffix"
app_pid=""
cluster=""
pg_bin=""

cleanup() {
  local rc=$?
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -z "${DRILL_KEEP:-}" ]; then
    psql -X -d postgres -qc "drop database if exists $restored_db" >/dev/null 2>&1 || true
    if [ -n "$scratch_source" ]; then psql -X -d postgres -qc "drop database if exists $scratch_source" >/dev/null 2>&1 || true; fi
  fi
  if [ -n "$cluster" ]; then as_pg "$pg_bin/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ -z "${DRILL_KEEP:-}" ]; then rm -rf "$work"; else echo "kept: $work, databases $restored_db $scratch_source"; fi
  [ $rc = 0 ] && echo "restore drill: PASSED" || echo "restore drill: FAILED" >&2
  exit $rc
}
trap cleanup EXIT

# initdb and postgres refuse to run as root: the cluster then belongs to the postgres OS user
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
unset PGDATABASE QUNTUAN_DB_URL
if [ -n "${DRILL_START_CLUSTER:-}" ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$pg_bin/initdb" ] || { echo "DRILL_START_CLUSTER needs the postgresql package (initdb)" >&2; exit 1; }
  cluster="$work/pg"
  mkdir -p "$cluster"
  [ "$(id -u)" = 0 ] && chown postgres "$cluster"
  as_pg "$pg_bin/initdb" -D "$cluster" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  export PGPORT="${DRILL_PGPORT:-55432}" PGHOST=127.0.0.1 PGUSER=postgres
  as_pg "$pg_bin/pg_ctl" -D "$cluster" -l "$cluster/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $cluster" start >/dev/null
fi
psql -X -d postgres -qAtc "select 1" >/dev/null \
  || { echo "no PostgreSQL at $PGHOST:$PGPORT as $PGUSER (set PG*, or DRILL_START_CLUSTER=1)" >&2; exit 1; }

if [ -z "$source_db" ]; then
  jar="${QUNTUAN_JAR:-$(ls target/quntuan-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
  [ -f "$jar" ] || { echo "no jar: ./mvnw -B -DskipTests package (or set QUNTUAN_JAR)" >&2; exit 1; }
  scratch_source="quntuan_drill_source_$suffix"
  source_db="$scratch_source"
  source_files="$work/source-files"
  createdb "$source_db"
  port="${DRILL_APP_PORT:-18097}"
  echo "building the source: $jar with the demo profile on $source_db…"
  QUNTUAN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$source_db" QUNTUAN_DB_USER="$PGUSER" \
    QUNTUAN_DB_PASSWORD="${PGPASSWORD:-}" QUNTUAN_FILES_STORE=local QUNTUAN_FILES_ROOT="$source_files" \
    java -Xmx512m -jar "$jar" --spring.profiles.active=demo --server.port="$port" --quntuan.jobs.enabled=false \
    > "$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do
    grep -q "平台已就绪" "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log"; echo "the application stopped" >&2; exit 1; }
    sleep 1
  done
  grep -q "平台已就绪" "$work/app.log" || { tail -40 "$work/app.log"; echo "the application did not start" >&2; exit 1; }
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"' \
    || { echo "the readiness probe did not answer UP" >&2; exit 1; }
  # stopped as systemd stops it: SIGTERM, and the graceful shutdown finishes before the exit
  kill -TERM "$app_pid"; wait "$app_pid" || true; app_pid=""
  grep -q "Graceful shutdown complete" "$work/app.log" \
    || { tail -20 "$work/app.log"; echo "the application did not shut down gracefully" >&2; exit 1; }
fi
[ -d "$source_files" ] || { echo "no file store at $source_files" >&2; exit 1; }

echo "backing up $source_db and $source_files…"
backup="$(QUNTUAN_FILES_STORE=local QUNTUAN_FILES_ROOT="$source_files" PGDATABASE="$source_db" "$here/backup.sh" "$work/backups" | tail -1)"
echo "restoring into $restored_db and $work/restored-files…"
"$here/restore.sh" "$backup" "$restored_db" "$work/restored-files"

echo "comparing…"
quntuan_row_counts "$source_db" > "$work/source.rows"
quntuan_row_counts "$restored_db" > "$work/restored.rows"
quntuan_file_sums "$source_files" > "$work/source.sha256"
quntuan_file_sums "$work/restored-files" > "$work/restored.sha256"
diff -u "$work/source.rows" "$work/restored.rows" || { echo "row counts differ" >&2; exit 1; }
diff -u "$work/source.sha256" "$work/restored.sha256" || { echo "files differ" >&2; exit 1; }
tables=$(grep -vc '^sequence:' "$work/source.rows")
rows=$(grep -v '^sequence:' "$work/source.rows" | awk -F'\t' '{s += $2} END {print s}')
files=$(wc -l < "$work/source.sha256")
[ "$rows" -gt 0 ] && [ "$files" -gt 0 ] || { echo "the source is empty: nothing was compared" >&2; exit 1; }
echo "identical: $tables tables, $rows rows, $(grep -c '^sequence:' "$work/source.rows") sequences, $files files"
