#!/usr/bin/env bash
# Installs what the end-to-end test of the VS Code extension needs (test/e2e, `npm run test:e2e`):
# code-server (VS Code in the browser) from the npm registry and Debian's Chromium, which
# playwright-core (a root devDependency) drives. Nothing downloads at run time.
#
# code-server's own install downloads things in three places, each replaced here by an offline
# step (see shared notes on VS Code end-to-end tests): native modules are rebuilt against Debian's
# headers, @vscode/ripgrep gets Debian's rg, and postinstall scripts are run by hand.
#
# Idempotent and cached outside the repository: ${FZLINT_CACHE:-~/.cache/fzlint}/code-server-VERSION.
# A finished install has a `.complete` marker; a second run only checks it. Prints the entry point.
set -euo pipefail

VERSION="${FZLINT_CODE_SERVER_VERSION:-4.100.3}"   # VS Code 1.100; runs on Node 20
CACHE="${FZLINT_CACHE:-$HOME/.cache/fzlint}"
DIR="$CACHE/code-server-$VERSION"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

log() { echo "setup-code-server: $*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# Debian packages: the browser and CJK fonts (screenshots of Chinese text), ripgrep for VS
# Code's search, headers for the native modules.
PACKAGES=(chromium fonts-noto-cjk ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$DIR/.complete" ] && [ -f "$ENTRY" ]; then
  log "cached: $DIR"
  echo "$ENTRY"
  exit 0
fi

log "installing code-server@$VERSION into $DIR (takes several minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_unsafe_perm=true npm_config_yes=true
echo '{ "name": "fzlint-code-server-cache", "private": true }' > package.json
npm install --no-save --ignore-scripts "code-server@$VERSION" >/dev/null

(
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty >/dev/null
  ln -sfn node_modules node_modules.asar
  cd extensions
  npm install --omit=dev >/dev/null
)
npm rebuild argon2 >/dev/null

touch "$DIR/.complete"
log "done: $DIR"
echo "$ENTRY"
