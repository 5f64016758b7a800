#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for xdg-desktop-portal's Background portal on the test's
session bus, for test-flatpak-background-portal.c.

It owns org.freedesktop.portal.Desktop and answers
org.freedesktop.portal.Background.RequestBackground as the real portal
does: the Request object is /org/freedesktop/portal/desktop/request/
SENDER/TOKEN, and its Response signal carries the answer. The signal is
sent *before* the method's reply, so a client that subscribes only after
the call returns misses it (the portal documentation asks clients to
subscribe first). python-dbusmock's mocked methods do not see the caller's
unique name, which the Request path needs, hence dbus-python directly.

The test drives it through io.github.cobaltb12.Cobalt.Test.MockPortal:
SetAnswer(u response, b grant) for the next requests, GetCalls() -> s,
a JSON list of {"parent_window", "options", "sender"}.
"""

import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

BUS_NAME = 'org.freedesktop.portal.Desktop'
OBJECT_PATH = '/org/freedesktop/portal/desktop'
BACKGROUND_IFACE = 'org.freedesktop.portal.Background'
REQUEST_IFACE = 'org.freedesktop.portal.Request'
CONTROL_IFACE = 'io.github.cobaltb12.Cobalt.Test.MockPortal'


def plain(value):
    """dbus-python values as JSON-friendly Python ones."""
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Array, list)):
        return [plain(v) for v in value]
    if isinstance(value, (dbus.Dictionary, dict)):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (dbus.String, dbus.ObjectPath)):
        return str(value)
    if isinstance(value, (dbus.UInt32, dbus.Int32, dbus.UInt64, dbus.Int64, dbus.Byte)):
        return int(value)
    return value


class Request(dbus.service.Object):
    @dbus.service.signal(REQUEST_IFACE, signature='ua{sv}')
    def Response(self, response, results):
        pass

    @dbus.service.method(REQUEST_IFACE, in_signature='', out_signature='')
    def Close(self):
        self.remove_from_connection()


class Portal(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, OBJECT_PATH)
        self.bus = bus
        self.calls = []
        self.response = 0
        self.grant = True

    @dbus.service.method(BACKGROUND_IFACE, in_signature='sa{sv}', out_signature='o',
                         sender_keyword='sender')
    def RequestBackground(self, parent_window, options, sender):
        self.calls.append({'parent_window': str(parent_window),
                           'options': plain(options),
                           'sender': str(sender)})
        token = str(options.get('handle_token', f'mock{len(self.calls)}'))
        path = f'{OBJECT_PATH}/request/{sender[1:].replace(".", "_")}/{token}'
        request = Request(self.bus, path)
        asked = bool(options.get('autostart', False))
        granted = self.response == 0 and self.grant
        results = dbus.Dictionary({'background': dbus.Boolean(granted),
                                   'autostart': dbus.Boolean(asked and granted)},
                                  signature='sv')
        request.Response(dbus.UInt32(self.response), results)
        request.remove_from_connection()
        return dbus.ObjectPath(path)

    @dbus.service.method(CONTROL_IFACE, in_signature='ub', out_signature='')
    def SetAnswer(self, response, grant):
        self.response = int(response)
        self.grant = bool(grant)

    @dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='s')
    def GetCalls(self):
        return json.dumps(self.calls)


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    portal = Portal(bus)
    name = dbus.service.BusName(BUS_NAME, bus, do_not_queue=True)
    loop = GLib.MainLoop()
    # Ends with the test: stdin is a pipe the test holds.
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()),
                      GLib.PRIORITY_DEFAULT, GLib.IO_HUP | GLib.IO_IN,
                      lambda *args: loop.quit() or False)
    loop.run()
    del name, portal


if __name__ == '__main__':
    main()
