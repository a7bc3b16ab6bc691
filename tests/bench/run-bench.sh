#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the county benchmark under Xvfb as a user would meet it.
#   tests/bench/run-bench.sh BUILD_DIR [DATABASE]
# Without DATABASE, a county-sized one is generated first (about a minute).
# Prints, in order: start-up against a minimal libadwaita window (medians of
# three runs each, alternating), export beside sqlite3 -json writing the same
# tables, then every scripted action with its time and longest main-loop
# stall. The last line is "county: worst main-loop stall N ms over M actions".
set -eu
build=$(cd "${1:?usage: run-bench.sh BUILD_DIR [DATABASE]}" && pwd)
db=${2:-}
if [ -z "$db" ]; then
  db=$(mktemp -d)/county.db
  "$build/src/tools/convene-generate" --stakeholders 100000 --sessions 20000 \
    --actions 200000 --conversations 50000 "$db"
fi
bench=$build/tests/bench/bench-county
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo \
       GTK_A11Y=none GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1


# Inside one X server: every run below shares the same display and machine.
xvfb-run -a -s '-screen 0 1280x800x24' sh -s "$bench" "$db" "$build" "$scratch" <<'INNER'
set -eu
bench=$1 db=$2 build=$3 scratch=$4
median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
started () { BENCH_STARTED_AT_NS=$(date +%s%N) "$@"; }

: > "$scratch/hello"; : > "$scratch/convene"
for i in 1 2 3; do
  started "$bench" --hello | awk '{ print $4 }' >> "$scratch/hello"
  started "$bench" --startup-only "$db" | awk '/first rows painted/ { print $5 }' >> "$scratch/convene"
done
hello=$(median < "$scratch/hello")
convene=$(median < "$scratch/convene")
echo "start-up, median of 3: a minimal libadwaita window $hello ms, Convene's first rows $convene ms:" \
     "$(awk -v c="$convene" -v h="$hello" 'BEGIN { printf "%.2f", c / h }')× (target ≤ 1.5×)" \
     "[hello: $(tr '\n' ' ' < "$scratch/hello")ms; Convene: $(tr '\n' ' ' < "$scratch/convene")ms]"

programme=$(sqlite3 "$db" "SELECT id FROM programme ORDER BY rowid LIMIT 1")
tables=$(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'
                        AND name NOT LIKE '%search%' ORDER BY name")
sql=$(for t in $tables; do printf 'SELECT * FROM "%s";\n' "$t"; done)
/usr/bin/time -f '%e %M' -o "$scratch/ref.time" sqlite3 -json "$db" "$sql" > "$scratch/ref.json"
/usr/bin/time -f '%e %M' -o "$scratch/export.time" \
  "$build/src/app/convene" --database "$db" --export "$programme" "$scratch/export.json" --full
read ref_s ref_kb < "$scratch/ref.time"
read exp_s exp_kb < "$scratch/export.time"
echo "export (full, $(du -m "$scratch/export.json" | cut -f1) MB): $exp_s s, peak $((exp_kb / 1024)) MB;" \
     "sqlite3 -json of the same tables ($(du -m "$scratch/ref.json" | cut -f1) MB): $ref_s s, peak $((ref_kb / 1024)) MB:" \
     "$(awk -v a="$exp_s" -v b="$ref_s" 'BEGIN { printf "%.1f", a / b }')× (target ≤ 2×)"
rm -f "$scratch/ref.json" "$scratch/export.json"

started "$bench" "$db" "$hello"
INNER
