-- As the non-sysadmin job login (a member of CpOrdersJob only, as the Agent jobs run): woo.usp_RunPipeline runs (its
-- run log row, applock and the steps are reached through dbo-owned modules) and records OK; the DBA's procedures are
-- refused (229: granted to no role). The steps are spied, so no step's own permissions are tested here (their classes
-- do that). NoTransaction: the pipeline refuses an outer transaction.
--[@tSQLt:NoTransaction]('test_Scheduling.CleanUp')
CREATE PROCEDURE [test_Scheduling].[test the job login runs the pipeline but not the job installer]
AS
BEGIN
    EXEC test_Scheduling.Arrange;
    CREATE TABLE #calls (Id int IDENTITY (1, 1) NOT NULL, Step varchar (40) NOT NULL, StoreId varchar (10) NULL, [Execute] char (1) NULL);
    CREATE TABLE #fail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #logfail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);

    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_RunPipeline;', @ErrorNumber = @Error OUTPUT;
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'woo.usp_RunPipeline failed as the job login with error ', @Error;
    DECLARE @Outcome varchar (10) = (SELECT r.Outcome FROM woo.RunLog AS r WHERE r.Step = 'PIPELINE'),
            @Calls int = (SELECT COUNT(*) FROM #calls WHERE Step IN ('PULL', 'PROCESS', 'STOCK'));
    EXEC tSQLt.AssertEqualsString @Expected = 'OK', @Actual = @Outcome, @Message = N'the PIPELINE row';
    EXEC tSQLt.AssertEquals @Expected = 4, @Actual = @Calls, @Message = N'every step was called';

    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_InstallJobs @Owner = N''CpOrdersTest_JobLogin'', @Execute = ''N'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not install jobs';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_UninstallJobs @Execute = ''N'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not remove jobs';
END;
