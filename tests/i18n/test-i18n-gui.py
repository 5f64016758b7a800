#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cobalt's real window in a language: no English left where a translation
exists, no two mnemonics of one window on the same key, and Today's date in
the language's words.

  test-i18n-gui.py I18N_GUI_TEXTS SOURCE_ROOT LOCALEDIR LL [--all | SURFACE…]

I18N_GUI_TEXTS (tests/i18n/i18n-gui-texts.c) opens each surface of
tests/lib/cobalt-test-surfaces.h and prints every visible label, button,
tooltip, placeholder, drop-down choice, window title and accessible name
and description. A text is English left over when it is a msgid of today's
sources (made like `cobalt-pot`), or a printf msgid's sentence with its
values filled in, and po/LL.po's translation of it is not the same text
("Cobalt" and "mg" stay as they are, so they never count); an untranslated
msgid counts too, so this fails until the catalogue is complete.

Opening a surface takes about a second, so by default only these are
shown (each language would take ~40 s for all 38): Today, every screen of
the checklist, the Log, the menus, Urgent help and the first run. --all
shows every surface. Output: TAP.
"""

import locale
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18n_common  # noqa: E402
import pofile  # noqa: E402

DEFAULT_SURFACES = [
    'today', 'log', 'main-menu', 'log-export-menu',
    'checklist-step', 'checklist-site', 'checklist-site-list', 'checklist-stop',
    'checklist-stopped', 'checklist-aftercare', 'checklist-timing',
    'urgent-help', 'first-run',
]
LOCALES = {'de': 'de_DE.UTF-8', 'fr': 'fr_FR.UTF-8', 'es': 'es_ES.UTF-8'}

CONVERSION = re.compile(r"%(%|(\d+\$)?[-'+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|L|j|z|t)?[diouxXeEfFgGcs])")


def strip_mnemonic(text):
    return re.sub(r'_(?=\w)', '', text)


def unescape(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def format_pattern(msgid, any_text=False):
    """A regex matching MSGID's sentence with any values in it, or None when
    too little of it is words (a "%s: %s" matches anything) unless
    ANY_TEXT."""
    literal = CONVERSION.sub('', msgid)
    if not any_text and not re.search(r'[^\W\d_]{4,}', literal):
        return None
    pieces, position = [], 0
    for m in CONVERSION.finditer(msgid):
        pieces.append(re.escape(msgid[position:m.start()]))
        pieces.append('%' if m.group(1) == '%' else '.+?')
        position = m.end()
    pieces.append(re.escape(msgid[position:]))
    return re.compile(''.join(pieces) + r'\Z', re.S)


class Catalogue:
    def __init__(self, source_root, language):
        template, _warnings = i18n_common.template_messages(source_root)
        translated = {}
        for e in pofile.messages(os.path.join(source_root, 'po', language + '.po')):
            if e.translated:
                translated[e.key] = e
        self.exact = {}          # English text → its translations (as shown)
        self.patterns = []       # (regex, msgid, translation)
        self.shown_translations = set()
        for e in template:
            found = translated.get(e.key)
            forms = [(e.msgid, found.translations()[0] if found else None)]
            if e.msgid_plural is not None:
                forms.append((e.msgid_plural, found.translations()[-1] if found else None))
            for english, translation in forms:
                if translation is not None:
                    self.shown_translations.add(translation)
                    self.shown_translations.add(strip_mnemonic(translation))
                for variant in {english, strip_mnemonic(english)}:
                    self.exact.setdefault(variant, []).append(
                        None if translation is None else
                        (translation if variant == english else strip_mnemonic(translation)))
                if 'c-format' in e.flags and translation != english:
                    pattern = format_pattern(english)
                    if pattern is not None:
                        # The translation filled in can look like the
                        # English one ("%s : %u dose." in French).
                        self.patterns.append((pattern, english, translation,
                                              format_pattern(translation, True) if translation else None))

    def english_left(self, text):
        """Why TEXT is English that should have been translated, or None."""
        if text in self.shown_translations:
            return None
        translations = self.exact.get(text)
        if translations is not None:
            if all(t == text for t in translations):
                return None       # "Cobalt", "mg": the same in this language
            missing = any(t is None for t in translations)
            return 'the msgid itself%s' % (' (not translated in the catalogue)' if missing else '')
        for pattern, english, translation, translated in self.patterns:
            if pattern.match(text) and not (translated and translated.match(text)):
                return 'made from "%s"%s' % (english, ' (not translated in the catalogue)'
                                             if translation is None else '')
        return None


def local_names(locale_name):
    """The month and weekday names of LOCALE_NAME, in any case."""
    saved = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, locale_name)
        names = set()
        for month in range(1, 13):
            t = time.struct_time((2025, month, 1, 12, 0, 0, 0, 1, 0))
            names.add(time.strftime('%B', t).casefold())
        for day in range(7):
            t = time.struct_time((2025, 6, 16 + day, 12, 0, 0, day, 1, 0))
            names.add(time.strftime('%A', t).casefold())
        return names
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def main(argv):
    dumper, source_root, localedir, language = argv[1:5]
    rest = argv[5:]
    surfaces = [] if rest == ['--all'] else (rest or DEFAULT_SURFACES)
    locale_name = LOCALES.get(language, '%s_%s.UTF-8' % (language, language.upper()))

    run = subprocess.run([dumper, locale_name, localedir] + surfaces,
                         capture_output=True, text=True, timeout=600)
    if run.returncode == 77 or run.stdout.startswith('1..0'):
        print('1..0 # SKIP no display')
        return 0
    if run.returncode != 0:
        print('1..1\nnot ok 1 - %s: i18n-gui-texts failed (exit %d)' % (language, run.returncode))
        print('# ' + run.stderr.strip().replace('\n', '\n# '))
        return 1

    catalogue = Catalogue(source_root, language)
    shown = {}
    for line in run.stdout.splitlines():
        fields = line.split('\t', 3)
        if len(fields) != 4 or fields[0] not in ('T', 'M', 'E'):
            continue
        shown.setdefault(fields[1], []).append((fields[0], fields[2], unescape(fields[3])))
    order = surfaces or list(shown)

    results = []
    for surface in order:
        problems, seen = [], set()
        for type_, kind, text in shown.get(surface, []):
            if type_ == 'E':
                problems.append('could not be opened: ' + text)
            elif type_ == 'M':
                problems.append('two mnemonics on Alt+%s: %s' % (kind, text))
            elif text not in seen:
                seen.add(text)
                why = catalogue.english_left(text)
                if why:
                    problems.append('English %s "%s": %s' % (kind, text.replace('\n', '\\n'), why))
        if surface not in shown:
            problems.append('nothing was shown')
        results.append(('%s: %s' % (language, surface), problems))

    # Today's date in the language's words (the clock is fixed).
    if 'today' not in shown:
        return report(language, results)
    names = local_names(locale_name)
    today = [t for type_, kind, t in shown.get('today', []) if type_ == 'T' and kind == 'label-text']
    dated = [t for t in today if any(re.search(r'(?<!\w)%s(?!\w)' % re.escape(n), t.casefold()) for n in names)]
    results.append(('%s: the Today page says its date in %s words' % (language, locale_name),
                    [] if dated else ['no label on Today names a month or weekday of %s; labels: %s'
                                      % (locale_name, ' | '.join(today[:30]))]))
    # A label that starts with a dash is the rest of a sentence whose start
    # was cut off the English way (the site's reason: "– seit 362 Tagen").
    cut = [t for t in today if re.match(r'[\s\-\u2010-\u2015\u2212]', t)]
    results.append(('%s: no label on Today starts with a dash' % language,
                    ['label "%s"' % t for t in cut]))

    return report(language, results)


def report(language, results):
    print('1..%d' % len(results))
    failed = 0
    for number, (name, problems) in enumerate(results, 1):
        print('%s %d - %s' % ('not ok' if problems else 'ok', number, name))
        for problem in problems:
            print('# ' + problem)
        failed += bool(problems)
    if failed:
        print('# To fix: translate what is listed in po/%s.po (after merging today\'s strings:\n'
              '#   meson compile -C BUILD cobalt-pot cobalt-update-po), or pass the text through\n'
              '#   _() where it is made; mnemonic clashes: move one underscore.' % language)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
