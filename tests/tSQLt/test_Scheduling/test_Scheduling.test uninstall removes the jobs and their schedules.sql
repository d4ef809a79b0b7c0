-- After installing two jobs, woo.usp_UninstallJobs leaves no job of this database and none of their schedules.
CREATE PROCEDURE [test_Scheduling].[test uninstall removes the jobs and their schedules]
AS
BEGIN
    EXEC woo.usp_InstallJobs @Owner = N'CpOrdersTest_JobLogin', @Jobs = N'PIPELINE,CATALOG';
    SELECT js.schedule_id INTO #Schedules
    FROM msdb.dbo.sysjobs AS j JOIN msdb.dbo.sysjobschedules AS js ON js.job_id = j.job_id
    WHERE j.name IN (SELECT d.JobName FROM woo.fn_JobDefinitions(30) AS d);
    DECLARE @Made int = (SELECT COUNT(*) FROM #Schedules);
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Made, @Message = N'sanity: two jobs with a schedule each';

    EXEC woo.usp_UninstallJobs;

    SELECT j.name INTO #Left FROM msdb.dbo.sysjobs AS j WHERE j.name IN (SELECT d.JobName FROM woo.fn_JobDefinitions(30) AS d);
    EXEC tSQLt.AssertEmptyTable @TableName = N'#Left', @Message = N'no job of this database is left';
    SELECT s.schedule_id INTO #LeftSchedules FROM msdb.dbo.sysschedules AS s JOIN #Schedules AS x ON x.schedule_id = s.schedule_id;
    EXEC tSQLt.AssertEmptyTable @TableName = N'#LeftSchedules', @Message = N'their schedules are gone';
END;
