#!/usr/bin/env bash
# Refreshes the pinned copy of the French State design system (DSFR) that the public pages serve
# from src/main/resources/static/dsfr/. Only the files the pages need are kept:
#   - dsfr.min.css, dsfr.module.min.js, dsfr.nomodule.min.js (no source maps);
#   - utility/icons/icons.min.css, for the fr-icon-* classes the pages use;
#   - the icon SVGs referenced by dsfr.min.css and by the fr-icon-* classes found in the pages;
#   - fonts/ (Marianne, Spectral), favicon/;
#   - LICENSE.md (Etalab 2.0) and MODALITES-UTILISATION.md (the DSFR terms of use), VERSION.
#
# Usage: scripts/dsfr/refresh.sh            (version 1.15.3)
#        DSFR_VERSION=1.16.0 scripts/dsfr/refresh.sh
#
# The package is installed with --ignore-scripts: its preinstall script only checks that the
# terms of use were accepted through a .dsfr.yml file, and fails in an empty directory. The DSFR
# is reserved to State services (the MEAE is one); read MODALITES-UTILISATION.md when upgrading.
# Run it again after adding an fr-icon-* class to a page, so that the icon's SVG is copied.
set -euo pipefail

DSFR_VERSION="${DSFR_VERSION:-1.15.3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
static="$root/src/main/resources/static"
target="$static/dsfr"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing @gouvfr/dsfr@$DSFR_VERSION into $work"
(
  cd "$work"
  npm init -y >/dev/null
  npm install --ignore-scripts --no-audit --no-fund --no-save --loglevel=error \
    "@gouvfr/dsfr@$DSFR_VERSION" >/dev/null
)
pkg="$work/node_modules/@gouvfr/dsfr"
dist="$pkg/dist"
installed="$(node -p "require('$pkg/package.json').version")"
if [ "$installed" != "$DSFR_VERSION" ]; then
  echo "Expected DSFR $DSFR_VERSION, npm installed $installed" >&2
  exit 1
fi

# Build the new copy beside the old one, then swap, so a failure leaves the old copy intact.
next="$work/dsfr"
mkdir -p "$next/utility/icons" "$next/icons"

cp "$dist/dsfr.min.css" "$dist/dsfr.module.min.js" "$dist/dsfr.nomodule.min.js" "$next/"
cp "$dist/utility/icons/icons.min.css" "$next/utility/icons/"
cp -R "$dist/fonts" "$dist/favicon" "$next/"
cp "$pkg/LICENSE.md" "$next/LICENSE.md"
if [ -f "$pkg/doc/legal/cgu.md" ]; then
  cp "$pkg/doc/legal/cgu.md" "$next/MODALITES-UTILISATION.md"
fi

# Icons referenced by the components' CSS, relative to dsfr/ (e.g. icons/system/close-line.svg).
icons="$(grep -oE 'url\(icons/[^)]+\.svg\)' "$dist/dsfr.min.css" | sed -E 's/^url\((.*)\)$/\1/')"

# Icons of the utility classes (fr-icon-*) used by the pages and their scripts.
used_classes="$(grep -rhoE 'fr-icon-[a-z0-9-]+' "$static" "$root/src/main/resources/templates/pages" \
  --include='*.ftlh' --include='*.js' --exclude-dir=dsfr 2>/dev/null | sort -u || true)"
for class in $used_classes; do
  svg="$(grep -oE "\\.${class}:before\\{-webkit-mask-image:url\\(\\.\\./\\.\\./icons/[^)]+\\.svg\\)" \
    "$dist/utility/icons/icons.min.css" | head -n 1 | sed -E 's/.*url\(\.\.\/\.\.\/(icons\/[^)]+)\)$/\1/' || true)"
  if [ -z "$svg" ]; then
    echo "Warning: no icon found in DSFR $DSFR_VERSION for the class $class" >&2
    continue
  fi
  icons="$icons"$'\n'"$svg"
done

for icon in $(printf '%s\n' "$icons" | sort -u); do
  mkdir -p "$next/$(dirname "$icon")"
  cp "$dist/$icon" "$next/$icon"
done

echo "$DSFR_VERSION" > "$next/VERSION"

rm -rf "$target"
mkdir -p "$static"
cp -R "$next" "$target"
echo "DSFR $DSFR_VERSION copied to ${target#"$root"/} ($(du -sh "$target" | cut -f1))"
