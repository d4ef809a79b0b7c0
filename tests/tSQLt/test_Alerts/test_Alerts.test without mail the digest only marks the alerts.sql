-- Mail off: nothing is sent, every class with news is marked (the table is the record), the run is OK.
CREATE PROCEDURE [test_Alerts].[test without mail the digest only marks the alerts]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    UPDATE woo.AlertSetting SET MailEnabled = 'N';
    EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = 'CPO-SCHEMA-DRIFT', @Message = N'drift';
    EXEC woo.usp_SendAlertDigest;
    DECLARE @Mails int = (SELECT COUNT(*) FROM #mails),
            @Unmarked int = (SELECT COUNT(*) FROM woo.Alert WHERE MailedAtUtc IS NULL);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Mails, @Message = N'mail is off';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Unmarked, @Message = N'every alert is marked';
END;
