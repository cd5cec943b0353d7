#!/usr/bin/env bash
# Refreshes spec/mcp-schema from the MCP specification repository: each revision's schema.json and its
# examples, nothing else. Usage: bash scripts/refresh-mcp-schema.sh [ref] (default: main).
# The repository URL can be overridden with MCP_SPEC_REPO (a local clone works too).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${MCP_SPEC_REPO:-https://github.com/modelcontextprotocol/modelcontextprotocol.git}
ref=${1:-main}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --filter=blob:none --no-checkout "$repo" "$tmp/spec"
git -C "$tmp/spec" sparse-checkout set --no-cone '/schema/*/schema.json' '/schema/*/examples/'
git -C "$tmp/spec" checkout --quiet "$ref"
commit=$(git -C "$tmp/spec" rev-parse HEAD)
for dir in "$tmp"/spec/schema/*/; do
  revision=$(basename "$dir")
  # Dated revisions only: `draft` changes under our feet and is not a revision we implement.
  [[ $revision =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || continue
  rm -rf "spec/mcp-schema/$revision"
  mkdir -p "spec/mcp-schema/$revision"
  cp "$dir/schema.json" "spec/mcp-schema/$revision/"
  if [ -d "$dir/examples" ]; then cp -r "$dir/examples" "spec/mcp-schema/$revision/"; fi
done
echo "spec/mcp-schema now holds commit $commit: update the commit in spec/mcp-schema/README.md"
