; Inno Setup script for Felt on Windows (packaging/README.md has the commands).
; Installs the PyInstaller bundle (build\dist\felt), a Start menu entry, and the
; felt:// URL scheme, so that clicking an invite opens Felt with the link.
;     iscc /DVersion=0.1.0 packaging\windows\felt.iss
#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C0F3D5E-2B7A-4C1E-9F7B-FE17F0E1A001}
AppName=Felt
AppVersion={#Version}
AppPublisher=Felt developers
DefaultDirName={autopf}\Felt
DefaultGroupName=Felt
DisableProgramGroupPage=yes
; Per user unless the installing person chooses all users (no administrator needed).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build
OutputBaseFilename=felt-{#Version}-windows-setup
SetupIconFile=..\..\resources\icon\felt.ico
UninstallDisplayIcon={app}\felt.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\build\dist\felt\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{autoprograms}\Felt"; Filename: "{app}\felt.exe"
Name: "{autodesktop}\Felt"; Filename: "{app}\felt.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; felt:// invites: HKA is the current user's or the machine's Classes, as installed.
Root: HKA; Subkey: "Software\Classes\felt"; ValueType: string; ValueName: ""; ValueData: "URL:Felt invite"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\felt"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\felt\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\felt.exe,0"
Root: HKA; Subkey: "Software\Classes\felt\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\felt.exe"" ""%1"""

[Run]
Filename: "{app}\felt.exe"; Description: "{cm:LaunchProgram,Felt}"; Flags: nowait postinstall skipifsilent
