-- One mail per class per period: the class is mailed once; raised again within its period it is not mailed again
-- (only marked as new); after the period it is mailed again because something new happened; with nothing new after
-- that, never again.
CREATE PROCEDURE [test_Alerts].[test a digest is not repeated within its period]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'the pull failed; the next run tries again', @StoreId = 'T15A';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'the pull failed; the next run tries again', @StoreId = 'T15B';

    EXEC woo.usp_SendAlertDigest;                                  -- 1 mail: one class, two stores
    DECLARE @Mails int = (SELECT COUNT(*) FROM #mails);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Mails, @Message = N'the first digest mails the class once';

    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'the pull failed again', @StoreId = 'T15A';
    EXEC woo.usp_SendAlertDigest;                                  -- within 240 minutes: nothing
    EXEC woo.usp_SendAlertDigest;
    SET @Mails = (SELECT COUNT(*) FROM #mails);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Mails, @Message = N'raised again within the period, the class is not mailed again';

    -- The period passes (the last digest moved back 241 minutes): the new occurrence is mailed.
    UPDATE woo.Alert SET MailedAtUtc = DATEADD(MINUTE, -241, MailedAtUtc);
    EXEC woo.usp_SendAlertDigest;
    SET @Mails = (SELECT COUNT(*) FROM #mails);
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Mails, @Message = N'after the period, something new is mailed';

    -- Nothing new since: not mailed again, even after another period.
    UPDATE woo.Alert SET MailedAtUtc = DATEADD(MINUTE, -241, MailedAtUtc), LastRaisedAtUtc = DATEADD(MINUTE, -300, MailedAtUtc);
    EXEC woo.usp_SendAlertDigest;
    SET @Mails = (SELECT COUNT(*) FROM #mails);
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Mails, @Message = N'nothing new: no mail';

    DECLARE @Subject nvarchar (255) = (SELECT TOP (1) l.[subject] FROM #mails AS l ORDER BY l.seq);
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%WARNING CPO-PULL-FAILED: 2 open alert(s)%', @Actual = @Subject;
    DECLARE @Runs int = (SELECT COUNT(*) FROM woo.RunLog WHERE Step = 'ALERT_DIGEST' AND Outcome = 'OK');
    EXEC tSQLt.AssertEquals @Expected = 5, @Actual = @Runs, @Message = N'one ALERT_DIGEST run log row per run';
END;
