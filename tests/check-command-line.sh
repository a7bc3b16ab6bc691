#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# convene --import, --list-programmes, --export, --import-csv and --export-csv
# work without a window,
# exit 0 on success, and exit non-zero with the reason on stderr otherwise.
set -eu
convene=$1 good=$2 newer=$3 csv=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/convene.db"

"$convene" --database "$db" --import "$good" > "$dir/summary"
grep -q "Stakeholder: 2 added" "$dir/summary"
"$convene" --database "$db" --list-programmes | grep -q "Bad file check"
"$convene" --database "$db" --export "bad FILE check" "$dir/out.json"
grep -q '"export_kind": "partner"' "$dir/out.json"
CONVENE_DATABASE="$db" "$convene" --export "Bad file check" "$dir/full.json" --full
grep -q '"export_kind": "full"' "$dir/full.json"

if "$convene" --database "$db" --import "$newer" 2> "$dir/error"; then
  echo "a file from a newer Convene was imported" >&2
  exit 1
fi
grep -q "newer than this Convene understands" "$dir/error"

if "$convene" --database "$db" --export "No such programme" "$dir/x.json" 2> "$dir/error"; then
  echo "exported a programme that does not exist" >&2
  exit 1
fi
grep -q "no programme called" "$dir/error"
[ ! -e "$dir/x.json" ]
# Spreadsheets: a file with problems writes nothing, unless the valid rows are asked for.
if "$convene" --database "$db" --import-csv "Bad file check" "$csv/problems.csv" 2> "$dir/error"; then
  echo "a file with problems was imported" >&2
  exit 1
fi
grep -q "Line 3, Email: “jo@” is not an email address." "$dir/error"
"$convene" --database "$db" --import-csv "Bad file check" "$csv/problems.csv" --valid-rows > "$dir/summary" 2> /dev/null
grep -q "1 person added" "$dir/summary"
"$convene" --database "$db" --import-csv "Bad file check" "$csv/windows-1252.csv" > /dev/null
"$convene" --database "$db" --export-csv "Bad file check" stakeholders "$dir/partner.csv"
# Organisations are named to partners; people only if they agreed to it.
grep -q "Café Santé" "$dir/partner.csv"
if grep -q "René" "$dir/partner.csv"; then
  echo "a partner CSV names a person who did not agree to it" >&2
  exit 1
fi
"$convene" --database "$db" --export-csv "Bad file check" stakeholders "$dir/full.csv" --full
grep -q "René Dupré.*rene@example.fr" "$dir/full.csv"
if "$convene" --database "$db" --export-csv "Bad file check" people "$dir/x.csv" 2> "$dir/error"; then
  echo "exported a list that does not exist" >&2
  exit 1
fi
grep -q "no list called" "$dir/error"
# Erasure: the person is gone from the file and its WAL, byte for byte.
# A copy left by an upgrade still holds them: the output names it.
cp "$db" "$db.bak-v3"
"$convene" --database "$db" --erase-person 7a1c0000-0000-4000-8000-000000000003 > "$dir/erased"
grep -q "Erased 7a1c0000-0000-4000-8000-000000000003" "$dir/erased"
grep -q "^  $db.bak-v3\$" "$dir/erased"
if grep -q -a -e "Amira Patel" -e "amira@example.org" "$db" "$db-wal" 2>/dev/null; then
  echo "an erased person is still in the database file" >&2
  exit 1
fi
if "$convene" --database "$db" --erase-person 7a1c0000-0000-4000-8000-000000000002 2> "$dir/error"; then
  echo "an organisation was erased" >&2
  exit 1
fi
grep -q "not a person" "$dir/error"
"$convene" --database "$db" --list-programmes | grep -q "Bad file check"

echo "ok"
