#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a NEW database and an EMPTY file store, then checks it:
# every file against files.sha256, and every stored_file row against the file under its key (the
# sha256 the application recorded when the file was uploaded).
#
#   ops/restore.sh BACKUP_DIR TARGET_DB FILES_ROOT
#   ops/restore.sh BACKUP_DIR TARGET_DB [BUCKET_COPY]   a backup taken with QUNTUAN_FILES_STORE=s3
#
# TARGET_DB is created (it must not exist, or be empty); FILES_ROOT must not exist or be empty.
# A backup of an S3 store holds no files: the bucket is restored by the object store (a version at
# the backup's time, or the replica). Given BUCKET_COPY, a local copy of the restored bucket (mc
# mirror, ossutil cp -r, obsutil cp -r), every stored_file row is checked against it.
# Connection: QUNTUAN_DB_URL's host and port (its database name is not used), QUNTUAN_DB_USER and
# QUNTUAN_DB_PASSWORD, or libpq's PG* variables; the user needs CREATEDB. Then point the
# application at TARGET_DB and FILES_ROOT (QUNTUAN_DB_URL, QUNTUAN_FILES_ROOT) and start it: Flyway
# finds the schema at the backup's version and applies what a newer release adds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

backup="${1:?usage: ops/restore.sh BACKUP_DIR TARGET_DB FILES_ROOT}"
target="${2:?usage: ops/restore.sh BACKUP_DIR TARGET_DB FILES_ROOT}"
store="$(sed -n 's/^files_store=//p' "$backup/MANIFEST" 2>/dev/null || true)"
store="${store:-local}"
if [ "$store" = local ]; then
  files_root="${3:?usage: ops/restore.sh BACKUP_DIR TARGET_DB FILES_ROOT}"
  required="database.dump files.tar.gz files.sha256"
else
  files_root="${3:-}"
  required="database.dump"
fi
for f in $required; do
  [ -f "$backup/$f" ] || { echo "$backup/$f is missing: not a backup of ops/backup.sh" >&2; exit 1; }
done
quntuan_pg_env
unset PGDATABASE

if [ "$store" = local ] && [ -d "$files_root" ] && [ -n "$(ls -A "$files_root")" ]; then
  echo "$files_root is not empty: restore into a new directory" >&2; exit 1
fi
if [ "$store" != local ] && [ -n "$files_root" ] && [ ! -d "$files_root" ]; then
  echo "no copy of the bucket at $files_root" >&2; exit 1
fi
exists="$(psql -X -d postgres -qAtc "select count(*) from pg_database where datname = '$(printf %s "$target" | sed "s/'/''/g")'")"
if [ "$exists" = 1 ]; then
  tables="$(psql -X -d "$target" -qAtc "select count(*) from information_schema.tables where table_schema = 'public'")"
  [ "$tables" = 0 ] || { echo "database $target already has tables: restore into a new database" >&2; exit 1; }
else
  createdb "$target"
fi

echo "restoring the database into $target…"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction -d "$target" "$backup/database.dump"

if [ "$store" = local ]; then
  echo "restoring the files into $files_root…"
  mkdir -p "$files_root"
  tar -C "$files_root" -xzf "$backup/files.tar.gz"
  (cd "$files_root" && sha256sum --quiet -c "$backup/files.sha256") \
    || { echo "files differ from their checksums in the backup" >&2; exit 1; }
elif [ -z "$files_root" ]; then
  echo "restored the database into $target; the files are in the bucket ($(sed -n 's/^files_bucket=//p' "$backup/MANIFEST")):"
  echo "restore it with the object store's versioning or replica, and check a copy of it with"
  echo "  ops/restore.sh $backup <a new database> BUCKET_COPY"
  exit 0
fi

# every file the database knows, with the checksum recorded at upload
expected="$(mktemp)"
trap 'rm -f "$expected"' EXIT
psql -X -d "$target" -qAtc "select sha256 || '  ./' || storage_key from stored_file order by storage_key" > "$expected"
if [ -s "$expected" ]; then
  (cd "$files_root" && sha256sum --quiet -c "$expected") \
    || { echo "stored_file rows whose file is missing or differs (above)" >&2; exit 1; }
fi
if [ "$store" = local ]; then
  echo "restored: $(psql -X -d "$target" -qAtc "select count(*) from information_schema.tables where table_schema = 'public'") tables," \
    "$(wc -l < "$backup/files.sha256") files ($(wc -l < "$expected") referenced by stored_file, all checked)"
else
  echo "restored: $(psql -X -d "$target" -qAtc "select count(*) from information_schema.tables where table_schema = 'public'") tables;" \
    "$(wc -l < "$expected") files referenced by stored_file, all found in $files_root with their recorded sha256"
fi
