"""Which Debian packages Qt's native (xcb) window needs: derived, not remembered.

    python packaging/debian_deps.py --pyside          # for PySide6 as pip installed it
    python packaging/debian_deps.py --bundle dist/piggy-desk   # for the PyInstaller bundle

It runs ``ldd`` over the xcb platform plugin and every shared library it loads (with the
bundle: over every shared library in the bundle, as the bundle's loader sees them), keeps
the libraries found outside PySide6 or the bundle, asks ``dpkg -S`` which package holds
each, and drops every package another one on the list already depends on (apt installs
those anyway). A library ldd does not find is reported as missing: install the package
that has it, then derive again. The README's "Set up" line (tests/packaging/) and the
.deb's ``Depends:`` (packaging/build.py --deb) come from here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Packages every Debian system has (priority required): never worth naming.
_REQUIRED = {"required"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is needed (this derivation runs on Debian or Ubuntu)")
    return path


_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


@dataclass
class Derivation:
    """What ldd found: packages holding the system libraries, and libraries not found."""

    packages: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)
    libraries: dict[str, str] = field(default_factory=dict)  # library path -> package


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4) == b"\x7fELF"
    except OSError:
        return False


def program_qt_modules() -> list[str]:
    """The Qt modules the program's source imports (QtCore, QtGui, ...)."""
    source = Path(__file__).resolve().parent.parent / "piggy_desk"
    found = set()
    for path in source.rglob("*.py"):
        found.update(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return sorted(found)


def pyside_binaries() -> tuple[list[Path], Path]:
    """The xcb plugin of the installed PySide6 and the plugins it loads (its GL
    integrations), with the Python modules the program imports; and PySide6's folder."""
    import PySide6

    root = Path(PySide6.__file__).resolve().parent
    plugins = root / "Qt" / "plugins"
    binaries = [plugins / "platforms" / "libqxcb.so"]
    binaries += sorted((plugins / "xcbglintegrations").glob("*.so"))
    binaries += [root / f"{module}.abi3.so" for module in program_qt_modules()]
    # PySide6, shiboken6 and the rest of what pip installed: not system libraries.
    return [b for b in binaries if b.exists()], root.parent


def bundle_binaries(bundle: Path) -> list[Path]:
    """Every ELF file of a PyInstaller onedir bundle (the executable, Qt, its plugins,
    Python's extension modules)."""
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def ldd(binary: Path, library_path: Path | None) -> list[tuple[str, str]]:
    """(soname, path or "not found") for everything ``binary`` loads, transitively."""
    env = dict(os.environ)
    if library_path is not None:
        # As PyInstaller's bootloader runs the program: its own folder searched first.
        env["LD_LIBRARY_PATH"] = str(library_path)
    result = subprocess.run(  # noqa: S603 - ldd on our own files
        [_tool("ldd"), str(binary)], capture_output=True, text=True, env=env, check=False
    )
    found = []
    for line in result.stdout.splitlines():
        match = _LDD_LINE.match(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def _spellings(path: str) -> list[str]:
    """A library's path as dpkg may have recorded it (merged /usr: with or without it)."""
    names = []
    for candidate in (path, os.path.realpath(path)):
        names.append(candidate)
        names.append(
            candidate[len("/usr") :] if candidate.startswith("/usr/") else "/usr" + candidate
        )
    return names


def packages_of(paths: set[str]) -> dict[str, str]:
    """The Debian package holding each library file, for those dpkg knows."""
    asked = {spelling: path for path in paths for spelling in _spellings(path)}
    if not asked:
        return {}
    result = subprocess.run(  # noqa: S603 - paths ldd printed
        [_tool("dpkg-query"), "-S", *sorted(asked)], capture_output=True, text=True, check=False
    )
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        package, _, where = line.partition(": ")
        if where in asked and "," not in package:
            found[asked[where]] = package.split(":")[0].strip()
    return found


@dataclass(frozen=True)
class Installed:
    """A Debian package as dpkg has it: its priority and what it depends on."""

    priority: str
    depends: frozenset[str]


def installed_packages() -> dict[str, Installed]:
    """Every installed package's priority and dependencies (one dpkg-query call)."""
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [_tool("dpkg-query"), "-W", "-f", "${Package}\t${Priority}\t${Pre-Depends},${Depends}\n"],
        capture_output=True,
        text=True,
        check=True,
    )
    packages = {}
    for line in result.stdout.splitlines():
        name, priority, depends = line.split("\t")
        names = set()
        for clause in depends.split(","):
            for alternative in clause.split("|"):
                dependency = alternative.strip().split(" ")[0].split(":")[0]
                if dependency:
                    names.add(dependency)
        packages[name] = Installed(priority, frozenset(names))
    return packages


def reduce(packages: set[str]) -> set[str]:
    """Drop packages of priority required and those another package here depends on,
    directly or not: what is left is what to ask apt for."""
    known = installed_packages()

    def reachable(package: str) -> set[str]:
        seen: set[str] = set()
        todo = list(known[package].depends) if package in known else []
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo += known[name].depends if name in known else []
        return seen

    kept = {p for p in packages if p not in known or known[p].priority not in _REQUIRED}
    pulled = {o: reachable(o) for o in kept}
    return {p for p in kept if not any(p in pulled[o] for o in kept if o != p)}


def derive(binaries: list[Path], inside: Path, library_path: Path | None = None) -> Derivation:
    """The packages of the libraries ``binaries`` load from outside ``inside``."""
    derivation = Derivation()
    inside = inside.resolve()
    paths: set[str] = set()
    for binary in binaries:
        for soname, where in ldd(binary, library_path):
            if where == "not found":
                derivation.missing.add(soname)
            elif not Path(where).resolve().is_relative_to(inside):
                paths.add(where)
    found = packages_of(paths)
    for path in sorted(paths):
        if path in found:
            derivation.libraries[path] = found[path]
            derivation.packages.add(found[path])
        else:
            derivation.missing.add(f"{path} (in no Debian package)")
    return derivation


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--pyside", action="store_true", help="PySide6 as installed by pip")
    which.add_argument("--bundle", type=Path, help="a PyInstaller onedir bundle")
    parser.add_argument("--all", action="store_true", help="every package, not reduced")
    arguments = parser.parse_args()
    if arguments.bundle:
        bundle = arguments.bundle
        derivation = derive(bundle_binaries(bundle), bundle, bundle / "_internal")
    else:
        binaries, root = pyside_binaries()
        derivation = derive(binaries, root)
    if derivation.missing:
        sys.stderr.write("not found: " + " ".join(sorted(derivation.missing)) + "\n")
        return 1
    packages = derivation.packages if arguments.all else reduce(derivation.packages)
    sys.stdout.write(" ".join(sorted(packages)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
