-- Database Mail refusing the send (here: the spied call raises msdb's "profile name is not valid", 14607) ends the
-- run WARNING with one CPO-MAIL-PROFILE alert; the classes are still marked, so the next run does not hammer msdb.
-- The spy raises with XACT_ABORT OFF: tSQLt runs the test inside a transaction, which an error caught under XACT_ABORT ON
-- would doom (a scheduled digest runs outside any transaction, where this cannot happen).
CREATE PROCEDURE [test_Alerts].[test a failed mail becomes one alert and never fails the step]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange] @MailCommand = N'INSERT INTO #mails ([subject], body) VALUES (@Subject, @Body); SET XACT_ABORT OFF; RAISERROR (14607, 16, 1, N''CpOrdersTest'');';
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
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Unmarked, @Message = N'the classes are marked although the mail failed';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Tries, @Message = N'the first failure stops mailing for the run';
END;
