#!/usr/bin/env bash
# Installs Debian's neovim (0.7) for the language-server test with a non-VS Code client
# (test/server/neovim.test.ts). Idempotent: does nothing when nvim is already there.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "neovim: $(nvim --version | head -1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
echo "neovim: $(nvim --version | head -1)"
