"""The Windows installer and the macOS disk image (issue 18.2 and 18.3), as far as they can
be checked on Linux: they are built and run only by the release workflow on Windows and
macOS. Here: the Inno Setup script installs per machine with a Start menu entry and an
uninstaller, from the folder the build makes, under the names the README gives; and the
workflow runs the README's Windows and macOS steps, so "checked by the release workflow"
stays true when either changes."""

from __future__ import annotations

import re
from importlib import metadata

import pytest

from tests.packaging.readme import ROOT, commands

ISS = ROOT / "packaging" / "windows" / "piggy-desk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SPEC = ROOT / "packaging" / "piggy-desk.spec"
VERSION = metadata.version("piggy-desk")


def iss_sections() -> dict[str, list[str]]:
    """The script's sections and their lines, comments and preprocessor lines left out."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections[current] = []
        else:
            assert current is not None, f"a line before any section: {line}"
            sections[current].append(line)
    return sections


def setup_directives() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in iss_sections()["Setup"])
    return {key.strip(): value.strip() for key, value in pairs}


def entries(section: str) -> list[dict[str, str]]:
    """Lines such as ``Name: "x"; Filename: "y"; Flags: a b`` as dictionaries."""
    found = []
    for line in iss_sections()[section]:
        fields = re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', line)
        found.append({key: value.strip().strip('"') for key, value in fields})
    return found


def workflow_steps() -> list[str]:
    """The bundle job's steps, each as its text (no YAML library in the test extra)."""
    text = WORKFLOW.read_text(encoding="utf-8")
    job = text[text.index("\n  bundle:") : text.index("\n  publish:")]
    return job.split("\n      - ")[1:]


def step_scripts(os_name: str) -> str:
    return "\n".join(s for s in workflow_steps() if f"runner.os == '{os_name}'" in s)


def executable_name() -> str:
    match = re.search(r'NAME = "hello" if HELLO else "([\w-]+)"', SPEC.read_text(encoding="utf-8"))
    assert match, "the spec names its executable differently now"
    return match.group(1)


def test_the_windows_installer_is_per_machine_with_a_start_menu_entry_and_an_uninstaller() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "admin"  # Program Files, all users
    assert setup["DefaultDirName"] == r"{autopf}\Piggy Desk"
    assert setup.get("Uninstallable", "yes") == "yes"
    assert "x64" in setup["ArchitecturesInstallIn64BitMode"]  # Program Files, not (x86)
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    exe = f"{executable_name()}.exe"
    (shortcut,) = entries("Icons")
    assert shortcut["Name"] == r"{autoprograms}\Piggy Desk"  # the Start menu of all users
    assert shortcut["Filename"] == rf"{{app}}\{exe}"
    (files,) = entries("Files")
    assert files["Source"] == r"{#BundleDir}\*"  # the whole onedir bundle
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())
    # An upgrade leaves no file of the older bundle behind.
    (stale,) = entries("InstallDelete")
    assert stale["Name"] == r"{app}\_internal"


def test_the_readme_and_the_build_name_the_installer_the_script_writes() -> None:
    setup = setup_directives()
    written = setup["OutputBaseFilename"].replace("{#AppVersion}", VERSION) + ".exe"
    install, self_test, uninstall = commands("windows-commands")
    assert written in install.split()
    assert {"/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"} <= set(install.split())
    installed = setup["DefaultDirName"].replace("{autopf}", r"C:\Program Files")
    assert f'"{installed}\\{executable_name()}.exe" --self-test' in self_test
    assert f'"{installed}\\unins000.exe" /VERYSILENT' in uninstall
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'f"piggy-desk-{version}-windows-x86_64-setup.exe"' in build
    # The variables build.py passes are the ones the script reads.
    script = ISS.read_text(encoding="utf-8")
    for name in re.findall(r'f"/D(\w+)=', build):
        assert f"{{#{name}}}" in script, name


def test_the_release_workflow_runs_the_readmes_windows_steps() -> None:
    script = step_scripts("Windows")
    setup = setup_directives()
    assert "build.py --installer-only" in script
    _, self_test, uninstall = commands("windows-commands")
    for flag in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"):
        assert f'"{flag}"' in script
    assert '"--self-test", "--log-dir"' in script
    assert 'Join-Path $env:ProgramFiles "Piggy Desk"' in script
    assert "unins000.exe" in script and "unins000.exe" in uninstall
    app_id = setup["AppId"].removeprefix("{")
    assert f"Uninstall\\{app_id}_is1" in script  # the per-machine registration, checked
    assert "Start Menu\\Programs\\Piggy Desk.lnk" in script
    assert "piggy-desk.exe" in self_test


def test_the_release_workflow_runs_the_readmes_macos_steps() -> None:
    script = step_scripts("macOS")
    lines = commands("macos-commands")
    dmg = f"piggy-desk-{VERSION}-macos-arm64.dmg"
    assert dmg in lines[0]
    assert "build.py --installer-only" in script
    for line in lines:
        assert line.replace(dmg, '"$dmg"') in script, line
    assert 'codesign --verify --deep --strict "/Applications/Piggy Desk.app"' in script
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert "piggy-desk-{metadata.version('piggy-desk')}-macos-{arch_name()}.dmg" in build


@pytest.mark.parametrize(
    "pattern", ["dist/piggy-desk-*-setup.exe", "dist/piggy-desk-*.dmg", "dist/piggy-desk_*.deb"]
)
def test_the_release_workflow_uploads_every_installer(pattern: str) -> None:
    (upload,) = [s for s in workflow_steps() if s.startswith("uses: actions/upload-artifact@")]
    assert f"\n            {pattern}\n" in upload
