-- SQL Server Express (no SQL Agent): prints the Windows Task Scheduler commands (schtasks /Create, sqlcmd -E) that run
-- the jobs of CpOrders database $(DatabaseName) as the dedicated Windows account $(RunAsAccount)
-- (woo.usp_ScriptTaskScheduler; README, Scheduling). Changes nothing; a Windows administrator runs the printed lines.
--   sqlcmd -E -b -S <server> -i agent-jobs/TaskScheduler.sql -v DatabaseName=CpOrders RunAsAccount=DOMAIN\svc-cporders
:on error exit
SET NOCOUNT ON;
USE [$(DatabaseName)];
GO
EXEC woo.usp_ScriptTaskScheduler @RunAsAccount = N'$(RunAsAccount)';
GO
