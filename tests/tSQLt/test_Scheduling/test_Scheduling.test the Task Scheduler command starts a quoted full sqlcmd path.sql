-- r15 finding 4: the printed schtasks line of the pipeline runs the full sqlcmd path quoted inside a /TR value that is
-- one quoted argument (inner quotes as \"), with the server and this database quoted; a bare 'sqlcmd' (which schtasks
-- looks for in System32 only) and a name holding & are refused, both in one error. Changes nothing (no msdb needed).
-- Fails on the old code (the path was printed unquoted and 'sqlcmd' was the default).
CREATE PROCEDURE [test_Scheduling].[test the Task Scheduler command starts a quoted full sqlcmd path]
AS
BEGIN
    DECLARE @Path nvarchar (260) = N'C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE';
    CREATE TABLE #Lines (Id int IDENTITY (1, 1) NOT NULL, Line nvarchar (4000) NOT NULL);
    INSERT INTO #Lines (Line)
    EXEC woo.usp_ScriptTaskScheduler @RunAsAccount = N'HOST\svc-cporders', @ServerName = N'HOST\SQLEXPRESS', @SqlcmdPath = @Path, @Jobs = N'PIPELINE';

    DECLARE @Line nvarchar (4000) = (SELECT l.Line FROM #Lines AS l WHERE l.Line LIKE N'schtasks /Create %');
    DECLARE @Expected nvarchar (4000) = N'schtasks /Create /F /TN "CpOrders\' + REPLACE(DB_NAME(), N'.', N'\') + N'\Pipeline" /SC MINUTE /MO 1 /RU "HOST\svc-cporders" /RP * '
        + N'/TR "\"' + @Path + N'\" -E -b -S \"HOST\SQLEXPRESS\" -d \"' + DB_NAME() + N'\" -Q \"EXEC woo.usp_RunPipeline;\""';
    EXEC tSQLt.AssertEqualsString @Expected = @Expected, @Actual = @Line;

    DECLARE @Error nvarchar (4000);
    BEGIN TRY
        EXEC woo.usp_ScriptTaskScheduler @RunAsAccount = N'HOST\svc&cporders', @SqlcmdPath = N'sqlcmd', @Jobs = N'PIPELINE';
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_MESSAGE();
    END CATCH;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%@RunAsAccount must be a Windows account%', @Actual = @Error;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%@SqlcmdPath must be the full path of SQLCMD.EXE%', @Actual = @Error;
END;
