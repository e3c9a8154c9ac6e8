#!/usr/bin/env bash
# Imports accounts of the former CNCD site and prints the report.
# Usage: scripts/import-legacy-accounts.sh comptes.csv [base URL]   (ATLAS_ADMIN_USERNAME, default admin)
set -euo pipefail
file="${1:?usage: $0 comptes.csv [http://localhost:8080]}"
base="${2:-http://localhost:8080}"
user="${ATLAS_ADMIN_USERNAME:-admin}"
curl --fail-with-body -sS -u "$user" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary "@$file" "$base/api/admin/legacy-accounts"
