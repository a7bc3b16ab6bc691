#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# convene --import, --list-programmes and --export work without a window,
# exit 0 on success, and exit non-zero with the reason on stderr otherwise.
set -eu
convene=$1 good=$2 newer=$3
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
echo "ok"
