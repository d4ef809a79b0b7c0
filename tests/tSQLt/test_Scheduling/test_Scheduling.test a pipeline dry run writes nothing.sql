-- @Execute = 'N': every step is called with @Execute = 'N' (each shows what it would do), the run log stays empty (no
-- PIPELINE row either) and no pipeline lock is left held.
--[@tSQLt:NoTransaction]('test_Scheduling.CleanUp')
CREATE PROCEDURE [test_Scheduling].[test a pipeline dry run writes nothing]
AS
BEGIN
    EXEC test_Scheduling.Arrange;
    CREATE TABLE #calls (Id int IDENTITY (1, 1) NOT NULL, Step varchar (40) NOT NULL, StoreId varchar (10) NULL, [Execute] char (1) NULL);
    CREATE TABLE #fail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #logfail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    INSERT INTO #logfail (Step, StoreId) VALUES ('PULL', NULL), ('PROCESS', NULL), ('STOCK', NULL);

    -- Not INSERT ... EXEC: that runs the procedure inside a statement transaction, which the pipeline refuses.
    EXEC woo.usp_RunPipeline @Execute = 'N';

    EXEC tSQLt.AssertEmptyTable @TableName = N'woo.RunLog', @Message = N'a dry run writes no run log';
    DECLARE @Real int = (SELECT COUNT(*) FROM #calls WHERE [Execute] <> 'N'), @Calls int = (SELECT COUNT(*) FROM #calls WHERE Step IN ('PULL', 'PROCESS', 'STOCK'));
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Real, @Message = N'every step was called with @Execute = N';
    EXEC tSQLt.AssertEquals @Expected = 4, @Actual = @Calls, @Message = N'pull T15A, pull T15B, process, stock T15B';
    DECLARE @Lock nvarchar (32) = APPLOCK_MODE(N'public', N'CpOrders.RunPipeline', N'Session');
    EXEC tSQLt.AssertEqualsString @Expected = N'NoLock', @Actual = @Lock, @Message = N'a dry run takes no lock';
END;
