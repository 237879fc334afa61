#!/bin/sh
# Starts the services the test suite needs and exports where they are. Sourced by .ci/run after the Debian
# packages in scripts/ci-apt-packages.txt are installed:   . scripts/ci-services.sh && npm test
#
# PostgreSQL: a throw-away cluster in a temporary directory (initdb, trust auth on localhost only, fsync
# off because the data is disposable), on its own port so it never touches a system cluster. Exports
# CAIJIAN_TEST_PG_URL; the PostgreSQL store tests skip (with a message) when it is unset.

caijian_start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "ci-services: PostgreSQL is not installed (apt-get install postgresql); PostgreSQL tests will be skipped" >&2
    return 0
  fi
  pg_port=${CAIJIAN_PG_PORT:-55432}
  pg_dir=$(mktemp -d /tmp/caijian-pg.XXXXXX)
  # initdb refuses to run as root: run the server as the postgres system user when we are root.
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$pg_dir"
    as_pg() { su postgres -s /bin/sh -c "$*"; }
  else
    as_pg() { sh -c "$*"; }
  fi
  if ! as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust --no-sync -E UTF8 >'$pg_dir/initdb.log' 2>&1"; then
    echo "ci-services: initdb failed, see $pg_dir/initdb.log" >&2
    return 1
  fi
  if ! as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null"; then
    echo "ci-services: PostgreSQL did not start, see $pg_dir/server.log" >&2
    return 1
  fi
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres caijian_test
  export CAIJIAN_TEST_PG_URL="postgres://postgres@127.0.0.1:$pg_port/caijian_test"
  export CAIJIAN_TEST_PG_DIR="$pg_dir"
  echo "ci-services: PostgreSQL running at $CAIJIAN_TEST_PG_URL (data in $pg_dir)" >&2
}

caijian_start_postgres
