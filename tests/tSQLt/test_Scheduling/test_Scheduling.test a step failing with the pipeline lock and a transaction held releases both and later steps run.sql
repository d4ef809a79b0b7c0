-- r15 finding 3(b)/14: the pull of T15A takes 'CpOrders.Pipeline' (Session) and opens a transaction, then fails (as an
-- error that bypasses a step's own CATCH would leave them). woo.usp_RunPipeline rolls the transaction back, releases
-- the lock, and the later steps still run: after the run this session holds no pipeline lock and no transaction, and
-- the run reports the failure. Fails on the old code (the step CATCH only rolled back: the lock stayed held).
--[@tSQLt:NoTransaction]('test_Scheduling.CleanUp')
CREATE PROCEDURE [test_Scheduling].[test a step failing with the pipeline lock and a transaction held releases both and later steps run]
AS
BEGIN
    EXEC test_Scheduling.Arrange;
    CREATE TABLE #calls (Id int IDENTITY (1, 1) NOT NULL, Step varchar (40) NOT NULL, StoreId varchar (10) NULL, [Execute] char (1) NULL);
    CREATE TABLE #fail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #logfail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #leak (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    INSERT INTO #leak (Step, StoreId) VALUES ('PULL', 'T15A');

    DECLARE @Error nvarchar (4000), @TranCount int, @Lock nvarchar (32);
    BEGIN TRY
        EXEC woo.usp_RunPipeline;
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_MESSAGE();
    END CATCH;
    SELECT @TranCount = @@TRANCOUNT, @Lock = APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session');

    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @TranCount, @Message = N'no transaction is left open';
    EXEC tSQLt.AssertEqualsString @Expected = N'NoLock', @Actual = @Lock, @Message = N'the pipeline lock the step left is released';
    SELECT Step, StoreId INTO #Actual FROM #calls WHERE Step IN ('PULL', 'PROCESS', 'STOCK');
    SELECT TOP (0) Step, StoreId INTO #Expected FROM #Actual;
    INSERT INTO #Expected (Step, StoreId) VALUES ('PULL', 'T15A'), ('PULL', 'T15B'), ('PROCESS', NULL), ('STOCK', 'T15B');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'every later step ran';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'CPO-PIPELINE-FAILED: 1 of % step run(s) failed: PULL T15A (%', @Actual = @Error;
END;
