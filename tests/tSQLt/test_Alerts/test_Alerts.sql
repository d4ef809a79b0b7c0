-- tSQLt test class: alerts of issue 15 (woo.usp_RaiseAlert, woo.usp_SendAlertDigest, woo.usp_CheckAlerts,
-- woo.usp_AcknowledgeAlert, woo.usp_Housekeeping). CpOrders' tables are faked (Arrange); the Database Mail call is
-- spied on through woo.usp_SendAlertMail (msdb.dbo.sp_send_dbmail itself cannot be spied on from CpOrders), so no
-- test sends mail and each digest mailed is a row of woo.usp_SendAlertMail_SpyProcedureLog. woo.usp_CheckInstall and
-- woo.usp_PurgeOrderJson are spied on too (their own classes test them).
CREATE SCHEMA [test_Alerts] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Alerts';
