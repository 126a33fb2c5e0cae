; Inno Setup 6 script for Stenosis Coach (NOT built or tested: written on Linux).
;
; 1. On Windows, build the one-folder app:   py packaging\build.py
;    -> packaging\dist\stenosis-coach\ with "Stenosis Coach.exe" (windowed) and
;       "stenosis-coach.exe" (console, the CLI), sharing _internal\
; 2. Compile this script:                    iscc /DAppVersion=0.1.0 packaging\windows\stenosis-coach.iss
;    -> packaging\dist\stenosis-coach-0.1.0-windows-x64-setup.exe
;
; Per-user by default (no administrator rights); an administrator may choose "all users".
; Windows recognises a file type by its LAST extension only, so "x.scplan.json" is a ".json"
; file to Explorer: the installer cannot make plan files open in the app by default without
; taking over every .json. It adds the app to ".json -> Open with" instead (never the
; default); the app refuses files that do not end in .scplan.json.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Stenosis Coach"
#define AppExe "Stenosis Coach.exe"
#define CliExe "stenosis-coach.exe"
#define ProgId "StenosisCoach.Plan"

[Setup]
AppId=io.github.stenosiscoach.StenosisCoach
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Stenosis Coach developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
ChangesEnvironment=yes
SetupIconFile=..\build\icons\stenosis-coach.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist
OutputBaseFilename=stenosis-coach-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "addtopath"; Description: "Add the stenosis-coach command to PATH (for the command line)"; Flags: unchecked

[Files]
Source: "..\dist\stenosis-coach\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The plan file type (ProgID) and how to open it: the windowed exe with the file, which shows
; the import preview.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Stenosis Coach exercise plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Offer it in Explorer's "Open with" for .json files (does not change the default program).
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Optional: the install folder on the user's PATH, for stenosis-coach.exe.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function PathList(): string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Result) then
    Result := '';
end;

function NotOnPath(Dir: string): Boolean;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(PathList()) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Dir: string;
  At: Integer;
begin
  if CurUninstallStep <> usUninstall then
    exit;
  Paths := PathList();
  Dir := ExpandConstant('{app}');
  At := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';');
  if At = 0 then
    exit;
  { remove "Dir" and one neighbouring ";" from the user's PATH }
  Delete(Paths, At, Length(Dir));
  if (At <= Length(Paths)) and (Copy(Paths, At, 1) = ';') then
    Delete(Paths, At, 1)
  else if (At > 1) and (Copy(Paths, At - 1, 1) = ';') then
    Delete(Paths, At - 1, 1);
  RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths);
end;
