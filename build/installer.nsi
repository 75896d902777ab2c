; The Windows installer (NSIS 3, Unicode), built by build/windows_installer.py:
;     makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSOURCE=<bundle folder> -DOUTFILE=<exe>
;              [-DICON=<app.ico>] build/installer.nsi
;
; - Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\,
;   shortcuts to the user's Start menu and desktop, the uninstall entry to HKCU.
; - In Vietnamese.
; - The user's data (%LOCALAPPDATA%\DienChauDesktop: the data file, its backups, the
;   settings and the log) is never touched: not by an upgrade, not by uninstalling.
; - Installing over an older version replaces the program files only.

; 64-bit, Unicode: the program itself is 64-bit, and this runs where it runs.
Target amd64-unicode
!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z"
!endif
!ifndef SOURCE
  !error "Pass -DSOURCE=<the PyInstaller one-folder bundle>"
!endif
!ifndef OUTFILE
  !define OUTFILE "dienchau-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "Theo dõi kế hoạch UBND xã"
!define APP_ID "DienChauDesktop"
!define EXE_NAME "dienchau-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
; An upgrade goes where the last version went.
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "UBND xã Diễn Châu"
VIAddVersionKey /LANG=1066 "LegalCopyright" "UBND xã Diễn Châu"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
; What it needs, said on the first page: what Qt 6 (the program's toolkit) supports.
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài đặt ${APP_NAME} ${VERSION} vào máy tính.$\r$\n$\r$\nYêu cầu: Windows 10 hoặc Windows 11, bản 64-bit.$\r$\n$\r$\nDữ liệu đã có (tệp dữ liệu, các bản sao lưu) được giữ nguyên.$\r$\n$\r$\nBấm «Tiến» để tiếp tục."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở chương trình ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; Windows 10 or 11, 64-bit, or nothing: Qt 6 runs on nothing older, and the program
; would not start. Refused before any page, with the reason in Vietnamese (in a silent
; install /S too: the message is skipped there, and the exit code is 3).
Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "Không cài đặt được ${APP_NAME}: chương trình cần Windows 10 hoặc Windows 11, bản 64-bit.$\r$\n$\r$\nMáy tính này đang chạy phiên bản Windows cũ hơn (hoặc bản 32-bit), không được hỗ trợ. Hãy cài đặt trên máy có Windows 10 hoặc 11 (64-bit)." /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Section "Chương trình" SecProgram
  SectionIn RO
  ; Replace the program files of an older version; never the data folder, which is
  ; elsewhere (or, for a portable copy, in "data", which is kept here too).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "UBND xã Diễn Châu"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"
SectionEnd

Section "Uninstall"
  ; The program only: the data file, backups, settings and log stay where they are
  ; (%LOCALAPPDATA%\DienChauDesktop), and so does a portable copy's "data" folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd
