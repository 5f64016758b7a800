#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses Cobalt's iCalendar export back with python3-icalendar.

Usage: check-ics.py ICAL-DUMP   (runs the program to write two exports)
   or: check-ics.py FILE.ics    (checks one file, e.g. from cobalt --export-ics)
"""
import datetime
import os
import subprocess
import sys
import tempfile

import icalendar


def check_file(path):
    raw = open(path, 'rb').read()
    assert raw.endswith(b'\r\n'), 'last line must end with CRLF'
    for line in raw.split(b'\r\n'):
        assert b'\n' not in line, 'bare LF in the file'
        assert len(line) <= 75, 'line longer than 75 octets: %r' % line
    cal = icalendar.Calendar.from_ical(raw)
    assert cal.get('VERSION') == '2.0'
    events = [c for c in cal.walk('VEVENT')]
    assert events, 'no events'
    uids = []
    for event in events:
        uid = str(event['UID'])
        assert uid.startswith('cobalt-dose-'), uid
        start = event.decoded('DTSTART')
        assert isinstance(start, datetime.datetime) and start.tzinfo is not None, start
        assert str(event['SUMMARY']), 'empty summary'
        alarms = [a for a in event.walk('VALARM')]
        assert len(alarms) == 1, 'each event needs one VALARM'
        assert str(alarms[0]['ACTION']) == 'DISPLAY'
        assert alarms[0].decoded('TRIGGER') == datetime.timedelta(0)
        uids.append(uid)
    assert len(uids) == len(set(uids)), 'duplicate UIDs'
    starts = [e.decoded('DTSTART') for e in events]
    assert starts == sorted(starts), 'events out of order'
    assert starts[-1] - starts[0] <= datetime.timedelta(days=366), 'more than a year'
    return uids


def main():
    target = sys.argv[1]
    if target.endswith('.ics'):
        check_file(target)
        print('ok')
        return
    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, 'first.ics')
        second = os.path.join(tmp, 'second.ics')
        subprocess.run([target, first, second], check=True)
        assert os.stat(first).st_mode & 0o777 == 0o600, 'export must be 0600'
        uids1 = check_file(first)
        uids2 = check_file(second)
        assert uids1 == uids2, 'UIDs changed between two exports: %r %r' % (uids1, uids2)
    print('ok: %d events, UIDs stable' % len(uids1))


if __name__ == '__main__':
    main()
