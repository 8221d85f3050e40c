#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the server tests on 127.0.0.1 and prints its URL.
# Installs Debian's postgresql when missing. Usage: ensure-postgres.sh start DIR PORT | stop DIR
set -euo pipefail
action=${1:?start or stop}
dir=${2:?data directory}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$action" = stop ]; then
  bin=$(find_bin)
  [ -n "$bin" ] && [ -f "$dir/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
  rm -rf "$dir"
  exit 0
fi

port=${3:?port}
bin=$(find_bin)
if [ -z "$bin" ]; then
  echo "Installing Debian postgresql for the server tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  chmod a+x "$(dirname "$dir")" # the server runs as postgres and must reach its directory
fi
as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres collector_test
echo "postgres://postgres@127.0.0.1:$port/collector_test"
