-- @Execute = 'N' checks the owner and lists the jobs, and creates no job, step, schedule or category row in msdb.
CREATE PROCEDURE [test_Scheduling].[test job installation dry run writes nothing]
AS
BEGIN
    DECLARE @Before int = (SELECT COUNT(*) FROM msdb.dbo.sysjobs) + (SELECT COUNT(*) FROM msdb.dbo.sysjobsteps)
                        + (SELECT COUNT(*) FROM msdb.dbo.sysschedules) + (SELECT COUNT(*) FROM msdb.dbo.syscategories);

    EXEC woo.usp_InstallJobs @Owner = N'CpOrdersTest_JobLogin', @Jobs = N'PIPELINE,CATALOG', @Execute = 'N';

    DECLARE @After int = (SELECT COUNT(*) FROM msdb.dbo.sysjobs) + (SELECT COUNT(*) FROM msdb.dbo.sysjobsteps)
                       + (SELECT COUNT(*) FROM msdb.dbo.sysschedules) + (SELECT COUNT(*) FROM msdb.dbo.syscategories);
    EXEC tSQLt.AssertEquals @Expected = @Before, @Actual = @After, @Message = N'msdb rows before and after the dry run';
END;
