-- Removes the SQL Agent jobs of CpOrders database $(DatabaseName) and their schedules (woo.usp_UninstallJobs), and
-- nothing else: the database, its data and the jobs of other CpOrders databases stay. To remove CpOrders completely:
-- uninstall/Uninstall.CpOrders.sql (README, Uninstall). Run as a sysadmin:
--   sqlcmd -E -b -S <server> -i agent-jobs/Uninstall.sql -v DatabaseName=CpOrders Execute=Y      (Execute=N: list only)
:on error exit
SET NOCOUNT ON;
USE [$(DatabaseName)];
GO
EXEC woo.usp_UninstallJobs @Execute = '$(Execute)';
GO
