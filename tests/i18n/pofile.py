# SPDX-License-Identifier: GPL-3.0-or-later
"""A small reader for gettext PO/POT files (no third-party modules).

Enough for the i18n checks: msgctxt, msgid, msgid_plural, msgstr and
msgstr[N], flags (#,), extracted comments (#.) and references (#:).
Obsolete entries (#~) are skipped.
"""

import re

_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a',
            'b': '\b', 'f': '\f', 'v': '\v'}


def _unquote(text):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError('not a quoted string: %r' % text)
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = None          # str for singular messages
        self.msgstr_plural = {}     # {index: str} for plural messages
        self.flags = set()
        self.comments = []          # extracted comments (#.)
        self.references = []        # (#:)
        self.line = 0

    @property
    def fuzzy(self):
        return 'fuzzy' in self.flags

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    def translations(self):
        """Every msgstr (one, or one per plural form)."""
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]
        return [self.msgstr or '']

    @property
    def translated(self):
        strs = self.translations()
        return bool(strs) and all(s != '' for s in strs) and not self.fuzzy


def parse(path):
    """Returns the list of entries of PATH, the header entry (msgid "") first."""
    entries = []
    entry = None
    field = None            # (name, index)

    def finish():
        nonlocal entry
        if entry is not None and entry.msgid is not None:
            entries.append(entry)
        entry = None

    with open(path, encoding='utf-8') as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                finish()
                field = None
                continue
            if line.startswith('#~'):
                continue
            if entry is None:
                entry = Entry()
                entry.line = number
            if entry.msgid is not None and entry.msgstr is None and not entry.msgstr_plural \
                    and (line.startswith('#') or line.startswith('msgctxt')):
                pass
            if line.startswith('#'):
                if entry.msgid is not None and (entry.msgstr is not None or entry.msgstr_plural):
                    finish()
                    entry = Entry()
                    entry.line = number
                if line.startswith('#,'):
                    entry.flags.update(x.strip() for x in line[2:].split(','))
                elif line.startswith('#.'):
                    entry.comments.append(line[2:].strip())
                elif line.startswith('#:'):
                    entry.references.extend(line[2:].split())
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
            if m:
                name, index, value = m.group(1), m.group(2), _unquote(m.group(3))
                if name in ('msgctxt', 'msgid') and entry.msgid is not None and \
                        (entry.msgstr is not None or entry.msgstr_plural):
                    finish()
                    entry = Entry()
                    entry.line = number
                if name == 'msgstr' and index is not None:
                    entry.msgstr_plural[int(index)] = value
                    field = ('msgstr_plural', int(index))
                else:
                    setattr(entry, name, value)
                    field = (name, None)
                continue
            if line.startswith('"') and field is not None:
                value = _unquote(line)
                name, index = field
                if name == 'msgstr_plural':
                    entry.msgstr_plural[index] += value
                else:
                    setattr(entry, name, getattr(entry, name) + value)
                continue
            raise ValueError('%s:%d: cannot read %r' % (path, number, line))
    finish()
    return entries


def messages(path):
    """The entries of PATH without the header."""
    return [e for e in parse(path) if not (e.msgid == '' and e.msgctxt is None)]
