# Sourced by `make test`: environment for the test suite (service addresses).
export PYTHONHASHSEED=0
