#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Idle cost of cobalt-reminder: CPU time and peak memory while nothing is
# due (one person, next dose in three days).
#
#   tests/bench/bench-idle.sh [SECONDS] [BUILD_DIR]
#
# SECONDS defaults to 600 (the target: <= 0.5 s CPU, peak RSS <= 15 MiB).
# BUILD_DIR defaults to $COBALT_BUILD_DIR, else ./build. Prints:
#   reminder idle: X s CPU in N s, peak RSS Y MiB
# and exits 1 when a target is missed (scaled to SECONDS for the CPU).
set -eu

duration=${1:-600}
build_dir=${2:-${COBALT_BUILD_DIR:-build}}
reminder=${COBALT_REMINDER:-$build_dir/src/reminder/cobalt-reminder}
tool=${REMINDER_TEST_TOOL:-$build_dir/tests/integration/reminder-test-tool}

for program in "$reminder" "$tool"; do
  if [ ! -x "$program" ]; then
    echo "bench-idle: $program not built (build with tests enabled)" >&2
    exit 2
  fi
done

# Own session bus: the reminder is a unique GApplication.
if [ -z "${COBALT_BENCH_IN_SESSION:-}" ]; then
  COBALT_BENCH_IN_SESSION=1 COBALT_REMINDER="$reminder" REMINDER_TEST_TOOL="$tool" \
    exec dbus-run-session -- "$0" "$duration" "$build_dir" 2>/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-bench-XXXXXX")
pid=
cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$tool" create "$work/data" --name Bench --due-in $((3 * 24 * 60)) >/dev/null

"$reminder" --data-dir "$work/data" >"$work/log" 2>&1 &
pid=$!

ticks=$(getconf CLK_TCK)
cpu_ticks () {
  # utime + stime: fields 14 and 15 of /proc/PID/stat (after the "(comm)").
  sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'
}

# Let start-up (opening the file, the first look) finish, then measure.
sleep 2
if ! kill -0 "$pid" 2>/dev/null; then
  echo "bench-idle: cobalt-reminder exited:" >&2
  cat "$work/log" >&2
  exit 2
fi
start_ticks=$(cpu_ticks)
sleep "$duration"
end_ticks=$(cpu_ticks)
peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")

cpu=$(awk -v t=$((end_ticks - start_ticks)) -v hz="$ticks" 'BEGIN { printf "%.2f", t / hz }')
rss=$(awk -v k="$peak_kib" 'BEGIN { printf "%.1f", k / 1024 }')
echo "reminder idle: $cpu s CPU in $duration s, peak RSS $rss MiB"

# Targets: 0.5 s per 600 s of CPU, 15 MiB.
awk -v c="$cpu" -v d="$duration" -v r="$rss" \
  'BEGIN { exit !(c <= 0.5 * d / 600 + 0.01 && r <= 15) }'
