#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Completes the pre-injection checklist through the accessibility tree
alone: every control is found by its accessible name and role and
activated through AT-SPI, as a screen-reader user would. On the way, from
a checklist step, it opens the header bar's "Urgent help", reads the
emergency number there and closes it again.

Usage: test-journey-a11y.py JOURNEY-A11Y-APP   (needs a D-Bus session bus; the
at-spi bus is started on demand)."""

import os
import subprocess
import sys
import time

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    # Skipped without a display, as the widget tests are
    # (tests/lib/cobalt-test.c); meson counts this TAP plan as SKIP.
    print("1..0 # SKIP no display", flush=True)
    sys.exit(0)

import pyatspi  # noqa: E402

APP_NAME = "cobalt-journey-a11y"
TIMEOUT = 60


def tap(ok, text):
    print(("ok" if ok else "not ok") + " - " + text, flush=True)
    return ok


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == APP_NAME:
            return app
    return None


def showing(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(acc):
    if acc is None:
        return
    yield acc
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        yield from walk(child)


def find(app, role, name=None, startswith=None, contains_desc=None):
    for acc in walk(app):
        try:
            roles = role if isinstance(role, tuple) else (role,)
            if acc.getRole() not in roles or not showing(acc):
                continue
            if name is not None and acc.name != name:
                continue
            if startswith is not None and not acc.name.startswith(startswith):
                continue
            if contains_desc is not None and contains_desc not in (acc.description or ""):
                continue
            return acc
        except Exception:
            continue
    return None


def wait_for(fn, what, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = fn()
        if result is not None:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def activate(acc):
    action = acc.queryAction()
    action.doAction(0)
    time.sleep(0.15)


def ticked(acc):
    state = acc.getState()
    return state.contains(pyatspi.STATE_CHECKED) or state.contains(pyatspi.STATE_PRESSED)


def within(root, role, name=None, contains=None):
    """The first showing accessible under root (root included) with role
    whose name is name, or contains contains."""
    for acc in walk(root):
        try:
            roles = role if isinstance(role, tuple) else (role,)
            if acc.getRole() not in roles or not showing(acc):
                continue
            if name is not None and acc.name != name:
                continue
            if contains is not None and contains not in (acc.name or ""):
                continue
            return acc
        except Exception:
            continue
    return None


def window_named(app, name):
    for window in app:
        try:
            if window is not None and window.name == name:
                return window
        except Exception:
            continue
    return None


def open_urgent_help(app):
    """From the current step: "Urgent help" in the header bar, by name;
    returns what its window says, after closing it by its Close button."""
    button = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Urgent help"), "Urgent help")
    activate(button)
    window = wait_for(lambda: window_named(app, "Urgent help"), "the Urgent help window")
    texts = (pyatspi.ROLE_LABEL, pyatspi.ROLE_HEADING)
    wait_for(lambda: within(window, texts, contains="Call 999 now"), "the emergency number")
    text = "\n".join(a.name for a in walk(window) if a.getRole() in texts)
    close = wait_for(lambda: within(window, pyatspi.ROLE_PUSH_BUTTON, name="Close"), "Close")
    activate(close)
    wait_for(lambda: True if window_named(app, "Urgent help") is None else None, "the help to close")
    return text


def label_text(app):
    texts = []
    for acc in walk(app):
        try:
            if acc.getRole() == pyatspi.ROLE_LABEL and showing(acc):
                texts.append(acc.name)
        except Exception:
            pass
    return "\n".join(texts)


def main():
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    print("1..5", flush=True)

    proc = subprocess.Popen([sys.argv[1]], stdout=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline().strip()
        if not tap(line == "READY", "the wizard window opened"):
            return 1

        app = wait_for(find_app, "the application on the accessibility bus")
        # GTK 4.8 marks no widget "showing", so the current step is read
        # the way a screen-reader user hears it: "Step N of 10", and the
        # Nth step's tick, "Done" described as "Done: <title>" (the window
        # has other headings: Today's, behind the checklist).
        titles = [a.description[len("Done: "):] for a in walk(app)
                  if a.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON)
                  and a.name == "Done" and (a.description or "").startswith("Done: ")]
        steps = 0
        site = None
        help_text = None
        for _ in range(30):
            progress = wait_for(lambda: find(app, pyatspi.ROLE_LABEL, startswith="Step "), "the progress")
            number = int(progress.name.split()[1])
            title = titles[number - 1]
            if number == 2 and help_text is None:
                # Urgent help, from inside a step; the step is still there after.
                help_text = open_urgent_help(app)
                tap("Call 999 now" in help_text and "01234 567890" in help_text
                    and find(app, pyatspi.ROLE_LABEL, name="Step 2 of 10") is not None,
                    "Urgent help reached by name from step 2, with the numbers, and closed")
            if "site" in title.lower():
                # The site step: choose the suggested site, by its name.
                site_button = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, contains_desc="Suggested"),
                                       "the suggested site")
                site = site_button.name
                activate(site_button)
            done = wait_for(lambda: find(app, (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON), name="Done",
                                         contains_desc="Done: " + title), "the Done tick of " + title)
            if not ticked(done):
                activate(done)
            wait_for(lambda: True if ticked(done) else None, "the tick")
            steps += 1
            finish = find(app, pyatspi.ROLE_PUSH_BUTTON, name="Finish and log the dose")
            if finish is not None:
                activate(finish)
                break
            next_button = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Next"), "Next")
            activate(next_button)
            wait_for(lambda: True if find(app, pyatspi.ROLE_LABEL, name="Step %d of 10" % (number + 1))
                     or find(app, pyatspi.ROLE_PUSH_BUTTON, name="Finish and log the dose") else None,
                     "the next step")

        tap(steps == 10 and site is not None and site.startswith("Left upper arm"),
            "ticked all 10 steps and chose the suggested site (%s) by name" % site)
        logged = proc.stdout.readline().strip()
        tap(logged == "LOGGED deltoid-left", "the dose was logged at the chosen site (%s)" % logged)
        text = wait_for(lambda: (lambda t: t if "Dose logged" in t else None)(label_text(app)), "the logged message")
        tap("Next dose:" in text, "the next due date is announced")
        return 0
    finally:
        proc.kill()
        proc.wait()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print("not ok - " + str(e), flush=True)
        sys.exit(1)
