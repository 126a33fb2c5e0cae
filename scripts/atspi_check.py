#!/usr/bin/python3
"""Prove that screen readers can see Stenosis Coach through AT-SPI (Linux only).

Usage (from the repository root; Debian 12 / Ubuntu):

    /usr/bin/python3 scripts/atspi_check.py                 # or: scripts/atspi_check.sh
    /usr/bin/python3 scripts/atspi_check.py --app /tmp/venv/bin/stenosis-coach
    STENOSIS_COACH_BIN=.venv/bin/stenosis-coach /usr/bin/python3 scripts/atspi_check.py

It must run under Debian's system Python (``/usr/bin/python3``), which is where
``python3-pyatspi`` lives; the app itself runs from its own virtual environment (the
``stenosis-coach`` script given by ``--app``, ``$STENOSIS_COACH_BIN``,
``.venv/bin/stenosis-coach``, ``stenosis-coach`` on PATH, or ``/tmp/venv/bin/stenosis-coach``,
first found).

What it does, all private to this run and torn down afterwards (even on failure, Ctrl+C
or the overall time limit, 60 s by default):

1. starts ``Xvfb`` on a free display, a private D-Bus session bus (``dbus-daemon``),
   the AT-SPI bus (``at-spi-bus-launcher --launch-immediately``) and ``at-spi2-registryd``;
2. launches the app on a fresh temporary data folder with ``QT_QPA_PLATFORM=xcb`` and
   ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, waits for it in the AT-SPI desktop tree and
   prints the whole accessible tree, one node per line::

       role | name | description | states(focusable/showing)

   If a full-window screen covers the navigation (on a fresh data folder: the welcome and
   the first safety check), it gets through it with AT-SPI alone, as a screen-reader user
   would: "Start the safety check", "No" to every question, "Back to Today" (see
   ``FLOW_BUTTONS``), printing what each screen shows (for repeated screens, only the
   lines that changed) and checking its controls too;
3. activates the "Settings" navigation button through the AT-SPI Action interface
   (``doAction(0)``), waits a moment and prints the tree again;
4. lists every focusable control (button, check box, radio button, slider, menu item,
   combo box, text entry, ...) that has an empty accessible name, prints
   ``N controls checked, M without a name`` and exits 1 if M > 0 (or if ``doAction(0)``
   did not open the Settings page; the script then tries the "Press" action and walks a
   third time, so the Settings page is still checked).

Each node line ends with its states: ``focusable``/``showing``, and in brackets
``focused``, ``checked``, ``disabled`` and ``value=N`` (Value interface) where they apply.

Exit codes: 0 no problem found; 1 problems found (a control without a name, or activating
"Settings" with doAction(0) did not open the Settings page); 2 the check could not run
(missing tools, the app never appeared, time limit, ...).

Needs: ``apt-get install -y xvfb dbus at-spi2-core python3-pyatspi`` (tried automatically
when run as root and something is missing).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "stenosis-coach"
APP_TITLE = "Stenosis Coach"
BUS_LAUNCHER_CANDIDATES = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
)
REGISTRYD_CANDIDATES = (
    "/usr/libexec/at-spi2-registryd",
    "/usr/lib/at-spi2-core/at-spi2-registryd",
)

EXIT_OK, EXIT_UNNAMED, EXIT_ERROR = 0, 1, 2

# Roles of things a keyboard user operates and a screen reader must announce by name.
CONTROL_ROLE_NAMES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "slider",
    "spin button",
    "menu item",
    "check menu item",
    "radio menu item",
    "menu",
    "combo box",
    "text",
    "entry",
    "password text",
    "link",
    "list item",
    "page tab",
    "tree item",
    "table cell",
    "scroll bar",
    "dial",
    "editbar",
    "button",
}
# Qt never sets "focusable" on menu items, yet the keyboard reaches them: always check them.
MENU_ROLE_NAMES = {"menu item", "check menu item", "radio menu item", "menu"}

# A fresh data folder opens on a full-window flow (the welcome and the first safety check)
# that covers the navigation. The walker gets through it as a screen-reader user would,
# pressing the first showing push button whose accessible name is in this list (in this
# order of preference); "No" answers every safety question so no advice screen follows.
# These are the accessible names the safety screens give their buttons
# (src/stenosis_coach/ui/safety/screens.py; tests/ui/test_safety_pending.py checks them).
FLOW_BUTTONS = (
    "Start the safety check",  # the welcome
    "No",  # each question
    "Back to Today",  # "Thank you": the check found nothing
    "I understand: back to the Today page",  # advice after a "yes"
    "Not yet: go back",  # asked to confirm a clinician's check
    "Finish the check later",  # a question of a check that may be put off
    "Back to Today, finish later",  # a question of a check that must be answered
)
FLOW_MAX_STEPS = 30


def _controls(nodes: list[dict]) -> tuple[list[dict], list[dict]]:
    """(checked, other): checked are controls with an interactive role that take keyboard
    focus (plus menu items); other are interactive-role nodes that never take focus, such as
    a scroll area's scroll bar, whose missing names are reported but do not fail the check."""
    checked, other = [], []
    for node in nodes:
        if node["role"] in CONTROL_ROLE_NAMES and (
            node["focusable"] or node["role"] in MENU_ROLE_NAMES
        ):
            checked.append(node)
        elif node["role"] in CONTROL_ROLE_NAMES:
            other.append(node)
    return checked, other


