#!/usr/bin/env bash
# Whole-process timings of leadline beside the tools a rep would otherwise
# use (Taskwarrior for the daily list, fzf for search), with hyperfine.
# Usage: scripts/bench-peers.sh [RESULTS_DIR]   (needs hyperfine, fzf, task)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/peer-bench}
books=target/peer-books
mkdir -p "$out" "$books"
for tool in hyperfine fzf task python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine fzf taskwarrior)" >&2; exit 1; }
done
cargo build --release --quiet
bin=$PWD/target/release/leadline
export LEADLINE_NOW=2026-11-27T09:00

for n in 10000 100000; do
  if [ ! -e "$books/$n/.ready" ]; then
    rm -rf "$books/$n"
    "$bin" --store "$books/$n" demo --accounts "$n" --touches 20
    touch "$books/$n/.ready"
  fi
done

# The same 100k accounts as text lines for fzf: name, company, phones, email, tags.
if [ ! -s "$books/lines-100000.txt" ]; then
  "$bin" --store "$books/100000" export | python3 -c '
import json, sys
for a in json.load(sys.stdin)["accounts"]:
    print(" ".join([a["name"], a.get("company", ""), " ".join(a.get("phones", [])), a.get("email", ""), " ".join(a.get("tags", []))]))
' > "$books/lines-100000.txt"
fi

# Taskwarrior with 10k pending tasks, one per account.
taskdata=$books/taskwarrior-10000
if [ ! -e "$taskdata/.ready" ]; then
  rm -rf "$taskdata"; mkdir -p "$taskdata"
  python3 -c '
import json
print(json.dumps([{"description": "call account %d" % i, "status": "pending", "entry": "20261101T090000Z", "due": "202611%02dT090000Z" % (i % 28 + 1), "project": "sales"} for i in range(10000)]))
' > "$taskdata/tasks.json"
  TASKDATA=$taskdata TASKRC=/dev/null task rc.confirmation=no rc.verbose=nothing import "$taskdata/tasks.json" >/dev/null
  touch "$taskdata/.ready"
fi
export TASKDATA=$taskdata TASKRC=/dev/null

hyperfine -N -w 3 -r 20 --export-markdown "$out/today.md" \
  -n "leadline today, 10k accounts" "$bin --store $books/10000 today" \
  -n "leadline today, 100k accounts" "$bin --store $books/100000 today" \
  -n "task next, 10k tasks" "task rc.verbose=nothing rc.gc=off next"
hyperfine -N -w 3 -r 30 --export-markdown "$out/log.md" \
  -n "leadline log call (durable), 10k accounts" "$bin --store $books/10000 log call 42 --note bench" \
  -n "task add, 10k tasks" "task rc.verbose=nothing rc.gc=off add call account 42"
hyperfine -w 3 -r 20 -i --export-markdown "$out/search.md" \
  -n "leadline search zw, 100k accounts" "$bin --store $books/100000 search zw" \
  -n "fzf --filter zw, 100k lines" "fzf --filter zw < $books/lines-100000.txt" \
  -n "leadline search anna, 100k accounts" "$bin --store $books/100000 search anna" \
  -n "fzf --filter anna, 100k lines" "fzf --filter anna < $books/lines-100000.txt"
cat "$out"/today.md "$out"/log.md "$out"/search.md
