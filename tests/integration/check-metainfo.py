#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The metainfo as the software centres read it.

check-metainfo.py APPSTREAMCLI METAINFO

1. `appstreamcli validate --pedantic --no-net` reports nothing but the
   notes listed in ACCEPTED, each for a reason Cobalt cannot change.
2. Everything issue 14 asked the listing to have is there: the five
   addresses, the developer with its id, a release with notes, the content
   rating, light and dark branding colours, a caption on every screenshot.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# (tag, hint or None for any hint) → why it stays.
ACCEPTED = {
    # Reverse-DNS ids keep the owner's capitals (org.gnome.TextEditor):
    # the id is also the D-Bus name, the launcher's and the icon's name.
    ('cid-contains-uppercase-letter', None):
        'the application id has capitals, as GNOME application ids do',
    # AppStream < 1.0 (Debian 12 has 0.16.1) does not know <developer>;
    # it reads <developer_name>, kept beside it for exactly that reason.
    ('unknown-tag', 'developer'):
        '<developer> is AppStream 1.0; Debian 12 reads <developer_name>',
    # AppStream >= 1.0 reads <developer> and calls the old tag deprecated.
    ('developer-name-tag-deprecated', None):
        '<developer_name> is kept for AppStream 0.16 (Debian 12)',
}

URL_TYPES = ['homepage', 'bugtracker', 'help', 'vcs-browser', 'translate']


def validator_issues(appstreamcli, path):
    run = subprocess.run([appstreamcli, 'validate', '--pedantic', '--no-net',
                          '--format', 'yaml', path],
                         capture_output=True, text=True, check=False)
    print(run.stdout, end='')
    print(run.stderr, end='', file=sys.stderr)
    issues = []
    for line in run.stdout.splitlines():
        tag = re.match(r'^- tag: (.*)$', line)
        if tag:
            issues.append([tag.group(1).strip(), None, None])
            continue
        field = re.match(r'^  (hint|severity): (.*)$', line)
        if field and issues:
            issues[-1][1 if field.group(1) == 'hint' else 2] = field.group(2).strip()
    return run.returncode, issues


def main():
    appstreamcli, path = sys.argv[1], sys.argv[2]
    failures = []

    returncode, issues = validator_issues(appstreamcli, path)
    if returncode != 0:
        failures.append(f'appstreamcli validate failed ({returncode})')
    for tag, hint, severity in issues:
        reason = ACCEPTED.get((tag, hint)) or ACCEPTED.get((tag, None))
        if reason is None:
            failures.append(f'{severity}: {tag} {hint or ""}')
        else:
            print(f'# accepted {tag} {hint or ""}: {reason}')

    root = ET.parse(path).getroot()
    urls = {url.get('type'): url.text for url in root.findall('url')}
    for kind in URL_TYPES:
        if not (urls.get(kind) or '').startswith('https://'):
            failures.append(f'no <url type="{kind}">')
    developer = root.find('developer')
    if developer is None or not developer.get('id') or not developer.findtext('name'):
        failures.append('no <developer id=…> with a <name>')
    release = root.find('releases/release')
    if release is None or release.find('description') is None:
        failures.append('no release with a description')
    rating = root.find('content_rating')
    if rating is None or rating.get('type') != 'oars-1.1':
        failures.append('no OARS 1.1 content rating')
    schemes = {color.get('scheme_preference') for color in root.findall('branding/color')}
    if not {'light', 'dark'} <= schemes:
        failures.append('branding needs a light and a dark colour')
    screenshots = root.findall('screenshots/screenshot')
    if not screenshots:
        failures.append('no screenshots')
    for shot in screenshots:
        if not (shot.findtext('caption') or '').strip():
            failures.append(f'a screenshot without a caption: {shot.findtext("image")}')

    for failure in failures:
        print(f'FAIL: {failure}', file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
