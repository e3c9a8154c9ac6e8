#!/usr/bin/env bash
# Regenerates the committed list of common passwords from the pinned zxcvbn-ts package.
set -euo pipefail
version="${ZXCVBN_COMMON_VERSION:-4.1.3}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund "@zxcvbn-ts/language-common@$version" >/dev/null)
(cd "$work" && node "$here/generate-common-passwords.mjs" "$work/node_modules/@zxcvbn-ts/language-common" \
  "$root/src/main/resources/security/common-passwords.txt.gz")
