# Shared by the scripts of ops/ and bench/run.sh. For backup.sh, restore.sh and restore-drill.sh:
# the database connection from the same environment as the application. QUNTUAN_DB_URL (jdbc:postgresql://host:port/name), QUNTUAN_DB_USER
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

# --- nodes behind nginx (cluster-test.sh, bench/run.sh) ---------------------------------------------

# A TCP port on 127.0.0.1 that nobody listens on.
quntuan_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# quntuan_wait_ready LOG URL PID SECONDS: waits until the node's log says it is ready and URL answers
# with "UP" (its readiness probe); fails when the process ends or the time is up.
quntuan_wait_ready() {
  local log="$1" url="$2" pid="$3" seconds="$4"
  for _ in $(seq 1 "$seconds"); do
    if grep -q "平台已就绪" "$log" 2>/dev/null && curl -fs "$url" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

# quntuan_nginx_conf DIR LISTEN_PORT NODE_PORT...: DIR/nginx.conf for Debian's nginx binary (not its
# service): 127.0.0.1:LISTEN_PORT balanced round robin over the nodes on 127.0.0.1:NODE_PORT..., with
# keep-alive connections to them; logs and temporary files under DIR. The access log (DIR/access.log)
# names the node that answered each request (upstream=127.0.0.1:port), and each answer says it in
# X-Upstream. A node that refuses a connection gets no requests for 5 s, and a request it refused goes
# to the next node (never a POST that reached a node). Start it with
#   nginx -p DIR -c DIR/nginx.conf -e DIR/error.log &
quntuan_nginx_conf() {
  local dir="$1" listen="$2" servers="" p
  shift 2
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$dir/temp"
  chmod 755 "$dir" # nginx's workers run as nobody
  cat > "$dir/nginx.conf" <<NGINX
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    log_format cluster '\$request_method \$uri \$status upstream=\$upstream_addr rt=\$request_time';
    access_log $dir/access.log cluster;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    client_max_body_size 12m;
    upstream quntuan {
$servers        keepalive 32;
    }
    server {
        listen 127.0.0.1:$listen;
        location / {
            proxy_pass http://quntuan;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Request-Id \$request_id;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
NGINX
}

# quntuan_upstream_spread ACCESS_LOG FIRST_LINE NODE_ADDRESS...: how many requests of the access log
# (from line FIRST_LINE on) each node answered: "node 1 N, node 2 M", numbered in the order given.
quntuan_upstream_spread() {
  local log="$1" first="$2"
  shift 2
  tail -n +"$first" "$log" | grep -o 'upstream=[^ ]*' | sed 's/^upstream=//' | sort | uniq -c \
    | awk -v nodes="$*" 'BEGIN {n = split(nodes, a, " "); for (i = 1; i <= n; i++) name[a[i]] = "node " i}
        {label = ($2 in name) ? name[$2] : $2; printf "%s%s %d", sep, label, $1; sep = ", "}'
}
