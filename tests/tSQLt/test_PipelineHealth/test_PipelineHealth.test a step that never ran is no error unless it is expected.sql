-- Steps that never ran on this install: INFO (e.g. FULFILLMENT before that feature is scheduled), but PULL is expected
-- while a store is enabled: without a run it is a WARNING; a step that ran once is expected from then on.
CREATE PROCEDURE [test_PipelineHealth].[test a step that never ran is no error unless it is expected]
AS
BEGIN
    EXEC [test_PipelineHealth].[Arrange];
    DELETE FROM woo.RunLog WHERE Step = 'PULL';
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, EndedAtUtc, Outcome, IsDryRun)
    VALUES ('RECONCILE', 'WEB', DATEADD(DAY, -4, SYSUTCDATETIME()), DATEADD(DAY, -4, SYSUTCDATETIME()), 'OK', 'N');
    SELECT h.CheckName, h.[Status] INTO #Actual FROM woo.HealthCheck AS h
    WHERE h.Area = 'STEP' AND h.CheckName IN ('PULL', 'FULFILLMENT', 'STOCK', 'RECONCILE', 'PROCESS');
    CREATE TABLE #Expected (CheckName varchar (40) NOT NULL, [Status] varchar (10) NOT NULL);
    INSERT INTO #Expected (CheckName, [Status])
    VALUES ('PULL', 'WARNING'), ('FULFILLMENT', 'INFO'), ('STOCK', 'INFO'), ('RECONCILE', 'CRITICAL'), ('PROCESS', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
