#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reminders at login from any prefix (issue 14, item 5).

Installs this build (`meson install --destdir`) into a scratch root, then
runs the autostart preference's logic (autostart-tool) with
XDG_CONFIG_HOME and XDG_CONFIG_DIRS pointed at scratch folders:
- the system-wide entry is installed under the build's sysconfdir
  (/etc/xdg/autostart for prefix /usr, <prefix>/etc/xdg/autostart else);
- with that folder not among the places the XDG autostart spec looks,
  "on" writes the user's entry, whose Exec is this prefix's
  cobalt-reminder (it exists in the scratch root), and "off" removes it;
- with the entry already in a spec folder, "on" writes nothing, "off"
  hides it with a Hidden=true copy, and "on" removes that copy.

Usage: test-autostart-install-prefix.py MESON BUILD_DIR AUTOSTART_TOOL ENTRY_NAME
"""

import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

count = 0
failed = 0


def ok(condition, name, detail=None):
    global count, failed
    count += 1
    print(f'{"ok" if condition else "not ok"} {count} - {name}', flush=True)
    if not condition:
        failed += 1
        if detail is not None:
            for line in str(detail).splitlines():
                print(f'# {line}', flush=True)
    return condition


def option(options, name):
    return next(o['value'] for o in options if o['name'] == name)


def under(root, path):
    return os.path.join(root, path.lstrip('/'))


def main():
    meson, build, tool, entry_name = sys.argv[1:5]
    scratch = tempfile.mkdtemp(prefix='cobalt-prefix-')
    try:
        run(meson, build, tool, entry_name, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f'1..{count}', flush=True)
    return 1 if failed else 0


def run(meson, build, tool, entry_name, scratch):
    options = json.loads(subprocess.run([meson, 'introspect', '--buildoptions', build],
                                        check=True, capture_output=True, text=True).stdout)
    prefix = option(options, 'prefix')
    sysconfdir = os.path.join(prefix, option(options, 'sysconfdir'))
    bindir = os.path.join(prefix, option(options, 'bindir'))
    print(f'# prefix {prefix}, sysconfdir {sysconfdir}, bindir {bindir}', flush=True)
    if prefix == '/usr':
        ok(sysconfdir == '/etc', 'with prefix /usr, sysconfdir is /etc')

    root = os.path.join(scratch, 'root')
    env = dict(os.environ, DESTDIR='')
    install = subprocess.run([meson, 'install', '-C', build, '--no-rebuild', '--quiet',
                              '--destdir', root], capture_output=True, text=True, env=env)
    if not ok(install.returncode == 0, 'meson install --destdir into a scratch root',
              install.stdout + install.stderr):
        return

    system_dir = under(root, os.path.join(sysconfdir, 'xdg'))
    system_entry = os.path.join(system_dir, 'autostart', entry_name)
    ok(os.path.isfile(system_entry), f'the system entry is installed at {sysconfdir}/xdg/autostart')
    reminder = under(root, os.path.join(bindir, 'cobalt-reminder'))
    ok(os.access(reminder, os.X_OK), f'cobalt-reminder is installed in {bindir}')

    home = os.path.join(scratch, 'home')
    user_entry = os.path.join(home, 'config', 'autostart', entry_name)
    spec_default = os.path.join(scratch, 'etc-xdg')   # stands for /etc/xdg
    os.makedirs(spec_default)

    def tool_run(command, config_dirs):
        env = dict(os.environ,
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_CONFIG_DIRS=config_dirs,
                   COBALT_SANDBOX_INFO=os.path.join(scratch, 'no-flatpak-info'))
        result = subprocess.run([tool, command], capture_output=True, text=True, env=env)
        ok(result.returncode == 0, f'autostart-tool {command}', result.stderr)
        lines = result.stdout.split('\n')
        return lines[1] if len(lines) > 1 else ''

    # Installed under a prefix the spec does not look in (/usr/local's
    # /usr/local/etc/xdg, or a scratch /etc): nothing starts at login yet.
    ok(prefix == '/usr' or system_dir != '/etc/xdg', 'the installed entry is outside /etc/xdg')
    ok(tool_run('status', spec_default) == 'disabled',
       'with the entry where the spec does not look, the preference is off')
    ok(tool_run('on', spec_default) == 'enabled', 'on: enabled')
    if ok(os.path.isfile(user_entry), 'on: the user\'s entry is written'):
        entry = configparser.ConfigParser(interpolation=None)
        entry.read(user_entry)
        exec_line = entry['Desktop Entry']['Exec']
        program = shlex.split(exec_line)[0]
        ok(program == os.path.join(bindir, 'cobalt-reminder'),
           'its Exec is this prefix\'s cobalt-reminder, by full path', exec_line)
        ok(os.access(under(root, program), os.X_OK),
           'which exists in the scratch root', program)
        ok(entry['Desktop Entry'].get('Hidden', 'false') == 'false', 'and is not hidden')
    ok(tool_run('off', spec_default) == 'disabled', 'off: disabled')
    ok(not os.path.exists(user_entry), 'off: the user\'s entry Cobalt wrote is removed')

    # The entry already where the spec looks: nothing to write.
    config_dirs = f'{spec_default}:{system_dir}'
    ok(tool_run('status', config_dirs) == 'enabled',
       'with the entry in a spec folder, the preference is on')
    ok(tool_run('on', config_dirs) == 'enabled', 'on: enabled')
    ok(not os.path.exists(user_entry), 'on: nothing is written')
    ok(tool_run('off', config_dirs) == 'disabled', 'off: disabled')
    hidden = configparser.ConfigParser(interpolation=None)
    hidden.read(user_entry)
    ok(os.path.isfile(user_entry) and hidden['Desktop Entry'].get('Hidden') == 'true',
       'off: a Hidden=true copy in the user\'s folder hides it')
    ok(tool_run('on', config_dirs) == 'enabled', 'on again: enabled')
    ok(not os.path.exists(user_entry), 'on again: the hiding copy is removed')


if __name__ == '__main__':
    sys.exit(main())
