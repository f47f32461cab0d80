# Shared by backup.sh, restore.sh and restore-drill.sh: the database connection from the same
# environment as the application. QUNTUAN_DB_URL (jdbc:postgresql://host:port/name), QUNTUAN_DB_USER
# and QUNTUAN_DB_PASSWORD become libpq's PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD, unless
# those are set already (they win).

quntuan_pg_env() {
  local url="${QUNTUAN_DB_URL:-}"
  if [[ "$url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]]; then
    export PGHOST="${PGHOST:-${BASH_REMATCH[1]}}"
    export PGPORT="${PGPORT:-${BASH_REMATCH[3]:-5432}}"
    export PGDATABASE="${PGDATABASE:-${BASH_REMATCH[4]}}"
  elif [ -n "$url" ]; then
    echo "QUNTUAN_DB_URL is not a PostgreSQL URL: $url (backups are of PostgreSQL only)" >&2
    return 1
  fi
  if [ -n "${QUNTUAN_DB_USER:-}" ]; then export PGUSER="${PGUSER:-$QUNTUAN_DB_USER}"; fi
  if [ -n "${QUNTUAN_DB_PASSWORD:-}" ]; then export PGPASSWORD="${PGPASSWORD:-$QUNTUAN_DB_PASSWORD}"; fi
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
}

# "sha256  ./path" for every regular file under a directory, sorted by path.
quntuan_file_sums() {
  (cd "$1" && find . -path ./.incoming -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# "table<TAB>rows" for every table of the public schema, then "sequence:name<TAB>last_value".
quntuan_row_counts() {
  local db="$1" t
  for t in $(psql -X -d "$db" -qAtc "select quote_ident(table_name) from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"); do
    printf '%s\t%s\n' "$t" "$(psql -X -d "$db" -qAtc "select count(*) from public.$t")"
  done
  psql -X -d "$db" -qAtF $'\t' -c "select 'sequence:' || sequencename, coalesce(last_value, 0) from pg_sequences
      where schemaname = 'public' order by sequencename"
}
