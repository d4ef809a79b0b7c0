-- Three FAILED PULL runs in a row (the setting's default) raise CPO-FAILING-PULL once; checking again adds nothing;
-- a fourth failure counts one more occurrence; an OK run in between would break the row.
CREATE PROCEDURE [test_Alerts].[test a step failing runs in a row is alerted once per new failure]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    DECLARE @T datetime2 (3) = DATEADD(MINUTE, -10, SYSUTCDATETIME());
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, EndedAtUtc, Outcome, IsDryRun, ErrorCode, ErrorMessage)
    VALUES ('PULL', 'T15A', DATEADD(MINUTE, -4, @T), @T, 'OK', 'N', NULL, NULL),
           ('PULL', 'T15A', DATEADD(MINUTE, -3, @T), @T, 'FAILED', 'N', 'CPO-WOO-401', N'unauthorized'),
           ('PULL', 'T15A', DATEADD(MINUTE, -2, @T), @T, 'FAILED', 'N', 'CPO-WOO-401', N'unauthorized'),
           ('PULL', 'T15B', DATEADD(MINUTE, -2, @T), @T, 'FAILED', 'N', 'CPO-WOO-401', N'unauthorized'),
           ('PULL', 'T15A', DATEADD(MINUTE, -1, @T), @T, 'FAILED', 'N', 'CPO-WOO-401', N'unauthorized');
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, EndedAtUtc, Outcome, IsDryRun, ErrorCode, ErrorMessage)
    VALUES ('PULL', 'T15A', @T, @T, 'FAILED', 'N', 'CPO-WOO-401', N'unauthorized');
    EXEC woo.usp_CheckAlerts @Force = 'Y';

    SELECT a.Code, a.StoreId, a.Occurrences INTO #Actual FROM woo.Alert AS a;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected VALUES ('CPO-FAILING-PULL', 'T15A', 2);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
