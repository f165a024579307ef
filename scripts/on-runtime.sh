#!/usr/bin/env bash
# Runs a command under another Node major: `bash scripts/on-runtime.sh 22 npx vitest run`.
# The runtime is the `node` package of the npm registry (it ships Node's own binaries), installed
# once per major into a cache outside the checkout and put first on PATH, so the command and every
# `node` or `npm` it starts (service processes, the emulator, scripts) run on that major.
set -euo pipefail
major="${1:?usage: on-runtime.sh MAJOR COMMAND...}"
shift
[[ "$major" =~ ^[0-9]+$ ]] || { echo "on-runtime.sh: MAJOR must be a number, got '$major'" >&2; exit 2; }
cache="${NODE_RUNTIMES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/account-graph/node-runtimes}/$major"
bin="$cache/node_modules/.bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
  echo "Installing Node $major from the npm registry into $cache" >&2
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$cache" "node@$major" >&2
fi
export PATH="$bin:$PATH"
echo "Node $(node --version) ($(command -v node)): $*" >&2
exec "$@"
