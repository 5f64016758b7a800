#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cobalt's benchmarks (normally through `build-aux/dev.sh bench`):
#
#   build-aux/bench.sh [NAME...]     run all benchmarks, or only the named ones
#
# Runs under its own Xvfb display and session bus. Each benchmark prints
# one or more result lines with its target, or "skipped: …" when a piece it
# needs does not exist yet. Environment:
#   COBALT_BUILD_DIR      the build to measure (default: _build)
#   COBALT_BENCH_ROUNDS   rounds per measurement (default: 10)
#   COBALT_BENCH_TIMEOUT  seconds before a run counts as hung (default: 30)
#
# Adding a benchmark: write a function bench_NAME that prints its lines
# (use the helpers below), and add NAME to BENCHES.

set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

BENCHES=(first_frame status carers_log integrity wizard_next reminder_idle)

if [[ -z "${COBALT_BENCH_SESSION:-}" ]]; then
  export COBALT_BENCH_SESSION=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$0" "$@"
fi

BUILD_DIR=$(readlink -f "${COBALT_BUILD_DIR:-_build}")
ROUNDS=${COBALT_BENCH_ROUNDS:-10}
TIMEOUT=${COBALT_BENCH_TIMEOUT:-30}

COBALT=$BUILD_DIR/src/cobalt
BARE_WINDOW=$BUILD_DIR/tests/bench/bare-window
MAKE_BENCH_DB=$BUILD_DIR/tests/bench/make-bench-db

# Never touch the developer's own settings, data or caches.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-bench.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -m 0700 "$SCRATCH/config" "$SCRATCH/data" "$SCRATCH/cache" "$SCRATCH/runtime"
export XDG_CONFIG_HOME=$SCRATCH/config
export XDG_DATA_HOME=$SCRATCH/data
export XDG_CACHE_HOME=$SCRATCH/cache
export XDG_RUNTIME_DIR=$SCRATCH/runtime
# --demo's folders too: a run that exits at its first frame leaves its own.
mkdir -m 0700 "$SCRATCH/tmp"
export TMPDIR=$SCRATCH/tmp
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$BUILD_DIR/data
# The renderer the tests use; software GL under Xvfb would only add noise.
export GSK_RENDERER=${GSK_RENDERER:-cairo}

BENCH_DATA=$SCRATCH/bench-data
BENCH_DATA_PROBLEM=""

# Helpers -------------------------------------------------------------------

progress ()
{
  printf 'bench: %s\n' "$*" >&2
}

skipped ()
{
  printf 'skipped: %s\n' "$*"
}

now_us ()
{
  local ns
  ns=$(date +%s%N)
  echo $((ns / 1000))
}

