#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for Stateline's tests.
#
#   bash scripts/pg-cluster.sh start    # prints DATABASE_URL=postgres://postgres@127.0.0.1:PORT/stateline_test
#   bash scripts/pg-cluster.sh status   # exit 0 if running (prints DATABASE_URL), 3 if not
#   bash scripts/pg-cluster.sh stop     # stops the postmaster by pid and removes the folder
#
# Environment:
#   PG_PORT  port to listen on (127.0.0.1 only), default 54329
#   PG_DIR   folder for the cluster (data/, socket, log). Default: a fresh mktemp folder under /tmp,
#            which `stop` removes. A PG_DIR you give is reused on the next start and kept by `stop`
#            (only the server is stopped). It must be reachable by the postgres user.
#   PG_BIN   PostgreSQL server binaries, default /usr/lib/postgresql/15/bin (else the newest installed)
#
# Only "DATABASE_URL=..." goes to stdout; everything else goes to stderr, so
#   export "$(bash scripts/pg-cluster.sh start)"
# works. State (folder, pid, url) is kept in /tmp/stateline-pg-PORT.env so `stop`/`status` find it.
# The server runs as the postgres user (PostgreSQL refuses root); it does not use or need the
# distribution's postgresql service.
set -euo pipefail

PORT="${PG_PORT:-54329}"
DB_NAME="stateline_test"
STATE_FILE="/tmp/stateline-pg-${PORT}.env"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB_NAME}"

log() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" ]] || die "PG_BIN=$PG_BIN has no initdb"
    return
  fi
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    PG_BIN=/usr/lib/postgresql/15/bin
    return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$d" && -x "$d/initdb" ]] || die "no PostgreSQL server binaries found (apt-get install -y postgresql-15)"
  PG_BIN="$d"
}

# Run a command as the postgres user when we are root; as ourselves otherwise.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      # su needs one command string: quote every word.
      su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# True when pid is a postgres postmaster serving the given data dir (guards against pid reuse).
is_our_postmaster() {
  local pid="$1" data="$2"
  pid_alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 0 # cannot check: trust the pid file
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$data"
}

load_state() {
  ST_DIR="" ST_DATA="" ST_PID="" ST_OWNS_DIR=""
  [[ -f "$STATE_FILE" ]] || return 1
  local k v
  while IFS='=' read -r k v; do
    case "$k" in
      PG_DIR) ST_DIR="$v" ;;
      PG_DATA) ST_DATA="$v" ;;
      PG_PID) ST_PID="$v" ;;
      PG_OWNS_DIR) ST_OWNS_DIR="$v" ;;
    esac
  done <"$STATE_FILE"
  return 0
}

wait_gone() { # pid seconds
  local pid="$1" n=$(($2 * 10))
  while ((n > 0)); do
    pid_alive "$pid" || return 0
    sleep 0.1
    n=$((n - 1))
  done
  ! pid_alive "$pid"
}

stop_pid() {
  local pid="$1"
  pid_alive "$pid" || return 0
  log "stopping postmaster pid $pid (fast shutdown)"
  kill -INT "$pid" 2>/dev/null || true
  wait_gone "$pid" 60 && return 0
  log "still running after 60s: immediate shutdown"
  kill -QUIT "$pid" 2>/dev/null || true
  wait_gone "$pid" 15 && return 0
  log "still running: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10 || die "could not stop pid $pid"
}

cmd_stop() {
  if ! load_state; then
    log "nothing to stop on port $PORT (no $STATE_FILE)"
    return 0
  fi
  if [[ -n "$ST_PID" && -n "$ST_DATA" ]] && is_our_postmaster "$ST_PID" "$ST_DATA"; then
    stop_pid "$ST_PID"
  elif [[ -n "$ST_PID" ]]; then
    log "postmaster pid $ST_PID is not running"
  fi
  if [[ "$ST_OWNS_DIR" == "1" && -n "$ST_DIR" && -d "$ST_DIR" ]]; then
    rm -rf -- "$ST_DIR"
    log "removed $ST_DIR"
  elif [[ -n "$ST_DIR" ]]; then
    log "kept $ST_DIR (PG_DIR was given)"
  fi
  rm -f -- "$STATE_FILE"
  return 0
}

