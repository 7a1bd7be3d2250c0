#!/usr/bin/env bash
# Builds vegeta (an HTTP load generator at a fixed request rate, Go) from the Go module proxy into
# .tools/vegeta/, for the family benchmark's open-loop heartbeat row. Idempotent: does nothing when built.
set -euo pipefail
VERSION="${VEGETA_VERSION:-v12.13.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="$root/.tools/vegeta"
bin="$dest/vegeta"

# `go install` embeds no version in vegeta's -version: the built version is kept beside it.
if [[ -x "$bin" && "$(cat "$dest/VERSION" 2>/dev/null)" == "$VERSION" ]]; then
  echo "vegeta $VERSION already built at $bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  [[ -x /usr/local/go/bin/go ]] && export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is needed to build vegeta: apt-get install golang-go (tools/setup/setup.sh --bench does)." >&2
  exit 1
fi
echo "Building vegeta $VERSION from the Go module proxy…"
mkdir -p "$dest"
GOBIN="$dest" CGO_ENABLED=0 go install "github.com/tsenart/vegeta/v12@$VERSION"
echo "$VERSION" >"$dest/VERSION"
echo "vegeta $VERSION built at $bin"
