#!/usr/bin/env bash
# Installs and starts the system services the test suite uses, when they are missing:
#   - PostgreSQL (Debian package), a private cluster on 127.0.0.1:$PACTWATCH_PG_PORT
#   - Chromium (Debian package) for the browser tests
# Idempotent: safe to run before every `make test`. Needs root (as on the project's machines);
# without root it only reports what is missing and the tests that need it will say so.
set -euo pipefail

PG_PORT="${PACTWATCH_PG_PORT:-55432}"
PG_DATA="${PACTWATCH_PG_DATA:-/var/tmp/pactwatch-pg}"
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "system-setup: missing ${missing[*]} and not root; the tests that need them will fail or skip" >&2
    exit 0
  fi
  echo "system-setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DATA"
    as_postgres "'$pg_bin/initdb' -D '$PG_DATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
  fi
  as_postgres "'$pg_bin/pg_ctl' -D '$PG_DATA' -w -l '$PG_DATA/server.log' \
    -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200\" start >/dev/null"
fi
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
echo "system-setup: PostgreSQL on 127.0.0.1:$PG_PORT, chromium at /usr/bin/chromium" >&2
