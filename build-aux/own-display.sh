#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/own-display.sh COMMAND [ARGS...]
#
# Runs COMMAND on an Xvfb display of its own. Xvfb picks a free display
# number itself (-displayfd), so any number of these can start at once.
#
# `build-aux/dev.sh asan` runs every test so (meson test --wrapper): on one
# shared display, GTK in one test process asks another for the PRIMARY
# selection it has just taken, and a transfer still under way when either
# exits is reported by LeakSanitizer as a leak in GTK.
#
# tests/gui/meson.build runs the tests that press real keys so, always: X
# gives the keyboard to whichever window has the focus, and on a shared
# display another test's window may take it. Without any display (neither
# DISPLAY nor WAYLAND_DISPLAY set) COMMAND runs as it is and skips itself,
# as every widget test does.

set -euo pipefail

readonly SCREEN=(-screen 0 1280x800x24)

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  exec "$@"
fi

exec {from_xvfb}< <(exec Xvfb -displayfd 1 "${SCREEN[@]}" -nolisten tcp 2>/dev/null)
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT

if ! read -r -u "$from_xvfb" number; then
  printf 'own-display.sh: Xvfb did not start\n' >&2
  exit 1
fi

# In the background, so that bash does not report a test that aborts.
rc=0
DISPLAY=":$number" "$@" &
wait "$!" 2>/dev/null || rc=$?

kill "$xvfb" 2>/dev/null || true
trap - EXIT
# A test killed by a signal must look so to meson, as it would without us.
if ((rc > 128)); then
  kill -s "$((rc - 128))" "$$"
fi
exit "$rc"
