#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""cobalt-reminder against python-dbusmock's notification daemon.

Run inside its own dbus-run-session. Checks what a person sees: the
notification's words and buttons, "Start checklist" starting Cobalt,
"Snooze 1 hour", a logged dose taking the reminder away, no duplicate
after a restart, a server without buttons, a second copy, and a damaged
data file pausing and resuming reminders.
"""

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reminder_testlib import (REMINDER, NotificationMock, Reminder, Tap, Workdir,  # noqa: E402
                              note, reminder_states, tool, wait_until)


def by_summary(mock, text):
    return [n for n in mock.notifications() if text in n['summary']]


def main():
    tap = Tap()
    work = Workdir()
    mock = NotificationMock(work)
    launched = work.file('launched')
    stub = (f"/bin/sh -c 'printf \"%s\\n\" \"$@\" > \"{launched}.tmp\" && "
            f"mv \"{launched}.tmp\" \"{launched}\"' stub")
    env = {'COBALT_REMINDER_LAUNCH_CMD': stub}
    reminder = None

    try:
        tool('create', work.data, '--name', 'Alex', '--due-in', '-1')
        reminder = Reminder(work, env)
        tap.ok(reminder.started and reminder.running(), 'cobalt-reminder starts',
               reminder.read_log())

        # A second copy says so and leaves with status 0.
        second = subprocess.run([REMINDER, '--data-dir', work.data],
                                capture_output=True, text=True, timeout=20)
        tap.ok(second.returncode == 0 and 'already running' in second.stdout,
               'a second copy exits 0 with a message',
               f'{second.returncode} {second.stdout!r} {second.stderr!r}')

        # The dose that fell due shows at start-up, with its words and buttons.
        alex = wait_until(lambda: by_summary(mock, 'Alex'), 10)
        tap.ok(len(alex) == 1, 'the due reminder is shown once at start-up', mock.notifications())
        if not alex:
            tap.bail('no notification')
        n = alex[0]
        tap.ok('B12 injection due for Alex' == n['summary'], 'summary names the person', n['summary'])
        tap.ok('hydroxocobalamin' in n['body'] and '1' in n['body'],
               'body names the product and amount', n['body'])
        tap.ok('Suggested site:' in n['body'] and 'thigh' in n['body'],
               'body names the suggested site', n['body'])
        tap.ok(n['actions'].get('checklist') == 'Start checklist' and
               n['actions'].get('snooze-hour') == 'Snooze 1 hour' and
               n['actions'].get('snooze-tomorrow') == 'Remind me tomorrow' and
               'default' in n['actions'],
               'buttons: Start checklist, Snooze 1 hour, Remind me tomorrow, and a default action',
               n['actions'])
        tap.ok(str(n['hints'].get('desktop-entry', '')).startswith('io.github.cobaltb12.Cobalt'),
               'the notification names Cobalt\'s desktop entry', n['hints'])

        # "Start checklist" starts cobalt --checklist --person Alex.
        mock.invoke(n['id'], 'checklist')
        wait_until(lambda: os.path.exists(launched), 10)
        args = open(launched).read().splitlines() if os.path.exists(launched) else []
        tap.ok(args[:3] == ['--checklist', '--person', 'Alex'] and
               args[3:] == ['--data-dir', work.data],
               'Start checklist launches cobalt --checklist --person Alex', args)
        tap.ok(wait_until(lambda: n['id'] in mock.closed_ids(), 5),
               'the notification closes after Start checklist', mock.closed_ids())

        # Another person added while running: the change is noticed.
        tool('create', work.data, '--name', 'Sam', '--due-in', '-1')
        sam = wait_until(lambda: by_summary(mock, 'Sam'), 10)
        tap.ok(len(sam) == 1, 'a change to the data file is noticed at once', mock.notifications())
        if sam:
            mock.invoke(sam[0]['id'], 'snooze-hour')
            tap.ok(wait_until(lambda: sam[0]['id'] in mock.closed_ids(), 5),
                   'Snooze 1 hour closes the notification', mock.closed_ids())

            def snoozed():
                return [s for s in reminder_states(work.data) if s[0] == 'due' and s[3] != '-']
            states = wait_until(snoozed, 5)
            ok = False
            if states:
                # An hour after now, give or take the test's own time.
                until = states[0][3]
                ok = until != '-'
            tap.ok(ok, 'Snooze 1 hour stores the snooze in the data file', reminder_states(work.data))
            time.sleep(1.5)
            tap.ok(len(by_summary(mock, 'Sam')) == 1, 'a snoozed reminder does not come straight back',
                   mock.notifications())

        # Clicking the notification itself (the default action) opens Cobalt
        # on that person, without starting the checklist.
        os.remove(launched)
        tool('create', work.data, '--name', 'Pat', '--due-in', '-1')
        pat = wait_until(lambda: by_summary(mock, 'Pat'), 10)
        tap.ok(len(pat) == 1, 'Pat\'s reminder is shown', mock.notifications())
        if pat:
            mock.invoke(pat[0]['id'], 'default')
            wait_until(lambda: os.path.exists(launched), 10)
            args = open(launched).read().splitlines() if os.path.exists(launched) else []
            tap.ok(args == ['--person', 'Pat', '--data-dir', work.data],
                   'clicking the notification launches cobalt --person Pat (no --checklist)', args)
            tap.ok(wait_until(lambda: pat[0]['id'] in mock.closed_ids(), 5),
                   'the notification closes after it is clicked', mock.closed_ids())

        # A dose logged in the window takes the reminder off the screen.
        tool('create', work.data, '--name', 'Kim', '--due-in', '-1')
        kim = wait_until(lambda: by_summary(mock, 'Kim'), 10)
        tap.ok(len(kim) == 1, 'Kim\'s reminder is shown', mock.notifications())
        if kim:
            tool('log-dose', work.data, '--name', 'Kim')
            tap.ok(wait_until(lambda: kim[0]['id'] in mock.closed_ids(), 10),
                   'logging the dose closes the notification', reminder.read_log())

        # A restart shows nothing again.
        count = len(mock.notifications())
        tap.ok(reminder.stop() == 0, 'cobalt-reminder stops cleanly on SIGTERM', reminder.read_log())
        reminder = Reminder(work, env)
        time.sleep(3)
        tap.ok(len(mock.notifications()) == count, 'no duplicate after a restart', mock.notifications())
        reminder.stop()
        reminder = None

        # A server without buttons: the body says what to do.
        mock.stop()
        mock = NotificationMock(work, capabilities='body body-markup')
        tool('create', work.data, '--name', 'Lee', '--due-in', '-1')
        reminder = Reminder(work, env)
        lee = wait_until(lambda: by_summary(mock, 'Lee'), 10)
        tap.ok(len(lee) == 1 and not lee[0]['actions'] and 'Start checklist' in lee[0]['body'],
               'without the actions capability the body explains what to do',
               lee)
        reminder.stop()
        reminder = None

        # A damaged data file: one "paused" notification, and recovery.
        db = os.path.join(work.data, 'cobalt.db')
        good = work.file('good.db')
        shutil.move(db, good)
        with open(db, 'w') as f:
            f.write('not a database ' * 100)
        before = len(mock.notifications())
        reminder = Reminder(work, env)
        paused = wait_until(lambda: by_summary(mock, 'Reminders are paused'), 10)
        tap.ok(len(paused) == 1 and 'damaged' in paused[0]['body'],
               'a damaged data file shows one "Reminders are paused" notification', mock.notifications())
        tap.ok(reminder.running(), 'cobalt-reminder keeps running with a damaged file')
        tap.ok('Reminders are paused' in reminder.read_log(), 'the reason is logged', reminder.read_log())
        time.sleep(1)
        tap.ok(len(mock.notifications()) == before + 1, 'only one notification while paused',
               mock.notifications())

        # Put the good file back (as restoring a backup would).
        tmp = os.path.join(work.data, 'restore.tmp')
        shutil.copy(good, tmp)
        os.rename(tmp, db)
        if paused:
            tap.ok(wait_until(lambda: paused[0]['id'] in mock.closed_ids(), 10),
                   'the paused notification goes when the file is good again', reminder.read_log())
        tap.ok(wait_until(lambda: 'running again' in reminder.read_log(), 5),
               'reminders resume', reminder.read_log())
        code = reminder.stop()
        reminder = None
        tap.ok(code == 0, 'cobalt-reminder exits cleanly')
    finally:
        if reminder is not None:
            note(reminder.read_log())
            reminder.stop()
        mock.stop()
        work.cleanup()

    tap.finish()


if __name__ == '__main__':
    main()
