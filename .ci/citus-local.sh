#!/usr/bin/env bash
# A local Citus cluster (one coordinator + workers) of PostgreSQL 15 instances, for trying the
# project's schema and server on a distributed engine. Copied from ../shared/citus/citus-local.sh;
# changed here: max_worker_processes (each Citus database has a maintenance worker, and the Citus
# test suite makes a database per test class, two classes at a time). Debian 12 has no Citus package, so this
# builds Citus from a source tree (../shared/citus/citus-13.2.2.tar.gz, unpacked) and installs it
# into the Debian PostgreSQL 15. It never touches the machine's own cluster (port 5432).
#
# Usage:
#   citus-local.sh deps                         apt-get install the Debian build dependencies
#   citus-local.sh build SRC_DIR                configure + make + make install (skipped when the
#                                               same Citus version is installed; FORCE=1 rebuilds)
#   citus-local.sh start BASE_DIR [DB ...]      initdb (first time) and start the nodes under
#                                               BASE_DIR; create each DB (default: citus) on every
#                                               node with the citus extension; register the workers
#   citus-local.sh stop BASE_DIR                stop every node (pg_ctl stop -m fast)
#   citus-local.sh status BASE_DIR [DB]         pg_ctl status of each node and the node list
#   citus-local.sh psql BASE_DIR DB [ARGS...]   psql on the coordinator
#   citus-local.sh destroy BASE_DIR             stop and delete BASE_DIR
#
# Then point the server (or the tests) at jdbc:postgresql://127.0.0.1:PORT/DB on the coordinator.
#
# Environment: PORT (coordinator port, default 5441; workers take the next ones), WORKERS
# (default 2), PGBIN (default /usr/lib/postgresql/15/bin), JOBS (make -j, default 2),
# NICE (default 19), CITUS_CONFIGURE_FLAGS (default --without-libcurl: no anonymous statistics
# collection, which would call out to the Internet), FORCE=1 (rebuild even if installed).
# Nodes listen on 127.0.0.1 only, trust auth, sockets in BASE_DIR. Run as root or postgres.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${PORT:-5441}
WORKERS=${WORKERS:-2}
JOBS=${JOBS:-2}
NICE=${NICE:-19}
CITUS_CONFIGURE_FLAGS=${CITUS_CONFIGURE_FLAGS:---without-libcurl}
DEPS="postgresql-server-dev-15 liblz4-dev libzstd-dev libkrb5-dev"

die() { echo "citus-local: $*" >&2; exit 1; }
say() { echo "citus-local: $*" >&2; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }

# Runs a command as the postgres user (directly when already that user).
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  else die "run as root or postgres"; fi
}

nodes() { # name port, one line per node
  echo "coordinator $PORT"
  local i
  for i in $(seq 1 "$WORKERS"); do echo "worker$i $((PORT + i))"; done
}

deps() {
  [ "$(id -u)" = 0 ] || die "deps needs root"
  local need=$DEPS
  case " $CITUS_CONFIGURE_FLAGS " in *" --without-libcurl "*) ;; *) need="$need libcurl4-openssl-dev" ;; esac
  DEBIAN_FRONTEND=noninteractive nice -n "$NICE" apt-get install -y --no-install-recommends $need
}

build() {
  local src=${1:?SRC_DIR}
  src=$(cd "$src" && pwd)
  [ -x "$src/configure" ] || die "$src has no configure script (not a Citus source tree?)"
  local pgc="$PGBIN/pg_config"
  [ -x "$pgc" ] || die "no $pgc: install postgresql-server-dev-15 ($0 deps)"
  local version libdir
  version=$(sed -n 's/^AC_INIT(\[Citus\], \[\([^]]*\)\]).*/\1/p' "$src/configure.ac")
  libdir=$("$pgc" --pkglibdir)
  if [ "${FORCE:-0}" != 1 ] && [ -f "$libdir/citus.so" ] \
      && grep -aq "Citus $version on" "$libdir/citus.so"; then
    say "Citus $version is already installed in $libdir (FORCE=1 rebuilds)"
    return 0
  fi
  # Debian's PostgreSQL 15.20 declares have_createdb_privilege() in commands/dbcommands.h, while
  # Citus 13.2.2 still defines its own static copy for PG 15: the build fails ("static declaration
  # of 'have_createdb_privilege' follows non-static declaration"). Use the server's instead.
  local compat="$src/src/include/pg_version_compat.h"
  if grep -q 'extern bool have_createdb_privilege' "$("$pgc" --includedir-server)/commands/dbcommands.h" \
      && grep -q '^have_createdb_privilege(void)' "$compat"; then
    say "patching $compat: this PostgreSQL exports have_createdb_privilege()"
    perl -0pi -e 's/\nstatic inline bool\nhave_createdb_privilege\(void\)\n\{.*?\n\}\n/\n\/* citus-local.sh: this PostgreSQL minor release exports have_createdb_privilege() itself *\/\n#include "commands\/dbcommands.h"\n/s' "$compat"
  fi
  local start=$SECONDS
  ( cd "$src"
    # shellcheck disable=SC2086
    nice -n "$NICE" ./configure PG_CONFIG="$pgc" $CITUS_CONFIGURE_FLAGS
    nice -n "$NICE" make -j"$JOBS"
    nice -n "$NICE" make install )
  say "built and installed Citus $version in $((SECONDS - start)) s"
}

