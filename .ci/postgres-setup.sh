#!/usr/bin/env bash
# Prepares a local PostgreSQL for the store tests on Debian 12: installs the server if missing, starts the
# default cluster on 127.0.0.1, creates a login role and the database reviewpanel_test.
# Idempotent and non-interactive. Diagnostics go to stderr; stdout is one line for the caller to eval:
#   eval "$(.ci/postgres-setup.sh)"   # exports REVIEWPANEL_TEST_POSTGRES
# The role's password is a throwaway for a local test server (override with REVIEWPANEL_PG_PASSWORD).
set -euo pipefail

DB="${REVIEWPANEL_PG_DB:-reviewpanel_test}"
ROLE="${REVIEWPANEL_PG_USER:-reviewpanel}"
PASSWORD="${REVIEWPANEL_PG_PASSWORD:-reviewpanel-test}"

log() { echo "postgres-setup: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    log "installing postgresql"
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    log "creating cluster $VERSION/main"
    as_root pg_createcluster "$VERSION" main >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $4 }')"
if [ "$STATUS" != "online" ]; then
    log "starting cluster $VERSION/main on port $PORT"
    # pg_ctlcluster works without systemd (containers, CI); the default listen address is localhost.
    as_root pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "server on 127.0.0.1:$PORT did not become ready"; exit 1; }

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    log "creating role $ROLE"
    psql_admin -c "CREATE ROLE \"$ROLE\" LOGIN PASSWORD '$PASSWORD'"
else
    psql_admin -c "ALTER ROLE \"$ROLE\" LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
    log "creating database $DB"
    psql_admin -c "CREATE DATABASE \"$DB\" OWNER \"$ROLE\""
fi

# Password login over TCP, exactly as the tests connect.
PGPASSWORD="$PASSWORD" psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -tAc "SELECT 1" >/dev/null
log "ready: $DB on 127.0.0.1:$PORT as $ROLE"
echo "export REVIEWPANEL_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Database=$DB;Username=$ROLE;Password=$PASSWORD'"
