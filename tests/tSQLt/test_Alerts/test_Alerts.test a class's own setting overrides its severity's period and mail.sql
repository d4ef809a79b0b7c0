-- woo.usp_SetAlertClass: a muted class is marked, never mailed; a class with its own 5-minute period is mailed again
-- after 5 minutes although its severity's period (WARNING, 240) has not passed.
CREATE PROCEDURE [test_Alerts].[test a class's own setting overrides its severity's period and mail]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_SetAlertClass @Code = 'CPO-QUEUE-STALE', @Mail = 'N';
    EXEC woo.usp_SetAlertClass @Code = 'CPO-PULL-FAILED', @PeriodMinutes = 5;
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-QUEUE-STALE', @Message = N'stale', @StoreId = 'T15A';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'pull failed', @StoreId = 'T15A';
    EXEC woo.usp_SendAlertDigest;
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'pull failed again', @StoreId = 'T15A';
    UPDATE woo.Alert SET MailedAtUtc = DATEADD(MINUTE, -6, MailedAtUtc) WHERE Code = 'CPO-PULL-FAILED';
    EXEC woo.usp_SendAlertDigest;

    SELECT SUBSTRING(m.[subject], CHARINDEX(N'CPO-', m.[subject]), 15) AS Class INTO #Actual FROM #mails AS m;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES (N'CPO-PULL-FAILED'), (N'CPO-PULL-FAILED');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Unmarked int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-QUEUE-STALE' AND MailedAtUtc IS NULL);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Unmarked, @Message = N'the muted class is marked';
END;
