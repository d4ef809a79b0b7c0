-- Helper (not a test): fakes the tables the alert procedures read and write, configures mail (profile CpOrdersTest,
-- WARNING classes at most every 240 minutes, Agent jobs of a category no real job has), and spies on the mail call
-- (each mail a row of the test's #mails, or @MailCommand instead), the install check (no rows) and the JSON purge
-- (each call a row of the test's #purges). A test creates #mails and #purges before it runs a digest or housekeeping.
CREATE PROCEDURE [test_Alerts].[Arrange]
    @MailCommand nvarchar (max) = N'INSERT INTO #mails ([subject], body) VALUES (@Subject, @Body);',
    @SpyInstall  bit = 1   -- 0: the real woo.usp_CheckInstall runs (the job login's real path)
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.AlertSetting', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.AlertClassSetting', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.AlertSeenItem', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Outbox', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.AlertSetting (SettingId, MailEnabled, MailProfile, MailRecipients, MailMinSeverity, CriticalPeriodMinutes, WarningPeriodMinutes,
                                  JobCategory, CheckEveryMinutes)
    VALUES (1, 'Y', N'CpOrdersTest', 'ops@example.com', 'WARNING', 60, 240, N'CpOrdersTest-no-such-category', 5);
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_SendAlertMail', @CommandToExecute = @MailCommand;
    IF @SpyInstall = 1
        EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_CheckInstall';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_PurgeOrderJson', @CommandToExecute = N'INSERT INTO #purges ([execute]) VALUES (@Execute);';
END;
