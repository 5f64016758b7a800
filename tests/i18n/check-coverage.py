#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every message of today's sources is translated in po/LL.po.

  check-coverage.py SOURCE_ROOT [LL ...]

Makes the template the way `meson compile cobalt-pot` does, into a temporary
folder (po/cobalt.pot is not written), and lists per language every msgid
that is missing from po/LL.po, untranslated (an empty msgstr) or fuzzy.
Languages: those named, else every one in po/LINGUAS.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18n_common  # noqa: E402
import pofile  # noqa: E402


def describe(e):
    text = e.msgid.replace('\n', '\\n')
    if len(text) > 100:
        text = text[:97] + '…'
    where = e.references[0] if e.references else ''
    return ('[%s] ' % e.msgctxt if e.msgctxt is not None else '') + '"%s"  (%s)' % (text, where)


def main(argv):
    source_root = os.path.abspath(argv[1] if len(argv) > 1 else '.')
    po_dir = os.path.join(source_root, 'po')
    languages = argv[2:] or i18n_common.linguas(po_dir)
    template, _warnings = i18n_common.template_messages(source_root)
    failed = False
    for language in languages:
        path = os.path.join(po_dir, language + '.po')
        if not os.path.exists(path):
            print('%s: %s does not exist' % (language, path))
            failed = True
            continue
        catalogue = {e.key: e for e in pofile.messages(path)}
        missing, empty, fuzzy = [], [], []
        for e in template:
            found = catalogue.get(e.key)
            if found is None or (found.msgid_plural is None) != (e.msgid_plural is None):
                missing.append(e)
            elif found.fuzzy:
                fuzzy.append(e)
            elif not found.translated:
                empty.append(e)
        if missing or empty or fuzzy:
            failed = True
            for title, entries in (('missing from the catalogue', missing),
                                   ('untranslated', empty), ('fuzzy', fuzzy)):
                if entries:
                    print('%s: %d message(s) %s:' % (language, len(entries), title))
                    for e in entries:
                        print('  ' + describe(e))
            print('%s: %d of %d messages translated. To fix: merge today\'s strings with\n'
                  '    meson compile -C BUILD cobalt-pot cobalt-update-po\n'
                  '  (or: msgmerge --update --backup=none po/%s.po po/cobalt.pot), then translate\n'
                  '  the messages listed and remove every "fuzzy" flag once checked.'
                  % (language, len(template) - len(missing) - len(empty) - len(fuzzy),
                     len(template), language))
        else:
            print('%s: all %d messages translated.' % (language, len(template)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
