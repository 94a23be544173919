#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench + Node extension host) into the user cache,
# outside git and outside the project's node_modules. Idempotent: a second run is instant.
# Prints the path of the code-server executable on stdout.
set -euo pipefail
VERSION=4.100.3
CACHE="${ETAITUR_CACHE:-$HOME/.cache/etaitur-workbench}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/code-server/out/node/entry.js"
if [ -f "$PREFIX/.installed" ]; then echo "$BIN"; exit 0; fi
command -v rg >/dev/null || { echo "ripgrep missing: run test/harness/install-system-deps.sh" >&2; exit 1; }
mkdir -p "$PREFIX"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless this tarball is cached: give it Debian's rg.
TMPDIR_RG="$(mktemp -d)"
export TMPDIR="$TMPDIR_RG"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
cp "$(command -v rg)" "$TMPDIR_RG/rg"
tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR_RG" rg
echo "Installing code-server $VERSION into $PREFIX (about a minute, once) ..." >&2
npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
  npm_config_fund=false npm_config_audit=false \
  npm install --prefix "$PREFIX" --no-save --no-package-lock "code-server@$VERSION" >&2
rm -rf "$TMPDIR_RG"
[ -f "$BIN" ] || { echo "code-server install failed: $BIN missing" >&2; exit 1; }
touch "$PREFIX/.installed"
echo "$BIN"
