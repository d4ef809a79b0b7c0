-- A pull that ends on an error row logs its run FAILED without raising (woo.usp_PullOrders): the pipeline reads the
-- step's own run log rows, so the run still reports failure, and the later steps still ran.
--[@tSQLt:NoTransaction]('test_Scheduling.CleanUp')
CREATE PROCEDURE [test_Scheduling].[test a step whose own run log says FAILED fails the run]
AS
BEGIN
    EXEC test_Scheduling.Arrange;
    CREATE TABLE #calls (Id int IDENTITY (1, 1) NOT NULL, Step varchar (40) NOT NULL, StoreId varchar (10) NULL, [Execute] char (1) NULL);
    CREATE TABLE #fail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    CREATE TABLE #logfail (Step varchar (40) NOT NULL, StoreId varchar (10) NULL);
    INSERT INTO #logfail (Step, StoreId) VALUES ('PULL', 'T15B');

    DECLARE @Error nvarchar (4000);
    BEGIN TRY
        EXEC woo.usp_RunPipeline;
    END TRY
    BEGIN CATCH
        SET @Error = ERROR_MESSAGE();
    END CATCH;

    EXEC tSQLt.AssertLike @ExpectedPattern = N'CPO-PIPELINE-FAILED: 1 of % step run(s) failed: PULL T15B (test_Scheduling: logged failure)%', @Actual = @Error;
    DECLARE @Stock int = (SELECT COUNT(*) FROM #calls WHERE Step = 'STOCK');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Stock, @Message = N'the stock push still ran';
END;
