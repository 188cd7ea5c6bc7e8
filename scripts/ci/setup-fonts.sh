#!/usr/bin/env bash
# Installs the fonts the PDF fixtures are drawn with (test/inputs/report-files.ts): Debian's
# fonts-droid-fallback (a CJK TrueType font) and fonts-dejavu-core (digits and Latin letters,
# which the CJK font lacks). Idempotent: does nothing when both files are there.
set -euo pipefail
CJK=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
LATIN=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [ -f "$CJK" ] && [ -f "$LATIN" ]; then
  echo "fonts: $CJK, $LATIN"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends fonts-droid-fallback fonts-dejavu-core >/dev/null
echo "fonts: $CJK, $LATIN"
