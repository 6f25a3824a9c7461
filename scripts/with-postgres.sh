#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server: initdb into a temporary folder, start it on a free loopback
# port (Unix socket in the same folder), create a database and a user, export the settings the PostgreSQL tests read,
# run the command, stop and remove the server. Usage:
#
#   scripts/with-postgres.sh mvn -B verify          # every test, the PostgreSQL suites included
#   scripts/with-postgres.sh env | grep KEYWARDEN   # just see the settings
#
# Exports KEYWARDEN_TEST_POSTGRES_URL, _USER, _PASSWORD (read by the tests) and KEYWARDEN_TEST_POSTGRES_REQUIRED=true,
# which makes the PostgreSQL tests fail instead of skip when the database cannot be reached.
# Needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql); as root the server runs as the
# 'postgres' user (PostgreSQL refuses to run as root).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

BIN=
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then BIN=$d; break; fi
done
if [ -z "$BIN" ]; then
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    BIN=$(dirname "$(command -v initdb)")
  else
    echo "FAIL: PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
    exit 1
  fi
fi

WORK=$(mktemp -d /tmp/keywarden-pg.XXXXXX)
chmod 0755 "$WORK"
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$WORK"
  RUN=(runuser -u postgres --)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))

cleanup() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${RUN[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || "${RUN[@]}" "$BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
# a test server: no fsync of its own data files is NOT what we want for the crash tests, so fsync stays on
"${RUN[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
  -o "-p $PORT -k $WORK -h 127.0.0.1 -c max_connections=200" start >/dev/null \
  || { cat "$WORK/server.log" >&2; exit 1; }

psql_() { "${RUN[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres "$@"; }
psql_ -d postgres -c "CREATE ROLE keywarden LOGIN PASSWORD 'keywarden' CREATEDB"
psql_ -d postgres -c "CREATE DATABASE keywarden OWNER keywarden"

export KEYWARDEN_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PORT/keywarden"
export KEYWARDEN_TEST_POSTGRES_USER=keywarden
export KEYWARDEN_TEST_POSTGRES_PASSWORD=keywarden
export KEYWARDEN_TEST_POSTGRES_REQUIRED=true
echo "== PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (database keywarden, user keywarden)"

set +e
"$@"
rc=$?
set -e
exit $rc
