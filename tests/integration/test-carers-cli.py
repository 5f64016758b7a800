#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line of the carers' side, without a display:
test-carers-cli.py COBALT [PDFTOPPM]"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

COBALT = sys.argv[1]
PDFTOPPM = sys.argv[2] if len(sys.argv) > 2 else None
ENV = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
SAM = 'Sam Rivera'
failures = []


def run(*args):
    return subprocess.run([COBALT, *args], env=ENV, capture_output=True, text=True, timeout=60)


def today():
    """Today on the real clock in the local zone ($TZ), as cobalt reads it."""
    return datetime.date.today()


def check(name, condition, detail=''):
    print(('ok' if condition else 'not ok') + ' - ' + name)
    if not condition:
        failures.append(name)
        if detail:
            print('# ' + detail.replace('\n', '\n# '))


def main():
    tmp = tempfile.mkdtemp(prefix='cobalt-cli-')
    csv = os.path.join(tmp, 'log.csv')
    ics = os.path.join(tmp, 'up.ics')
    pdf = os.path.join(tmp, 'report.pdf')

    exported_on = today()
    r = run('--demo', '--person', SAM, '--export-csv', csv, '--export-ics', ics, '--export-pdf', pdf)
    check('exports exit 0 without a display', r.returncode == 0, r.stderr)
    for path in (csv, ics, pdf):
        check('%s written 0600' % os.path.basename(path),
              os.path.exists(path) and os.stat(path).st_mode & 0o777 == 0o600)
    rows = open(csv, 'rb').read().split(b'\r\n')
    check('CSV has a header and rows', rows[0].startswith(b'given_at,') and len(rows) > 5)
    check('iCalendar file', open(ics, 'rb').read().startswith(b'BEGIN:VCALENDAR\r\n'))
    check('PDF file', open(pdf, 'rb').read(5) == b'%PDF-')
    if PDFTOPPM:
        p = subprocess.run([PDFTOPPM, '-r', '10', '-png', pdf, os.path.join(tmp, 'p')])
        check('pdftoppm renders the report', p.returncode == 0 and
              any(f.startswith('p') and f.endswith('.png') for f in os.listdir(tmp)))

    # The FHIR bundle: JSON, one MedicationAdministration per dose in the
    # CSV log (its rows less the header and the closing empty line).
    fhir = os.path.join(tmp, 'record.json')
    r = run('--demo', '--person', SAM, '--export-fhir', fhir, '--export-csv', csv)
    check('--export-fhir exits 0', r.returncode == 0, r.stderr)
    check('FHIR file written 0600', os.path.exists(fhir) and os.stat(fhir).st_mode & 0o777 == 0o600)
    if os.path.exists(fhir):
        bundle = json.load(open(fhir, encoding='utf-8'))
        kinds = [e['resource']['resourceType'] for e in bundle.get('entry', [])]
        given = [e['resource'] for e in bundle.get('entry', [])
                 if e['resource']['resourceType'] == 'MedicationAdministration'
                 and e['resource'].get('status') == 'completed']
        logged = [row for row in open(csv, 'rb').read().split(b'\r\n')[1:] if row]
        check('a FHIR R4 collection Bundle with the Patient',
              bundle.get('resourceType') == 'Bundle' and bundle.get('type') == 'collection'
              and 'Patient' in kinds, str(kinds[:5]))
        check('one completed MedicationAdministration per logged dose', len(given) == len(logged),
              '%d administrations, %d rows' % (len(given), len(logged)))
    r = run('--demo', '--person', SAM, '--export-fhir', os.path.join(tmp, 'missing', 'r.json'))
    check('FHIR to an unwritable file: exit 3', r.returncode == 3, r.stderr)

    r = run('--demo', '--export-csv', csv)
    check('several people and no --person: exit 2', r.returncode == 2, r.stderr)
    check('... and one line naming them', r.stderr.count('\n') == 1 and SAM in r.stderr, r.stderr)

    r = run('--demo', '--person', 'Nobody Here', '--export-csv', csv)
    check('unknown person: exit 2', r.returncode == 2, r.stderr)
    check('... one line', r.stderr.count('\n') == 1 and 'Nobody Here' in r.stderr, r.stderr)

    r = run('--demo', '--person', SAM, '--export-pdf', os.path.join(tmp, 'missing', 'r.pdf'))
    check('unwritable file: exit 3', r.returncode == 3, r.stderr)
    check('... one line naming the file', r.stderr.count('\n') == 1 and 'r.pdf' in r.stderr, r.stderr)

    r = run('--demo', '--person', SAM, '--import-csv', os.path.join(tmp, 'nope.csv'))
    check('unreadable import: exit 3', r.returncode == 3, r.stderr)

    # A file with two bad rows among good ones: exit 4, each bad row by
    # line number, and nothing imported (the export in the same run shows
    # the log unchanged).
    bad = os.path.join(tmp, 'bad.csv')
    with open(bad, 'w', newline='') as f:
        f.write('given_at,product,amount,unit,notes\r\n'
                '2020-01-01T09:00:00Z,cyanocobalamin,1000,mcg,fine\r\n'
                'not a date,cyanocobalamin,1000,mcg,\r\n'
                '2020-01-03T09:00:00Z,cyanocobalamin,lots,mcg,\r\n')
    r = run('--demo', '--person', SAM, '--import-csv', bad)
    check('malformed CSV: exit 4', r.returncode == 4, r.stderr)
    check('... every bad row with its line', (bad + ':3:') in r.stderr and (bad + ':4:') in r.stderr
          and (bad + ':2:') not in r.stderr, r.stderr)

    # Round trip: the exported log imports into the same person as
    # "already there", and new rows (with formula-like and non-ASCII cells)
    # come back exactly. The row is Sam's prescribed dose: the import
    # refuses another (tests/core/test-carers-csv.c).
    good = os.path.join(tmp, 'good.csv')
    with open(good, 'w', newline='', encoding='utf-8') as f:
        f.write('given_at,timezone,product,amount,unit,batch,notes\r\n'
                '2020-05-01T09:00:00+01:00,Europe/London,cyanocobalamin,1000,mcg,\'=SUM(A1),"Zoë said ""fine"", then\nslept"\r\n')
    out = os.path.join(tmp, 'after.csv')
    r = run('--demo', '--person', SAM, '--import-csv', good, '--export-csv', out)
    check('import then export: exit 0', r.returncode == 0, r.stderr)
    text = open(out, 'rb').read().decode('utf-8') if os.path.exists(out) else ''
    check('imported row exported with its cells', '2020-05-01T09:00:00+01:00,Europe/London' in text
          and "'=SUM(A1)" in text and '"Zoë said ""fine"", then\nslept"' in text, text[:400])

    # Every --demo run makes the demo for its own today: should midnight
    # have passed since the export, export again (midnight does not pass
    # twice in a few seconds).
    r = run('--demo', '--person', SAM, '--import-csv', csv)
    if today() != exported_on:
        run('--demo', '--person', SAM, '--export-csv', csv)
        r = run('--demo', '--person', SAM, '--import-csv', csv)
    check('re-importing the export adds nothing', r.returncode == 0 and ' 0 doses' in r.stdout, r.stdout + r.stderr)

    r = run('--help')
    check('--help documents the exit codes', '--export-csv' in r.stdout and 'Exit status' in r.stdout)

    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print('%d failures' % len(failures))
        sys.exit(1)


if __name__ == '__main__':
    main()
