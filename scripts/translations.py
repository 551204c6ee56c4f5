"""The program's translations: ``python scripts/translations.py update|build``.

``update`` runs Qt's lupdate over ``piggy_desk/`` into ``resources/translations/*.ts`` (the
sources translators edit, in Qt Linguist or a text editor): new texts arrive as
``type="unfinished"``, texts no longer in the code are dropped.

``build`` compiles each ``.ts`` with lrelease into
``piggy_desk/resources/translations/piggy_desk_<code>.qm``, what the program loads. The
``.qm`` files are not committed: ``pip install``, ``pip install -e`` (see ``setup.py``) and
``packaging/build.py`` build them.

Both tools come with PySide6 (``pyside6-lupdate``, ``pyside6-lrelease``); this script finds
them next to the installed PySide6 package, so it also works in a build environment where
only PySide6 was installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "piggy_desk" / "resources" / "translations"
SOURCES = ROOT / "piggy_desk"
LANGUAGES = ("en", "nl")


def ts_file(language: str) -> Path:
    return TS_DIR / f"piggy_desk_{language}.ts"


def qt_tool(name: str) -> Path:
    """The path of PySide6's ``lupdate`` or ``lrelease`` binary (without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"translations: PySide6 is not installed, so there is no {name}")
    folder = Path(next(iter(spec.submodule_search_locations)))
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"translations: no {name} in {folder}")


def lupdate_command(ts_files: list[Path], *, sources: Path = SOURCES) -> list[str]:
    """lupdate over every .py file under ``sources`` into ``ts_files`` (kept in step with
    ``update``, and used by the test that finds untranslated texts)."""
    return [
        str(qt_tool("lupdate")),
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "relative",
        str(sources),
        "-ts",
        *(str(path) for path in ts_files),
    ]


def update(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Bring the .ts files up to date with the texts in the code."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    command = lupdate_command([ts_file(code) for code in languages])
    subprocess.run(command, check=True)  # noqa: S603 (our own tool paths)


def build(out_dir: Path = QM_DIR, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Compile the .ts files into .qm files in ``out_dir`` (those older than their .ts);
    returns their paths.

    A .qm is written beside its place and renamed over it: a running Piggy Desk maps its
    .qm into memory, and rewriting that file in place would crash it (SIGBUS).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for code in languages:
        source, target = ts_file(code), out_dir / f"piggy_desk_{code}.qm"
        built.append(target)
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        try:
            subprocess.run(  # noqa: S603 (our own tool paths)
                [str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(partial)],
                check=True,
            )
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "build"))
    arguments = parser.parse_args(argv)
    if arguments.command == "update":
        update()
    else:
        for path in build():
            print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
