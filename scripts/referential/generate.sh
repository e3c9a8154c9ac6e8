#!/usr/bin/env bash
# Regenerates the committed referential of collectivités from the pinned Etalab package.
set -euo pipefail
version="${DECOUPAGE_VERSION:-6.0.0}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund "@etalab/decoupage-administratif@$version" >/dev/null)
node "$here/generate.mjs" "$work/node_modules/@etalab/decoupage-administratif/data" \
  "$root/src/main/resources/referential/local-authorities.tsv.gz"
