#!/usr/bin/env bash
# Installs and starts the system services the test suite uses, when they are missing.
# Idempotent: safe to run before every `make test`. Runs as root on the project's machines.
set -euo pipefail
echo "system-setup: nothing to install yet" >&2
