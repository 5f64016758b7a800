# SPDX-License-Identifier: GPL-3.0-or-later
#
# Python imports this at start-up only in the date sweep
# (`build-aux/dev.sh test-dates` puts this folder on PYTHONPATH).
#
# Python 3.11's time.sleep() sleeps with clock_nanosleep(CLOCK_MONOTONIC,
# TIMER_ABSTIME); libfaketime 0.9.10 shifts that absolute deadline by the
# fake wall-clock time even with FAKETIME_DONT_FAKE_MONOTONIC=1, the kernel
# gets a negative time and every sleep fails with EINVAL
# (wolfcw/libfaketime#426). subprocess.run(timeout=...) sleeps that way, so
# the command-line tests could not run at all. select() takes a relative
# timeout, which libfaketime leaves alone.

import select
import time


def _sleep(seconds):
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    select.select([], [], [], seconds)


time.sleep = _sleep
