-- The least-privileged caller (design 1): the job login (CpOrdersTest_JobLogin, member of CpOrdersJob only, created by
-- the runner) processes a deposit order. Reading SY_PAY_COD and PS_DRW_SESSION, taking the ticket counter and writing
-- PS_DOC_PMT, PS_DOC_PMT_APPLY and PS_DOC_HDR_ORIG_DOC all go through the signed modules: a missing grant would make
-- the order RETRY (229/916) instead of APPLIED. Dynamic SQL, so no ownership chain from this dbo-owned test hides a check.
--[@tSQLt:NoTransaction]('test_Payments.CleanUp')
CREATE PROCEDURE [test_Payments].[test the job login applies a deposit order through the signed modules]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = 'DEPOSIT';
    DECLARE @QueueId bigint, @Outcomes nvarchar (max), @Error nvarchar (4000), @State varchar (10), @DocId bigint, @Links int, @Payments int;
    EXEC test_Payments.StageOrder @WooOrderId = 95005, @QueueId = @QueueId OUTPUT;
    DECLARE @Batch nvarchar (max) = N'
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    EXEC woo.usp_ProcessStagedOrders @StoreId = ''T15Y'', @Execute = ''Y'', @Outcomes = @O OUTPUT;
END TRY
BEGIN CATCH
    SET @E = CONVERT(nvarchar (20), ERROR_NUMBER()) + N'': '' + ERROR_MESSAGE();
END CATCH;
REVERT;';
    DECLARE @Exec nvarchar (300) = N'sys.sp_executesql';   -- by name: the test dacpac has no master reference for it
    EXEC @Exec @Batch, N'@O nvarchar (max) OUTPUT, @E nvarchar (4000) OUTPUT', @O = @Outcomes OUTPUT, @E = @Error OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'error raised as the job login';
    SELECT @State = q.[State], @DocId = q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = @Outcomes;
    SELECT @Links = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC AS o WHERE o.ORIG_DOC_ID = @DocId;
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Links, @Message = N'the deposit ticket and its link';
    SELECT @Payments = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_PMT_APPLY AS a
    WHERE a.DOC_ID IN (@DocId, (SELECT o.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC AS o WHERE o.ORIG_DOC_ID = @DocId));
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Payments, @Message = N'payments applied on both documents';
END;
