#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""debian/ in step with the rest: check-debian.py SOURCE_DIR BUILD_DIR VERSION.

- debian/control parses; its Build-Depends are the "Build" section of
  build-aux/debian-packages.txt (which dev.sh installs), with
  debhelper-compat added and build-essential left out, both ways; the
  binary package depends on ${shlibs:Depends} and ${misc:Depends}.
- debian/changelog's newest version is meson's project version, for the
  source package control names.
- debian/copyright is machine-readable (DEP-5) and says GPL-3.0-or-later,
  as COPYING (GPL version 3) and meson's project licence do.
- debian/source/format is 3.0 (native); debian/rules runs dh with meson.
- Every lintian override in debian/ has a comment saying why.
- meson installs what the package must hold: the autostart entry under
  SYSCONFDIR/xdg/autostart (/etc with the /usr prefix dh uses), both man
  pages under MANDIR/man1 and the completion for both programs (what
  BUILD_DIR installs).

The package itself is built and checked by `build-aux/dev.sh deb`.
"""

import json
import os
import re
import sys

problems = []


def problem(text):
    problems.append(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def deb822(text):
    """Paragraphs of a control file: [{field: value}], comments dropped."""
    paragraphs, current, field = [], {}, None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                paragraphs.append(current)
            current, field = {}, None
        elif line[0] in " \t":
            if field is None:
                raise ValueError(f"line {number}: a continuation line without a field")
            current[field] += "\n" + line.strip()
        else:
            m = re.match(r"^([A-Za-z0-9][A-Za-z0-9-]*):(.*)$", line)
            if not m:
                raise ValueError(f"line {number}: not 'Field: value': {line!r}")
            field = m.group(1)
            if field in current:
                raise ValueError(f"line {number}: {field} twice in one paragraph")
            current[field] = m.group(2).strip()
    if current:
        paragraphs.append(current)
    return paragraphs


def relation_names(value):
    """Package names of a relation field (versions and arches dropped)."""
    names = []
    for item in value.replace("\n", " ").split(","):
        item = item.strip()
        if not item:
            continue
        if "|" in item:
            problem(f"Build-Depends: '{item}': alternatives cannot be checked "
                    "against build-aux/debian-packages.txt")
        names.append(re.split(r"[\s(\[:<]", item, maxsplit=1)[0])
    return names


def build_section(path):
    """The packages of the '# Build' section (up to the next blank line)."""
    packages, inside = [], False
    for line in read(path).splitlines():
        if line.strip() == "# Build":
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            name = line.split("#", 1)[0].strip()
            if name:
                packages.append(name)
    if not packages:
        problem(f"{path}: no '# Build' section")
    return packages


def check_control(source_dir):
    try:
        paragraphs = deb822(read(os.path.join(source_dir, "debian/control")))
    except ValueError as error:
        problem(f"debian/control: {error}")
        return None
    if len(paragraphs) != 2:
        problem(f"debian/control: {len(paragraphs)} paragraphs, expected the source and 'cobalt'")
        return None
    source, binary = paragraphs
    for field in ("Source", "Maintainer", "Build-Depends", "Standards-Version",
                  "Section", "Priority", "Rules-Requires-Root"):
        if field not in source:
            problem(f"debian/control: the source paragraph has no {field}")
    for field in ("Package", "Architecture", "Depends", "Description"):
        if field not in binary:
            problem(f"debian/control: the binary paragraph has no {field}")
    if binary.get("Package") != "cobalt":
        problem(f"debian/control: the binary package is {binary.get('Package')!r}, not 'cobalt'")
    depends = {d.strip() for d in binary.get("Depends", "").replace("\n", " ").split(",") if d.strip()}
    for needed in ("${shlibs:Depends}", "${misc:Depends}"):
        if needed not in depends:
            problem(f"debian/control: Depends lacks {needed}")

    wanted = set(build_section(os.path.join(source_dir, "build-aux/debian-packages.txt")))
    wanted.discard("build-essential")
    wanted.add("debhelper-compat")
    have = relation_names(source.get("Build-Depends", ""))
    if len(have) != len(set(have)):
        problem("debian/control: a package is twice in Build-Depends")
    for name in sorted(wanted - set(have)):
        problem(f"{name}: in the Build section of build-aux/debian-packages.txt "
                "but not in debian/control's Build-Depends")
    for name in sorted(set(have) - wanted):
        problem(f"{name}: in debian/control's Build-Depends but not in the Build "
                "section of build-aux/debian-packages.txt")
    if not re.search(r"debhelper-compat \(= 1[3-9]\)", source.get("Build-Depends", "")):
        problem("debian/control: Build-Depends needs debhelper-compat (= 13) or newer")
    return source.get("Source")


def check_changelog(source_dir, source_name, version):
    text = read(os.path.join(source_dir, "debian/changelog"))
    first = text.splitlines()[0] if text else ""
    m = re.match(r"^([a-z0-9][a-z0-9+.-]+) \(([^)]+)\) [a-z-]+; urgency=[a-z]+$", first)
    if not m:
        problem(f"debian/changelog: first line {first!r} is not 'cobalt (VERSION) DIST; urgency=U'")
        return
    if source_name and m.group(1) != source_name:
        problem(f"debian/changelog names {m.group(1)!r}, debian/control {source_name!r}")
    # A native package: the Debian version is meson's.
    if m.group(2) != version:
        problem(f"debian/changelog's newest version {m.group(2)} is not meson's project "
                f"version {version}: add a changelog entry (dch -v {version})")
    trailer = re.search(r"^ -- .+ <[^>]+@[^>]+>  \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$",
                        text, re.M)
    if not trailer:
        problem("debian/changelog: no ' -- NAME <EMAIL>  DATE' line (RFC 5322 date)")


def check_copyright(source_dir):
    text = read(os.path.join(source_dir, "debian/copyright"))
    try:
        paragraphs = deb822(text)
    except ValueError as error:
        problem(f"debian/copyright: {error}")
        return
    header = paragraphs[0] if paragraphs else {}
    if header.get("Format") != "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/":
        problem("debian/copyright: not DEP-5 (Format: …/copyright-format/1.0/)")
    files = [p for p in paragraphs if "Files" in p]
    if not files or files[0].get("Files") != "*" or not files[0].get("Copyright"):
        problem("debian/copyright: the first Files paragraph must be 'Files: *' with a Copyright")
    licences = {p.get("License", "").split("\n")[0] for p in files}
    if licences != {"GPL-3.0-or-later"}:
        problem(f"debian/copyright: licences {sorted(licences)}, expected GPL-3.0-or-later")
    if not any(p.get("License", "").startswith("GPL-3.0-or-later\n") and "Files" not in p
               for p in paragraphs):
        problem("debian/copyright: no stand-alone 'License: GPL-3.0-or-later' paragraph with the text")
    copying = read(os.path.join(source_dir, "COPYING"))
    if "GNU GENERAL PUBLIC LICENSE" not in copying or "Version 3, 29 June 2007" not in copying:
        problem("COPYING is not the GPL version 3, which debian/copyright says")
    if "license: 'GPL-3.0-or-later'" not in read(os.path.join(source_dir, "meson.build")):
        problem("meson.build's project licence is not GPL-3.0-or-later, which debian/copyright says")


def check_source_and_rules(source_dir):
    fmt = read(os.path.join(source_dir, "debian/source/format")).strip()
    if fmt != "3.0 (native)":
        problem(f"debian/source/format is {fmt!r}, not '3.0 (native)'")
    rules_path = os.path.join(source_dir, "debian/rules")
    rules = read(rules_path)
    if not os.access(rules_path, os.X_OK):
        problem("debian/rules is not executable")
    if not rules.startswith("#!/usr/bin/make -f"):
        problem("debian/rules does not start with #!/usr/bin/make -f")
    if not re.search(r"^\tdh \$@ --buildsystem=meson$", rules, re.M):
        problem("debian/rules does not run 'dh $@ --buildsystem=meson'")
    commands = "\n".join(line for line in rules.splitlines() if not line.lstrip().startswith("#"))
    if re.search(r"--(prefix|sysconfdir|datadir|mandir)\b", commands):
        problem("debian/rules overrides an install folder: dh's /usr and /etc are what the checks assume")


def check_overrides(source_dir):
    debian = os.path.join(source_dir, "debian")
    for name in sorted(os.listdir(debian)):
        if not name.endswith("lintian-overrides"):
            continue
        lines = read(os.path.join(debian, name)).splitlines()
        for i, line in enumerate(lines):
            if line.strip() and not line.startswith("#"):
                if i == 0 or not lines[i - 1].startswith("#"):
                    problem(f"debian/{name}:{i + 1}: override '{line}' has no comment above it saying why")


def check_install_plan(build_dir):
    with open(os.path.join(build_dir, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
        options = {o["name"]: o["value"] for o in json.load(f)}
    # Every installed file (and symlink), by its absolute path.
    with open(os.path.join(build_dir, "meson-info", "intro-installed.json"), encoding="utf-8") as f:
        installed = {os.path.normpath(path) for path in json.load(f).values()}
    prefix = options["prefix"]

    def under(option):
        return os.path.join(prefix, options[option])  # an absolute value stays as it is

    autostart = "io.github.cobaltb12.Cobalt.Reminder-autostart.desktop"
    if options.get("development"):
        autostart = autostart.replace("Cobalt.Reminder", "Cobalt.Devel.Reminder")
    wanted = [
        os.path.join(under("sysconfdir"), "xdg", "autostart", autostart),
        os.path.join(under("mandir"), "man1", "cobalt.1"),
        os.path.join(under("mandir"), "man1", "cobalt-reminder.1"),
        os.path.join(under("datadir"), "bash-completion", "completions", "cobalt"),
        os.path.join(under("datadir"), "bash-completion", "completions", "cobalt-reminder"),
    ]
    for path in wanted:
        if os.path.normpath(path) not in installed:
            problem(f"meson does not install {path} (build {build_dir})")
    return len(wanted)


def main():
    source_dir, build_dir, version = sys.argv[1:4]
    source_name = check_control(source_dir)
    check_changelog(source_dir, source_name, version)
    check_copyright(source_dir)
    check_source_and_rules(source_dir)
    check_overrides(source_dir)
    n_installed = check_install_plan(build_dir)

    for text in problems:
        print(text, file=sys.stderr)
    if problems:
        return 1
    print(f"debian/: control, changelog ({version}), copyright, source/format, rules and "
          f"overrides in step; meson installs the {n_installed} files the package needs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
