-- r15 finding 4: two runs of the same store still RUNNING long after the limit fold into one CPO-RUN-LONG alert. Each
-- run is announced once (woo.AlertSeenItem), so three checks give two occurrences, not two more at every check.
CREATE PROCEDURE [test_Alerts].[test two stuck runs of one store are announced once each]
AS
BEGIN
    CREATE TABLE #mails (seq int IDENTITY (1, 1), [subject] nvarchar (255), body nvarchar (max));
    CREATE TABLE #purges (seq int IDENTITY (1, 1), [execute] char (1));
    EXEC [test_Alerts].[Arrange];
    DECLARE @Long datetime2 (3) = DATEADD(HOUR, -5, SYSUTCDATETIME());
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('PULL', 'T15A', @Long, 'RUNNING', 'N'), ('PULL', 'T15A', DATEADD(MINUTE, 1, @Long), 'RUNNING', 'N');

    EXEC woo.usp_CheckAlerts @Force = 'Y';
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    EXEC woo.usp_CheckAlerts @Force = 'Y';

    DECLARE @Occurrences int = (SELECT SUM(Occurrences) FROM woo.Alert WHERE Code = 'CPO-RUN-LONG'),
            @Seen int = (SELECT COUNT(*) FROM woo.AlertSeenItem WHERE Code = 'CPO-RUN-LONG');
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Occurrences, @Message = N'each stuck run is announced once, not again at every check';
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Seen;

    -- The runs end (a DBA marks them): the seen rows go.
    UPDATE woo.RunLog SET Outcome = 'FAILED', EndedAtUtc = SYSUTCDATETIME() WHERE Step = 'PULL';
    EXEC woo.usp_CheckAlerts @Force = 'Y';
    SET @Seen = (SELECT COUNT(*) FROM woo.AlertSeenItem WHERE Code = 'CPO-RUN-LONG');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Seen, @Message = N'a run no longer RUNNING is forgotten';
END;
