#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""cobalt-reminder killed between claiming a reminder and showing it.

Run inside its own dbus-run-session. Issue 15: cobalt-reminder committed
"shown" for a due time and only then sent the notification; killed between
the two, nothing was ever shown, not even after a restart. Now the claim
("showing") is committed before Notify and "shown" only after the server
answered, and a start gives back claims left "showing".

The notification server here (python-dbusmock) never answers the first
Notify: it stops itself inside the call (SIGSTOP), as a hung server would,
so cobalt-reminder is caught waiting for the answer, and is killed with
SIGKILL there. After a restart the reminder must appear exactly once, and
a further restart must not show it again.
"""

import os
import signal
import sys
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reminder_testlib import (NOTIFICATIONS, NotificationMock, Reminder, Tap, Workdir,  # noqa: E402
                              note, reminder_states, tool, wait_until)

# The template's own Notify, after stopping the whole mock process the
# first time it is called (mockobject.py logs the call before running it).
STALLING_NOTIFY = '''import signal
if not getattr(self, 'stalled_once', False):
    self.stalled_once = True
    os.kill(os.getpid(), signal.SIGSTOP)
if args[1]:
    ret = args[1]
else:
    ret = self.next_id
    self.next_id += 1
'''


def process_state(pid):
    """The one-letter state of /proc/PID/stat ('T' when stopped)."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            return f.read().rsplit(')', 1)[1].split()[0]
    except OSError:
        return ''


def notify_logged(path):
    try:
        with open(path, errors='replace') as f:
            return any(' Notify ' in line or line.split(' ', 1)[-1].startswith('Notify')
                       for line in f)
    except OSError:
        return False


def due_state(data_dir):
    """(shown, showing) of the first "due" reminder state, or None."""
    for state in reminder_states(data_dir):
        if state[0] == 'due':
            return (state[2], state[5] if len(state) > 5 else '-')
    return None


def by_summary(mock, text):
    return [n for n in mock.notifications() if text in n['summary']]


def main():
    tap = Tap()
    work = Workdir()
    mock = NotificationMock(work)
    reminder = None

    try:
        tool('create', work.data, '--name', 'Alex', '--due-in', '-1')
        mock.mock.AddMethod(NOTIFICATIONS, 'Notify', 'susssasa{sv}i', 'u', STALLING_NOTIFY)

        reminder = Reminder(work)
        tap.ok(reminder.started and reminder.running(), 'cobalt-reminder starts', reminder.read_log())

        # Caught inside Notify: the server has the call and never answers.
        tap.ok(wait_until(lambda: notify_logged(mock.log), 10),
               'cobalt-reminder sends Notify for the due dose', reminder.read_log())
        tap.ok(wait_until(lambda: process_state(mock.process.pid) == 'T', 10),
               'the notification server hangs in the call', process_state(mock.process.pid))

        # What the data file says at that moment: claimed, not shown.
        state = due_state(work.data)
        tap.ok(state is not None and state[0] == '-' and state[1] != '-',
               'the claim is committed as "showing", not as "shown"', reminder_states(work.data))

        # kill -9 while it waits for the answer.
        reminder.process.send_signal(signal.SIGKILL)
        reminder.process.wait()
        tap.ok(reminder.process.returncode == -signal.SIGKILL, 'cobalt-reminder is killed (SIGKILL)',
               reminder.process.returncode)
        reminder.stop()
        reminder = None

        # The server comes back; only what happens from now on counts.
        os.kill(mock.process.pid, signal.SIGCONT)
        wait_until(lambda: process_state(mock.process.pid) not in ('T', ''), 10)
        mock.mock.ClearCalls()

        # The restart shows the reminder, exactly once.
        reminder = Reminder(work)
        shown = wait_until(lambda: by_summary(mock, 'Alex'), 15)
        time.sleep(2)
        alex = by_summary(mock, 'Alex')
        tap.ok(shown and len(alex) == 1, 'after the restart the reminder is shown exactly once',
               f'{mock.notifications()}\n{reminder.read_log()}')
        tap.ok('Showing again 1 reminder' in reminder.read_log(),
               'the restart says it shows a reminder again', reminder.read_log())
        state = wait_until(lambda: (lambda s: s if s and s[0] != '-' else None)(due_state(work.data)), 5)
        tap.ok(state is not None and state[0] != '-' and state[1] == '-',
               'once the server answered it is recorded as "shown"', reminder_states(work.data))

        # A further restart does not show it again.
        tap.ok(reminder.stop() == 0, 'cobalt-reminder stops cleanly on SIGTERM', reminder.read_log())
        reminder = Reminder(work)
        time.sleep(3)
        tap.ok(len(by_summary(mock, 'Alex')) == 1, 'no duplicate after another restart',
               f'{mock.notifications()}\n{reminder.read_log()}')
        reminder.stop()
        reminder = None
    finally:
        if reminder is not None:
            note(reminder.read_log())
            reminder.process.kill()
            reminder.stop()
        if process_state(mock.process.pid) == 'T':
            os.kill(mock.process.pid, signal.SIGCONT)
        mock.stop()
        work.cleanup()

    tap.finish()


if __name__ == '__main__':
    main()
