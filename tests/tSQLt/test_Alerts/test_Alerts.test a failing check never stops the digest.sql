-- r15 finding 3: the AlertDigest job runs EXEC woo.usp_SendAlertDigest @Check = 'Y'. A check that fails (here the spied
-- woo.usp_CheckAlerts throws) does not stop the digest: the open alerts are still mailed, the failure becomes one
-- CRITICAL alert CPO-CHECK-FAILED (mailed by the same digest) and the digest run ends WARNING.
CREATE PROCEDURE [test_Alerts].[test a failing check never stops the digest]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    CREATE TABLE #checks (seq int IDENTITY (1, 1), [force] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_CheckAlerts',
         @CommandToExecute = N'INSERT INTO #checks ([force]) VALUES (@Force); SET XACT_ABORT OFF; RAISERROR (N''the check broke'', 16, 1);';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'pull failed', @StoreId = 'T15A';

    EXEC tSQLt.ExpectNoException;
    EXEC woo.usp_SendAlertDigest @Check = 'Y';

    DECLARE @Calls int = (SELECT COUNT(*) FROM #checks WHERE [force] = 'Y'),
            @Pull int = (SELECT COUNT(*) FROM #mails WHERE [subject] LIKE N'%CPO-PULL-FAILED%'),
            @Check int = (SELECT COUNT(*) FROM #mails WHERE [subject] LIKE N'%CRITICAL CPO-CHECK-FAILED%'),
            @Alert int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-CHECK-FAILED' AND Severity = 'CRITICAL' AND [Message] LIKE N'%the check broke%'),
            @Outcome varchar (10) = (SELECT Outcome FROM woo.RunLog WHERE Step = 'ALERT_DIGEST');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Calls, @Message = N'the digest runs the check once, forced';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Pull, @Message = N'the digest still mails what is open';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alert, @Message = N'the failed check is one CRITICAL alert';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Check, @Message = N'and that alert is mailed by the same digest';
    EXEC tSQLt.AssertEquals @Expected = 'WARNING', @Actual = @Outcome;
END;
