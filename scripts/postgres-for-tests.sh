#!/usr/bin/env bash
# Start the machine's PostgreSQL (installing it when missing) and create a throwaway role and
# database for the test suite. Prints the TEST_DATABASE_URL to use on its last line.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

cluster=$(pg_lsclusters --no-header | head -n 1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -p "$port" && break
  sleep 1
done

as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_test'")" ]; then
  as_postgres "CREATE ROLE shipshape_test LOGIN CREATEDB PASSWORD 'shipshape_test'" >&2
fi
# DROP DATABASE ... WITH (FORCE) ends other sessions on a test database, which needs this role.
as_postgres "GRANT pg_signal_backend TO shipshape_test" >&2
echo "postgresql://shipshape_test:shipshape_test@127.0.0.1:$port/postgres"
