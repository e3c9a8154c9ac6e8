#!/usr/bin/env bash
# Regenerates the committed list of countries (src/main/resources/atlas/countries.tsv) from
# Debian's iso-codes (apt-get install iso-codes) and the OECD DAC list written in
# generate-countries.py. To follow a new DAC list, edit the codes there and run this again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
json="${ISO_CODES_JSON:-/usr/share/iso-codes/json/iso_3166-1.json}"
mo="${ISO_CODES_FR_MO:-/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo}"
for file in "$json" "$mo"; do
  [[ -r "$file" ]] || { echo "missing $file: install Debian's iso-codes package" >&2; exit 1; }
done
version="$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)"
python3 "$here/generate-countries.py" "$json" "$mo" "$version" "$root/src/main/resources/atlas/countries.tsv"
