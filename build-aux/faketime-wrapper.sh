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
# faketime names its semaphore and shared memory after its process id,
# which exec keeps ($$), and refuses to start when they exist. They are
# left behind when a faketime is killed (a test's timeout), and a later
# process can get the same id: no living process has ours, so whatever
# carries it is stale.
rm -f "/dev/shm/sem.faketime_sem_$$" "/dev/shm/faketime_shm_$$"
exec faketime -f "@$COBALT_SWEEP_START" "$@"
