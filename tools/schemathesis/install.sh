#!/usr/bin/env bash
# Installs Schemathesis (the OpenAPI fuzzer `npm test` runs against the content API) into its own Python venv,
# .tools/schemathesis/, pinned. Idempotent: does nothing when that version is installed.
set -euo pipefail
VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.tools/schemathesis"
st="$venv/bin/st"

if [[ -x "$st" ]] && "$venv/bin/python" -m pip show schemathesis 2>/dev/null | grep -x "Version: $VERSION" >/dev/null; then
  echo "schemathesis $VERSION already installed at $st"
  exit 0
fi

# Debian's python3 lacks venv and ensurepip until python3-venv is installed.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  if [[ $EUID -ne 0 ]]; then
    echo "Python's venv is missing: run 'sudo apt-get install -y python3-venv' and try again." >&2
    exit 1
  fi
  echo "Installing Debian's python3-venv (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi

echo "Installing schemathesis $VERSION from PyPI into $venv…"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION"
"$st" --version