# ----------------------------------------------------------------------------------------
# Walker: runs in a child process (so a hung D-Bus call can be timed out and killed).
# ----------------------------------------------------------------------------------------
def _safe(call, default=""):
    try:
        value = call()
    except Exception:
        return default
    return default if value is None else value


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _node_info(acc, pyatspi) -> dict:
    role = _safe(acc.getRoleName, "?")
    name = _one_line(_safe(lambda: acc.name))
    description = _one_line(_safe(lambda: acc.description))
    state_set = _safe(acc.getState, None)

    def has(state) -> bool:
        return bool(state_set is not None and _safe(lambda: state_set.contains(state), False))

    info = {
        "acc": acc,
        "role": role,
        "name": name,
        "description": description,
        "focusable": has(pyatspi.STATE_FOCUSABLE),
        "showing": has(pyatspi.STATE_SHOWING),
        "enabled": has(pyatspi.STATE_ENABLED),
        "checked": has(pyatspi.STATE_CHECKED),
    }
    states = (
        "/".join(
            s for s, on in (("focusable", info["focusable"]), ("showing", info["showing"])) if on
        )
        or "-"
    )
    extra = []
    if has(pyatspi.STATE_FOCUSED):
        extra.append("focused")
    value = _safe(acc.queryValue, None)
    if value is not None:
        current = _safe(lambda: value.currentValue, None)
        extra.append(f"value={current:g}" if isinstance(current, (int, float)) else "value=?")
    if not info["enabled"]:
        extra.append("disabled")
    if info["checked"]:
        extra.append("checked")
    if extra:
        states += " (" + ",".join(extra) + ")"
    shown_name = repr(name) if name else "<no name>"
    info["line"] = f"{role} | {shown_name} | {description or '-'} | {states}"
    return info


def _walk(acc, pyatspi, depth=0, path="", index_path="0", out=None, max_depth=60):
    """Every node below ``acc`` (itself included), depth first, as info dicts."""
    out = [] if out is None else out
    info = _node_info(acc, pyatspi)
    info["depth"] = depth
    info["path"] = path or info["name"] or info["role"]
    info["index_path"] = index_path
    out.append(info)
    if depth >= max_depth:
        return out
    for index in range(_safe(lambda: acc.childCount, 0)):
        child = _safe(lambda i=index: acc.getChildAtIndex(i), None)
        if child is None:
            continue
        label = _one_line(_safe(lambda c=child: c.name)) or _safe(child.getRoleName, "?")
        _walk(
            child,
            pyatspi,
            depth + 1,
            f"{info['path']} > {label}",
            f"{index_path}/{index}",
            out,
            max_depth,
        )
    return out


