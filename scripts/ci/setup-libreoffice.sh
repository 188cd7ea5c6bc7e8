#!/usr/bin/env bash
# Installs Debian's LibreOffice (Writer and Calc, without the GUI) for the tests that open
# fzlint's annotated Word copies and CSV tables in it (test/annotate/, test/batch/table.test.ts);
# those tests are skipped where LibreOffice is missing. Idempotent: does nothing when both are there.
set -euo pipefail

CALC=/usr/lib/libreoffice/share/registry/calc.xcd
if [ -x /usr/bin/soffice ] && [ -f "$CALC" ]; then
  echo "libreoffice: $(/usr/bin/soffice --version 2>/dev/null | head -1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
echo "libreoffice: $(/usr/bin/soffice --version 2>/dev/null | head -1)"
