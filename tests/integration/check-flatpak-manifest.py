#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks build-aux/flatpak/io.github.cobaltb12.Cobalt.json without
flatpak-builder (there is no Flathub here): it parses, its id is meson's
application id, it runs `cobalt`, it builds Cobalt with meson from this
repository without the tests, its sandbox holes are the few Cobalt needs,
and every dependency the build asks for is in the runtime or built by a
module of the manifest.

Usage: check-flatpak-manifest.py MANIFEST SOURCE_ROOT APP_ID
"""

import json
import os
import re
import sys

# What GNOME runtime 50 (gnome-build-meta's gnome-50 branch: elements/
# sdk-platform.bst, its freedesktop-sdk 25.08 junction) ships, with the
# version there. A dependency meson.build gains must be added here: either
# found in the runtime (with its version) or the name of a module the
# manifest builds. 'm' is the C library's libm.
RUNTIME = ('org.gnome.Platform', 'org.gnome.Sdk', '50')
PROVIDED = {
    'glib-2.0': ('runtime', '2.88.3'),
    'gio-2.0': ('runtime', '2.88.3'),
    'gobject-2.0': ('runtime', '2.88.3'),
    'gtk4': ('runtime', '4.22.4'),
    # 0.8 and later send notifications through the portal in a sandbox.
    'libnotify': ('runtime', '0.8.8'),
    'json-glib-1.0': ('runtime', '1.10.8'),
    # freedesktop-sdk's components/sqlite.bst (its platform.bst); the
    # version is not pinned here, 25.08's is far above 3.37.
    'sqlite3': ('runtime', None),
    'm': ('runtime', None),
    # Optional (required: false): only the folder the completion goes to;
    # without it, the build's own datadir.
    'bash-completion': ('optional', None),
}
# Sandbox holes: a window (Wayland, X11 only without Wayland), shared
# memory for X11, the GPU. Notifications and autostart go through portals,
# which need no hole; no file system access (the log lives in the
# sandbox's own data folder, exports go through the file chooser portal).
FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}

failures = []


def check(condition, message):
    print(('ok   ' if condition else 'FAIL ') + message)
    if not condition:
        failures.append(message)
    return condition


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r'\d+', text))


def meson_files(root):
    """meson.build files of what the manifest builds (not tests/)."""
    yield os.path.join(root, 'meson.build')
    for top in ('src', 'data', 'po'):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            if 'meson.build' in files:
                yield os.path.join(dirpath, 'meson.build')


def meson_dependencies(root):
    """name -> (minimum version or None, required) for every dependency()
    and find_library() in the build."""
    found = {}
    for path in meson_files(root):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for match in re.finditer(r"\bdependency\(\s*'([^']+)'([^)]*)\)", text):
            minimum = re.search(r">=\s*([0-9.]+)", match.group(2))
            required = re.search(r"required:\s*false", match.group(2)) is None
            found[match.group(1)] = (minimum.group(1) if minimum else None, required)
        for match in re.finditer(r"find_library\(\s*'([^']+)'", text):
            found[match.group(1)] = (None, True)
    return found


def main():
    manifest_path, root, app_id = sys.argv[1:4]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    check(manifest.get('app-id', manifest.get('id')) == app_id,
          f'the id is meson\'s application id {app_id}')
    check(manifest.get('command') == 'cobalt', 'the command is cobalt')
    check((manifest.get('runtime'), manifest.get('sdk'), manifest.get('runtime-version')) == RUNTIME,
          f'the runtime is {RUNTIME[0]} {RUNTIME[2]}, whose contents the table below lists')

    args = manifest.get('finish-args', [])
    check(set(args) == FINISH_ARGS and len(args) == len(FINISH_ARGS),
          'finish-args are exactly ' + ', '.join(sorted(FINISH_ARGS)) + f' (got {args})')
    check(not any(a.startswith(('--filesystem', '--talk-name=org.freedesktop.Notifications'))
                  for a in args),
          'no file system access and no direct notification server: portals')

    modules = manifest.get('modules', [])
    check(len(modules) > 0 and isinstance(modules[-1], dict), 'the last module is written out')
    cobalt = modules[-1] if modules else {}
    check(cobalt.get('buildsystem') == 'meson', 'Cobalt is built with meson')
    check('-Dtests=false' in cobalt.get('config-opts', []), 'without the tests (-Dtests=false)')
    sources = cobalt.get('sources', [])
    directory = [s for s in sources if s.get('type') == 'dir']
    if check(len(directory) == 1, 'from one directory source'):
        path = os.path.realpath(os.path.join(os.path.dirname(manifest_path), directory[0]['path']))
        check(path == os.path.realpath(root),
              f"the directory source {directory[0]['path']} is this repository")
    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        top = f.read()
    check(re.search(r"project\(\s*'cobalt'", top) is not None, 'that repository is Cobalt\'s')
    with open(os.path.join(root, 'src', 'meson.build'), encoding='utf-8') as f:
        program = re.search(r"executable\(\s*'cobalt',[^)]*install:\s*true", f.read())
    check(program is not None, 'and installs the program cobalt')

    module_names = {m.get('name') for m in modules[:-1] if isinstance(m, dict)}
    needed = meson_dependencies(root)
    check(len(needed) >= 7, f'meson.build\'s dependencies were read ({len(needed)})')
    for name, (minimum, required) in sorted(needed.items()):
        if not check(name in PROVIDED,
                     f'{name}: in the table of what provides it (add it, with the runtime\'s '
                     'version or a module that builds it)'):
            continue
        source, version = PROVIDED[name]
        if source == 'optional':
            check(not required, f'{name}: optional (required: false), the build goes on without it')
        elif source == 'runtime':
            if minimum is not None and version is not None:
                check(version_tuple(version) >= version_tuple(minimum),
                      f'{name}: the runtime\'s {version} is >= {minimum}')
            else:
                check(True, f'{name}: in the runtime')
        else:
            check(source in module_names, f'{name}: built by the module {source}')
    for name in sorted(set(PROVIDED) - set(needed)):
        check(False, f'{name}: in the table but no longer a dependency (remove it)')

    if failures:
        print(f'{len(failures)} check(s) failed', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