def _find_app(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(_safe(lambda: desktop.childCount, 0)):
        app = _safe(lambda i=index: desktop.getChildAtIndex(i), None)
        if app is None:
            continue
        if _safe(lambda a=app: a.name) == APP_NAME:
            return app
        for w in range(_safe(lambda a=app: a.childCount, 0)):
            window = _safe(lambda a=app, i=w: a.getChildAtIndex(i), None)
            if window is not None and APP_TITLE in _safe(lambda x=window: x.name):
                return app
    return None


def _desktop_apps(pyatspi) -> list[str]:
    desktop = pyatspi.Registry.getDesktop(0)
    names = []
    for index in range(_safe(lambda: desktop.childCount, 0)):
        app = _safe(lambda i=index: desktop.getChildAtIndex(i), None)
        names.append(repr(_safe(lambda a=app: a.name)) if app is not None else "?")
    return names


def _print_tree(title, nodes: list[dict], showing_only=False) -> None:
    shown = [n for n in nodes if n["showing"]] if showing_only else nodes
    what = f"{len(shown)} showing of {len(nodes)} nodes" if showing_only else f"{len(nodes)} nodes"
    print(f"\n=== {title} ({what}) ===")
    print("role | name | description | states(focusable/showing)")
    for node in shown:
        print("  " * node["depth"] + node["line"])
    sys.stdout.flush()


def _with_action(nodes: list[dict], name: str, showing: bool | None = None) -> dict | None:
    """The first node called ``name`` that has an Action interface (any role: a checkable
    QToolButton is exposed as a "check box", not a "push button")."""
    for node in nodes:
        if node["name"] != name or (showing is not None and node["showing"] != showing):
            continue
        if _safe(node["acc"].queryAction, None) is not None:
            return node
    return None


def _action_names(node: dict) -> list[str]:
    action = _safe(node["acc"].queryAction, None)
    if action is None:
        return []
    return [_safe(lambda i=i: action.getName(i)) for i in range(_safe(lambda: action.nActions, 0))]


def _do_action(node: dict, index: int) -> bool:
    action = _safe(node["acc"].queryAction, None)
    return bool(action is not None and _safe(lambda: action.doAction(index), False))


def _press_index(names: list[str]) -> int:
    return next((i for i, n in enumerate(names) if n.lower() in {"press", "click"}), 0)


def _showing_signature(nodes: list[dict]) -> tuple:
    return tuple((n["role"], n["name"], n["line"]) for n in nodes if n["showing"])


def _settings_page_showing(nodes: list[dict]) -> bool:
    return any(
        n["showing"] and (n["name"].startswith("Text size") or n["name"] == "Volume") for n in nodes
    )


def _screen_title(nodes: list[dict]) -> str:
    """The first showing label in the window's content: a flow screen's title."""
    return next(
        (n["name"] for n in nodes if n["showing"] and n["role"] == "label" and n["name"]), "?"
    )


def _screen_shape(nodes: list[dict]) -> tuple:
    """What a screen is made of (showing nodes' depth, role and, for controls, name)."""
    return tuple(
        (n["depth"], n["role"], n["name"] if n["role"] in CONTROL_ROLE_NAMES else "")
        for n in nodes
        if n["showing"]
    )


def _screen_lines(nodes: list[dict]) -> list[str]:
    return ["  " * n["depth"] + n["line"] for n in nodes if n["showing"]]


def _get_through_flow(app, pyatspi, walks, problems, settle, deadline) -> list[dict]:
    """Press through a full-window flow (the first-run welcome and safety check) using
    AT-SPI only, printing the showing part of each screen, until the rail shows again."""
    nodes = walks[-1]
    last_shape, last_lines = _screen_shape(nodes), _screen_lines(nodes)
    for step in range(FLOW_MAX_STEPS):
        nav = _with_action(nodes, "Settings")
        if nav is not None and nav["showing"]:
            return nodes
        if time.monotonic() > deadline:
            break
        target = None
        for name in FLOW_BUTTONS:
            target = next(
                (
                    n
                    for n in nodes
                    if n["name"] == name
                    and n["showing"]
                    and n["enabled"]
                    and n["role"] == "push button"
                ),
                None,
            )
            if target is not None:
                break
        title = _screen_title(nodes)
        if target is None:
            buttons = [n["name"] for n in nodes if n["showing"] and n["role"] == "push button"]
            problems.append(
                f"a full-window screen ({title!r}) covers the navigation and none "
                f"of its buttons {buttons} is one this script knows how to press "
                f"(FLOW_BUTTONS)"
            )
            return nodes
        names = _action_names(target)
        index = _press_index(names)
        print(
            f"\nflow step {step + 1}: screen {title!r}: pressing {target['name']!r} "
            f"(doAction({index}) {names[index] if names else '?'!r})"
        )
        before = _showing_signature(nodes)
        _do_action(target, index)
        # Wait until the screen changes (a new question), at most `settle` seconds.
        until = time.monotonic() + settle
        while True:
            time.sleep(0.15)
            nodes = _walk(app, pyatspi)
            if _showing_signature(nodes) != before or time.monotonic() > until:
                break
        walks.append(nodes)
        nav = _with_action(nodes, "Settings")
        if nav is not None and nav["showing"]:
            print("flow: the navigation is showing again")
            return nodes
        shape = _screen_shape(nodes)
        if shape == last_shape:  # the same screen again (the next question): only changes
            changed = _screen_lines(nodes)
            print("  same controls as before; lines that changed:")
            for old_line, new_line in zip(last_lines, changed, strict=True):
                if old_line != new_line:
                    print("  " + new_line)
            last_lines = changed
        else:
            _print_tree(f"Showing after pressing {target['name']!r}", nodes, showing_only=True)
            last_shape, last_lines = shape, _screen_lines(nodes)
    problems.append(
        "could not get past the full-window flow that covers the navigation "
        f"within {FLOW_MAX_STEPS} steps"
    )
    return nodes


def walker_main(wait_seconds: float, settle: float, time_left: float) -> int:
    import pyatspi  # Debian's python3-pyatspi; only importable under /usr/bin/python3

    deadline = time.monotonic() + time_left
    until = time.monotonic() + wait_seconds
    app = None
    while time.monotonic() < until:
        app = _find_app(pyatspi)
        if app is not None and _safe(lambda a=app: a.childCount, 0) > 0:
            break
        time.sleep(0.3)
    if app is None:
        print(
            f"walker: the app never appeared in the AT-SPI tree; desktop has: "
            f"{', '.join(_desktop_apps(pyatspi)) or 'nothing'}"
        )
        return EXIT_ERROR
    time.sleep(settle)  # let the first screen fill in (the data opens after the window shows)
    print(
        f"walker: found application {_safe(lambda: app.name)!r} "
        f"(toolkit {_safe(lambda: app.toolkitName)} {_safe(lambda: app.toolkitVersion)})"
    )
    problems: list[str] = []
    walks = [_walk(app, pyatspi)]
    _print_tree("Accessible tree at start", walks[-1])

    nav = _with_action(walks[-1], "Settings")
    if nav is not None and not nav["showing"]:
        print(
            f"\nwalker: the 'Settings' button is not showing: a full-window screen "
            f"({_screen_title(walks[-1])!r}) covers the navigation; going through it with "
            "AT-SPI"
        )
        _get_through_flow(app, pyatspi, walks, problems, settle, deadline)
        _print_tree("Accessible tree after the full-window flow", walks[-1])

    nav = _with_action(walks[-1], "Settings", showing=True)
    if nav is None:
        problems.append("no showing control named 'Settings' with an Action interface")
    else:
        names = _action_names(nav)
        print(f"\nwalker: 'Settings' is a {nav['role']!r}; its actions: {names}")
        print(f"walker: calling doAction(0) ({names[0] if names else '?'!r})")
        done = _do_action(nav, 0)
        time.sleep(settle)
        walks.append(_walk(app, pyatspi))
        _print_tree("Accessible tree after doAction(0) on Settings", walks[-1])
        checked = bool((_with_action(walks[-1], "Settings") or {}).get("checked"))
        page = _settings_page_showing(walks[-1])
        print(
            f"walker: doAction(0) returned {done}; Settings checked: {checked}; "
            f"Settings page showing: {page}"
        )
        if not page:
            problems.append(
                f"doAction(0) ({names[0] if names else '?'!r}) on the 'Settings' "
                f"{nav['role']} {'left it checked' if checked else 'did nothing visible'} "
                "but did not open the Settings page (the default action a screen reader "
                "uses to activate it does not navigate)"
            )
            press = _press_index(names)
            if press != 0:
                print(f"walker: trying doAction({press}) ({names[press]!r}) instead")
                _do_action(nav, press)
                time.sleep(settle)
                walks.append(_walk(app, pyatspi))
                _print_tree(f"Accessible tree after doAction({press}) on Settings", walks[-1])
                page = _settings_page_showing(walks[-1])
                print(f"walker: Settings page showing after doAction({press}): {page}")
            if not page:
                problems.append("the Settings page could not be opened through AT-SPI")

    # Report over all walks; a node is identified by its child-index path, role and name.
    seen: dict[str, dict] = {}
    for nodes in walks:
        for node in nodes:
            seen.setdefault(f"{node['index_path']}#{node['role']}#{node['name']}", node)
    controls, other = _controls(list(seen.values()))
    unnamed = [n for n in controls if not n["name"].strip()]
    print("\n=== Report ===")
    for node in unnamed:
        problems.append(
            f"{node['role']} without a name at {node['path']} "
            f"(showing={node['showing']}, description={node['description']!r})"
        )
    for problem in problems:
        print(f"PROBLEM: {problem}")
    for node in other:
        if not node["name"].strip():
            print(
                f"note: unfocusable {node['role']} without a name at {node['path']} (not counted)"
            )
    print(f"{len(controls)} controls checked, {len(unnamed)} without a name")
    sys.stdout.flush()
    return EXIT_UNNAMED if problems else EXIT_OK


# ----------------------------------------------------------------------------------------
# Orchestrator: Xvfb, D-Bus, AT-SPI bus, the app; always cleaned up.
# ----------------------------------------------------------------------------------------
def _die_with_parent() -> None:
    """preexec_fn: put the child in its own process group and kill it if we die."""
    os.setsid()
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class Processes:
    def __init__(self) -> None:
        self.started: list[tuple[str, subprocess.Popen]] = []
        self.keep_open: list[int] = []  # file descriptors to close after the processes end

    def start(self, label: str, argv: list[str], **kwargs) -> subprocess.Popen:
        try:
            proc = subprocess.Popen(argv, preexec_fn=_die_with_parent, **kwargs)
        finally:
            for stream in (kwargs.get("stdout"), kwargs.get("stderr")):
                if hasattr(stream, "close"):
                    stream.close()  # the child has its own copy of a log file
        self.started.append((label, proc))
        return proc

    def stop_all(self) -> None:
        """SIGTERM each process group (app first, Xvfb last), then SIGKILL what is left.

        Whole groups, so helpers a process spawned (the AT-SPI bus launcher's own
        dbus-daemon, for one) go too, even when the leader has already exited.
        """
        for label, proc in reversed(self.started):
            was_running = proc.poll() is None
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                continue
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=3)
            time.sleep(0.05)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)  # stragglers in the group
            proc.wait()
            if was_running:
                print(f"cleanup: stopped {label} (pid {proc.pid})")
        self.started.clear()
        for fd in self.keep_open:
            with contextlib.suppress(OSError):
                os.close(fd)
        self.keep_open.clear()


