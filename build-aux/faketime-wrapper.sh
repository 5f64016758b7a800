#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# meson test --wrapper for the date sweep (build-aux/dev.sh test-dates):
# runs one test under libfaketime, its clock starting at
# $COBALT_SWEEP_START ("YYYY-MM-DD HH:MM:SS") and running on from there.
# The faketime program gives the test and every program it starts one
# shared clock. meson itself keeps the real clock: preloaded into meson's
# Python, libfaketime could leave a forked child stuck on a lock another
# thread held at the fork, and the whole run hung.
set -eu
: "${COBALT_SWEEP_START:?set by build-aux/dev.sh test-dates}"
exec faketime -f "@$COBALT_SWEEP_START" "$@"
