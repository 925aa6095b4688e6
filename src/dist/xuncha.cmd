@echo off
rem xuncha (巡察): the release launcher for Windows. Needs only a Java 17 runtime: java on the PATH, or JAVA_HOME.
rem Run it from this folder (its rules\ is the pack it reads), e.g.  xuncha check fixtures\yangqu-2022.yaml
setlocal
rem Chinese in the console: the report is written in UTF-8.
chcp 65001 >nul
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>nul
if errorlevel 1 (
  echo xuncha: 找不到 Java 运行环境。请安装 Java 17（或更新版本），或设置 JAVA_HOME。 1>&2
  exit /b 2
)
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %XUNCHA_JAVA_OPTS% -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%~dp0xuncha.jar" %*
exit /b %ERRORLEVEL%
