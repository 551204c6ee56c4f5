"""The Linux bundle as a Debian package: ``python packaging/build.py --deb``.

    /opt/piggy-desk/                        the PyInstaller bundle, as built
    /usr/bin/piggy-desk                     a symlink to /opt/piggy-desk/piggy-desk
    /usr/share/applications/piggy-desk.desktop            the menu entry
    /usr/share/icons/hicolor/<size>/apps/piggy-desk.png   its icon
    /usr/share/doc/piggy-desk/copyright
    /usr/share/doc/piggy-desk/examples/settings.json   the README's system-wide settings
                                            example, to copy to /etc/piggy-desk/ and edit

No maintainer scripts: nothing runs, and nothing is fetched, at install; the menu and icon
caches are refreshed by the triggers of desktop-file-utils and hicolor-icon-theme where
those are installed. ``Depends:`` is derived from the bundle (packaging/debian_deps.py):
the packages of the system libraries it loads (OpenGL/EGL above all: PyInstaller leaves
them to the system), a glibc at least as new as the build machine's, and the data packages
the bundled system libraries read at run time (fontconfig's configuration and so a font,
the keyboard layouts of libxkbcommon). Users' settings, journal and token live in their
own folders and key store: installing, upgrading and removing never touch them.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debian_deps  # packaging/ is a folder of scripts, not a package

PACKAGE = "piggy-desk"
INSTALL_DIR = Path("/opt/piggy-desk")
ICON_SIZES = (48, 64, 128, 256, 512)
MAINTAINER = "Piggy Desk <piggy-desk@localhost>"
DESCRIPTION = """\
Piggy Desk: scan, reserve and redeem Piggy vouchers at the shop counter
 A desktop program for shop counters that speaks the Piggy (Leat) loyalty API:
 cashiers scan voucher codes and redeem them safely (find, lock, redeem or
 release); managers check promotions, create vouchers and read the counter
 journal. It carries its own Python and Qt, and a built-in sandbox for training.
"""


def _run(*command: str) -> str:
    tool = shutil.which(command[0])
    if tool is None:
        raise SystemExit(f"{command[0]} is needed to build the .deb (Debian or Ubuntu)")
    result = subprocess.run(  # noqa: S603 - fixed tools, our own files
        [tool, *command[1:]], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def deb_architecture() -> str:
    return _run("dpkg", "--print-architecture")


def glibc_version() -> str:
    """The build machine's glibc: the bundle runs on this one or newer."""
    name, version = platform.libc_ver()
    if name != "glibc" or not version:
        raise SystemExit("the .deb is built on a glibc system")
    return version


def _bundled_system_packages(bundle: Path) -> set[str]:
    """The build machine's packages whose libraries PyInstaller copied into the bundle."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or f"{platform.machine()}-linux-gnu"
    paths = set()
    for library in (bundle / "_internal").glob("lib*.so*"):
        for folder in (f"/usr/lib/{multiarch}", f"/lib/{multiarch}"):
            if Path(folder, library.name).exists():
                paths.add(f"{folder}/{library.name}")
                break
    return set(debian_deps.packages_of(paths).values())


def _ships_shared_libraries(package: str) -> bool:
    files = _run("dpkg-query", "-L", package).splitlines()
    return any(".so" in Path(f).name for f in files)


def data_dependencies(bundle: Path) -> set[str]:
    """What the bundled system libraries read besides code (fontconfig-config, xkb-data,
    ...): the dependencies of their packages that hold no shared library."""
    known = debian_deps.installed_packages()
    data = set()
    for package in _bundled_system_packages(bundle):
        for dependency in known[package].depends if package in known else ():
            if (
                dependency in known
                and known[dependency].priority != "required"
                and not _ships_shared_libraries(dependency)
            ):
                data.add(dependency)
    return data


def depends(bundle: Path) -> list[str]:
    """The ``Depends:`` of the package, derived from the bundle."""
    derivation = debian_deps.derive(
        debian_deps.bundle_binaries(bundle), bundle, bundle / "_internal"
    )
    if derivation.missing:
        raise SystemExit(
            "the bundle loads libraries this machine does not have: "
            + " ".join(sorted(derivation.missing))
            + " (install them, rebuild the bundle, build the .deb again)"
        )
    libraries = debian_deps.reduce(derivation.packages)
    data = debian_deps.reduce(data_dependencies(bundle) - libraries)
    return [f"libc6 (>= {glibc_version()})", *sorted(libraries), *sorted(data)]


README = Path(__file__).resolve().parent.parent / "README.md"


def system_settings_example() -> str:
    """The system-wide settings file of the README's worked example ("Deploying to many
    counters"), as the README writes it: one text, so the two cannot drift apart."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index("<!-- system-settings-example -->") :]
    body = block[block.index("<<'EOF'\n") + len("<<'EOF'\n") :]
    lines = body[: body.index("\n   EOF")].splitlines()
    return "\n".join(line.removeprefix("   ") for line in lines) + "\n"


def _installed_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def _normalise_modes(root: Path) -> None:
    """Folders 0755, executables 0755, other files 0644 (dpkg keeps what it is given)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _draw_icons(share: Path) -> None:
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{PACKAGE}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, str(Path(__file__).parent / "make_icon.py"), str(target), str(size)],
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )


def _desktop_entry(source: Path) -> str:
    """The bundle's entry, pointing at the installed command and the themed icon."""
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue  # the comment is about the archive's manual install
        if line.startswith("Exec="):
            line = "Exec=/usr/bin/piggy-desk"
        elif line.startswith("Icon="):
            line = f"Icon={PACKAGE}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def build_deb(
    bundle: Path, version: str, out_dir: Path, work: Path, *, compress: bool = True
) -> Path:
    """Make ``<out_dir>/piggy-desk_<version>_<arch>.deb`` from a onedir bundle
    (``compress=False``: quicker, three times the size; for tests)."""
    architecture = deb_architecture()
    dependencies = depends(bundle)
    if work.exists():
        shutil.rmtree(work)
    root = work / "root"
    shutil.copytree(bundle, root / INSTALL_DIR.relative_to("/"), symlinks=True)
    opt = root / INSTALL_DIR.relative_to("/")
    for extra in ("piggy-desk.desktop", "piggy-desk.png"):  # installed where the menu looks
        (opt / extra).unlink(missing_ok=True)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    desktop = Path(__file__).parent / "piggy-desk.desktop"
    (share / "applications" / f"{PACKAGE}.desktop").write_text(
        _desktop_entry(desktop), encoding="utf-8"
    )
    _draw_icons(share)
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Piggy Desk\nLicense: proprietary. It bundles Python (PSF License) and Qt and\n"
        "PySide6 (LGPL-3.0); their licence files are under /opt/piggy-desk/_internal.\n",
        encoding="utf-8",
    )
    # Not in /etc: a file there would be in force on every counter at once (and a
    # configuration file that outlives apt-get remove). IT copies it there and edits it.
    (doc / "examples").mkdir()
    (doc / "examples" / "settings.json").write_text(system_settings_example(), encoding="utf-8")
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(INSTALL_DIR / PACKAGE)
    _normalise_modes(root)
    control = root / "DEBIAN"
    control.mkdir(mode=0o755)
    (control / "control").write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {_installed_size_kib(root)}\n"
        f"Depends: {', '.join(dependencies)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}",
        encoding="utf-8",
    )
    (control / "control").chmod(0o644)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{architecture}.deb"
    target.unlink(missing_ok=True)
    # gzip: quick to build and every dpkg reads it; root owns every file.
    compression = ["-Zgzip", "-z6"] if compress else ["-Znone"]
    _run("dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(target))
    return target
