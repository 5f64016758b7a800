#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A suspend across a due time, simulated with faketime.

cobalt-reminder runs under libfaketime with the monotonic clock left
alone (FAKETIME_DONT_FAKE_MONOTONIC=1): jumping the timestamp file by two
hours is what a suspend looks like to a process, since GLib's timeouts run
on the monotonic clock. Without anyone telling it, the reminder must show
the dose that fell due exactly once within 60 seconds. Then, with a mock
logind on a private "system" bus, PrepareForSleep(false) after a second
jump must bring the next reminder at once.
"""

import os
import subprocess
import sys
import time

import dbus

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reminder_testlib import (PYTHON, REMINDER, NotificationMock, Reminder, Tap,  # noqa: E402
                              Workdir, name_has_owner, note, tool, wait_until)

LIBFAKETIME = None
for candidate in ('/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
                  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
                  '/usr/lib/faketime/libfaketime.so.1'):
    if os.path.exists(candidate):
        LIBFAKETIME = candidate
        break

LOGIN1 = 'org.freedesktop.login1'


def asan_runtime(program):
    """The AddressSanitizer runtime @program is linked with, or None.

    A sanitizer build (build-aux/dev.sh asan) refuses to start unless ASan
    comes first among the libraries loaded, so it has to be preloaded ahead
    of libfaketime rather than the check turned off.
    """
    try:
        out = subprocess.run(['ldd', program], capture_output=True, text=True).stdout
    except OSError:
        return None
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[0].startswith('libasan.so') and fields[1] == '=>':
            return fields[2]
    return None


def set_offset(path, spec):
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        f.write(spec + '\n')
    os.rename(tmp, path)


def start_system_bus(work):
    """A private bus standing in for the system bus, with mock logind."""
    daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=address)
    logind = subprocess.Popen([PYTHON, '-m', 'dbusmock', '--system', '-t', 'logind',
                               '-l', work.file('logind.log')],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    bus = dbus.bus.BusConnection(address)
    if not wait_until(lambda: name_has_owner(bus, LOGIN1), 10):
        raise RuntimeError('mock logind did not start')
    return daemon, logind, bus, address


def main():
    tap = Tap()
    if LIBFAKETIME is None:
        print('1..0 # SKIP libfaketime is not installed')
        return

    work = Workdir()
    mock = NotificationMock(work)
    stamp = work.file('faketime')
    set_offset(stamp, '+0')
    daemon = logind = reminder = None

    try:
        daemon, logind, system_bus, address = start_system_bus(work)

        tool('create', work.data, '--name', 'Alex', '--due-in', '60', '--grace', '180')
        env = {
            'LD_PRELOAD': ':'.join(filter(None, (asan_runtime(REMINDER), LIBFAKETIME))),
            'FAKETIME_TIMESTAMP_FILE': stamp,
            'FAKETIME_DONT_FAKE_MONOTONIC': '1',
            # Re-read the file every second (the default is every 10).
            'FAKETIME_CACHE_DURATION': '1',
            'DBUS_SYSTEM_BUS_ADDRESS': address,
        }
        reminder = Reminder(work, env)
        tap.ok(reminder.started and reminder.running(), 'cobalt-reminder starts under faketime',
               reminder.read_log())
        time.sleep(3)
        tap.ok(len(mock.notifications()) == 0, 'nothing is due yet', mock.notifications())

        # "Suspend" for two hours across the due time.
        set_offset(stamp, '+2h')
        jumped = time.monotonic()
        shown = wait_until(lambda: mock.notifications(), 70, interval=0.25)
        elapsed = time.monotonic() - jumped
        note(f'shown {elapsed:.1f} s after the jump')
        tap.ok(bool(shown), 'the reminder that fell due during the "suspend" is shown',
               reminder.read_log())
        tap.ok(elapsed <= 60, f'within 60 seconds of the wake-up ({elapsed:.1f} s)')
        time.sleep(3)
        notes = mock.notifications()
        tap.ok(len(notes) == 1 and 'Alex' in notes[0]['summary'], 'exactly one notification', notes)

        # With logind there: a resume signal makes it look at once.
        tool('create', work.data, '--name', 'Sam', '--due-in', '180', '--grace', '180')
        wait_until(lambda: 'cobalt.db changed' in reminder.read_log(), 5)
        time.sleep(1)
        set_offset(stamp, '+4h')
        time.sleep(1.5)   # let faketime see the new offset
        manager = system_bus.get_object(LOGIN1, '/org/freedesktop/login1')
        manager.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [True],
                           dbus_interface='org.freedesktop.DBus.Mock')
        manager.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [False],
                           dbus_interface='org.freedesktop.DBus.Mock')
        resumed = time.monotonic()
        sam = wait_until(lambda: [n for n in mock.notifications() if 'Sam' in n['summary']], 10)
        elapsed = time.monotonic() - resumed
        tap.ok(bool(sam) and 'resume' in reminder.read_log(),
               f'logind\'s PrepareForSleep(false) brings the reminder at once ({elapsed:.1f} s)',
               reminder.read_log())
        time.sleep(1)
        tap.ok(len(mock.notifications()) == 2, 'still no duplicates', mock.notifications())
        tap.ok(reminder.stop() == 0, 'cobalt-reminder exits cleanly')
        reminder = None
    finally:
        if reminder is not None:
            note(reminder.read_log())
            reminder.stop()
        for process in (logind, daemon):
            if process is not None:
                process.terminate()
                process.wait()
        mock.stop()
        work.cleanup()

    tap.finish()


if __name__ == '__main__':
    main()
