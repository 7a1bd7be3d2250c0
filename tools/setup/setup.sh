#!/usr/bin/env bash
# Installs what Ketang needs on a fresh Debian machine, and says what it installs.
#   bash tools/setup/setup.sh           what `npm start` needs: npm packages, ffmpeg, espeak-ng, CJK fonts
#   bash tools/setup/setup.sh --test    also what `npm test` needs: Chromium, FerretDB (built with Go) and
#                                       Schemathesis (a Python venv in .tools/schemathesis)
#   bash tools/setup/setup.sh --bench   all that, and what the benchmarks add: wrk, PostgreSQL and vegeta
#                                       (built with Go into .tools/vegeta)
# Safe to run again: it installs only what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

for_tests=false
for_bench=false
[[ "${1:-}" == "--test" ]] && for_tests=true
[[ "${1:-}" == "--bench" ]] && for_tests=true && for_bench=true

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Debian packages, each with the command or file that shows it is present.
declare -A needs=(
  [ffmpeg]="command:ffprobe"
  [espeak-ng]="command:espeak-ng"
  [fonts-noto-cjk]="file:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
  [fontconfig]="command:fc-list"
  # better-sqlite3 (the embedded store) compiles its addon when no prebuilt binary can be downloaded.
  [python3]="command:python3"
  [make]="command:make"
  [g++]="command:g++"
)
if $for_tests; then
  needs[chromium]="command:chromium"
  command -v go >/dev/null 2>&1 || [[ -x /usr/local/go/bin/go ]] || needs[golang-go]="command:go"
  # Schemathesis lives in a venv; Debian's python3 has no venv/ensurepip without python3-venv.
  needs[python3-venv]="python:venv,ensurepip"
fi
if $for_bench; then
  # The family benchmark's heartbeat load generator (C: a fraction of a core where autocannon takes one),
  # and PostgreSQL for FerretDB's indexed backend in that benchmark (--mongodb-backend postgresql).
  needs[wrk]="command:wrk"
  needs[postgresql]="file:/usr/lib/postgresql"
fi

missing=()
for package in "${!needs[@]}"; do
  check="${needs[$package]}"
  case "$check" in
    command:*) command -v "${check#command:}" >/dev/null 2>&1 || missing+=("$package") ;;
    file:*) [[ -e "${check#file:}" ]] || missing+=("$package") ;;
    python:*) python3 -c "import ${check#python:}" >/dev/null 2>&1 || missing+=("$package") ;;
  esac
done

if ((${#missing[@]} > 0)); then
  if [[ $EUID -ne 0 ]]; then
    say "Missing Debian packages: ${missing[*]}"
    say "Not root, so not installing them. Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "Installing npm packages (npm ci)"
  # Compile native addons against the installed Node's headers instead of downloading them.
  if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node_api.h ]]; then
    export npm_config_nodedir=/usr
  fi
  npm ci --no-audit --no-fund --loglevel=error
fi

if $for_tests; then
  say "Building FerretDB for the MongoDB-wire tests (once)"
  bash tools/ferretdb/install.sh
  say "Installing Schemathesis for the OpenAPI fuzzing test (once)"
  bash tools/schemathesis/install.sh
fi
if $for_bench; then
  say "Building vegeta for the family benchmark's open-loop heartbeat row (once)"
  bash tools/vegeta/install.sh
fi
say "Ready."
