#!/usr/bin/env bash
# Installs code-server (VS Code's server + web workbench) into .vscode-test/code-server from npm only, no other downloads.
# Follows /work/shared/notes/real-vscode-here.md. Idempotent: a marker file makes a second run a no-op.
set -euo pipefail

VERSION=4.100.3
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEST=${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}
MARKER=$DEST/.installed
[ "$(cat "$MARKER" 2>/dev/null)" = "code-server@$VERSION" ] && exit 0

missing=()
[ -x /usr/bin/chromium ] || missing+=("chromium (/usr/bin/chromium)")
[ -x /usr/bin/rg ] || missing+=("ripgrep (/usr/bin/rg)")
[ -f /usr/include/krb5.h ] && [ -x /usr/bin/krb5-config ] || missing+=("libkrb5-dev (/usr/include/krb5.h)")
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -f /usr/include/node/node.h ] || missing+=("Node headers (/usr/include/node/node.h, from the nodejs package)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'install-code-server: missing: %s\n' "${missing[@]}" >&2
  echo "install-code-server: run: apt-get update && apt-get install -y chromium ripgrep libkrb5-dev" \
       "(full list: scripts/vscode/apt-packages.txt)" >&2
  exit 1
fi

mkdir -p "$(dirname "$DEST")"
exec 9>"$DEST.lock"
flock 9 # two test runs starting at once: the second waits and then sees the marker
[ "$(cat "$MARKER" 2>/dev/null)" = "code-server@$VERSION" ] && exit 0

echo "install-code-server: installing code-server@$VERSION into $DEST" >&2
start=$(date +%s)
WORK=$DEST.partial
rm -rf "$WORK" "$DEST"
mkdir -p "$WORK"
# Own package.json + .npmrc: npm must not walk up to the project's package.json and .npmrc.
echo '{ "name": "vscode-test-code-server", "private": true }' > "$WORK/package.json"
printf 'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n' > "$WORK/.npmrc"
export npm_config_nodedir=/usr npm_config_yes=true npm_config_fund=false npm_config_audit=false
quiet() { local t=$SECONDS; "$@" --loglevel=error --no-progress >/dev/null; echo "install-code-server:   $* ($((SECONDS - t)) s)" >&2; }
rebuild() { quiet npm rebuild --ignore-scripts=false "$@"; }

cd "$WORK"
quiet npm install --ignore-scripts --no-save "code-server@$VERSION"
VS=$WORK/node_modules/code-server/lib/vscode
(cd "$VS" && quiet npm install --omit=dev --ignore-scripts)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sfn /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && rebuild @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog node-pty)
(cd "$VS" && ln -sfn node_modules node_modules.asar)
# code-server's own postinstall also links these (the `code` CLI in the integrated terminal).
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
(cd "$VS/extensions" && quiet npm install --omit=dev --ignore-scripts)
rebuild argon2

# Fail here, not in a test, if a native module did not build.
for m in @parcel/watcher @vscode/spdlog node-pty kerberos native-watchdog @vscode/deviceid; do
  (cd "$VS" && node -e "require(process.argv[1])" "$m") \
    || { echo "install-code-server: native module $m does not load" >&2; exit 1; }
done
node -e "require(process.argv[1])" "$WORK/node_modules/argon2" \
  || { echo "install-code-server: native module argon2 does not load" >&2; exit 1; }

cd "$ROOT"
mv "$WORK" "$DEST"
echo "code-server@$VERSION" > "$MARKER"
echo "install-code-server: done in $(( $(date +%s) - start )) s" >&2
