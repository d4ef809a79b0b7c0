-- Database Mail refusing the send (here: the spied call raises msdb's "profile name is not valid", 14607) ends the
-- run WARNING with one CPO-MAIL-PROFILE alert; the classes whose mail failed or was not tried stay unmarked (r15
-- finding 2: a failed mail delays a digest, it never loses it), and the next run, with mail working, mails them.
-- The spy raises with XACT_ABORT OFF: tSQLt runs the test inside a transaction, which an error caught under XACT_ABORT ON
-- would doom (a scheduled digest runs outside any transaction, where this cannot happen).
CREATE PROCEDURE [test_Alerts].[test a failed mail becomes one alert and never fails the step]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    CREATE TABLE #fail (fail bit NOT NULL);
    INSERT INTO #fail VALUES (1);
    EXEC [test_Alerts].[Arrange] @MailCommand = N'INSERT INTO #mails ([subject], body) VALUES (@Subject, @Body); IF EXISTS (SELECT 1 FROM #fail WHERE fail = 1) BEGIN SET XACT_ABORT OFF; RAISERROR (14607, 16, 1, N''CpOrdersTest''); END;';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'pull failed', @StoreId = 'T15A';
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-CATALOG-FAILED', @Message = N'catalog failed', @StoreId = 'T15A';

    EXEC tSQLt.ExpectNoException;
    EXEC woo.usp_SendAlertDigest;

    SELECT a.Code, a.Occurrences INTO #Actual FROM woo.Alert AS a WHERE a.Code LIKE 'CPO-MAIL-%';
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('CPO-MAIL-PROFILE', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Outcome varchar (10) = (SELECT Outcome FROM woo.RunLog WHERE Step = 'ALERT_DIGEST'),
            @Unmarked int = (SELECT COUNT(*) FROM woo.Alert WHERE Code LIKE 'CPO-%-FAILED' AND MailedAtUtc IS NULL),
            @Tries int = (SELECT COUNT(*) FROM #mails);
    EXEC tSQLt.AssertEquals @Expected = 'WARNING', @Actual = @Outcome;
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Unmarked, @Message = N'a class whose mail failed (or was not tried after the failure) must stay due, not be marked as mailed';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Tries, @Message = N'the first failure stops mailing for the run';

    -- Mail works again: the next digest mails both classes (and the CPO-MAIL-PROFILE alert) and marks them.
    UPDATE #fail SET fail = 0;
    EXEC woo.usp_SendAlertDigest;
    SET @Unmarked = (SELECT COUNT(*) FROM woo.Alert WHERE Code LIKE 'CPO-%-FAILED' AND MailedAtUtc IS NULL);
    DECLARE @Delivered int = (SELECT COUNT(*) FROM #mails WHERE [subject] LIKE N'%CPO-PULL-FAILED%' OR [subject] LIKE N'%CPO-CATALOG-FAILED%');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Unmarked, @Message = N'sent at the next run, the classes are marked';
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Delivered, @Message = N'one failed try, then both classes mailed';
END;
