#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Completes the pre-injection checklist through the accessibility tree
alone: every control is found by its accessible name and role and
activated through AT-SPI, as a screen-reader user would. First it stops a
run ("Stop — I'm not sure") with a reason chosen among the radio buttons,
and checks that the reason was stored; then it starts again from Today's
"Start checklist", opens the header bar's "Urgent help" from a step (reads
the emergency number there and closes it again), ticks every step, logs
the dose and, in aftercare, ticks a reaction and saves it, and checks that
it was stored with the dose. The app (journey-a11y-app.c) prints what
reached the database.

Usage: test-journey-a11y.py JOURNEY-A11Y-APP   (needs a D-Bus session bus; the
at-spi bus is started on demand)."""

import os
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

APP_NAME = "cobalt-journey-a11y"
TIMEOUT = 60
# One of the checklist's stop reasons (cobalt-checklist-wizard.c), and a
# mild reaction from the catalogue (cobalt-reaction.c).
STOP_REASON = "I feel unwell, or something hurts"
N_STOP_REASONS = 5
REACTION_LABEL = "Redness at the injection site"
REACTION_KIND = "site-redness"


class Lines:
    """The app's stdout, a line at a time, with a timeout (select() on the
    pipe itself, so nothing waits in a buffer select() cannot see)."""

    def __init__(self, proc):
        self.fd = proc.stdout.fileno()
        self.buffer = b""

    def read(self, timeout=30):
        end = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = end - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                raise AssertionError("the app said nothing more within %d s" % timeout)
            chunk = os.read(self.fd, 4096)
            if not chunk:
                raise AssertionError("the app exited")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8").strip()


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


def checked(acc):
    """A check box or radio button as a screen reader reads it: checked."""
    try:
        return acc.getState().contains(pyatspi.STATE_CHECKED)
    except Exception:
        return False


def find_all(app, role):
    found = []
    for acc in walk(app):
        try:
            if acc.getRole() == role and showing(acc):
                found.append(acc)
        except Exception:
            continue
    return found


def gone(fn):
    return True if fn() is None else None


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


def stop_with_reason(app, lines):
    """From the first step: "Stop — I'm not sure", a reason chosen among
    the radio buttons, "Stop and don't inject"; then the stopped page's
    Close. Returns (the reason chosen alone, the run stopped with it)."""
    stop = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Stop — I'm not sure"), "Stop")
    activate(stop)
    reason = wait_for(lambda: find(app, pyatspi.ROLE_RADIO_BUTTON, name=STOP_REASON), "the stop reason")
    if checked(reason):
        raise AssertionError("a reason was chosen before the person chose one")
    activate(reason)
    wait_for(lambda: True if checked(reason) else None, "the reason to be checked")
    radios = find_all(app, pyatspi.ROLE_RADIO_BUTTON)
    chosen = [r.name for r in radios if checked(r)]
    alone = len(radios) == N_STOP_REASONS and chosen == [STOP_REASON]
    if not alone:
        print("# radio buttons: %r, checked: %r" % ([r.name for r in radios], chosen), flush=True)

    confirm = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Stop and don't inject"),
                       "Stop and don't inject")
    activate(confirm)
    stored = lines.read()
    heading = wait_for(lambda: find(app, (pyatspi.ROLE_HEADING, pyatspi.ROLE_LABEL),
                                    name="Stopped — no dose was logged"), "the stopped page")
    # The stopped page's own Close (the window has another "Close").
    close = wait_for(lambda: within(heading.parent, pyatspi.ROLE_PUSH_BUTTON, name="Close"),
                     "the stopped page's Close")
    activate(close)
    wait_for(lambda: gone(lambda: find(app, (pyatspi.ROLE_HEADING, pyatspi.ROLE_LABEL),
                                       name="Stopped — no dose was logged")), "the checklist to close")
    return alone, stored


def record_reaction(app, lines):
    """On the aftercare page: a reaction ticked as a check box, then
    "Save reactions". Returns (its checked state, the app's line, the page's
    status)."""
    box = wait_for(lambda: find(app, pyatspi.ROLE_CHECK_BOX, name=REACTION_LABEL), "the reaction")
    activate(box)
    wait_for(lambda: True if checked(box) else None, "the reaction to be checked")
    save = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Save reactions"), "Save reactions")
    activate(save)
    stored = lines.read()
    status = wait_for(lambda: find(app, (pyatspi.ROLE_LABEL, pyatspi.ROLE_STATUS_BAR), startswith="Saved 1 reaction"),
                      "the saved message")
    return checked(box), stored, status.name


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
    print("1..8", flush=True)

    proc = subprocess.Popen([sys.argv[1]], stdout=subprocess.PIPE, env=env)
    lines = Lines(proc)
    try:
        line = lines.read(TIMEOUT)
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

        # A run stopped with a reason, all through AT-SPI.
        alone, stored = stop_with_reason(app, lines)
        tap(alone, "a stop reason chosen through AT-SPI: a radio button, alone of %d" % N_STOP_REASONS)
        tap(stored == "STOPPED " + STOP_REASON, "the run stopped with the reason stored (%s)" % stored)

        # Today's "Start checklist" (by name) starts a new run.
        start = wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name="Start checklist"), "Start checklist")
        activate(start)
        wait_for(lambda: find(app, pyatspi.ROLE_LABEL, name="Step 1 of 10"), "the new run")

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
        logged = lines.read()
        tap(logged == "LOGGED deltoid-left", "the dose was logged at the chosen site (%s)" % logged)
        text = wait_for(lambda: (lambda t: t if "Dose logged" in t else None)(label_text(app)), "the logged message")
        tap("Next dose:" in text, "the next due date is announced")

        # Aftercare: a reaction ticked through AT-SPI and saved with the dose.
        box_checked, stored, status = record_reaction(app, lines)
        tap(box_checked and stored == "REACTION %s dose" % REACTION_KIND,
            "a reaction ticked through AT-SPI and saved with the dose (%s; %s)" % (stored, status))
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
