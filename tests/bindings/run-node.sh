#!/bin/sh
# The Node.js package's tests (node:test). Exit 77 (skip) when node or the
# koffi module is missing (tools/deps.sh installs koffi when node is there).
# usage: run-node.sh SOURCE_ROOT
src=$1
if [ "${SENBID_SANITIZE:-none}" != none ]; then
  echo "SKIP: the library is built with sanitizers (${SENBID_SANITIZE})"
  exit 77
fi
if ! command -v node > /dev/null 2>&1; then
  echo "SKIP: node is not installed"
  exit 77
fi
if ! (cd "$src/bindings/node" && node -e 'require("koffi")') 2> /dev/null; then
  echo "SKIP: koffi is not installed (npm install --prefix bindings/node)"
  exit 77
fi
exec node --test "$src/tests/bindings/node/test_senbid.js" "$src/tests/bindings/node/test_session.js" "$src/tests/bindings/node/test_session_leave.js"
