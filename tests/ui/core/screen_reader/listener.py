"""What a screen reader sees of the program on the AT-SPI bus; run with Debian's python3.

    /usr/bin/python3 tests/ui/core/screen_reader/listener.py APP_PID

Prints one JSON object a line on stdout:
    {"ready": true}                   once the bus answers and the listeners are in place
    {"event": TYPE, ...}              every announcement, description change and focus
                                      change of the program (source role, name, text)
    {"tree": [...]}                   answer to "tree" on stdin: every showing, focusable
                                      object of the program's windows (role, name, box)

pyatspi lives in Debian's system python (python3-pyatspi), not in the project's venv, so
the tests run this script as a child process; it needs nothing from the project.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from gi.repository import GLib

APP_PID = int(sys.argv[1])
ITEM_HOLDERS = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_TREE}
WATCHED = (
    "object:announcement",
    "object:property-change:accessible-description",
    # (also keeps libatspi's cache of names fresh, as a screen reader's is)
    "object:property-change:accessible-name",
    "object:state-changed:focused",
)


def say(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def ours(accessible: pyatspi.Accessible) -> bool:
    try:
        return accessible.getApplication().get_process_id() == APP_PID
    except Exception:  # noqa: BLE001 - an object that went away while we asked
        return False


def describe(accessible: pyatspi.Accessible) -> dict[str, object]:
    try:
        states = accessible.getState()
        box = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        labels = [
            target.name or ""
            for relation in accessible.getRelationSet()
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
            for target in (relation.getTarget(i) for i in range(relation.getNTargets()))
            if target is not None
        ]
        return {
            "role": accessible.getRoleName(),
            "name": accessible.name or "",
            "labelled_by": labels,
            "description": accessible.description or "",
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "enabled": states.contains(pyatspi.STATE_SENSITIVE),
            "checked": states.contains(pyatspi.STATE_CHECKED),
            "box": [box.x, box.y, box.width, box.height],
        }
    except Exception as error:  # noqa: BLE001 - gone meanwhile
        return {"role": "?", "name": "", "description": "", "gone": str(error)}


def on_event(event: pyatspi.event.Event) -> None:
    if not ours(event.source):
        return
    if event.type.startswith("object:state-changed:focused") and not event.detail1:
        return  # focus leaving: the arrival is the event that counts
    data = event.any_data
    say(
        event=str(event.type),
        text=data if isinstance(data, str) else "",
        politeness=event.detail1,
        source=describe(event.source),
        at=time.monotonic(),
    )


def focusable(root: pyatspi.Accessible, found: list[dict[str, object]], depth: int = 0) -> None:
    if depth > 40:
        return
    for index in range(root.childCount):
        try:
            child = root.getChildAtIndex(index)
        except Exception:  # noqa: BLE001 - gone meanwhile
            child = None
        if child is None:
            continue
        states = child.getState()
        if not states.contains(pyatspi.STATE_SHOWING):
            continue
        if states.contains(pyatspi.STATE_FOCUSABLE):
            found.append(describe(child))
        if child.getRole() not in ITEM_HOLDERS:  # their cells and items are named by data
            focusable(child, found, depth + 1)


def tree() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None or app.get_process_id() != APP_PID:
            continue
        for window in app:
            if window is not None and window.getState().contains(pyatspi.STATE_SHOWING):
                focusable(window, found)
    return found


def on_stdin(source: object, condition: object) -> bool:
    line = sys.stdin.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    if line.strip() == "tree":
        say(tree=tree())
    return True


def main() -> None:
    for kind in WATCHED:
        pyatspi.Registry.registerEventListener(on_event, kind)
    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
    GLib.idle_add(lambda: say(ready=True) and False)
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
