#!/usr/bin/env bash
# Benchmarks, each beside a peer or floor measured in the same run:
#   1. cold start of the release app (process start to first interactive screen) beside an
#      empty Tauri 2 window measured the same way, as medians of N starts each (default 11);
#   2. criterion: the whole course loaded+validated+rendered, and one progress event recorded
#      durably, each beside its floor;
#   3. criterion: a workshop's 200 certificates (mixed scripts) issued in one batch, beside
#      rendering the same 200 on one thread and writing 200 files atomically;
#   4. results exchange (tests/benches/exchange.rs): 100 laptop files x 50 learners who did the
#      whole course, made with the demo generator (kept in target/bench-exchange/): export of
#      one laptop, import of all 100, import again, beside a bare rusqlite bulk insert of the
#      same rows; peak memory importing 10 files and 100 (medians of 3 runs);
#   5. organizer reports (tests/benches/reports.rs) over the database those 100 files make:
#      every report, as tables, the XLSX and the CSV, beside each report's main aggregate as
#      one hand-written SQL query (medians of 5 runs).
# Criterion figures are the medians of its samples (target/criterion/*/new/estimates.json).
# Prints a table of medians. Usage: scripts/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}

bash scripts/setup-system.sh >/dev/null
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; } && npm run -s build >/dev/null)
cargo build -q --release --locked -p sdr-app -p sdr-empty-window

if [ -z "${SDR_BENCH_INNER:-}" ]; then
  export SDR_BENCH_INNER=1 NO_AT_BRIDGE=1
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$runs"
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# One start: prints "<self-reported startup_ms> <wall ms until exit>".
start_once() {
  local bin=$1 data
  data=$(mktemp -d)
  local t0 t1 out
  t0=$(date +%s%N)
  out=$(SDR_DATA_DIR=$data SDR_REPORT_STARTUP=1 SDR_EXIT_AFTER_STARTUP=1 timeout 60 "$bin" 2>/dev/null | grep -m1 '^startup_ms=' || true)
  t1=$(date +%s%N)
  rm -rf "$data"
  [ -n "$out" ] || { echo "bench: $bin did not report startup" >&2; exit 1; }
  echo "${out#startup_ms=} $(( (t1 - t0) / 1000000 ))"
}

app=target/release/sme-digital-resilience
peer=target/release/sdr-empty-window
# One unmeasured start of each, so both find the same shared libraries in the page cache.
start_once "$app" >/dev/null; start_once "$peer" >/dev/null
: >/tmp/sdr-bench-app; : >/tmp/sdr-bench-peer
for _ in $(seq "$runs"); do   # interleaved, so machine noise hits both alike
  start_once "$app" >>/tmp/sdr-bench-app
  start_once "$peer" >>/tmp/sdr-bench-peer
done
app_ms=$(cut -d' ' -f1 /tmp/sdr-bench-app | median)
peer_ms=$(cut -d' ' -f1 /tmp/sdr-bench-peer | median)
app_wall=$(cut -d' ' -f2 /tmp/sdr-bench-app | median)
peer_wall=$(cut -d' ' -f2 /tmp/sdr-bench-peer | median)

cargo bench -q --locked -p sdr-core --bench core -- --warm-up-time 1 --measurement-time 4 >/dev/null 2>&1
cargo bench -q --locked -p sdr-system-tests --bench certificates -- --warm-up-time 1 --measurement-time 4 >/dev/null 2>&1
exchange=$(cargo bench -q --locked -p sdr-system-tests --bench exchange 2>/dev/null | grep '^exchange_')
reports=$(cargo bench -q --locked -p sdr-system-tests --bench reports 2>/dev/null | grep '^ ' || true)
ex() { printf '%s\n' "$exchange" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# The median of a criterion benchmark ("group/name"), with a unit.
crit() {
  local f="target/criterion/$1/new/estimates.json"
  [ -f "$f" ] || { echo "n/a"; return; }
  sed -E 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([0-9.eE+-]+).*/\1/' "$f" |
    awk '{ns=$1; if (ns >= 1e9) printf "%.2f s", ns/1e9; else if (ns >= 1e6) printf "%.1f ms", ns/1e6; else if (ns >= 1e3) printf "%.0f us", ns/1e3; else printf "%.0f ns", ns}'
}

printf '\n%-46s %14s %14s\n' "benchmark (median)" "ours" "peer / floor"
printf '%-46s %11s ms %11s ms   ratio %.2f (goal <= 1.25)\n' "cold start to first screen, $runs runs" "$app_ms" "$peer_ms" "$(awk -v a="$app_ms" -v b="$peer_ms" 'BEGIN {print a / b}')"
printf '%-46s %11s ms %11s ms\n' "  (wall clock, start to exit)" "$app_wall" "$peer_wall"
printf '%-46s %14s %14s\n' "whole course: load+validate (at start)" "$(crit pack/load_validate_whole_pack)" "$(crit pack/floor_pulldown_cmark_html_only)"
printf '%-46s %14s %14s   (goal <= 50 ms)\n' "whole course: load+validate+render all" "$(crit pack/load_validate_render_whole_pack)" "$(crit pack/floor_pulldown_cmark_html_only)"
printf '%-46s %14s %14s\n' "record one progress event (durable)" "$(crit progress/record_lesson_done_event)" "$(crit progress/floor_write_and_fsync_100_bytes)"
printf '%-46s %14s %14s   (goal < 2 s)\n' "issue 200 certificates, one batch" "$(crit certificates/issue_200_batch)" "$(crit certificates/floor_render_200_one_thread)"
printf '%-46s %14s %14s\n' "  floor: write 200 files atomically" "" "$(crit certificates/floor_write_200_files_atomically)"
printf '%-46s %14s %14s\n' "results: export one laptop (50 learners)" "$(ex exchange_export_one_laptop)" ""
printf '%-46s %14s %14s   ratio %s (goal <= 2)\n' "results: import $(ex exchange_files) files, $(ex exchange_records) rows" "$(ex exchange_import_all)" "$(ex exchange_floor_bulk_insert)" "$(ex exchange_ratio)"
printf '%-46s %14s %14s   (goal < 1 s)\n' "results: import all again (nothing new)" "$(ex exchange_reimport_all)" ""
printf '%-46s %14s %14s   (flat in files)\n' "results: peak memory, 10 files / all" "$(ex exchange_peak_10_files)" "$(ex exchange_peak_all_files)"
printf 'organizer reports:\n%s\n' "$reports"
echo
echo "peers: an empty Tauri 2 window (sdr-empty-window); pulldown-cmark HTML alone; write+fsync of 100 bytes;"
echo "       the same 200 certificates rendered on one thread, and 200 files of that size written atomically;"
echo "       the same rows inserted by rusqlite in one transaction into a database with the same schema"
