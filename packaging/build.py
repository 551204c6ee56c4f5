"""Build the Piggy Desk bundle for this OS: ``python packaging/build.py``.

It cleans what an earlier build left, runs PyInstaller on ``packaging/piggy-desk.spec``
(one folder: ``dist/piggy-desk/``; on macOS also ``dist/Piggy Desk.app``) and packs it as
``dist/piggy-desk-<version>-<os>-<arch>.tar.gz`` (``.zip`` on Windows), symlinks kept.

``--deb`` (Debian, Ubuntu) also makes ``dist/piggy-desk_<version>_<arch>.deb`` from the
bundle (see packaging/deb.py); ``--deb-only`` makes it from the bundle already in
``dist/piggy-desk/`` without building again, and ``--deb-version`` gives the package
another version (the upgrade test packs the same bundle as a newer release).

``--installer`` also makes this OS's installer: the .deb on Linux, an Inno Setup
installer on Windows (``packaging/windows/piggy-desk.iss``: ISCC.exe of Inno Setup 6.3 or
newer must be installed) and a disk image holding ``Piggy Desk.app`` on macOS (hdiutil;
signed with ``CODESIGN_IDENTITY`` when that is set, as the .app is);
``--installer-only`` makes it from the bundle already in ``dist/``.

``--hello`` builds the PySide6 hello-world baseline (``packaging/hello.py``) the same way,
with the same exclusions, into ``dist/hello/`` and ``dist/hello-<os>-<arch>.tar.gz``;
when both archives exist their sizes are printed side by side. ``--no-trim`` keeps every
Qt file the hooks collect (to measure what the trimming saves).
"""

from __future__ import annotations

import argparse
import os
import platform
import runpy
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
SPEC = PACKAGING / "piggy-desk.spec"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def os_name() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return sys.platform.rstrip("0123456789")  # linux, freebsd


def arch_name() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def archive_path(name: str) -> Path:
    suffix = ".zip" if os_name() == "windows" else ".tar.gz"
    version = "" if name == "hello" else f"-{metadata.version('piggy-desk')}"
    return DIST / f"{name}{version}-{os_name()}-{arch_name()}{suffix}"


def clean(name: str) -> Path:
    workpath = ROOT / "build" / f"pyinstaller-{name}"
    targets = [DIST / name, workpath, archive_path(name)]
    if os_name() == "macos":
        targets.append(DIST / ("Hello.app" if name == "hello" else "Piggy Desk.app"))
    for target in targets:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
    return workpath


def run_pyinstaller(name: str, workpath: Path, *, trim: bool) -> None:
    spec_args = [*(["--hello"] if name == "hello" else []), *([] if trim else ["--no-trim"])]
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(workpath),
    ]
    if spec_args:
        command += ["--", *spec_args]
    say("$ " + " ".join(command))
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 (our own interpreter)


def add_linux_desktop_files(name: str, workpath: Path) -> None:
    """The .desktop entry and the icon it names, next to the executable."""
    bundle = DIST / name
    shutil.copy2(workpath / SPEC.stem / "piggy-desk.png", bundle / "piggy-desk.png")
    if name == "piggy-desk":
        shutil.copy2(PACKAGING / "piggy-desk.desktop", bundle / "piggy-desk.desktop")


def make_archive(name: str) -> Path:
    """Pack the bundle (the .app on macOS) with its top folder; symlinks stay symlinks."""
    target = archive_path(name)
    if os_name() == "macos":
        source = DIST / ("Hello.app" if name == "hello" else "Piggy Desk.app")
    else:
        source = DIST / name
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(source.rglob("*")):
                archive.write(path, path.relative_to(source.parent))
    else:
        with tarfile.open(target, "w:gz", compresslevel=6) as archive:
            # dereference=False (the default) stores symlinks as symlinks: the Qt
            # frameworks of a macOS .app and PyInstaller's _internal links rely on them.
            archive.add(source, arcname=source.name, recursive=True)
    return target


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def report_sizes() -> None:
    rows = []
    for name in ("piggy-desk", "hello"):
        archive = archive_path(name)
        if archive.exists() and (DIST / name).is_dir():
            rows.append((name, folder_size(DIST / name), archive.stat().st_size, archive.name))
    if not rows:
        return
    say("")
    say(f"{'bundle':<12} {'folder':>22} {'archive':>22}  file")
    for name, folder, packed, file in rows:
        say(f"{name:<12} {folder:>12,} B {mb(folder):>8} {packed:>12,} B {mb(packed):>8}  {file}")
    if len(rows) == 2:
        say(
            f"piggy-desk / hello: folder x{rows[0][1] / rows[1][1]:.2f}, "
            f"archive x{rows[0][2] / rows[1][2]:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hello", action="store_true", help="build the hello-world baseline")
    parser.add_argument("--no-trim", action="store_true", help="keep every collected Qt file")
    parser.add_argument("--deb", action="store_true", help="also make a Debian package")
    parser.add_argument(
        "--deb-only", action="store_true", help="make the .deb from dist/piggy-desk as it is"
    )
    parser.add_argument("--deb-version", help="the .deb's version (default: the program's)")
    parser.add_argument("--installer", action="store_true", help="also make this OS's installer")
    parser.add_argument(
        "--installer-only", action="store_true", help="make it from the bundle in dist/ as it is"
    )
    arguments = parser.parse_args()
    name = "hello" if arguments.hello else "piggy-desk"
    if arguments.deb_only:
        return make_deb(arguments.deb_version)
    if arguments.installer_only:
        return make_installer()

    started = time.monotonic()
    workpath = clean(name)
    if name == "piggy-desk":
        # The .qm files are built, not committed: the bundle carries what the .ts say now.
        translations = runpy.run_path(str(ROOT / "scripts" / "translations.py"))
        for qm in translations["build"]():
            say(f"translation: {qm.relative_to(ROOT)}")
    run_pyinstaller(name, workpath, trim=not arguments.no_trim)
    built = time.monotonic()
    if os_name() not in ("windows", "macos"):
        add_linux_desktop_files(name, workpath)
    archive = make_archive(name)
    done = time.monotonic()
    say(
        f"built {DIST / name} in {built - started:.1f} s ({mb(folder_size(DIST / name))}); "
        f"packed in {done - built:.1f} s"
    )
    say(f"archive: {archive} ({archive.stat().st_size:,} bytes, {mb(archive.stat().st_size)})")
    report_sizes()
    if arguments.deb and name == "piggy-desk":
        return make_deb(arguments.deb_version)
    if arguments.installer and name == "piggy-desk":
        return make_installer()
    return 0


