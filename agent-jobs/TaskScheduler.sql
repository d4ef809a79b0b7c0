-- SQL Server Express (no SQL Agent): prints the Windows Task Scheduler commands (schtasks /Create, sqlcmd -E) that run
-- the jobs of CpOrders database $(DatabaseName) as the dedicated Windows account $(RunAsAccount)
-- (woo.usp_ScriptTaskScheduler; README, Scheduling). Changes nothing; a Windows administrator runs the printed lines.
-- SqlcmdPath is the full path of SQLCMD.EXE on the machine the tasks run on (`where sqlcmd` in cmd.exe shows it;
-- schtasks looks for a bare name in System32 only); TrustServerCertificate=Y adds sqlcmd -C (sqlcmd 18 with a
-- self-signed Express certificate), otherwise N.
--   sqlcmd -E -b -S <server> -i agent-jobs/TaskScheduler.sql -v DatabaseName=CpOrders RunAsAccount=DOMAIN\svc-cporders SqlcmdPath="C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE" TrustServerCertificate=N
:on error exit
SET NOCOUNT ON;
USE [$(DatabaseName)];
GO
EXEC woo.usp_ScriptTaskScheduler @RunAsAccount = N'$(RunAsAccount)', @SqlcmdPath = N'$(SqlcmdPath)', @TrustServerCertificate = '$(TrustServerCertificate)';
GO
