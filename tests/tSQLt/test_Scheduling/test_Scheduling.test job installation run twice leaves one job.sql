-- Installing the pipeline job twice (the second time with another interval) leaves one job of that name, owned by the
-- job login, in category CpOrders, with one T-SQL step in this database and one schedule, updated in place to the new
-- interval. Needs msdb with SQL Agent's procedures and the runner's job login; tSQLt's transaction rolls msdb back.
CREATE PROCEDURE [test_Scheduling].[test job installation run twice leaves one job]
AS
BEGIN
    DECLARE @Owner sysname = N'CpOrdersTest_JobLogin';
    DECLARE @JobName sysname = (SELECT d.JobName FROM woo.fn_JobDefinitions(45) AS d WHERE d.JobKey = 'PIPELINE');

    EXEC woo.usp_InstallJobs @Owner = @Owner, @IntervalSeconds = 30, @Jobs = N'PIPELINE';
    EXEC woo.usp_InstallJobs @Owner = @Owner, @IntervalSeconds = 45, @Jobs = N'PIPELINE';

    SELECT j.name AS JobName, c.name AS Category, CASE WHEN j.owner_sid = SUSER_SID(@Owner) THEN 'job login' ELSE 'other' END AS OwnedBy,
           (SELECT COUNT(*) FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = j.job_id) AS Steps,
           (SELECT MAX(s.database_name) FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = j.job_id) AS StepDatabase,
           (SELECT COUNT(*) FROM msdb.dbo.sysjobschedules AS js WHERE js.job_id = j.job_id) AS Schedules,
           (SELECT MAX(s.freq_subday_interval) FROM msdb.dbo.sysjobschedules AS js JOIN msdb.dbo.sysschedules AS s ON s.schedule_id = js.schedule_id
            WHERE js.job_id = j.job_id) AS IntervalSeconds
    INTO #Actual
    FROM msdb.dbo.sysjobs AS j
    JOIN msdb.dbo.syscategories AS c ON c.category_id = j.category_id
    WHERE j.name = @JobName;
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected (JobName, Category, OwnedBy, Steps, StepDatabase, Schedules, IntervalSeconds)
    VALUES (@JobName, N'CpOrders', 'job login', 1, DB_NAME(), 1, 45);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
