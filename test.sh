#!/usr/bin/env bash
# Runs every test of OutreachBot on a fresh machine: installs the Node tools (Azurite, the Adaptive Cards
# renderer, the Teams schemas, Playwright) and Debian packages the tests need, starts Azurite on a free
# loopback port, runs the .NET and Node test suites, stops Azurite, and prints "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

log() { printf '\n== %s\n' "$*" >&2; }

install_debian() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    return 1
  fi
  log "Installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

log "Node tools"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2 || exit 1
fi
install_debian chromium fonts-noto-cjk >&2 || log "Debian packages missing: the browser test will fail"

log "Azurite (Azure Tables emulator) on a free loopback port"
port=$(node tools/ci/free-port.mjs)
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" --inMemoryPersistence \
  --skipApiVersionCheck --silent --loose >"$results/azurite.log" 2>&1 &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export AZURITE_TABLE_ENDPOINT="http://127.0.0.1:$port/devstoreaccount1"

log "Build"
dotnet build OutreachBot.sln -c Release -nologo -v quiet >&2 || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log ".NET tests"
dotnet test OutreachBot.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" >&2

if compgen -G "tests/*/*.test.mjs" >/dev/null; then
  log "Node tests"
  node --test --test-reporter=tap tests/*/*.test.mjs >"$results/node.tap" 2>&1
  grep -E '^(not ok|# (pass|fail|skipped))' "$results/node.tap" >&2
fi

node tools/ci/summarize.mjs "$results"
