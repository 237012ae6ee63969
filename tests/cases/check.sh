#!/bin/sh
# Diff gongwen's tables against the hand-derived expectations in expected/.
# Usage (from the repository root): tests/cases/check.sh [./gongwen]
# Expected tables are composed from expected/NAME.spec by mkexpected.py;
# every field except nodes.text and targets.context is written by hand there.
bin=${1:-./gongwen}; dir=$(dirname "$0"); rc=0
for f in "$dir"/extract-*.txt; do
  n=$(basename "$f" .txt)
  for t in docs nodes units targets refs; do
    if ! "$bin" -t $t "$f" | diff -u "$dir/expected/$n.$t.tsv" - >/tmp/gw-cases.$$; then
      echo "FAIL $n $t"; cat /tmp/gw-cases.$$; rc=1
    fi
  done
done
rm -f /tmp/gw-cases.$$; exit $rc
