#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the start-up and search benchmark under Xvfb as a user would meet it.
#   tests/bench/run-bench.sh BUILD_DIR [DATABASE]
# Without DATABASE, a county-sized one is generated first (about a minute).
set -eu
build=${1:?usage: run-bench.sh BUILD_DIR [DATABASE]}
db=${2:-}
if [ -z "$db" ]; then
  db=$(mktemp -d)/county.db
  "$build/src/tools/convene-generate" --stakeholders 100000 --sessions 20000 \
    --actions 200000 --conversations 50000 "$db"
fi
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo \
       GTK_A11Y=none GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1
exec xvfb-run -a -s '-screen 0 1280x800x24' \
  sh -c 'BENCH_STARTED_AT_NS=$(date +%s%N) exec "$0" "$1"' "$build/tests/bench/bench-startup" "$db"
