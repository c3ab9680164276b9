# Sourced by `make test`: environment for the test suite.
export PYTHONHASHSEED=0
# The PostgreSQL server scripts/system-setup.sh started; tests create their own databases on it.
export PACTWATCH_TEST_PG="${PACTWATCH_TEST_PG:-postgresql://postgres@127.0.0.1:${PACTWATCH_PG_PORT:-55432}/postgres}"