class TimeLimit(Exception):
    pass


def _find_tool(candidates) -> str | None:
    for path in candidates:
        if os.access(path, os.X_OK):
            return path
    return None


def _find_app_bin(given: str | None) -> str | None:
    for candidate in (
        given,
        os.environ.get("STENOSIS_COACH_BIN"),
        str(REPO / ".venv/bin/stenosis-coach"),
        shutil.which(APP_NAME),
        "/tmp/venv/bin/stenosis-coach",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _missing_tools() -> list[str]:
    missing = []
    if not shutil.which("Xvfb"):
        missing.append("xvfb")
    if not shutil.which("dbus-daemon"):
        missing.append("dbus")
    if not (_find_tool(BUS_LAUNCHER_CANDIDATES) and _find_tool(REGISTRYD_CANDIDATES)):
        missing.append("at-spi2-core")
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


def _ensure_tools() -> bool:
    missing = _missing_tools()
    if not missing:
        return True
    print(f"missing packages: {' '.join(missing)}", file=sys.stderr)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"installing: apt-get install -y {' '.join(missing)}", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", *missing], check=False, env=env)
        missing = _missing_tools()
    if missing:
        print(f"install them with: sudo apt-get install -y {' '.join(missing)}", file=sys.stderr)
        return False
    return True


def _start_xvfb(procs: Processes, deadline: float, log_file) -> str:
    for number in range(99, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        read_fd, write_fd = os.pipe()
        proc = procs.start(
            f"Xvfb :{number}",
            [
                "Xvfb",
                f":{number}",
                "-screen",
                "0",
                "1280x860x24",
                "-nolisten",
                "tcp",
                "-noreset",  # keep running (and keep AT_SPI_BUS on the root) between clients
                "-displayfd",
                str(write_fd),
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
        os.close(write_fd)
        ready, _, _ = select.select(
            [read_fd], [], [], max(1.0, min(10.0, deadline - time.monotonic()))
        )
        text = b""
        while ready and not text.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            text += chunk
        # Keep the read end open while Xvfb runs: a write to a closed pipe is fatal to it.
        procs.keep_open.append(read_fd)
        if text.strip() and proc.poll() is None:
            return f":{text.decode().strip()}"
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    raise RuntimeError("could not start Xvfb on any display :99..:139")


def _start_session_bus(procs: Processes, env: dict, log_file) -> str:
    read_fd, write_fd = os.pipe()
    procs.start(
        "dbus-daemon (session)",
        ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
        pass_fds=(write_fd,),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    os.close(write_fd)
    ready, _, _ = select.select([read_fd], [], [], 10)
    address = os.read(read_fd, 1024).decode().strip() if ready else ""
    os.close(read_fd)
    if not address:
        raise RuntimeError("dbus-daemon did not print its address")
    return address


def _wait_for_a11y_bus(env: dict, launcher: subprocess.Popen, deadline: float) -> str:
    """Wait until our launcher owns org.a11y.Bus, then ask it for the AT-SPI bus address.

    Asking before it owns the name would make the session bus start a second launcher
    of its own (D-Bus activation), which this script would not know to stop.
    """
    has_owner = [
        "dbus-send",
        "--session",
        "--print-reply=literal",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        "string:org.a11y.Bus",
    ]
    while time.monotonic() < deadline:
        if launcher.poll() is not None:
            raise RuntimeError(f"at-spi-bus-launcher exited with code {launcher.returncode}")
        result = subprocess.run(
            has_owner, env=env, capture_output=True, text=True, timeout=5, check=False
        )
        if "true" in result.stdout:
            break
        time.sleep(0.1)
    argv = [
        "dbus-send",
        "--session",
        "--print-reply=literal",
        "--dest=org.a11y.Bus",
        "/org/a11y/bus",
        "org.a11y.Bus.GetAddress",
    ]
    last = ""
    while time.monotonic() < deadline:
        result = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=5, check=False
        )
        if result.returncode == 0 and result.stdout.strip():
            return result.stdout.strip()
        last = result.stderr.strip()
        time.sleep(0.2)
    raise RuntimeError(f"the AT-SPI bus did not come up: {last}")


def orchestrate(args) -> int:
    deadline = time.monotonic() + args.timeout
    procs = Processes()

    def on_signal(signum, _frame):
        raise TimeLimit(f"stopped by signal {signum}")

    def on_alarm(_signum, _frame):
        raise TimeLimit(f"overall time limit of {args.timeout:.0f} s reached")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(int(args.timeout) + 5)  # backstop; each step also checks `deadline`

    work = Path(tempfile.mkdtemp(prefix="stenosis-atspi-"))  # everything of this run
    data_dir, runtime, logs = work / "data", work / "runtime", work / "logs"
    for folder in (data_dir, runtime, logs):
        folder.mkdir(mode=0o700)

    def log(name: str):
        return open(logs / f"{name}.log", "wb")  # Processes.start closes our copy

    def show_logs() -> None:
        for path in sorted(logs.glob("*.log")):
            text = path.read_text(errors="replace").strip()
            if text:
                print(f"--- {path.stem} output ---\n{text}\n--- end of {path.stem} output ---")

    code = EXIT_ERROR
    try:
        if not _ensure_tools():
            return EXIT_ERROR
        app_bin = _find_app_bin(args.app)
        if app_bin is None:
            print("cannot find the stenosis-coach program; pass --app PATH", file=sys.stderr)
            return EXIT_ERROR

        dropped = {
            "DBUS_SESSION_BUS_ADDRESS",
            "AT_SPI_BUS_ADDRESS",
            "WAYLAND_DISPLAY",
            "QT_ACCESSIBILITY",
            "NO_AT_BRIDGE",
            "DISPLAY",
            "XAUTHORITY",
        }
        env = {k: v for k, v in os.environ.items() if k not in dropped}
        env["XDG_RUNTIME_DIR"] = str(runtime)
        env["DISPLAY"] = _start_xvfb(procs, deadline, log("Xvfb"))
        env["DBUS_SESSION_BUS_ADDRESS"] = _start_session_bus(procs, env, log("dbus-daemon"))
        print(f"setup: Xvfb on {env['DISPLAY']}, session bus {env['DBUS_SESSION_BUS_ADDRESS']}")

        launcher = procs.start(
            "at-spi-bus-launcher",
            [_find_tool(BUS_LAUNCHER_CANDIDATES), "--launch-immediately"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log("at-spi-bus-launcher"),
        )
        a11y_address = _wait_for_a11y_bus(env, launcher, deadline)
        procs.start(
            "at-spi2-registryd",
            [_find_tool(REGISTRYD_CANDIDATES)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log("at-spi2-registryd"),
        )
        print(f"setup: AT-SPI bus {a11y_address}")

        app_env = dict(
            env,
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            STENOSIS_COACH_DATA_DIR=str(data_dir),
        )
        app = procs.start(
            APP_NAME,
            [app_bin, "--data-dir", str(data_dir)],
            env=app_env,
            cwd=str(work),
            stdout=log(APP_NAME),
            stderr=subprocess.STDOUT,
        )
        print(f"setup: started {app_bin} --data-dir {data_dir} (pid {app.pid})")

        remaining = deadline - time.monotonic() - 2
        walker = procs.start(
            "walker",
            [
                "/usr/bin/python3",
                str(Path(__file__).resolve()),
                "--walk",
                "--wait",
                str(max(5.0, min(args.wait, remaining - 10))),
                "--settle",
                str(args.settle),
                "--time-left",
                str(max(5.0, remaining - 3)),
            ],
            env=dict(env, PYTHONDONTWRITEBYTECODE="1"),
        )
        walk_until = time.monotonic() + max(1.0, remaining)
        while walker.poll() is None and app.poll() is None and time.monotonic() < walk_until:
            time.sleep(0.1)
        if walker.poll() is None and app.poll() is None:
            print(f"error: the AT-SPI walk did not finish within the {args.timeout:.0f} s limit")
        code = walker.returncode if walker.poll() is not None else EXIT_ERROR
        for label, proc in procs.started:
            if label != "walker" and proc.poll() is not None:
                print(f"error: {label} exited early with code {proc.returncode}")
                code = EXIT_ERROR
        return code if code in (EXIT_OK, EXIT_UNNAMED) else EXIT_ERROR
    except (TimeLimit, RuntimeError, KeyboardInterrupt, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc or type(exc).__name__}")
        code = EXIT_ERROR
        return code
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # let the clean-up finish
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        procs.stop_all()
        if code not in (EXIT_OK, EXIT_UNNAMED) or args.verbose:
            show_logs()
        shutil.rmtree(work, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", help="the stenosis-coach program to launch")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="overall time limit in seconds (default 60)"
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=30.0,
        help="how long to wait for the window to appear (default 30)",
    )
    parser.add_argument(
        "--settle", type=float, default=1.5, help="pause before each walk, in seconds (default 1.5)"
    )
    parser.add_argument("--verbose", action="store_true", help="also print the app's output")
    parser.add_argument("--walk", action="store_true", help=argparse.SUPPRESS)  # internal
    parser.add_argument("--time-left", type=float, default=50.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # keep our lines in order with the walker's
    if args.walk:
        return walker_main(args.wait, args.settle, args.time_left)
    if not sys.platform.startswith("linux"):
        print("AT-SPI exists only on Linux", file=sys.stderr)
        return EXIT_ERROR
    return orchestrate(args)


if __name__ == "__main__":
    sys.exit(main())
