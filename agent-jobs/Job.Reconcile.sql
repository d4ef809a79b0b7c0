-- CpOrders SQL Agent job RECONCILE: the reconciliation of yesterday's orders, daily at 04:15 (woo.usp_RunPipeline @Steps = RECONCILE, woo.usp_Reconcile).
-- Installs or updates this one job of database $(DatabaseName) with woo.usp_InstallJobs (README, Scheduling): running
-- it again leaves one job with one step and one schedule. Run as a sysadmin; the job runs as $(JobOwner), a dedicated
-- login that is not a sysadmin, mapped to a user of $(DatabaseName) holding only the CpOrdersJob role.
-- SQLCMD variables (no :setvar here, because :setvar would override sqlcmd -v):
--   DatabaseName     the CpOrders database          JobOwner      the job login
--   IntervalSeconds  the pipeline's interval (30)  OperatorName  an Agent operator to e-mail on failure, or NONE
--   sqlcmd -E -b -S <server> -i agent-jobs/Job.Reconcile.sql -v DatabaseName=CpOrders JobOwner=CpOrdersJob IntervalSeconds=30 OperatorName=NONE
:on error exit
SET NOCOUNT ON;
USE [$(DatabaseName)];
GO
DECLARE @Interval int = $(IntervalSeconds), @Operator sysname = NULLIF(N'$(OperatorName)', N'NONE');
EXEC woo.usp_InstallJobs @Owner = N'$(JobOwner)', @IntervalSeconds = @Interval, @OperatorName = @Operator, @Jobs = N'RECONCILE';
GO
