#!/usr/bin/env bash
# Runs every test of OutreachBot and prints "N passed, N failed, N skipped" last.
# Needs: the .NET 10 SDK, Node.js 20+ with npm, git, and the NuGet and npm registries. The browser tests need Chromium:
# /usr/bin/chromium (installed with apt-get when this runs as root on Debian/Ubuntu) or any Chromium at CHROMIUM_PATH.
# It installs the Node tools (npm ci: Azurite, the Adaptive Cards renderer, the Teams schemas, Playwright), starts
# Azurite on a free loopback port with telemetry off, builds, runs the .NET and Node suites, and stops Azurite.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

log() { printf '\n== %s\n' "$*" >&2; }

# The browser tests' Chromium: CHROMIUM_PATH when set, else /usr/bin/chromium, installed with apt-get when possible.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] && return 0
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: the browser tests will fail." >&2
    return 1
  fi
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "Installing Chromium (apt-get install chromium)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && return 0
  fi
  echo "No Chromium for the browser tests: run ./test.sh as root on Debian/Ubuntu (it runs apt-get install chromium)," >&2
  echo "or install Chromium yourself and set CHROMIUM_PATH=/path/to/chromium. The browser tests will fail." >&2
  return 1
}

log "Node tools"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2 || exit 1
fi
ensure_chromium

log "Azurite (Azure Tables emulator) on a free loopback port"
port=$(node tools/ci/free-port.mjs)
node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" --inMemoryPersistence \
  --skipApiVersionCheck --silent --loose --disableTelemetry >"$results/azurite.log" 2>&1 &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export AZURITE_TABLE_ENDPOINT="http://127.0.0.1:$port/devstoreaccount1"

log "Build"
dotnet build OutreachBot.sln -c Release -nologo -v quiet >&2 || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log "Code style (dotnet format --verify-no-changes)"
if dotnet format OutreachBot.sln --verify-no-changes --no-restore >"$results/format.log" 2>&1; then
  printf 'TAP version 13\nok 1 - dotnet format --verify-no-changes\n1..1\n# pass 1\n# fail 0\n' >"$results/format.tap"
else
  tail -n 40 "$results/format.log" >&2
  printf 'TAP version 13\nnot ok 1 - dotnet format --verify-no-changes (see test-results/format.log)\n1..1\n# pass 0\n# fail 1\n' >"$results/format.tap"
fi

log ".NET tests"
dotnet test OutreachBot.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" >&2

if compgen -G "tests/*/*.test.mjs" >/dev/null; then
  log "Node tests"
  node --test --test-reporter=tap tests/*/*.test.mjs >"$results/node.tap" 2>&1
  grep -E '^(not ok|# (pass|fail|skipped))' "$results/node.tap" >&2
fi

node tools/ci/summarize.mjs "$results"
