#!/bin/sh
# The Python package's pytest tests under Debian's /usr/bin/python3 (the
# python3 first on PATH may be another interpreter, without pytest).
# usage: run-python.sh SOURCE_ROOT   (SENBID_LIBRARY etc. in the environment)
# Exit 77 (skip) when pytest is not installed (tools/deps.sh installs it).
src=$1
if [ "${SENBID_SANITIZE:-none}" != none ]; then
  echo "SKIP: the library is built with sanitizers (${SENBID_SANITIZE})"
  exit 77
fi
py=${SENBID_PYTHON:-/usr/bin/python3}
if ! "$py" -c 'import pytest' 2> /dev/null; then
  echo "SKIP: $py has no pytest (apt-get install python3-pytest)"
  exit 77
fi
export PYTHONPATH="${SENBID_PYTHONPATH:-$src/bindings/python}" PYTHONDONTWRITEBYTECODE=1
exec "$py" -m pytest -q -p no:cacheprovider --rootdir "$src/tests/bindings/python" "$src/tests/bindings/python"
