CREATE PROCEDURE [test_RestoreJobsAfterDeploy].[test forgets a job that no longer exists]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.DeployJobState';
    INSERT INTO woo.DeployJobState (JobId, JobName, DisabledAtUtc) VALUES (NEWID(), N'CpOrders job deleted meanwhile', SYSUTCDATETIME());

    EXEC woo.usp_RestoreJobsAfterDeploy;

    EXEC tSQLt.AssertEmptyTable @TableName = N'woo.DeployJobState';
END;
