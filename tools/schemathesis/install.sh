#!/usr/bin/env bash
# Installs Schemathesis (the OpenAPI fuzzer `npm test` runs against the content API) into its own Python venv,
# .tools/schemathesis/, pinned. Idempotent: does nothing when that version is installed.
set -euo pipefail
VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$root/.tools"
# The venv's scripts name their interpreter by absolute path: use the physical one (.tools may be a symlink).
venv="$(cd "$root/.tools" && pwd -P)/schemathesis"
st="$venv/bin/st"

# `st --version` also proves the script's interpreter path still resolves.
if [[ -x "$st" ]] && "$st" --version 2>/dev/null | grep "version $VERSION" >/dev/null; then
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
