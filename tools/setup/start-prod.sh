#!/usr/bin/env bash
# `npm run start:prod`: the compiled content API on plain node (no tsx, no demo, no builds at start), serving the
# built TV app at / and the web pages at /family/. Build first with `npm run build:prod` (docs/production.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

server="content-api/dist/server.js"
tv_app="${KETANG_TV_APP_DIR:-tv-app/dist}"
web="${KETANG_WEB_DIR:-content-api/web/dist}"
missing=()
[[ -f "$server" && -f "content-api/dist/textbook-worker.js" ]] || missing+=("the server ($server): npm run build:server")
[[ -f "$tv_app/index.html" ]] || missing+=("the TV app ($tv_app/index.html): npm run build:tv")
[[ -f "$web/family/index.html" ]] || missing+=("the web pages ($web/family/index.html): npm run build:web")
if ((${#missing[@]})); then
  echo "start:prod: not built yet — run npm run build:prod, or:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

export NODE_ENV=production
exec node --enable-source-maps "$server"
