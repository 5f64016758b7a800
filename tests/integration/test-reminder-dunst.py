#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""cobalt-reminder against a real notification server: dunst under Xvfb.

Run inside its own dbus-run-session. The due reminder must reach dunst
(through libnotify, as on a desktop) with its words, and land in dunst's
history once closed.
"""

import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reminder_testlib import (NOTIFICATIONS, Reminder, Tap, Workdir, name_has_owner,  # noqa: E402
                              note, session_bus, tool, wait_until)


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0', '800x600x24',
                             '-nolisten', 'tcp'],
                            pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    if not display:
        raise RuntimeError('Xvfb did not start')
    return xvfb, ':' + display


def history_summaries():
    result = subprocess.run(['dunstctl', 'history'], capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        return []
    data = json.loads(result.stdout)
    summaries = []
    for group in data.get('data', []):
        for entry in group:
            summaries.append((entry.get('summary', {}).get('data', ''),
                              entry.get('body', {}).get('data', '')))
    return summaries


def main():
    tap = Tap()
    for program in ('Xvfb', 'dunst', 'dunstctl'):
        if shutil.which(program) is None:
            print(f'1..0 # SKIP {program} is not installed')
            return

    work = Workdir()
    xvfb = dunst = reminder = None
    try:
        xvfb, display = start_xvfb()
        os.environ['DISPLAY'] = display
        # dunst's defaults, not whatever the machine's user configured.
        os.environ['XDG_CONFIG_HOME'] = work.file('config')
        dunst = subprocess.Popen(['dunst'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bus = session_bus()
        if not wait_until(lambda: name_has_owner(bus, NOTIFICATIONS), 10):
            tap.bail('dunst did not start')

        tool('create', work.data, '--name', 'Alex', '--due-in', '-1')
        reminder = Reminder(work)
        tap.ok(reminder.started and reminder.running(), 'cobalt-reminder starts', reminder.read_log())

        def displayed():
            result = subprocess.run(['dunstctl', 'count', 'displayed'],
                                    capture_output=True, text=True, timeout=10)
            return result.returncode == 0 and int(result.stdout.strip() or 0) > 0

        tap.ok(wait_until(displayed, 10), 'dunst displays the reminder', reminder.read_log())
        tap.ok('Showing reminder' in reminder.read_log(), 'the reminder says it showed it',
               reminder.read_log())

        subprocess.run(['dunstctl', 'close-all'], check=False, timeout=10)
        history = wait_until(history_summaries, 5)
        matching = [h for h in history if h[0] == 'B12 injection due for Alex']
        tap.ok(len(matching) == 1, 'dunst\'s history holds exactly one reminder for Alex', history)
        tap.ok(bool(matching) and 'hydroxocobalamin' in matching[0][1] and 'Suggested site' in matching[0][1],
               'with the dose and the suggested site in the body', matching)

        tap.ok(reminder.stop() == 0, 'cobalt-reminder exits cleanly')
        reminder = None
    finally:
        if reminder is not None:
            note(reminder.read_log())
            reminder.stop()
        for process in (dunst, xvfb):
            if process is not None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
        work.cleanup()

    tap.finish()


if __name__ == '__main__':
    main()
