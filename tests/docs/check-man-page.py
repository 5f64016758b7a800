#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A man page against its program: check-man-page.py PAGE PROGRAM.

- The long options of `PROGRAM --help-all` and the options the page's
  OPTIONS section describes (the tag of each .TP) are the same set, both
  ways; every option the SYNOPSIS shows is among them.
- Each exit status `--help-all` lists ("Exit status: 0 …; 1 …") has an
  entry under EXIT STATUS.
- The page renders without a single warning: `groff -man -ww -z`, and
  `man --warnings` at 80 columns as lintian runs it.
"""

import os
import re
import shutil
import subprocess
import sys

HELP_OPTION = re.compile(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)")
ROFF_OPTION = re.compile(r"\\-\\-([a-z][a-z0-9\\-]*)")


def help_options(program):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    text = subprocess.run([program, "--help-all"], env=env, check=True,
                          capture_output=True, text=True).stdout
    options = {m.group(1) for line in text.splitlines()
               if (m := HELP_OPTION.match(line))}
    statuses = set()
    m = re.search(r"Exit status: (.*)", text)
    if m:
        statuses = set(re.findall(r"(?:^|; )(\d+) ", m.group(1)))
    return options, statuses


def sections(lines):
    """{section name: [lines]} of a man(7) source."""
    result = {}
    name = None
    for line in lines:
        if line.startswith(".SH "):
            name = line[4:].strip().strip('"')
            result[name] = []
        elif name is not None:
            result[name].append(line)
    return result


def roff_options(text):
    return {"--" + name.replace("\\-", "-") for name in ROFF_OPTION.findall(text)}


def tags(lines):
    """The tag line after each .TP."""
    return [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.strip() == ".TP"]


def main():
    page, program = sys.argv[1], sys.argv[2]
    problems = []

    with open(page, encoding="utf-8") as f:
        lines = f.read().splitlines()
    parts = sections(lines)
    for needed in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
                   "ENVIRONMENT", "FILES", "EXAMPLES"):
        if needed not in parts:
            problems.append(f"{page}: no {needed} section")

    from_help, help_statuses = help_options(program)
    if not from_help:
        problems.append(f"{program} --help-all lists no options")
    documented = set()
    for tag in tags(parts.get("OPTIONS", [])):
        documented |= roff_options(tag)
        # -h, --help: the short option is not compared.
    for option in sorted(from_help - documented):
        problems.append(f"{option}: in `{os.path.basename(program)} --help-all` "
                        f"but not in {os.path.basename(page)}'s OPTIONS")
    for option in sorted(documented - from_help):
        problems.append(f"{option}: in {os.path.basename(page)}'s OPTIONS "
                        f"but not in `{os.path.basename(program)} --help-all`")
    for option in sorted(roff_options("\n".join(parts.get("SYNOPSIS", []))) - documented):
        problems.append(f"{option}: in the SYNOPSIS but not under OPTIONS")

    page_statuses = set()
    for tag in tags(parts.get("EXIT STATUS", [])):
        page_statuses |= set(re.findall(r"^\.B (\d+)$", tag))
    for status in sorted(help_statuses - page_statuses):
        problems.append(f"exit status {status}: in --help-all but not under EXIT STATUS")

    if not shutil.which("groff"):
        problems.append("groff is not installed (Debian: groff-base)")
    else:
        run = subprocess.run(["groff", "-man", "-ww", "-z", page],
                             capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            problems.append(f"groff -man -ww -z: {run.stderr.strip() or run.returncode}")
    if not shutil.which("man"):
        problems.append("man is not installed (Debian: man-db)")
    else:
        env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
        run = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", page],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0 or run.stderr:
            problems.append(f"man --warnings: {run.stderr.strip() or run.returncode}")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{os.path.basename(page)}: {len(documented)} options, the same as "
          f"`{os.path.basename(program)} --help-all`; exit statuses "
          f"{' '.join(sorted(page_statuses))}; no warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
