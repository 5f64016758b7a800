# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the i18n checks: the template made the way `meson compile
cobalt-pot` makes it, but into a temporary folder (po/cobalt.pot is left
alone), and the list of languages."""

import os
import subprocess
import tempfile

import pofile

# meson's i18n.gettext(preset: 'glib') arguments (mesonbuild/modules/i18n.py).
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def make_pot(source_root, directory):
    """Runs xgettext over po/POTFILES.in into DIRECTORY; returns (path, stderr)."""
    env = dict(os.environ, LC_ALL='C.UTF-8')
    result = subprocess.run(['xgettext', '--package-name=cobalt', '-p', directory,
                             '-f', os.path.join(source_root, 'po', 'POTFILES.in'),
                             '-D', source_root, '-k_', '-o', 'cobalt.pot'] + GLIB_PRESET,
                            cwd=source_root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError('xgettext failed:\n' + result.stderr)
    return os.path.join(directory, 'cobalt.pot'), result.stderr


def template_messages(source_root):
    """(messages of today's template, xgettext's warnings)."""
    with tempfile.TemporaryDirectory(prefix='cobalt-pot-') as directory:
        path, warnings = make_pot(source_root, directory)
        return pofile.messages(path), warnings


def linguas(po_dir):
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f for w in line.split('#')[0].split()]