cmd_status() {
  if load_state && [[ -n "$ST_PID" ]] && is_our_postmaster "$ST_PID" "$ST_DATA"; then
    log "running: pid $ST_PID, port $PORT, dir $ST_DIR"
    echo "DATABASE_URL=$URL"
    return 0
  fi
  log "not running on port $PORT"
  return 3
}

port_in_use() {
  # A refused connection fails at once; anything listening (ours from before or not) succeeds.
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

cmd_start() {
  find_bin

  if load_state; then
    if [[ -n "$ST_PID" ]] && is_our_postmaster "$ST_PID" "$ST_DATA"; then
      log "already running: pid $ST_PID, port $PORT, dir $ST_DIR"
      echo "DATABASE_URL=$URL"
      return 0
    fi
    log "stale state file $STATE_FILE: cleaning up"
    cmd_stop
  fi

  if port_in_use; then
    die "port $PORT on 127.0.0.1 is already in use by something else; set PG_PORT"
  fi

  local dir owns data
  if [[ -n "${PG_DIR:-}" ]]; then
    dir="$PG_DIR"
    owns=0
    mkdir -p -- "$dir"
  else
    dir="$(mktemp -d /tmp/stateline-pg.XXXXXX)"
    owns=1
  fi
  dir="$(cd "$dir" && pwd -P)"
  data="$dir/data"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$dir"
    [[ -d "$data" ]] && chown -R postgres:postgres "$data"
  fi
  chmod 700 "$dir"

  # Write the state file now so that `stop` can clean up even if a later step fails.
  write_state() {
    {
      echo "PG_DIR=$dir"
      echo "PG_DATA=$data"
      echo "PG_PORT=$PORT"
      echo "PG_PID=${1:-}"
      echo "PG_OWNS_DIR=$owns"
      echo "DATABASE_URL=$URL"
    } >"$STATE_FILE"
  }
  write_state ""

  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "initdb in $data"
    as_pg "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      die "initdb failed"
    }
  fi

  # Trust only on loopback (and the private socket folder, mode 700). Nothing else may connect.
  as_pg sh -c "cat > '$data/pg_hba.conf'" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
  as_pg sh -c "cat > '$data/stateline.conf'" <<EOF
# Written by scripts/pg-cluster.sh
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
EOF
  if ! grep -q "^include_if_exists = 'stateline.conf'" "$data/postgresql.conf"; then
    as_pg sh -c "echo \"include_if_exists = 'stateline.conf'\" >> '$data/postgresql.conf'"
  fi

  log "starting on 127.0.0.1:$PORT (log: $dir/postgres.log)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null </dev/null; then
    tail -n 40 "$dir/postgres.log" >&2 || true
    local p
    p="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
    write_state "$p"
    cmd_stop
    die "pg_ctl start failed"
  fi

  local pid
  pid="$(head -n 1 "$data/postmaster.pid")"
  write_state "$pid"

  local exists
  exists="$("$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
    -c "select 1 from pg_database where datname = '$DB_NAME'" </dev/null)" || {
    cmd_stop
    die "cannot connect to the new cluster"
  }
  if [[ "$exists" != "1" ]]; then
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
      -c "create database $DB_NAME owner postgres" </dev/null >/dev/null || {
      cmd_stop
      die "create database failed"
    }
  fi
  log "running: pid $pid, port $PORT, dir $dir"
  echo "DATABASE_URL=$URL"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status   (env: PG_PORT, PG_DIR, PG_BIN)" >&2
    exit 2
    ;;
esac
