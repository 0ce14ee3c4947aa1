#!/usr/bin/env bash
# Install (when missing) and start PostgreSQL and Redis on 127.0.0.1, then create the role and a
# fresh database for this run. Idempotent and non-interactive; needs root (or sudo) for apt-get
# and for the postgres system account. Prints the DATABASE_URL and REDIS_URL to use.
set -euo pipefail

PG_USER="${PG_USER:-oidp}"
PG_PASSWORD="${PG_PASSWORD:-oidp}"
PG_DB="${PG_DB:-oidp}"
PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "services: run as root (or install sudo): apt-get and the postgres account need it." >&2
    exit 1
fi

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "services: installing ${missing[*]} from Debian's packages"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: the newest installed major version, its "main" cluster.
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    $SUDO pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    echo "services: starting PostgreSQL $version on 127.0.0.1:$PG_PORT"
    $SUDO pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >/dev/null || { echo "services: PostgreSQL did not start" >&2; exit 1; }

if [ -z "$SUDO" ]; then
    as_postgres() { runuser -u postgres -- "$@"; }
else
    as_postgres() { sudo -u postgres "$@"; }
fi
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER}') THEN
        CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
    ELSE
        ALTER ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
    END IF;
END
\$\$;
DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE);
DROP DATABASE IF EXISTS test_${PG_DB} WITH (FORCE);
CREATE DATABASE ${PG_DB} OWNER ${PG_USER};
SQL
echo "services: PostgreSQL ready, fresh database '${PG_DB}' owned by '${PG_USER}'"

# Redis: a throwaway instance on loopback, no persistence.
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "services: starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
    for _ in $(seq 1 20); do
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.5
    done
fi
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null || { echo "services: Redis did not start" >&2; exit 1; }
echo "services: Redis ready"
echo "DATABASE_URL=postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${PG_DB}"
echo "REDIS_URL=redis://127.0.0.1:${REDIS_PORT}/0"
