#!/usr/bin/env bash
# Runs every test: starts a throw-away PostgreSQL (synchronous_commit off: a test cluster, durability is tested on SQLite) on 127.0.0.1 (when the server is installed) for the
# PostgreSQL integration tests, then `dotnet test` over the whole solution.
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && pgbin="$d"; done
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT

if [ -n "$pgbin" ] && [ -z "${ARENA_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/arena-pg.XXXXXX)
  chown postgres "$pgdir"
  port=${ARENA_TEST_PG_PORT:-55432}
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-h 127.0.0.1 -p $port -k $pgdir -c synchronous_commit=off -c max_connections=200" start >/dev/null
  export ARENA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "test: PostgreSQL $($pgbin/postgres --version | awk '{print $3}') on 127.0.0.1:$port"
fi

dotnet build TreasuryArena.sln -c Release -nologo -v quiet
set +e
dotnet test TreasuryArena.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee /tmp/arena-test.log | grep -vE '^\s+Passed '
status=${PIPESTATUS[0]}
set -e
# The plain closing line CI reads: totals over every test project (VSTest prints a block per project).
awk '/^Total tests:/ {t+=$3} /^ +Passed:/ {p+=$2} /^ +Failed:/ {f+=$2} /^ +Skipped:/ {s+=$2}
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' /tmp/arena-test.log
if [ "$status" -eq 0 ] && ! grep -q '^Total tests:' /tmp/arena-test.log; then echo "test: no test ran" >&2; exit 1; fi
exit "$status"
