-- The least-privileged caller: the job login (CpOrdersJob only; the runner gives it no msdb user, so it is guest there,
-- or not admitted) runs the digest (mail configured: the DatabaseMailUserRole check finds it missing and says so in one
-- CPO-MAIL-PERMISSION alert, no mail is attempted, nothing fails), the checks (msdb's job tables unreadable: not
-- checked, no failure) and housekeeping; it cannot change the settings or acknowledge alerts (operators').
CREATE PROCEDURE [test_Alerts].[test the job login runs the digest, the checks and housekeeping]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'pull failed', @StoreId = 'T15A';

    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SendAlertDigest;', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_SendAlertDigest raised as the job login';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_CheckAlerts @Force = ''Y'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_CheckAlerts raised as the job login';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_Housekeeping;', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_Housekeeping raised as the job login';

    DECLARE @Mails int = (SELECT COUNT(*) FROM #mails),
            @MailAlerts int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-MAIL-PERMISSION' AND [Message] LIKE N'%DatabaseMailUserRole%'),
            @Runs int = (SELECT COUNT(*) FROM woo.RunLog WHERE Step IN ('ALERT_DIGEST', 'ALERT_CHECK', 'HOUSEKEEPING') AND Outcome IN ('OK', 'WARNING'));
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Mails, @Message = N'no mail without DatabaseMailUserRole';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @MailAlerts, @Message = N'one CPO-MAIL-PERMISSION alert saying what to do';
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Runs, @Message = N'three run log rows, none FAILED';

    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SetAlertSetting @MailEnabled = ''N'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not change the alert settings';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_AcknowledgeAlert @Code = ''CPO-PULL-FAILED'', @Reason = N''x'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not acknowledge alerts';
END;
