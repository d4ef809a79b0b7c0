-- r15 finding 1 (issue 15: "be told, once"): the pipeline job (every 30 s) and the alert digest (every 5 minutes) have
-- no SQL Agent notification (e-mail 0, event log 0): their failures reach a person through the alert digest; the daily
-- housekeeping job writes the event log on failure (2). Needs msdb with SQL Agent's procedures and the runner's job
-- login; tSQLt's transaction rolls msdb back. Fails on the old code (event log 2 for every job).
CREATE PROCEDURE [test_Scheduling].[test only the daily jobs notify an operator]
AS
BEGIN
    EXEC woo.usp_InstallJobs @Owner = N'CpOrdersTest_JobLogin', @IntervalSeconds = 30, @Jobs = N'PIPELINE,ALERT_DIGEST,HOUSEKEEPING';

    SELECT d.JobKey, j.notify_level_email AS EmailLevel, j.notify_level_eventlog AS EventLogLevel
    INTO #Actual
    FROM woo.fn_JobDefinitions(30) AS d
    JOIN msdb.dbo.sysjobs AS j ON j.name = d.JobName
    WHERE d.JobKey IN ('PIPELINE', 'ALERT_DIGEST', 'HOUSEKEEPING');
    SELECT TOP (0) * INTO #Expected FROM #Actual;
    INSERT INTO #Expected (JobKey, EmailLevel, EventLogLevel) VALUES ('PIPELINE', 0, 0), ('ALERT_DIGEST', 0, 0), ('HOUSEKEEPING', 0, 2);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
