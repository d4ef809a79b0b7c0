-- An unknown owner login, an interval below Agent's 10 seconds, an unknown operator and an unknown job are all named in
-- one error, and no job is made.
CREATE PROCEDURE [test_Scheduling].[test job installation reports every problem at once]
AS
BEGIN
    DECLARE @Error nvarchar (4000), @Jobs int = (SELECT COUNT(*) FROM msdb.dbo.sysjobs);
    BEGIN TRY
        EXEC woo.usp_InstallJobs @Owner = N'CpOrdersTest_NoSuchLogin', @IntervalSeconds = 5, @OperatorName = N'CpOrdersTest_NoSuchOperator',
             @Jobs = N'PIPELINE,NO_SUCH_JOB';
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_MESSAGE();
    END CATCH;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'woo.usp_InstallJobs: no job was changed%', @Actual = @Error;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%@IntervalSeconds must be between 10%', @Actual = @Error;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%CPO-JOBS-OWNER: @Owner ''CpOrdersTest_NoSuchLogin'' is not a login%', @Actual = @Error;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%CPO-JOBS-OPERATOR%', @Actual = @Error;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%@Jobs names NO[_]SUCH[_]JOB%', @Actual = @Error;
    DECLARE @After int = (SELECT COUNT(*) FROM msdb.dbo.sysjobs);
    EXEC tSQLt.AssertEquals @Expected = @Jobs, @Actual = @After, @Message = N'no job was made';
END;
