CREATE PROCEDURE [test_CheckInstall].[test warns about jobs left disabled by an unfinished deploy]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.DeployJobState';
    INSERT INTO woo.DeployJobState (JobId, JobName, DisabledAtUtc) VALUES (NEWID(), N'CpOrders test job', SYSUTCDATETIME());

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    SELECT a.[Status], a.Detail INTO #ActualJobs FROM #Actual AS a WHERE a.CheckName = 'jobs_after_deploy';
    CREATE TABLE #Expected ([Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Expected ([Status], Detail)
    VALUES ('WARN', N'1 job(s) are still disabled by an unfinished deploy: EXEC woo.usp_RestoreJobsAfterDeploy;');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#ActualJobs';
END;
