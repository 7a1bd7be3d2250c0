#!/usr/bin/env bash
# `npm start`: from a fresh clone, installs what is missing, builds the TV app, prepares the demo and starts
# the content API with the TV app on the embedded store at http://localhost:8080 (no database to install).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash tools/setup/setup.sh
exec npx --no-install tsx tools/start/cli.ts "$@"
