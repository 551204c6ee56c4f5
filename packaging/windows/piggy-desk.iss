; Inno Setup script: the Windows installer of Piggy Desk, for every user of the computer.
;
;   python packaging/build.py --installer        (on Windows, with Inno Setup 6.3 or newer)
;
; which runs ISCC.exe /DAppVersion=<version> /DBundleDir=<dist\piggy-desk> on this file and
; writes dist\piggy-desk-<version>-windows-x86_64-setup.exe. The release workflow builds it,
; installs it silently as the README says, runs the installed program's self-test and
; uninstalls it. tests/packaging/test_installers.py checks this file against the README.
;
; Silent, per machine:   piggy-desk-<version>-windows-x86_64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Uninstall:             "C:\Program Files\Piggy Desk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Users' settings, journal and logs live in their own AppData folders and the token in the
; Windows Credential Manager: neither an upgrade nor the uninstaller touches them.

#ifndef AppVersion
  #error Give the version: ISCC /DAppVersion=1.2.3 piggy-desk.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\piggy-desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; The AppId ties every release together: a newer installer upgrades this installation in
; place. Never change it.
AppId={{7FD98510-9BAF-4AB7-9DC3-A1C38CB07AA1}
AppName=Piggy Desk
AppVersion={#AppVersion}
AppVerName=Piggy Desk {#AppVersion}
AppPublisher=Piggy Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Piggy Desk
DefaultGroupName=Piggy Desk
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per machine: Program Files, the Start menu of all users, an entry in Apps & features.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=piggy-desk-{#AppVersion}-windows-x86_64-setup
UninstallDisplayIcon={app}\piggy-desk.exe
UninstallDisplayName=Piggy Desk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running Piggy Desk is closed before its files are replaced (its journal is safe: every
; line is on disk before a request leaves); it is not started again by itself.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[InstallDelete]
; An upgrade replaces the bundle as a whole: no file of an older release stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Piggy Desk"; Filename: "{app}\piggy-desk.exe"; WorkingDir: "{app}"; Comment: "Scan, reserve and redeem Piggy vouchers"

[Run]
Filename: "{app}\piggy-desk.exe"; Description: "{cm:LaunchProgram,Piggy Desk}"; Flags: nowait postinstall skipifsilent
