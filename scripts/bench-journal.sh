#!/bin/bash
# Whole-process timings of the journal and the background backup, beside
# another build: scripts/bench-journal.sh NEW_BINARY OLD_BINARY
# Builds a 10k demo book per binary under target/journal-books.
set -euo pipefail
new=$1
old=$2
root=target/journal-books
mkdir -p "$root"
: > "$root/empty.toml"
export LEADLINE_CONFIG=$PWD/$root/empty.toml
export LEADLINE_NOW=2026-12-01T09:00
ms() { echo $((($2 - $1) / 1000000)); }
for build in new old; do
    bin=${!build}
    rm -rf "$root/$build" "$root/$build-backups"
    "$bin" --store "$root/$build" demo --accounts 10000 --touches 20 -q
    "$bin" --store "$root/$build" log call 2 -q # the day's backup
done
sleep 5
export LEADLINE_NOW=2026-12-01T11:00
for round in 1 2 3; do
    for build in old new; do
        echo -n "$build log: "
        perf stat -r 20 "${!build}" --store "$root/$build" log call 1 --note x -q 2>&1 >/dev/null | grep elapsed
    done
done
for build in old new; do
    for day in 02 03 04 05 06; do
        rm -rf "$root/copy" "$root/copy-backups"
        cp -a "$root/$build" "$root/copy"
        cp -a "$root/$build-backups" "$root/copy-backups"
        sync
        sleep 1
        export LEADLINE_NOW=2026-12-${day}T09:00
        start=$(date +%s%N)
        "${!build}" --store "$root/copy" log call 1 --note x -q
        end=$(date +%s%N)
        until compgen -G "$root/copy-backups/2026-12-$day.json*" >/dev/null; do sleep 0.01; done
        there=$(date +%s%N)
        second=$(date +%s%N)
        "${!build}" --store "$root/copy" log call 1 --note y -q
        done_at=$(date +%s%N)
        echo "$build day $day: first $(ms "$start" "$end") ms, backup there $(ms "$end" "$there") ms later, second $(ms "$second" "$done_at") ms"
    done
    ls -l "$root/copy-backups"
done
