#!/usr/bin/env bash
# Builds FerretDB v1 (MongoDB wire protocol on SQLite) from the Go module proxy into .tools/ferretdb/, so the
# content API's MongoDB code path can be tested over a real connection. Idempotent: does nothing when built.
set -euo pipefail
VERSION="${FERRETDB_VERSION:-v1.24.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="$root/.tools/ferretdb"
bin="$dest/ferretdb"

# Readers below consume all of --version's output: with pipefail, `head` or `grep -q` closing the pipe early
# kills ferretdb with SIGPIPE (exit 141) at random.
if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep "version: $VERSION" >/dev/null; then
  echo "ferretdb $VERSION already built at $bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  [[ -x /usr/local/go/bin/go ]] && export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is needed to build FerretDB; installing Debian's golang-go (apt-get)…"
  if [[ $EUID -ne 0 ]]; then
    echo "Not root: run 'sudo apt-get install -y golang-go' and try again." >&2
    exit 1
  fi
  apt-get install -y golang-go
fi

echo "Building FerretDB $VERSION from the Go module proxy (a minute or two)…"
go mod download "github.com/FerretDB/FerretDB@$VERSION"
module_dir="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@$VERSION"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The module zip lacks the generated version file its build embeds; write it as `git describe` would.
cp -r "$module_dir" "$work/src"
chmod -R u+w "$work/src"
echo "$VERSION" >"$work/src/build/version/version.txt"
mkdir -p "$dest"
(cd "$work/src" && CGO_ENABLED=0 go build -o "$bin.tmp" ./cmd/ferretdb)
mv "$bin.tmp" "$bin"
"$bin" --version | sed -n 1p
