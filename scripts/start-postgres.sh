#!/usr/bin/env bash
# Start Debian's PostgreSQL (installing it if missing) and create the role and database the tests use:
#   postgresql://newsgraph:newsgraph@127.0.0.1:5432/newsgraph
# Prints that URL on stdout. Needs root (or sudo) on Debian/Ubuntu; elsewhere, start a server yourself
# and set NEWSGRAPH_TEST_DATABASE to its URL.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
read -r version cluster <<<"$(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2}')"
if [ -z "${version:-}" ]; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"; cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
for _ in $(seq 30); do runuser -u postgres -- pg_isready -q && break; sleep 1; done
psql_() { runuser -u postgres -- psql -qtAX -v ON_ERROR_STOP=1 "$@"; }
[ "$(psql_ -c "select 1 from pg_roles where rolname='newsgraph'")" = 1 ] \
  || psql_ -c "create role newsgraph login password 'newsgraph' createdb"
[ "$(psql_ -c "select 1 from pg_database where datname='newsgraph'")" = 1 ] \
  || psql_ -c "create database newsgraph owner newsgraph"
echo "postgresql://newsgraph:newsgraph@127.0.0.1:5432/newsgraph"
