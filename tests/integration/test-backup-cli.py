#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""cobalt --backup FILE and --restore FILE, without a display:
test-backup-cli.py COBALT

Back up, change the log, restore: the same log comes back, what was
restored is told in people, doses and dates, and the log it replaced is
kept. Files that are not Cobalt backups are refused with nothing changed."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

COBALT = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
ENV['COBALT_NO_REMINDER'] = '1'
SAM = 'Sam Rivera'
failures = []


def run(*args):
    return subprocess.run([COBALT, *args], env=ENV, capture_output=True, text=True, timeout=60)


def check(name, condition, detail=''):
    print(('ok' if condition else 'not ok') + ' - ' + name)
    if not condition:
        failures.append(name)
        if detail:
            print('# ' + detail.replace('\n', '\n# '))


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def export(data, path):
    r = run('--data-dir', data, '--person', SAM, '--export-csv', path)
    check('export of %s' % os.path.basename(path), r.returncode == 0, r.stderr)
    return open(path, 'rb').read() if os.path.exists(path) else b''


def main():
    tmp = tempfile.mkdtemp(prefix='cobalt-backup-cli-')
    data = os.path.join(tmp, 'data')
    demo_backup = os.path.join(tmp, 'demo.db')
    before = os.path.join(tmp, 'Cobalt backup.db')

    # The demo's log, into a data folder of its own by way of a backup.
    r = run('--demo', '--backup', demo_backup)
    check('--demo --backup exits 0', r.returncode == 0, r.stderr)
    check('... the copy is 0600', os.path.exists(demo_backup)
          and os.stat(demo_backup).st_mode & 0o777 == 0o600)
    check('... and says what it holds', '2 people and ' in r.stdout and ' doses, given from ' in r.stdout,
          r.stdout)
    r = run('--data-dir', data, '--restore', demo_backup)
    check('--restore into an empty folder exits 0', r.returncode == 0, r.stderr)
    check('... and tells what Cobalt now holds', 'now holds 2 people and ' in r.stdout, r.stdout)

    # Backup, change, restore.
    r = run('--data-dir', data, '--backup', before)
    check('--backup exits 0', r.returncode == 0, r.stderr)
    check('... 0600', os.path.exists(before) and os.stat(before).st_mode & 0o777 == 0o600)
    log_then = export(data, os.path.join(tmp, 'then.csv'))
    check('the log has doses', log_then.count(b'\r\n') > 5)

    db = sqlite3.connect(os.path.join(data, 'cobalt.db'))
    db.execute('UPDATE doses SET deleted = 1 WHERE id IN (SELECT id FROM doses ORDER BY id DESC LIMIT 2)')
    db.commit()
    db.close()
    log_changed = export(data, os.path.join(tmp, 'changed.csv'))
    check('the change shows in the log', log_changed != log_then)

    r = run('--data-dir', data, '--backup', before)
    check('--backup never writes over a file: exit 3', r.returncode == 3, r.stderr)
    check('... saying so', 'exists already' in r.stderr, r.stderr)

    r = run('--data-dir', data, '--restore', before)
    check('--restore exits 0', r.returncode == 0, r.stderr)
    check('... names people, doses and dates', 'Cobalt now holds 2 people and ' in r.stdout
          and ' from ' in r.stdout and ' to ' in r.stdout, r.stdout)
    kept = [f for f in os.listdir(data) if f.startswith('cobalt.db.replaced-')]
    check('... keeps the log it replaced', len(kept) == 1 and kept[0] in r.stdout, r.stdout + str(kept))
    log_now = export(data, os.path.join(tmp, 'now.csv'))
    check('backup → change → restore gives the same log', log_now == log_then)

    # Refused, with nothing changed.
    notes = os.path.join(tmp, 'notes.db')
    with open(notes, 'w') as f:
        f.write('Not a database, whatever its name says.\n')
    other = os.path.join(tmp, 'other.db')
    db = sqlite3.connect(other)
    db.execute('CREATE TABLE songs (title TEXT)')
    db.commit()
    db.close()
    newer = os.path.join(tmp, 'newer.db')
    shutil.copy(before, newer)
    db = sqlite3.connect(newer)
    db.execute('PRAGMA user_version = 999')
    db.commit()
    db.close()
    for name, path, words in (('a text file', notes, ''),
                              ("another program's database", other, 'another application'),
                              ("a newer Cobalt's backup", newer, 'newer version of Cobalt'),
                              ('a missing file', os.path.join(tmp, 'gone.db'), 'does not exist')):
        log_digest = digest(os.path.join(data, 'cobalt.db'))
        files = sorted(os.listdir(data))
        r = run('--data-dir', data, '--restore', path)
        check('%s is refused: exit 5' % name, r.returncode == 5, r.stdout + r.stderr)
        check('... saying why and that nothing changed', words in r.stderr
              and 'Nothing was changed.' in r.stderr and r.stderr.count('\n') == 1, r.stderr)
        check('... and nothing did', digest(os.path.join(data, 'cobalt.db')) == log_digest
              and sorted(os.listdir(data)) == files)

    r = run('--data-dir', data, '--backup', os.path.join(tmp, 'no-such-folder', 'b.db'))
    check('backup into a missing folder: exit 3', r.returncode == 3, r.stderr)
    r = run('--data-dir', data, '--backup', os.path.join(tmp, 'x.db'), '--restore', before)
    check('--backup with --restore: exit 1', r.returncode == 1, r.stderr)
    r = run('--help')
    check('--help lists both and exit status 5', '--backup' in r.stdout and '--restore' in r.stdout
          and '5 the file to restore' in r.stdout, r.stdout)

    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print('%d failures' % len(failures))
        sys.exit(1)


if __name__ == '__main__':
    main()
