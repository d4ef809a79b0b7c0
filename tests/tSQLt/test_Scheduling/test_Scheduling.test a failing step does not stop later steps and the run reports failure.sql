-- The pull of T15A raises an error: the pull of T15B, the processing and the stock push of T15B still run, every call
-- with @Execute = 'Y'; the run ends with THROW CPO-PIPELINE-FAILED naming the failed step (so the Agent job step fails);
-- no transaction is left open; the PIPELINE run log row is FAILED and its Details list each step's outcome.
--[@tSQLt:NoTransaction]('test_Scheduling.CleanUp')
CREATE PROCEDURE [test_Scheduling].[test a failing step does not stop later steps and the run reports failure]
AS
BEGIN
    EXEC test_Scheduling.Arrange;
    CREATE TABLE #calls (Id int IDENTITY (1, 1) NOT NULL, Step varchar (40) NOT NULL, StoreId varchar (10) NULL, [Execute] char (1) NULL);
    CREATE TABLE #fail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #logfail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    INSERT INTO #fail (Step, StoreId) VALUES ('PULL', 'T15A');

    DECLARE @Error nvarchar (4000), @TranCount int;
    BEGIN TRY
        EXEC woo.usp_RunPipeline;
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_MESSAGE();
    END CATCH;
    SET @TranCount = @@TRANCOUNT;

    SELECT Step, StoreId, [Execute] INTO #Expected FROM #calls WHERE 1 = 0;
    INSERT INTO #Expected (Step, StoreId, [Execute])
    VALUES ('PULL', 'T15A', 'Y'), ('PULL', 'T15B', 'Y'), ('PROCESS', NULL, 'Y'), ('STOCK', 'T15B', 'Y');
    SELECT Step, StoreId, [Execute] INTO #Actual FROM #calls WHERE Step IN ('PULL', 'PROCESS', 'STOCK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'every later step ran';
    DECLARE @NotReal int = (SELECT COUNT(*) FROM #calls WHERE ISNULL([Execute], 'N') <> 'Y');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @NotReal, @Message = N'every step of a real run runs for real';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @TranCount, @Message = N'no transaction is left open';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'CPO-PIPELINE-FAILED: 1 of % step run(s) failed: PULL T15A (%', @Actual = @Error;

    SELECT r.Outcome, r.ErrorCode INTO #Run FROM woo.RunLog AS r WHERE r.Step = 'PIPELINE';
    SELECT CONVERT(varchar (10), 'FAILED') AS Outcome, CONVERT(varchar (40), 'CPO-PIPELINE-FAILED') AS ErrorCode INTO #RunExpected;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#RunExpected', @Actual = N'#Run', @Message = N'one PIPELINE row, FAILED';

    SELECT d.step, d.store_id, d.outcome
    INTO #Details
    FROM woo.RunLog AS r
    CROSS APPLY OPENJSON(r.Details, N'$.runs') WITH (step varchar (40) '$.step', store_id varchar (10) '$.store_id', outcome varchar (10) '$.outcome') AS d
    WHERE r.Step = 'PIPELINE' AND d.step IN ('PULL', 'PROCESS', 'STOCK');
    SELECT step, store_id, outcome INTO #DetailsExpected FROM #Details WHERE 1 = 0;
    INSERT INTO #DetailsExpected (step, store_id, outcome)
    VALUES ('PULL', 'T15A', 'FAILED'), ('PULL', 'T15B', 'OK'), ('PROCESS', NULL, 'OK'), ('STOCK', 'T15B', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#DetailsExpected', @Actual = N'#Details', @Message = N'each step''s outcome in Details';
END;
