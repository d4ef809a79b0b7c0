-- CpOrders SQL Agent jobs: installs or updates every job of database $(DatabaseName) (woo.fn_JobDefinitions) with
-- woo.usp_InstallJobs (README, Scheduling). Safe to repeat: one job of each, each with one step and one schedule; a job
-- whose procedure this CpOrders version lacks is left out with a message. The Job.*.sql files install one job each.
-- Run as a sysadmin; the jobs run as $(JobOwner), a dedicated login that is not a sysadmin, mapped to a user of
-- $(DatabaseName) holding only the CpOrdersJob role (woo.usp_InstallJobs checks it and reports every problem at once).
-- SQLCMD variables (no :setvar here, because :setvar would override sqlcmd -v):
--   DatabaseName     the CpOrders database          JobOwner      the job login
--   IntervalSeconds  the pipeline's interval (30)  OperatorName  an Agent operator to e-mail on failure, or NONE
--   sqlcmd -E -b -S <server> -i agent-jobs/Install.sql -v DatabaseName=CpOrders JobOwner=CpOrdersJob IntervalSeconds=30 OperatorName=NONE Execute=Y
-- A dry run (lists what it would do, changes nothing): add -v Execute=N; otherwise -v Execute=Y.
:on error exit
SET NOCOUNT ON;
USE [$(DatabaseName)];
GO
DECLARE @Interval int = $(IntervalSeconds), @Operator sysname = NULLIF(N'$(OperatorName)', N'NONE');
EXEC woo.usp_InstallJobs @Owner = N'$(JobOwner)', @IntervalSeconds = @Interval, @OperatorName = @Operator, @Jobs = N'ALL', @Execute = '$(Execute)';
GO
