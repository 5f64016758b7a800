# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared pieces of the cobalt-reminder integration tests.

Every test script runs inside its own dbus-run-session (see meson.build),
starts python-dbusmock's notification daemon (or dunst), a data folder
made by reminder-test-tool, and the real cobalt-reminder, and prints TAP.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import dbus

REMINDER = os.environ.get('COBALT_REMINDER', 'cobalt-reminder')
TOOL = os.environ.get('REMINDER_TEST_TOOL', 'reminder-test-tool')
PYTHON = '/usr/bin/python3'

NOTIFICATIONS = 'org.freedesktop.Notifications'
NOTIFICATIONS_PATH = '/org/freedesktop/Notifications'
MOCK_IFACE = 'org.freedesktop.DBus.Mock'


class Tap:
    """Minimal TAP producer: a plan at the end, one line per check."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, name, detail=None):
        self.count += 1
        if condition:
            print(f'ok {self.count} - {name}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.count} - {name}', flush=True)
            if detail is not None:
                for line in str(detail).splitlines():
                    print(f'# {line}', flush=True)
        return condition

    def bail(self, reason):
        print(f'Bail out! {reason}', flush=True)
        sys.exit(1)

    def finish(self):
        print(f'1..{self.count}', flush=True)
        sys.exit(1 if self.failed else 0)


def note(message):
    print(f'# {message}', flush=True)


def wait_until(predicate, timeout, interval=0.1):
    """Polls @predicate until it returns a true value or @timeout passes."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= end:
            return value
        time.sleep(interval)


def session_bus():
    return dbus.SessionBus()


def name_has_owner(bus, name):
    try:
        return bool(bus.get_object('org.freedesktop.DBus', '/org/freedesktop/DBus')
                    .NameHasOwner(name, dbus_interface='org.freedesktop.DBus'))
    except dbus.DBusException:
        return False


class Workdir:
    """A temporary folder holding the data folder, logs and stub output."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix='cobalt-reminder-it-')
        self.data = os.path.join(self.path, 'data')
        os.makedirs(self.data, mode=0o700)

    def file(self, name):
        return os.path.join(self.path, name)

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


def tool(*args, check=True):
    result = subprocess.run([TOOL, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f'reminder-test-tool {args} failed: {result.stderr}')
    return result.stdout.strip()


def reminder_states(data_dir):
    """(kind, due, shown, snoozed, acted, showing) for every stored reminder
    state; "showing" is a claim not yet confirmed by the notification
    server."""
    lines = tool('states', data_dir).splitlines()
    return [tuple(line.split(' ')) for line in lines if line]


class NotificationMock:
    """python-dbusmock's notification_daemon template on the session bus."""

    def __init__(self, workdir, capabilities='body body-markup actions'):
        self.log = workdir.file('notification-mock.log')
        params = json.dumps({'capabilities': capabilities})
        self.process = subprocess.Popen(
            [PYTHON, '-m', 'dbusmock', '--session', '-t', 'notification_daemon',
             '-p', params, '-l', self.log],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.bus = session_bus()
        if not wait_until(lambda: name_has_owner(self.bus, NOTIFICATIONS), 10):
            raise RuntimeError('the notification mock did not start')
        obj = self.bus.get_object(NOTIFICATIONS, NOTIFICATIONS_PATH)
        self.mock = dbus.Interface(obj, MOCK_IFACE)

    def calls(self, method):
        return [call for call in self.mock.GetCalls() if str(call[1]) == method]

    def notifications(self):
        """Every Notify call as a dict, with the id the mock gave it."""
        result = []
        next_id = 1
        for call in self.calls('Notify'):
            args = call[2]
            replaces = int(args[1])
            if replaces:
                nid = replaces
            else:
                nid = next_id
                next_id += 1
            actions = [str(a) for a in args[5]]
            result.append({
                'id': nid,
                'app_name': str(args[0]),
                'summary': str(args[3]),
                'body': str(args[4]),
                'actions': dict(zip(actions[0::2], actions[1::2])),
                'hints': {str(k): v for k, v in args[6].items()},
                'timeout': int(args[7]),
            })
        return result

    def closed_ids(self):
        return [int(call[2][0]) for call in self.calls('CloseNotification')]

    def invoke(self, notification_id, action):
        self.mock.EmitSignal(NOTIFICATIONS, 'ActionInvoked', 'us',
                             [dbus.UInt32(notification_id), action])

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        wait_until(lambda: not name_has_owner(self.bus, NOTIFICATIONS), 5)


class Reminder:
    """The real cobalt-reminder, as a child process."""

    runs = 0

    def __init__(self, workdir, extra_env=None, wrapper=None):
        env = dict(os.environ)
        env['G_MESSAGES_DEBUG'] = 'Cobalt-Reminder'
        env.update(extra_env or {})
        Reminder.runs += 1
        self.log_path = workdir.file(f'reminder-{Reminder.runs}.log')
        self.log = open(self.log_path, 'wb')
        command = [REMINDER, '--data-dir', workdir.data]
        self.process = subprocess.Popen((wrapper or []) + command, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.started = wait_until(
            lambda: self.process.poll() is not None or 'Watching' in self.read_log(), 10)

    def read_log(self):
        try:
            with open(self.log_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def running(self):
        return self.process.poll() is None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode
