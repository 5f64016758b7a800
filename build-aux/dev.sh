#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one entry point for working on Cobalt:
#
#   build-aux/dev.sh run [ARGS...]     build, then start Cobalt (ARGS go to cobalt)
#   build-aux/dev.sh test [ARGS...]    build, then run the test suite (ARGS go to meson test)
#   build-aux/dev.sh bench [ARGS...]   build, then run the benchmarks (build-aux/bench.sh)
#   build-aux/dev.sh screenshots       build, then remake screenshots/ (build-aux/screenshots.sh)
#   build-aux/dev.sh build             install missing packages and build only
#
# Every command first installs the missing Debian packages listed in
# build-aux/debian-packages.txt, then configures and builds the development
# build in _build/ (application id io.github.cobaltb12.Cobalt.Devel).

set -euo pipefail

# Work from any directory: everything below is relative to the repository.
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

readonly BUILD_DIR=_build
readonly PACKAGE_LIST=build-aux/debian-packages.txt
readonly XVFB_SCREEN="-screen 0 1280x800x24"

say ()
{
  printf 'dev.sh: %s\n' "$*" >&2
}

usage ()
{
  sed -n '4,10s/^# \{0,1\}//p' "$0" >&2
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

build ()
{
  install_dependencies

  if [[ -f "$BUILD_DIR/meson-private/coredata.dat" ]]; then
    # A build dir from an older meson or a moved checkout cannot always be
    # reconfigured; start it afresh rather than leave the developer stuck.
    meson setup --reconfigure "$BUILD_DIR" -Ddevelopment=true \
      || meson setup --wipe "$BUILD_DIR" -Ddevelopment=true
  else
    meson setup "$BUILD_DIR" -Ddevelopment=true
  fi
  meson compile -C "$BUILD_DIR"
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
  exec "$BUILD_DIR/src/cobalt" "$@"
}

cmd_test ()
{
  build

  # Tests must never read or write the developer's own files: give them an
  # empty home for config, data, cache and runtime files.
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
        meson test -C "$BUILD_DIR" --print-errorlogs "$@" || rc=$?

  rm -rf "$scratch"
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
    bench)       cmd_bench "$@" ;;
    screenshots) cmd_screenshots "$@" ;;
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
