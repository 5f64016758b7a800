#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each translation says a clinical term the same way everywhere.

  check-glossary.py PO_DIR [LL ...]

reads PO_DIR/glossary/LL.tsv and checks PO_DIR/LL.po against it (every
language in PO_DIR/LINGUAS when none is named). See po/glossary/README.md
for the format: `english term<TAB>form|form…<TAB>note`. A row applies to every
translated message whose msgid holds the term as a word (any case, also with
a plural s or es); its msgstr must then hold one of the forms (any case, as a
substring, so a stem covers its inflections). In a message with plural forms,
msgstr[0] is checked against msgid and the others against msgid_plural.
Mnemonic underscores are ignored on both sides. Untranslated and fuzzy
messages are left to the coverage test.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pofile  # noqa: E402


class Row:
    def __init__(self, path, line, term, forms, note):
        self.where = '%s:%d' % (path, line)
        self.term = term
        self.forms = forms
        self.note = note
        words = [re.escape(w) for w in term.split()]
        self.pattern = re.compile(r'(?<![^\W\d_])' + r'\s+'.join(words) + r'(?:s|es)?(?![^\W\d_])',
                                  re.IGNORECASE)

    def applies_to(self, text):
        return self.pattern.search(text) is not None

    def satisfied_by(self, text):
        text = text.casefold()
        return any(form.casefold() in text for form in self.forms)


def read_glossary(path):
    rows, problems = [], []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) < 2 or not fields[0].strip():
                problems.append('%s:%d: expected "english term<TAB>form|form<TAB>note", got %r'
                                % (path, number, line))
                continue
            forms = [f.strip() for f in fields[1].split('|') if f.strip()]
            if not forms:
                problems.append('%s:%d: no accepted form for %r' % (path, number, fields[0]))
                continue
            rows.append(Row(path, number, fields[0].strip(), forms,
                            fields[2].strip() if len(fields) > 2 else ''))
    return rows, problems


def strip_mnemonic(text):
    return re.sub(r'_(?=\w)', '', text)


def check_language(po_dir, language):
    glossary = os.path.join(po_dir, 'glossary', language + '.tsv')
    catalogue = os.path.join(po_dir, language + '.po')
    if not os.path.exists(glossary):
        return ['%s: missing (every language in LINGUAS has a glossary, see '
                'po/glossary/README.md)' % glossary], 0
    if not os.path.exists(catalogue):
        return ['%s: missing' % catalogue], 0
    rows, problems = read_glossary(glossary)
    checked = 0
    for e in pofile.messages(catalogue):
        if not e.translated:
            continue
        if e.msgid_plural is not None:
            pairs = [(e.msgid if i == 0 else e.msgid_plural, s)
                     for i, s in sorted(e.msgstr_plural.items())]
        else:
            pairs = [(e.msgid, e.msgstr)]
        for source, translation in pairs:
            source, translation = strip_mnemonic(source), strip_mnemonic(translation)
            for row in rows:
                if row.applies_to(source):
                    checked += 1
                    if not row.satisfied_by(translation):
                        problems.append('%s:%d: "%s" should be one of %s (%s)\n'
                                        '    msgid:  %s\n    msgstr: %s'
                                        % (catalogue, e.line, row.term, ' | '.join(row.forms),
                                           row.where, source.replace('\n', '\\n'),
                                           translation.replace('\n', '\\n')))
    return problems, checked


def main(argv):
    if len(argv) < 2 or argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        return 2
    po_dir = argv[1]
    languages = argv[2:]
    if not languages:
        with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
            languages = [w for line in f for w in line.split('#')[0].split()]
    failed = False
    for language in languages:
        problems, checked = check_language(po_dir, language)
        for problem in problems:
            print(problem)
        if problems:
            failed = True
            print('%s: %d glossary problem(s) (%d term uses checked).' % (language, len(problems), checked))
        else:
            print('%s: every glossary term is used as agreed (%d term uses checked).' % (language, checked))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
