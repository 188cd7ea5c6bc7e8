#!/usr/bin/env bash
# Installs Debian's Chromium for the CLI's HTML report test (test/cli/html-browser.test.ts).
# Idempotent: does nothing when /usr/bin/chromium already runs. Debian packages live in apt's own
# cache (/var/cache/apt), outside the repository.
set -euo pipefail

if [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Fonts so the Chinese UI renders in the screenshot instead of boxes.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