def make_installer() -> int:
    if os_name() == "windows":
        target = make_windows_installer()
    elif os_name() == "macos":
        target = make_dmg()
    else:
        return make_deb(None)
    say(f"installer: {target} ({target.stat().st_size:,} bytes)")
    return 0


def find_iscc() -> Path:
    """Inno Setup's compiler: on PATH, or where its installer puts it."""
    on_path = shutil.which("iscc")
    if on_path:
        return Path(on_path)
    for folder in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if folder and (Path(folder) / "Inno Setup 6" / "ISCC.exe").exists():
            return Path(folder) / "Inno Setup 6" / "ISCC.exe"
    raise SystemExit(
        "Inno Setup 6 is needed (https://jrsoftware.org/isdl.php, or choco install innosetup)"
    )


def iscc_command(iscc: Path, version: str) -> list[str]:
    return [
        str(iscc),
        "/Q",
        f"/DAppVersion={version}",
        f"/DBundleDir={DIST / 'piggy-desk'}",
        f"/DOutputDir={DIST}",
        str(PACKAGING / "windows" / "piggy-desk.iss"),
    ]


def make_windows_installer() -> Path:
    version = metadata.version("piggy-desk")
    target = DIST / f"piggy-desk-{version}-windows-x86_64-setup.exe"
    target.unlink(missing_ok=True)
    command = iscc_command(find_iscc(), version)
    say("$ " + " ".join(command))
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 (Inno Setup on our script)
    return target


def dmg_path() -> Path:
    return DIST / f"piggy-desk-{metadata.version('piggy-desk')}-macos-{arch_name()}.dmg"


def make_dmg() -> Path:
    """A compressed disk image: ``Piggy Desk.app`` and a link to /Applications to drag it
    onto. Signed with ``CODESIGN_IDENTITY`` (a Developer ID) when set; the .app inside is
    signed either way (ad hoc without an identity) by PyInstaller."""
    app = DIST / "Piggy Desk.app"
    staging = ROOT / "build" / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    # ditto keeps the .app's symlinks, extended attributes and signature intact.
    subprocess.run(["ditto", str(app), str(staging / app.name)], check=True)  # noqa: S603, S607
    (staging / "Applications").symlink_to("/Applications")
    target = dmg_path()
    target.unlink(missing_ok=True)
    command = [
        "hdiutil", "create", "-volname", "Piggy Desk", "-srcfolder", str(staging),
        "-fs", "HFS+", "-format", "UDZO", "-ov", str(target),
    ]  # fmt: skip
    for attempt in range(3):  # hdiutil now and then answers "Resource busy" on CI runners
        if subprocess.run(command, check=False).returncode == 0:  # noqa: S603
            break
        say(f"hdiutil create failed (attempt {attempt + 1}); trying again")
        time.sleep(5)
    else:
        raise SystemExit("hdiutil could not create the disk image")
    identity = os.environ.get("CODESIGN_IDENTITY")
    if identity:
        subprocess.run(  # noqa: S603
            ["codesign", "--sign", identity, "--timestamp", str(target)],  # noqa: S607
            check=True,
        )
    return target


def make_deb(version: str | None) -> int:
    sys.path.insert(0, str(PACKAGING))
    import deb  # packaging/deb.py (packaging/ is a folder of scripts)

    started = time.monotonic()
    target = deb.build_deb(
        DIST / "piggy-desk",
        version or metadata.version("piggy-desk"),
        DIST,
        ROOT / "build" / "deb",
    )
    say(f"deb: {target} ({target.stat().st_size:,} bytes) in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