pg_conf() { # datadir port base
  cat >> "$1/postgresql.conf" <<EOF

# --- citus-local.sh ---
port = $2
listen_addresses = '127.0.0.1'
unix_socket_directories = '$3'
shared_preload_libraries = 'citus'
citus.enable_statistics_collection = off
max_connections = 200
max_prepared_transactions = 200
max_worker_processes = 64
EOF
}

psql_node() { # port db args...
  local port=$1 db=$2; shift 2
  as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}

start() {
  local base=${1:?BASE_DIR}; shift
  local dbs=("$@"); [ ${#dbs[@]} -gt 0 ] || dbs=(citus)
  [ -x "$PGBIN/postgres" ] || die "no $PGBIN/postgres"
  [ -f "$("$PGBIN/pg_config" --pkglibdir)/citus.so" ] || die "Citus is not installed: $0 build SRC_DIR"
  if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres "$base"; else mkdir -p "$base"; fi
  base=$(cd "$base" && pwd)
  local name port dir
  while read -r name port; do
    [ "$port" != 5432 ] || die "port 5432 is the machine's own cluster: choose another PORT"
    dir="$base/$name"
    if [ ! -f "$dir/PG_VERSION" ]; then
      if as_pg "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        die "something already listens on 127.0.0.1:$port"
      fi
      say "initdb $dir"
      as_pg "$PGBIN/initdb" -D "$dir" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
      pg_conf "$dir" "$port" "$base"
    fi
    if as_pg "$PGBIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      say "$name already running on $port"
    else
      as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$base/$name.log" -w -t 60 start >/dev/null
      say "$name started on 127.0.0.1:$port (log $base/$name.log)"
    fi
  done < <(nodes)
  local db
  for db in "${dbs[@]}"; do
    while read -r name port; do
      if [ "$(psql_node "$port" postgres -tAc "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
        psql_node "$port" postgres -c "create database \"$db\""
      fi
      psql_node "$port" "$db" -c "set client_min_messages = warning" -c "create extension if not exists citus"
    done < <(nodes)
    psql_node "$PORT" "$db" -c "select citus_set_coordinator_host('127.0.0.1', $PORT)" >/dev/null
    while read -r name port; do
      [ "$name" = coordinator ] && continue
      psql_node "$PORT" "$db" -tAc "select citus_add_node('127.0.0.1', $port)" >/dev/null
    done < <(nodes)
    say "database $db: $(psql_node "$PORT" "$db" -tAc \
      "select string_agg(nodename || ':' || nodeport || case when groupid = 0 then ' (coordinator)' else '' end, ', ' order by nodeport) from pg_dist_node")"
  done
  say "connect: psql -h 127.0.0.1 -p $PORT -U postgres -d ${dbs[0]}  |  jdbc:postgresql://127.0.0.1:$PORT/${dbs[0]}"
}

stop() {
  local base=${1:?BASE_DIR} name port
  while read -r name port; do
    if [ -f "$base/$name/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$base/$name" -m fast -w stop >/dev/null && say "$name stopped"
    fi
  done < <(nodes)
}

status() {
  local base=${1:?BASE_DIR} db=${2:-citus} name port
  while read -r name port; do
    printf '%-12s %-6s ' "$name" "$port"
    { as_pg "$PGBIN/pg_ctl" -D "$base/$name" status 2>&1 || true; } | head -1
  done < <(nodes)
  psql_node "$PORT" "$db" -c "select nodeid, groupid, nodename, nodeport, isactive from pg_dist_node order by nodeid" 2>/dev/null || true
}

cmd=${1:-}; [ -n "$cmd" ] || usage; shift
case "$cmd" in
  deps) deps ;;
  build) build "$@" ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  psql) base=${1:?BASE_DIR}; db=${2:?DB}; shift 2; psql_node "$PORT" "$db" "$@" ;;
  destroy) stop "${1:?BASE_DIR}"; rm -rf -- "${1:?}" ;;
  *) usage ;;
esac
