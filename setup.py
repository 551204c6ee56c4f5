"""The package build's one extra step: the translations.

``resources/translations/*.ts`` are compiled with PySide6's lrelease into
``piggy_desk/resources/translations/*.qm`` before the package files are collected, so that
``pip install .``, ``pip install -e .`` and a wheel all carry them (the .qm files are not
committed). PySide6 is a build requirement for this (pyproject.toml).
"""

from __future__ import annotations

import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    """``build_py`` that first builds the .qm files into the package's resources."""

    def run(self) -> None:
        runpy.run_path(str(ROOT / "scripts" / "translations.py"))["build"]()
        self.__dict__.pop("data_files", None)  # collected again, now with the .qm files
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
