#!/usr/bin/env bash
# A backup of Quntuan: the database (pg_dump, custom format) and the file store (a tar of
# QUNTUAN_FILES_ROOT), into a new directory DEST/quntuan-<UTC time>/:
#   database.dump   pg_restore reads it (ops/restore.sh)
#   files.tar.gz    the file store, paths relative to its root
#   files.sha256    a checksum of every file in the archive (restore.sh checks them)
#   MANIFEST        when, from where, which application schema version
#
# With QUNTUAN_FILES_STORE=s3 the files are objects in a bucket, and the bucket is backed up by the
# object store itself (versioning, replication to a second site: see the README, "Operations"): the
# backup then holds the database and the MANIFEST only (restore.sh checks a copy of the bucket
# against the sha256 the database recorded for every file).
#
#   ops/backup.sh DEST
#
# Connection as the application's: QUNTUAN_DB_URL, QUNTUAN_DB_USER, QUNTUAN_DB_PASSWORD (or libpq's
# PG* variables, or ~/.pgpass). It runs while the application serves: pg_dump reads one consistent
# snapshot; the database is dumped first and the files after it, so every file a dumped row refers
# to is already on disk (stored files are never rewritten under the same name). Keep the backups on
# another machine; see the README ("Operations") for a schedule.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

dest="${1:?usage: ops/backup.sh DEST}"
files_root="${QUNTUAN_FILES_ROOT:-./data/files}"
store="${QUNTUAN_FILES_STORE:-local}"
quntuan_pg_env
: "${PGDATABASE:?set QUNTUAN_DB_URL (or PGDATABASE)}"
case "$store" in
  local) [ -d "$files_root" ] || { echo "no file store at $files_root (set QUNTUAN_FILES_ROOT)" >&2; exit 1; } ;;
  s3) : "${QUNTUAN_FILES_S3_BUCKET:?QUNTUAN_FILES_STORE=s3 needs QUNTUAN_FILES_S3_BUCKET}" ;;
  *) echo "QUNTUAN_FILES_STORE is local or s3, not $store" >&2; exit 1 ;;
esac

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$dest/quntuan-$stamp"
mkdir -p "$out"
trap 'echo "backup failed; removing the incomplete $out" >&2; rm -rf "$out"' ERR

pg_dump --format=custom --compress=6 --no-owner --file="$out/database.dump" "$PGDATABASE"
if [ "$store" = local ]; then
  # uploads still being received (.incoming) are not files yet
  tar -C "$files_root" --exclude=./.incoming -czf "$out/files.tar.gz" .
  # checksums of what the archive holds (files are immutable under their key, so the live tree serves)
  tar -tzf "$out/files.tar.gz" | grep -v '/$' | LC_ALL=C sort | while IFS= read -r f; do
    [ -f "$files_root/$f" ] && (cd "$files_root" && sha256sum "$f")
  done > "$out/files.sha256"
fi

schema="$(psql -X -d "$PGDATABASE" -qAtc "select version from flyway_schema_history where success
    order by installed_rank desc limit 1" 2>/dev/null || echo unknown)"
{
  echo "created_utc=$stamp"
  echo "database=$PGDATABASE@$PGHOST:$PGPORT"
  echo "schema_version=$schema"
  echo "files_store=$store"
  if [ "$store" = local ]; then
    echo "files_root=$(cd "$files_root" && pwd)"
    echo "files=$(wc -l < "$out/files.sha256")"
  else
    echo "files_bucket=$QUNTUAN_FILES_S3_BUCKET at ${QUNTUAN_FILES_S3_ENDPOINT:-?} (not in this backup)"
    echo "files=$(psql -X -d "$PGDATABASE" -qAtc "select count(*) from stored_file")"
  fi
  echo "database_dump_bytes=$(stat -c %s "$out/database.dump")"
  if [ "$store" = local ]; then echo "files_archive_bytes=$(stat -c %s "$out/files.tar.gz")"; fi
} > "$out/MANIFEST"
trap - ERR
echo "$out"
