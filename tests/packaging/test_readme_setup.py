"""The README's "Set up" apt line is complete for Qt's window on a bare Debian 12
(issue 15.1): every library the xcb platform plugin of the installed PySide6 loads, and
everything those load, is found, and the package holding it is on the line or pulled in
by one that is."""

from __future__ import annotations

from tests.packaging.readme import apt_packages, debian_deps


def test_the_set_up_line_names_every_package_qts_window_needs() -> None:
    deps = debian_deps()
    binaries, pip_folder = deps.pyside_binaries()
    assert any(b.name == "libqxcb.so" for b in binaries), binaries
    derivation = deps.derive(binaries, pip_folder)
    # On a machine that installed the README's line (CI does), nothing is missing.
    assert not derivation.missing, (
        f"ldd finds no {sorted(derivation.missing)}: "
        "the README's 'Set up' line misses the packages that hold them"
    )
    needed = deps.reduce(derivation.packages)
    listed = apt_packages("setup-apt")
    assert needed <= listed, f"the README's 'Set up' line misses {sorted(needed - listed)}"
    assert "fonts-dejavu-core" in listed  # a bare system has no font: Qt draws no text
