#!/usr/bin/env bash
# Neovim (Debian's neovim 0.7, headless) as an LSP client of needfirst-language-server: see check.lua.
# Needs `apt-get install neovim` and a built dist/server.js.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
# The zh-Hans spec the LSP protocol tests use.
node -e "require('fs').writeFileSync('$W/spec.md', '# 青石街道智慧街区方案\n\n## 建设目标\n\n平台采用最先进的技术。\n\n建设全国首个数字孪生平台。\n\n## 办事渠道\n\n居民只能通过APP办理居住证明。\n')"
cd "$W"
HOME="$W" XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data" XDG_CACHE_HOME="$W/cache" XDG_CONFIG_HOME="$W/config" \
  NEEDFIRST_SERVER="$ROOT/bin/needfirst-language-server.js" \
  timeout 90 nvim --headless --clean -u NONE -c "luafile $HERE/check.lua" 2>&1
echo
