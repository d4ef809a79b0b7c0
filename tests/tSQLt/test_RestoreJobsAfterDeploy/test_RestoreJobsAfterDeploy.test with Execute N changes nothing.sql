CREATE PROCEDURE [test_RestoreJobsAfterDeploy].[test with Execute N changes nothing]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.DeployJobState';
    DECLARE @JobId uniqueidentifier = NEWID();
    INSERT INTO woo.DeployJobState (JobId, JobName, DisabledAtUtc) VALUES (@JobId, N'CpOrders job deleted meanwhile', '2026-01-01');
    SELECT JobId, JobName, DisabledAtUtc INTO #Expected FROM woo.DeployJobState;

    EXEC woo.usp_RestoreJobsAfterDeploy @Execute = 'N';

    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'woo.DeployJobState';
END;
