#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source string can be translated.

  check-sources.py SOURCE_ROOT

Fails on:
  - any warning of xgettext over po/POTFILES.in (made like `cobalt-pot`);
  - a macro glued to a literal inside a translatable string, such as
    _("… %" G_GINT64_FORMAT "…") or PRId64: xgettext stops at the macro, so
    the message is cut short and can never match at run time. Format the
    number into a string first (%s), or cast it to a plain type;
  - a message whose printf conversion has no valid conversion character
    (what such a cut leaves behind);
  - text shown without gettext: a .ui property (label, title, tooltip,
    placeholder…) with words but no translatable="yes", or a GTK setter
    (gtk_label_set_text, gtk_entry_set_placeholder_text…) given a bare
    literal with words;
  - a count written into a message without plural forms: "%u doses",
    "%d days", "of %u cycles"… use g_dngettext()/ngettext(). A message whose
    number never changes (a constant above one) may be listed in CONSTANT_COUNTS
    below with its reason.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18n_common  # noqa: E402

# Plural nouns a count is written next to in Cobalt's messages.
PLURAL_NOUNS = r'''(days|doses|weeks|months|hours|minutes|seconds|years|times|check-ins|cycles|
    results|reactions|ampoules|vials|syringes|needles|swabs|entries|steps|points|people|persons|
    records|items|injections|files|rows|lines|sites|phases|batches|reminders)'''
PLURAL_NOUNS = re.sub(r'\s+', '', PLURAL_NOUNS)

# A number conversion (%d, %u, %'d, %2$u, %ld…), then a plural noun, maybe
# with "of %u", "dose"… between: "%u doses", "%u of %u doses' worth",
# "%3$d dose cycles". ("Phase %u number of doses" is no count of doses.)
_NUMBER = r"%(\d+\$)?[-'+ #0]*\d*(l|ll|h|z)?[diu]"
COUNT = re.compile(_NUMBER + r"(\s+(of|" + _NUMBER + r"|dose|more|other|whole|separate))*\s+"
                   + PLURAL_NOUNS + r"\b")

# Messages whose numbers are constants above one, so the form never varies.
CONSTANT_COUNTS = {
    # COBALT_SYMPTOM_RETURN_BEST_DAYS, _DROP and _MIN_CYCLES: fixed rules.
    'Each dose cycle runs from one injection to the next;':
        'the numbers are the fixed constants of the symptom-return rule',
}

CONVERSION = re.compile(r"%(%|(\d+\$)?[-'+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|L|j|z|t|q|I64)?"
                        r"[diouxXeEfFgGaAcspn])")

KEYWORDS = re.compile(r'(?<![\w])(_|N_|C_|NC_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2|'
                      r'ngettext|gettext|dngettext|dgettext)\s*\(')
TOKEN = re.compile(r'\s+|/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"|[A-Za-z_]\w*|.', re.S)


def glued_macros(path):
    """(line, macro) for each identifier that sits between or after string
    literals inside a gettext call's string argument."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    found = []
    for m in KEYWORDS.finditer(text):
        # Walk the arguments: a run of literals with an identifier in it.
        depth, previous_literal, position = 0, False, m.end()
        while position < len(text):
            t = TOKEN.match(text, position)
            token = t.group(0)
            position = t.end()
            if token.isspace() or token.startswith('/*') or token.startswith('//'):
                continue
            if token == '(':
                depth += 1
            elif token == ')':
                if depth == 0:
                    break
                depth -= 1
            elif token == ',' and depth == 0:
                previous_literal = False
                continue
            if token.startswith('"'):
                previous_literal = True
            elif re.match(r'[A-Za-z_]\w*$', token) and previous_literal:
                nxt = TOKEN.match(text, position)
                while nxt.group(0).isspace():
                    nxt = TOKEN.match(text, nxt.end())
                if nxt.group(0).startswith('"') or nxt.group(0) in (',', ')'):
                    found.append((text.count('\n', 0, t.start()) + 1, token))
                previous_literal = False
            else:
                previous_literal = False
    return found


# Text a person sees, given without gettext: in a .ui file a property with
# words but no translatable="yes"; in C a GTK setter handed a bare literal.
UI_TEXT = re.compile(r'<(property|attribute) name="(label|title|tooltip-text|tooltip-markup|'
                     r'placeholder-text|text|secondary-text|subtitle)"([^>]*)>([^<]*[^\W\d_][^<]*)</')
C_TEXT = re.compile(r'\b(gtk_\w+_set_(label|text|title|tooltip_text|tooltip_markup|placeholder_text|markup)|'
                    r'gtk_(label|button|check_button)_new(_with_mnemonic|_with_label)?)\s*\('
                    r'([^;()]*,\s*)?"((?:\\.|[^"\\])*[^\W\d_](?:\\.|[^"\\])*)"')


def untranslated_text(path):
    """(line, text) of each visible text that bypasses gettext."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.ui'):
        return [(text.count('\n', 0, m.start()) + 1, m.group(4)) for m in UI_TEXT.finditer(text)
                if 'translatable="yes"' not in m.group(3) and 'translatable="true"' not in m.group(3)]
    return [(text.count('\n', 0, m.start()) + 1, m.group(6)) for m in C_TEXT.finditer(text)]


def main():
    source_root = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
    source_root = os.path.abspath(source_root)
    problems = []

    messages, warnings = i18n_common.template_messages(source_root)
    for line in warnings.splitlines():
        if line.strip():
            problems.append('xgettext: ' + line.strip())

    with open(os.path.join(source_root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        files = [l.split('#')[0].strip() for l in f]
    ui_and_c = [os.path.relpath(os.path.join(d, f), source_root)
                for d, _dirs, names in os.walk(os.path.join(source_root, 'src'))
                for f in names if f.endswith(('.ui', '.c'))]
    for name in sorted(ui_and_c):
        for line, text in untranslated_text(os.path.join(source_root, name)):
            problems.append('%s:%d: "%s" is shown without gettext: mark it translatable="yes" '
                            '(.ui) or wrap it in _()' % (name, line, text))

    for name in files:
        if name.endswith(('.c', '.h')):
            for line, macro in glued_macros(os.path.join(source_root, name)):
                problems.append('%s:%d: %s inside a translatable string: xgettext cuts the message '
                                'there; format the number into a string first' % (name, line, macro))

    for e in messages:
        where = e.references[0] if e.references else '?'
        texts = [e.msgid] + ([e.msgid_plural] if e.msgid_plural is not None else [])
        for text in texts:
            rest = CONVERSION.sub('', text)
            if ('c-format' in e.flags and '%' in rest) or rest.endswith('%'):
                problems.append('%s: broken printf conversion in %r' % (where, text))
        if e.msgid_plural is None and 'c-format' in e.flags:
            m = COUNT.search(e.msgid)
            if m and not any(e.msgid.startswith(k) for k in CONSTANT_COUNTS):
                problems.append('%s: a count without plural forms (%r) in %r: use g_dngettext()'
                                % (where, m.group(0), e.msgid))

    if problems:
        print('\n'.join(problems))
        print('%d problem(s) with translatable strings.' % len(problems))
        return 1
    print('%d messages: every one can be translated.' % len(messages))
    return 0


if __name__ == '__main__':
    sys.exit(main())