# Median of the numbers on stdin.
median ()
{
  sort -n | awk '{ v[NR] = $1 }
                 END { if (NR == 0) exit 1;
                       if (NR % 2) print v[(NR + 1) / 2];
                       else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc EXPRESSION: floating-point arithmetic (awk), e.g. calc '%.1f' '1 / 3'.
calc ()
{
  awk "BEGIN { printf \"$1\", $2 }"
}

# measure PROGRAM ARGS...: runs it once, prints "MICROSECONDS PEAK_RSS_KIB".
# Fails (printing nothing) when it does not exit 0 within TIMEOUT seconds;
# its stderr is kept in $SCRATCH/last-stderr.
measure ()
{
  local start end
  start=$(now_us)
  if ! /usr/bin/time -f %M -o "$SCRATCH/rss" timeout "$TIMEOUT" "$@" \
         >/dev/null 2>"$SCRATCH/last-stderr"; then
    return 1
  fi
  end=$(now_us)
  echo "$((end - start)) $(tail -n 1 "$SCRATCH/rss")"
}

last_error ()
{
  local line
  line=$(grep -v '^Command exited' "$SCRATCH/last-stderr" | tail -n 1 || true)
  echo "${line:-no message}"
}

# Makes the benchmark database once: two people, ten years of weekly doses.
need_bench_db ()
{
  if [[ -f "$BENCH_DATA/cobalt.db" ]]; then
    return 0
  fi
  if [[ -n "$BENCH_DATA_PROBLEM" ]]; then
    return 1
  fi
  if [[ ! -x "$MAKE_BENCH_DB" ]]; then
    BENCH_DATA_PROBLEM="tests/bench/make-bench-db is not built (tests disabled?)"
    return 1
  fi

  local start end
  progress "writing the benchmark database (two people, ten years of weekly doses)…"
  mkdir -m 0700 "$BENCH_DATA"
  start=$(now_us)
  if ! "$MAKE_BENCH_DB" "$BENCH_DATA" 2>"$SCRATCH/last-stderr"; then
    BENCH_DATA_PROBLEM="make-bench-db failed: $(last_error)"
    return 1
  fi
  end=$(now_us)
  progress "benchmark database written in $(calc '%.1f' "($end - $start) / 1e6") s"
}

# Benchmarks -------------------------------------------------------------------

# first_frames PROGRAM...: each PROGRAM names an array holding a command
# line that keeps the first-frame contract. Runs each once to warm up (font
# and icon caches, the first backup of a database), which also checks the
# contract, then ROUNDS rounds of all of them interleaved, so that any drift
# of the machine hits them alike. Sets FIRST_FRAME_US[PROGRAM] and
# FIRST_FRAME_KIB[PROGRAM] to the medians; on failure prints a "skipped"
# line and returns 1.
declare -A FIRST_FRAME_US=() FIRST_FRAME_KIB=()
first_frames ()
{
  local name round result
  local -A us=() kib=()

  export COBALT_BENCH_EXIT_ON_FIRST_FRAME=1
  for name in "$@"; do
    local -n argv=$name
    if ! measure "${argv[@]}" >/dev/null; then
      skipped "first frame and peak RSS: $name did not exit 0 within ${TIMEOUT} s of its first frame" \
              "with COBALT_BENCH_EXIT_ON_FIRST_FRAME=1 ($(last_error))"
      unset COBALT_BENCH_EXIT_ON_FIRST_FRAME
      return 1
    fi
    unset -n argv
  done

  for ((round = 1; round <= ROUNDS; round++)); do
    progress "first frame, round $round of $ROUNDS"
    for name in "$@"; do
      local -n argv=$name
      if ! result=$(measure "${argv[@]}"); then
        skipped "first frame and peak RSS: $name failed in round $round ($(last_error))"
        unset COBALT_BENCH_EXIT_ON_FIRST_FRAME
        return 1
      fi
      unset -n argv
      us[$name]+="${result% *} "
      kib[$name]+="${result#* } "
    done
  done
  unset COBALT_BENCH_EXIT_ON_FIRST_FRAME

  for name in "$@"; do
    # shellcheck disable=SC2086 # one number per word
    FIRST_FRAME_US[$name]=$(printf '%s\n' ${us[$name]} | median)
    # shellcheck disable=SC2086
    FIRST_FRAME_KIB[$name]=$(printf '%s\n' ${kib[$name]} | median)
  done
}

# first_frame_line LABEL PROGRAM TARGET: PROGRAM's first frame against the
# bare window's, from first_frames.
first_frame_line ()
{
  local program_us=${FIRST_FRAME_US[$2]} bare_us=${FIRST_FRAME_US[bare]}

  printf 'first frame: %s %s ms / bare %s ms = %s× (target ≤ %s×)\n' \
    "$1" "$(calc '%.0f' "$program_us / 1000")" "$(calc '%.0f' "$bare_us / 1000")" \
    "$(calc '%.2f' "$program_us / $bare_us")" "$3"
}

# Time from exec to the first painted frame, and peak memory, of cobalt
# on the benchmark database and of `cobalt --demo` (which builds its year
# of sample data as it starts), against a bare GtkApplication window.
bench_first_frame ()
{
  if [[ ! -x "$BARE_WINDOW" ]]; then
    skipped "first frame and peak RSS: tests/bench/bare-window is not built"
    return 0
  fi
  if [[ ! -x "$COBALT" ]]; then
    skipped "first frame and peak RSS: src/cobalt is not built"
    return 0
  fi

  local data_dir
  if need_bench_db; then
    data_dir=$BENCH_DATA
  else
    data_dir=$SCRATCH/first-frame-data
    mkdir -p -m 0700 "$data_dir"
    progress "first frame uses an empty data folder: $BENCH_DATA_PROBLEM"
  fi

  # shellcheck disable=SC2034 # used by name in first_frames
  local -a bare=("$BARE_WINDOW") cobalt=("$COBALT" --data-dir "$data_dir") demo=("$COBALT" --demo)
  if ! first_frames bare cobalt demo; then
    return 0
  fi

  first_frame_line cobalt cobalt 1.3
  first_frame_line "cobalt --demo" demo 1.5
  printf 'peak RSS: cobalt − bare = %s MiB (target ≤ 20 MiB)\n' \
    "$(calc '%.1f' "(${FIRST_FRAME_KIB[cobalt]} - ${FIRST_FRAME_KIB[bare]}) / 1024")"
}

# `cobalt --status` on the benchmark database, without a display.
bench_status ()
{
  if [[ ! -x "$COBALT" ]]; then
    skipped "cobalt --status: src/cobalt is not built"
    return 0
  fi
  if ! need_bench_db; then
    skipped "cobalt --status: no benchmark database ($BENCH_DATA_PROBLEM)"
    return 0
  fi

  local -a status=(env -u DISPLAY -u WAYLAND_DISPLAY "$COBALT" --data-dir "$BENCH_DATA" --status)
  if ! measure "${status[@]}" >/dev/null; then
    skipped "cobalt --status: it failed on the benchmark database ($(last_error))"
    return 0
  fi

  local round result
  local -a times_us=()
  for ((round = 1; round <= ROUNDS; round++)); do
    if ! result=$(measure "${status[@]}"); then
      skipped "cobalt --status: failed in round $round ($(last_error))"
      return 0
    fi
    times_us+=("${result% *}")
  done

  printf 'cobalt --status: %s ms on ten years of weekly doses for two people (target ≤ 50 ms)\n' \
    "$(calc '%.1f' "$(printf '%s\n' "${times_us[@]}" | median) / 1000")"
}

# The Log page over 100 000 doses: open, scroll to the end, filter, CSV
# export (issue 5), each until the frame that shows the right rows,
# medians of ROUNDS rounds after one that pays GTK's one-time set-up.
# tests/bench/bench-log prints its own result lines.
bench_carers_log ()
{
  local bench_log=$BUILD_DIR/tests/bench/bench-log
  if [[ ! -x "$bench_log" ]]; then
    skipped "log page over 100 000 doses: tests/bench/bench-log is not built"
    return 0
  fi
  progress "log page over 100 000 doses…"
  if ! LC_ALL=C.UTF-8 timeout $((TIMEOUT * 4)) "$bench_log" 100000 "$ROUNDS" 2>"$SCRATCH/last-stderr"; then
    skipped "log page over 100 000 doses: bench-log failed ($(last_error))"
  fi
}

# The whole-file check (PRAGMA integrity_check) of the log of 100 000
# doses (issue 15), against the window's open before its first frame
# (quick_check only) in the same rounds. tests/bench/bench-integrity
# prints its own result lines.
bench_integrity ()
{
  local bench=$BUILD_DIR/tests/bench/bench-integrity
  if [[ ! -x "$bench" ]]; then
    skipped "integrity check over 100 000 doses: tests/bench/bench-integrity is not built"
    return 0
  fi
  progress "integrity check over 100 000 doses…"
  if ! LC_ALL=C.UTF-8 timeout $((TIMEOUT * 4)) "$bench" 100000 "$ROUNDS" 2>"$SCRATCH/last-stderr"; then
    skipped "integrity check over 100 000 doses: bench-integrity failed ($(last_error))"
  fi
}

# Frames from the checklist wizard's Next to the painted next step
# (issue 3: drawn in the next frame). tests/bench/bench-wizard-next
# prints its own result line.
bench_wizard_next ()
{
  local bench=$BUILD_DIR/tests/bench/bench-wizard-next
  if [[ ! -x "$bench" ]]; then
    skipped "wizard next step: tests/bench/bench-wizard-next is not built"
    return 0
  fi
  progress "wizard next step…"
  if ! GSK_RENDERER=$GSK_RENDERER LC_ALL=C.UTF-8 timeout "$TIMEOUT" "$bench" 2>"$SCRATCH/last-stderr"; then
    skipped "wizard next step: bench-wizard-next failed ($(last_error))"
  else
    progress "$(tail -n 1 "$SCRATCH/last-stderr")"
  fi
}

# cobalt-reminder idle with nothing due (issue 4): CPU time and peak RSS
# over COBALT_BENCH_REMINDER_SECONDS (default 600, the target's ten
# minutes). tests/bench/bench-idle.sh prints its own result line.
bench_reminder_idle ()
{
  local seconds=${COBALT_BENCH_REMINDER_SECONDS:-600}
  local script=tests/bench/bench-idle.sh
  if [[ ! -x "$BUILD_DIR/src/reminder/cobalt-reminder" ]]; then
    skipped "reminder idle: src/reminder/cobalt-reminder is not built"
    return 0
  fi
  progress "reminder idle for $seconds s (COBALT_BENCH_REMINDER_SECONDS shortens it)…"
  if ! timeout $((seconds + 60)) sh "$script" "$seconds" "$BUILD_DIR" 2>"$SCRATCH/last-stderr"; then
    skipped "reminder idle: bench-idle.sh failed or missed its target ($(last_error))"
  fi
  echo "  (targets: <= 0.5 s CPU in 600 s, peak RSS <= 15 MiB)"
}

# Main ---------------------------------------------------------------------------

selected=("$@")
if ((${#selected[@]} == 0)); then
  selected=("${BENCHES[@]}")
fi

for name in "${selected[@]}"; do
  if ! declare -F "bench_$name" >/dev/null; then
    echo "bench.sh: no benchmark named '$name' (there are: ${BENCHES[*]})" >&2
    exit 2
  fi
done

progress "$ROUNDS rounds each, build $BUILD_DIR, GSK_RENDERER=$GSK_RENDERER"
for name in "${selected[@]}"; do
  "bench_$name"
done
