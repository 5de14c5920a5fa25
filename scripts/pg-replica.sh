#!/usr/bin/env bash
# A streaming-replication standby beside a throwaway primary started by scripts/pg-cluster.sh.
#
#   bash scripts/pg-replica.sh start     # prints DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:PORT/stateline_test
#                                        # (on a running standby: lets the primary accept it again, e.g. after
#                                        # pg-cluster.sh restarted the primary and rewrote its pg_hba.conf)
#   bash scripts/pg-replica.sh status    # exit 0 if running (prints the URL and the replay lag), 3 if not
#   bash scripts/pg-replica.sh promote   # the standby becomes a primary (pg_ctl promote; see docs/OPERATIONS.md)
#   bash scripts/pg-replica.sh stop      # stops the standby by pid and removes its folder
#
# Environment:
#   PG_PORT          the primary's port (its state file /tmp/stateline-pg-PORT.env), default 54329
#   PG_REPLICA_PORT  the standby's port (127.0.0.1 only), default PG_PORT + 1
#   PG_REPLICA_DIR   folder for the standby (data/, socket, log); default a fresh mktemp folder, removed by `stop`
#   PG_DB            database name in the printed URL, default stateline_test
#   PG_BIN           PostgreSQL server binaries, default /usr/lib/postgresql/15/bin
#
# What start does: lets the primary accept replication connections from loopback (one pg_hba line,
# then a reload), takes a base backup with pg_basebackup (-R: standby.signal and primary_conninfo,
# -X stream: the WAL written during the copy), gives the copy its own port and socket folder, and
# starts it as a hot standby that streams WAL from the primary and answers read-only queries.
# Only "DATABASE_REPLICA_URL=..." goes to stdout. Like pg-cluster.sh, the servers run as the postgres
# user (PostgreSQL refuses root).
set -euo pipefail

PRIMARY_PORT="${PG_PORT:-54329}"
PORT="${PG_REPLICA_PORT:-$((PRIMARY_PORT + 1))}"
DB_NAME="${PG_DB:-stateline_test}"
PRIMARY_STATE="/tmp/stateline-pg-${PRIMARY_PORT}.env"
STATE_FILE="/tmp/stateline-pg-replica-${PORT}.env"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB_NAME}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

log() { printf 'pg-replica: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

read_var() { # file key
  sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n 1
}

cmd_stop() {
  [[ -f "$STATE_FILE" ]] || {
    log "nothing to stop on port $PORT"
    return 0
  }
  local data dir owns pid
  data="$(read_var "$STATE_FILE" PG_DATA)"
  dir="$(read_var "$STATE_FILE" PG_DIR)"
  owns="$(read_var "$STATE_FILE" PG_OWNS_DIR)"
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  if pid_alive "$pid"; then
    log "stopping standby pid $pid"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  if [[ "$owns" == "1" && -n "$dir" && -d "$dir" ]]; then
    rm -rf -- "$dir"
    log "removed $dir"
  fi
  rm -f -- "$STATE_FILE"
}

cmd_status() {
  [[ -f "$STATE_FILE" ]] || {
    log "not running on port $PORT"
    return 3
  }
  local data pid
  data="$(read_var "$STATE_FILE" PG_DATA)"
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  pid_alive "$pid" || {
    log "not running on port $PORT"
    return 3
  }
  log "running: pid $pid, port $PORT; in recovery (standby): $("$PG_BIN/psql" -X -qtA -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'select pg_is_in_recovery()' </dev/null)"
  echo "DATABASE_REPLICA_URL=$URL"
}

cmd_promote() {
  [[ -f "$STATE_FILE" ]] || die "no standby on port $PORT"
  local data
  data="$(read_var "$STATE_FILE" PG_DATA)"
  log "promoting the standby on port $PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -w -t 60 promote >/dev/null
  log "promoted: it now accepts writes (point DATABASE_URL at $URL)"
}

cmd_start() {
  [[ -f "$PRIMARY_STATE" ]] || die "no primary on port $PRIMARY_PORT (start it with scripts/pg-cluster.sh; set PG_PORT)"
  local pdata
  pdata="$(read_var "$PRIMARY_STATE" PG_DATA)"
  [[ -f "$pdata/PG_VERSION" ]] || die "the primary's data folder $pdata is missing"
  # The primary: replication connections from loopback only (wal_level is 'replica' by default in 15).
  # Checked on every start: pg-cluster.sh rewrites pg_hba.conf when it starts the primary again, and
  # `start` on a running standby is how a drill lets it reconnect.
  if ! grep -q "^host  *replication" "$pdata/pg_hba.conf"; then
    as_pg sh -c "echo 'host    replication all   127.0.0.1/32   trust' >> '$pdata/pg_hba.conf'"
    as_pg "$PG_BIN/pg_ctl" -D "$pdata" reload >/dev/null
    sleep 0.5
  fi
  if [[ -f "$STATE_FILE" ]]; then
    if cmd_status >/dev/null 2>&1; then
      log "already running on port $PORT"
      echo "DATABASE_REPLICA_URL=$URL"
      return 0
    fi
    cmd_stop
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT on 127.0.0.1 is already in use; set PG_REPLICA_PORT"
  fi


  local dir owns data
  if [[ -n "${PG_REPLICA_DIR:-}" ]]; then
    dir="$PG_REPLICA_DIR"
    owns=0
    mkdir -p -- "$dir"
  else
    dir="$(mktemp -d /tmp/stateline-pg-replica.XXXXXX)"
    owns=1
  fi
  dir="$(cd "$dir" && pwd -P)"
  data="$dir/data"
  [[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  {
    echo "PG_DIR=$dir"
    echo "PG_DATA=$data"
    echo "PG_OWNS_DIR=$owns"
    echo "PRIMARY_PORT=$PRIMARY_PORT"
    echo "DATABASE_REPLICA_URL=$URL"
  } >"$STATE_FILE"

  log "pg_basebackup from 127.0.0.1:$PRIMARY_PORT into $data"
  rm -rf -- "$data"
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast \
    >"$dir/basebackup.log" 2>&1 || {
    cat "$dir/basebackup.log" >&2
    cmd_stop
    die "pg_basebackup failed"
  }
  # The copy carries the primary's stateline.conf (port, socket folder): give the standby its own.
  as_pg sh -c "cat > '$data/stateline.conf'" <<EOF
# Written by scripts/pg-replica.sh: a hot standby of 127.0.0.1:$PRIMARY_PORT
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 256MB
hot_standby = on
hot_standby_feedback = on
logging_collector = off
EOF
  log "starting the standby on 127.0.0.1:$PORT (log: $dir/postgres.log)"
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 120 start >/dev/null </dev/null || {
    tail -n 40 "$dir/postgres.log" >&2 || true
    cmd_stop
    die "the standby did not start"
  }
  local rec
  rec="$("$PG_BIN/psql" -X -qtA -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'select pg_is_in_recovery()' </dev/null)"
  [[ "$rec" == "t" ]] || die "the server on $PORT is not a standby"
  log "running as a streaming standby of port $PRIMARY_PORT"
  echo "DATABASE_REPLICA_URL=$URL"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  promote) cmd_promote ;;
  *)
    echo "usage: $0 start|status|promote|stop   (env: PG_PORT, PG_REPLICA_PORT, PG_REPLICA_DIR, PG_DB, PG_BIN)" >&2
    exit 2
    ;;
esac
