"""The Debian package as a shop's IT installs it (issue 18.1 and 18.5): ``apt-get install``
from the file, the installed command's self-test, the menu entry and icon; an upgrade
over it that keeps every user's settings, journal and key store; removal and purge that
leave nothing of the program behind and the users' own data untouched.

These install into the system, so they run only as root on Debian or Ubuntu, with the
package built: ``python packaging/build.py --deb``, then
``PIGGY_DEB=dist/piggy-desk_<version>_<arch>.deb pytest tests/packaging/test_deb.py``
(.ci/run does). Elsewhere they are skipped, saying why.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.packaging.readme import ROOT, apt_packages, commands
from tests.packaging.upgrades import at_time, open_lock_in

DEB = os.environ.get("PIGGY_DEB", "")
PACKAGE = "piggy-desk"
INSTALLED = [
    Path("/opt/piggy-desk/piggy-desk"),
    Path("/usr/bin/piggy-desk"),
    Path("/usr/share/applications/piggy-desk.desktop"),
    Path("/usr/share/icons/hicolor/48x48/apps/piggy-desk.png"),
    Path("/usr/share/icons/hicolor/512x512/apps/piggy-desk.png"),
    Path("/usr/share/doc/piggy-desk/examples/settings.json"),
]

pytestmark = pytest.mark.skipif(
    not DEB, reason="PIGGY_DEB names no built .deb (python packaging/build.py --deb)"
)


@pytest.fixture(autouse=True)
def _root_on_debian() -> None:
    # Asked for (PIGGY_DEB is set) but impossible here: a failure, not a quiet skip.
    assert sys.platform == "linux" and shutil.which("apt-get"), "needs Debian or Ubuntu"
    assert os.geteuid() == 0, "installs a .deb: run as root"


def run(*command: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive", **(env or {})},
        cwd=cwd,
        input="y\n",  # apt's question, answered as a person would
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


def run_as_written(line: str, env: dict[str, str]) -> str:
    """A README line as a person types it (``sudo`` dropped: the test is root)."""
    words = line.split()
    if words[0] == "sudo":
        words = words[1:]
    return run(*words, env=env, cwd=Path(DEB).resolve().parent)


def apt_install(deb: Path) -> str:
    # From the file; its Depends from the configured (local) mirror; nothing downloaded at
    # install time by the package itself (it has no maintainer scripts).
    return run("apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb.resolve()))


def installed_version() -> str | None:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${db:Status-Abbrev} ${Version}", PACKAGE],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    status, _, version = result.stdout.partition(" ")
    return version.strip() if result.returncode == 0 and status.startswith("ii") else None


def package_files() -> list[Path]:
    return [Path(line) for line in run("dpkg-query", "-L", PACKAGE).splitlines() if line]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder and the hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def uninstalled() -> Iterator[None]:
    """No piggy-desk package before the test, and none after it."""
    run("dpkg", "--purge", PACKAGE)
    yield
    run("dpkg", "--purge", PACKAGE)


@pytest.fixture
def user_home(tmp_path: Path) -> dict[str, str]:
    """A counter's user: HOME with settings, the journal of release 0.1.0 (an open lock in
    it) and a key store file (GNOME's keyring lives in such a file), as they are after
    working with an earlier release."""
    home = tmp_path / "home"
    config = home / ".config" / "PiggyDesk"
    data = home / ".local" / "share" / "PiggyDesk"
    keyrings = home / ".local" / "share" / "keyrings"
    for folder in (config, data, keyrings):
        folder.mkdir(parents=True)
    (config / "settings.json").write_text(
        json.dumps({"language": "nl", "shop_uuid": KNOWN.SHOP_UUID}) + "\n", encoding="utf-8"
    )
    shutil.copyfile(ROOT / "tests" / "data" / "journal-0.1.0.sqlite", data / "journal.sqlite3")
    (keyrings / "login.keyring").write_bytes(b"stand-in for the user's key store\x00\x01")
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def test_the_readme_names_this_package_and_its_depends() -> None:
    install, _, _ = commands("deb-commands")
    assert install.split()[-1] == f"./{Path(DEB).name}", "the README installs another file"
    depends = run("dpkg-deb", "--field", DEB, "Depends").strip()
    names = {d.split()[0] for d in depends.split(", ")} - {"libc6"}
    assert apt_packages("deb-depends") == names, f"the package's Depends: {depends}"


@pytest.mark.usefixtures("uninstalled")
def test_install_self_test_remove_and_purge_leave_only_the_users_data(
    user_home: dict[str, str],
) -> None:
    install, check, remove = commands("deb-commands")
    assert remove == "sudo apt-get remove piggy-desk"
    env = {**user_home, "QT_QPA_PLATFORM": "offscreen"}
    run_as_written(install, env)
    assert installed_version() is not None
    for path in INSTALLED:
        assert path.exists(), f"{path} not installed"
    assert os.path.realpath("/usr/bin/piggy-desk") == "/opt/piggy-desk/piggy-desk"
    entry = Path("/usr/share/applications/piggy-desk.desktop").read_text(encoding="utf-8")
    assert "Exec=/usr/bin/piggy-desk\n" in entry
    assert "Icon=piggy-desk\n" in entry  # found in the hicolor theme
    if shutil.which("desktop-file-validate"):
        run("desktop-file-validate", "/usr/share/applications/piggy-desk.desktop")
    files = package_files()
    placed = [f for f in files if not f.is_dir()]
    outside = [f for f in placed if not str(f).startswith(("/opt/piggy-desk/", "/usr/share/"))]
    assert outside == [Path("/usr/bin/piggy-desk")], outside

    said = run_as_written(check, {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert "ok:" in said, said
    users_data = snapshot(Path(user_home["HOME"]))

    for removal in ("remove", "purge"):
        if removal == "remove":
            run_as_written(remove, env)
        else:
            run_as_written(install, env)
            run_as_written(remove.replace(" remove ", " purge "), env)
        assert installed_version() is None
        left = [f for f in files if f.exists() and not f.is_dir()]
        assert left == [], f"left behind by apt-get {removal}: {left}"
        assert not Path("/opt/piggy-desk").exists()
        # No configuration files of its own either: dpkg forgets the package at once.
        known = subprocess.run(
            ["dpkg-query", "-W", PACKAGE],  # noqa: S607
            capture_output=True,
            check=False,
        )
        assert known.returncode != 0, f"dpkg still knows the package after {removal}"
    home_after = snapshot(Path(user_home["HOME"]))
    assert home_after == users_data, "removing the program changed the user's files"
    assert "settings.json" in "\n".join(home_after)


def newer_deb(folder: Path) -> Path:
    """The same bundle packed as a newer release (the .deb's upgrade path is dpkg's)."""
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    assert spec is not None and spec.loader is not None
    deb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deb)
    version = run("dpkg-deb", "--field", DEB, "Version").strip()
    newer: Path = deb.build_deb(
        ROOT / "dist" / "piggy-desk", f"{version}+1", folder, folder / "work"
    )
    return newer


@pytest.mark.usefixtures("uninstalled")
def test_an_upgrade_keeps_settings_journal_and_key_store_and_releases_the_old_lock(
    user_home: dict[str, str], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    home = Path(user_home["HOME"])
    journal = home / ".local" / "share" / "PiggyDesk" / "journal.sqlite3"
    apt_install(Path(DEB))
    old_version = installed_version()
    before = snapshot(home)
    newer = newer_deb(tmp_path / "newer")
    apt_install(newer)  # over the installed one, as IT rolls out a release
    assert installed_version() not in (None, old_version)
    assert snapshot(home) == before, "the upgrade changed a user's files"

    # The upgraded program on this user's folders: it reads their settings and opens the
    # journal release 0.1.0 wrote, whose lock Piggy still holds (the program's clock is
    # five minutes after that lock was taken); its start releases it with the kept key.
    code, key, locked_at = open_lock_in(journal)
    sandbox.hold_lock(code, key)
    log = tmp_path / "log"
    program = subprocess.Popen(
        ["/usr/bin/piggy-desk", "--base-url", sandbox.base_url, "--log-dir", str(log)],
        env={
            **os.environ,
            **user_home,
            "PIGGY_TOKEN": sandbox.token,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            **at_time(locked_at.replace(tzinfo=None) + timedelta(minutes=5)),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while sandbox.voucher_state(code)["status"] == "LOCKED" and time.monotonic() < deadline:
            assert program.poll() is None, "the upgraded program stopped"
            time.sleep(0.1)
    finally:
        program.send_signal(signal.SIGTERM)
        program.wait(timeout=30)
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert sandbox.voucher_state(code)["redemptions_used"] == 0
    text = (log / "piggy-desk.log").read_text(encoding="utf-8")
    assert "language nl" in text  # the user's settings.json, read by the new release
    with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
        actions = db.execute("SELECT action, outcome, code FROM entries ORDER BY id").fetchall()
    assert actions[:3] == [
        ("lock", "ok", KNOWN.WITH_PLU),
        ("redeem", "ok", KNOWN.WITH_PLU),
        ("lock", "ok", code),
    ]
    assert ("release", "ok", code) in actions[3:]
