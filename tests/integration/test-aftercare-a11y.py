#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The aftercare banner as a screen reader meets it. GTK 4.8 has no
gtk_accessible_announce(), so an emergency or urgent-advice banner must
reach assistive technology as an alert: an object in the AT-SPI tree with
the ALERT role, named by what to do ("Call 999 now") and described by
why, there as soon as the reaction is ticked, a new one when the level
changes. Milder banners are a status bar, no alert. (GTK 4.8 sends no
event for an accessible nobody has read yet, so the test reads the tree.)
The reactions are ticked and unticked through AT-SPI too, as check boxes
found by their names.

Usage: test-aftercare-a11y.py AFTERCARE-A11Y-APP   (needs a D-Bus session
bus; the at-spi bus is started on demand)."""

import os
import subprocess
import sys
import time

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    # Skipped without a display, as the widget tests are; meson counts
    # this TAP plan as SKIP.
    print("1..0 # SKIP no display", flush=True)
    sys.exit(0)

import pyatspi  # noqa: E402

APP_NAME = "cobalt-aftercare-a11y"
# The catalogue's words for the reactions ticked (cobalt-reaction.c).
LABELS = {
    "site-pain": "Pain at the injection site",
    "fever": "Fever",
    "hives-swelling": "Widespread hives or rash, with or without swelling of the skin",
    "face-swelling": "Swelling of the throat, tongue, lips or face",
}


def tap(ok, text):
    print(("ok" if ok else "not ok") + " - " + text, flush=True)
    return ok


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == APP_NAME:
            return app
    return None


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


def visible(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def of_role(app, role):
    found = []
    for acc in walk(app):
        try:
            if acc.getRole() == role and visible(acc):
                found.append(acc)
        except Exception:
            continue
    return found


def alerts(app):
    return of_role(app, pyatspi.ROLE_ALERT)


def wait_for(fn, what, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = fn()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def main():
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    print("1..5", flush=True)

    proc = subprocess.Popen([sys.argv[1]], stdout=subprocess.PIPE, env=env, text=True)

    def checked(acc):
        return acc.getState().contains(pyatspi.STATE_CHECKED)

    def tick(kind, ticked):
        """The reaction's check box, by its name, pressed through AT-SPI."""
        box = wait_for(lambda: [a for a in of_role(app, pyatspi.ROLE_CHECK_BOX) if a.name == LABELS[kind]],
                       "the check box of " + kind)[0]
        if checked(box) != ticked:
            box.queryAction().doAction(0)
        wait_for(lambda: checked(box) == ticked, "%s to be %s" % (kind, "ticked" if ticked else "unticked"))

    try:
        if not tap(proc.stdout.readline().strip() == "READY", "the aftercare page opened"):
            return 1
        app = wait_for(find_app, "the application on the accessibility bus")

        # Mild and contact-the-clinic: a banner, as a status bar, no alert.
        tick("site-pain", True)
        tick("fever", True)
        status = wait_for(lambda: [a for a in of_role(app, pyatspi.ROLE_STATUS_BAR)
                                   if a.name.startswith("Contact your clinic today")], "the clinic banner")
        tap(not alerts(app) and "01234 567890" in status[0].name,
            "a mild or clinic banner is a status, no alert: %r" % status[0].name)

        # Urgent advice: an alert, named and described.
        tick("hives-swelling", True)
        urgent = wait_for(lambda: alerts(app), "the urgent-advice alert")
        tap(len(urgent) == 1 and urgent[0].name == "Get medical advice now"
            and "01234 567890" in (urgent[0].description or ""),
            "urgent advice is an alert: %r, %r" % (urgent[0].name, urgent[0].description))

        # An emergency on top: a new alert in its place.
        tick("face-swelling", True)
        emergency = wait_for(lambda: [a for a in alerts(app) if a.name == "Call 999 now"], "the emergency alert")
        tap(len(alerts(app)) == 1 and "anaphylaxis" in (emergency[0].description or ""),
            "an emergency is an alert: %r, %r" % (emergency[0].name, emergency[0].description))

        # Unticked again: no alert is left.
        tick("face-swelling", False)
        tick("hives-swelling", False)
        wait_for(lambda: not alerts(app), "the alert to go")
        tap(not alerts(app), "no alert once the urgent reactions are unticked")
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
