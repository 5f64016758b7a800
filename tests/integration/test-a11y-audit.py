#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every page, checklist screen, dialog and menu of Cobalt, on the demo
data, walked through the accessibility tree as a screen reader sees it
(issue 12): every control must have a name, and a real one.

A control (a button, toggle, check box, radio button, editable text or
entry, spin button, combo box, list item or row, menu item, slider, link,
page tab, switch, interactive cell, tree item, and anything else that takes
the focus) is counted as UNNAMED when its accessible name is empty or GTK's
fallback (a type name such as "GtkButton", or its role's name), and as
BADLY NAMED when the name shows a raw mnemonic underscore ("_Save") or says
the same thing twice ("Save check-in Save check-in", a label followed by
itself in the tooltip). A list row counts like any control: it must be
named by its content.

One TAP line per surface:
    ok - log: 48 controls, 0 unnamed
    not ok - log: 22 of 48 unnamed, 3 badly named
    # push button 'Gtk Button' [unnamed] (in: Log > filter bar)

Usage: test-a11y-audit.py A11Y-AUDIT-APP [--only NAME[,NAME…]] [--report] [--verbose]
  --only     just these surfaces (names as in tests/lib/cobalt-test-surfaces.c)
  --report   no TAP: the table of counts per surface, and the totals
  --verbose  list every control, not only those named wrongly
Needs a display and a D-Bus session bus (the at-spi bus is started on demand)."""

import argparse
import os
import re
import select
import subprocess
import sys
import time

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    # Skipped without a display, as the widget tests are
    # (tests/lib/cobalt-test.c); meson counts this TAP plan as SKIP.
    print("1..0 # SKIP no display", flush=True)
    sys.exit(0)

import pyatspi  # noqa: E402

APP_NAME = "cobalt-a11y-audit"
OPEN_TIMEOUT = 60


def role_set(*names):
    return {getattr(pyatspi, "ROLE_" + n) for n in names if hasattr(pyatspi, "ROLE_" + n)}


# Always controls.
CONTROL_ROLES = role_set(
    "PUSH_BUTTON", "PUSH_BUTTON_MENU", "TOGGLE_BUTTON", "CHECK_BOX", "RADIO_BUTTON",
    "ENTRY", "PASSWORD_TEXT", "SPIN_BUTTON", "COMBO_BOX", "LIST_ITEM", "TABLE_ROW",
    "MENU_ITEM", "CHECK_MENU_ITEM", "RADIO_MENU_ITEM", "SLIDER", "LINK", "PAGE_TAB",
    "TREE_ITEM", "SWITCH")
# Controls when editable (text) or focusable (cells, custom widgets).
EDITABLE_ROLES = role_set("TEXT", "PARAGRAPH", "DOCUMENT_TEXT")
# (Not containers: a scrolled window, a list or a panel takes the focus in
# GTK 4.8 without being something a person operates.)
FOCUSABLE_ROLES = role_set("TABLE_CELL", "UNKNOWN", "DRAWING_AREA", "CANVAS", "IMAGE", "ICON",
                           "CALENDAR", "FILLER")
# What holds a popover's content in the window's tree.
POPOVER_ROLES = role_set("MENU", "POPUP_MENU", "DIALOG", "WINDOW")

TYPE_NAME = re.compile(r"^Gtk[A-Z]\w*$")
RAW_MNEMONIC = re.compile(r"(?<![_\w])_(?=\w)|(?<=\w)_(?=\w)")
WORD_CHARS = re.compile(r"[^\w]+", re.UNICODE)


class App:
    def __init__(self, path):
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["GTK_A11Y"] = "atspi"
        self.proc = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.buffer = b""

    def send(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def read(self, timeout=OPEN_TIMEOUT):
        """The next line, read from the pipe itself (select() knows
        nothing of a Python file object's buffer)."""
        end = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = end - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            if not ready:
                raise AssertionError("a11y-audit-app did not answer within %d s" % timeout)
            chunk = os.read(fd, 65536)
            if not chunk:
                raise AssertionError("a11y-audit-app exited (status %s)" % self.proc.poll())
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def close(self):
        try:
            self.send("quit")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.name == APP_NAME:
                return app
        except Exception:
            continue
    return None


def wait_for(fn, what, timeout=15):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = fn()
        if result is not None:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def is_visible(acc):
    state = safe(acc.getState)
    return state is not None and state.contains(pyatspi.STATE_VISIBLE)


def children(acc):
    return safe(lambda: list(acc), [])


def walk(acc, chain=()):
    """Visible accessibles under acc (acc included), each with the chain of
    its ancestors."""
    if acc is None or not is_visible(acc):
        return
    yield acc, chain
    for child in children(acc):
        yield from walk(child, chain + (acc,))


def is_control(acc, chain=()):
    role = safe(acc.getRole)
    if role in CONTROL_ROLES:
        return True
    # What a control draws inside itself (the list item showing a drop-down's
    # choice) is part of that control.
    if any(safe(a.getRole) in CONTROL_ROLES for a in chain):
        return False
    state = safe(acc.getState)
    if state is None:
        return False
    if role in EDITABLE_ROLES:
        return state.contains(pyatspi.STATE_EDITABLE)
    if role in FOCUSABLE_ROLES:
        return state.contains(pyatspi.STATE_FOCUSABLE)
    return False


def words(text):
    return [w for w in WORD_CHARS.split(text.lower()) if w]


def doubled(name):
    """The same phrase twice in a row at the start: "Save Save",
    "Urgent help Urgent help: the signs…", or the whole name twice."""
    w = words(name)
    for k in range(1, len(w) // 2 + 1):
        if w[:k] == w[k:2 * k]:
            return True
    return False


def problem(acc):
    """None, or why the name is not a real one."""
    name = safe(lambda: acc.name, "") or ""
    stripped = name.strip()
    role_name = (safe(acc.getRoleName, "") or "").lower()
    if stripped == "":
        return "unnamed"
    if TYPE_NAME.match(stripped) or stripped.lower() == role_name or \
            stripped.lower().replace("_", " ") == role_name:
        return "unnamed"
    if RAW_MNEMONIC.search(stripped):
        return "underscore"
    if doubled(stripped):
        return "doubled"
    return None


def describe_chain(chain):
    names = []
    for acc in reversed(chain):
        name = (safe(lambda: acc.name, "") or "").strip()
        if name:
            names.append(name if len(name) <= 40 else name[:37] + "…")
        if len(names) == 3:
            break
    return " < ".join(names) if names else "-"


def target_root(app, kind, title):
    """The window (or, for a popover, its content) that holds the surface."""
    def matches(window):
        name = safe(lambda: window.name, None) or ""
        # A window without a title is named after its type (GtkShortcutsWindow).
        return (name == title or (title == "" and TYPE_NAME.match(name))) and is_visible(window)

    windows = [w for w in children(app) if matches(w)]
    if not windows:
        return None
    window = windows[-1]
    if kind != "popover":
        return window
    # The popover's content: the first visible menu or popover under the
    # window (GTK 4.8 shows a GtkPopover as a filler named after its type;
    # closed popovers are not visible).
    for acc, _ in walk(window):
        if acc is window:
            continue
        if safe(acc.getRole) in POPOVER_ROLES or \
                (safe(lambda: acc.name, "") or "") in ("GtkPopover", "GtkPopoverMenu"):
            return acc
    return None


def audit(root):
    controls = []
    for acc, chain in walk(root):
        if is_control(acc, chain):
            controls.append((acc, chain, problem(acc)))
    return controls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("--only", default=None)
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--verbose", action="store_true",
                        help="also list every control that is named well")
    args = parser.parse_args()

    app_proc = App(args.app)
    rows = []
    failures = 0
    try:
        line = app_proc.read()
        if line != "READY":
            raise AssertionError("a11y-audit-app said %r, not READY" % line)
        app_proc.send("list")
        names = []
        while True:
            line = app_proc.read()
            if line == "END":
                break
            names.append(line)
        if args.only:
            wanted = args.only.split(",")
            unknown = [n for n in wanted if n not in names]
            if unknown:
                raise AssertionError("no such surface: %s (known: %s)" % (", ".join(unknown), ", ".join(names)))
            names = wanted

        if not args.report:
            print("1..%d" % len(names), flush=True)
        # GTK joins the accessibility bus with its first window.
        app = None

        for name in names:
            app_proc.send("open " + name)
            line = app_proc.read()
            if not line.startswith("SHOWN " + name + "\t"):
                failures += 1
                rows.append((name, None, None, None, line))
                if not args.report:
                    print("not ok - %s: could not be opened: %s" % (name, line), flush=True)
                continue
            _, kind, title = line[len("SHOWN "):].split("\t", 2)
            if app is None:
                app = wait_for(find_app, "the application on the accessibility bus")
            try:
                root = wait_for(lambda: target_root(app, kind, title),
                                "the %s \"%s\" on the accessibility bus" % (kind, title), timeout=10)
            except AssertionError as e:
                failures += 1
                rows.append((name, None, None, None, str(e)))
                if not args.report:
                    print("not ok - %s: %s" % (name, e), flush=True)
                app_proc.send("close")
                app_proc.read()
                continue

            controls = audit(root)
            unnamed = [c for c in controls if c[2] == "unnamed"]
            bad = [c for c in controls if c[2] in ("underscore", "doubled")]
            rows.append((name, len(controls), len(unnamed), len(bad), None))
            ok = not unnamed and not bad and len(controls) > 0
            if not ok:
                failures += 1
            if not args.report:
                if ok:
                    print("ok - %s: %d controls, 0 unnamed" % (name, len(controls)), flush=True)
                elif not controls:
                    print("not ok - %s: no controls found under \"%s\"" % (name, title), flush=True)
                else:
                    print("not ok - %s: %d of %d unnamed, %d badly named"
                          % (name, len(unnamed), len(controls), len(bad)), flush=True)
                listed = unnamed + bad
                if args.verbose:
                    listed = controls
                for acc, chain, why in listed:
                    print("# %s '%s' [%s] (in: %s)" % (safe(acc.getRoleName, "?"),
                                                      (safe(lambda: acc.name, "") or ""), why or "ok",
                                                      describe_chain(chain)), flush=True)
            app_proc.send("close")
            if app_proc.read() != "CLOSED":
                raise AssertionError("a11y-audit-app did not close %s" % name)
    finally:
        app_proc.close()

    if args.report:
        print("%-22s %9s %8s %6s" % ("surface", "controls", "unnamed", "bad"))
        total = [0, 0, 0]
        for name, n, u, b, why in rows:
            if n is None:
                print("%-22s not opened: %s" % (name, why))
                continue
            print("%-22s %9d %8d %6d" % (name, n, u, b))
            total[0] += n
            total[1] += u
            total[2] += b
        print("%-22s %9d %8d %6d" % ("TOTAL", *total))
        return 0
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print("Bail out! " + str(e), flush=True)
        sys.exit(1)
