-- The rows written are the plan's rows: the order is planned again from the same input with the numbers it got (DOC_ID,
-- TKT_NO, DOC_GUID, TKT_DT and the RS_UTC_DT stamp read back from the header), and PS_DOC_HDR and PS_DOC_HDR_TOT
-- (every column: the plan carries all of them) must equal what woo.fn_Plan_<TABLE> reads from that plan.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test a written document equals its plan]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint, @DocId bigint, @Input nvarchar (max), @Numbers nvarchar (max), @Plan nvarchar (max);
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91051, @Subtotal = '100.00', @Total = '95.00', @CouponCode = N'FIVE', @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    SET @DocId = (SELECT q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId);
    EXEC woo.usp_GatherPlanInput @QueueId = @QueueId, @Mode = 'EXISTING', @CustNo = 'T13-C1', @Input = @Input OUTPUT;
    SET @Numbers = (SELECT h.DOC_ID, h.TKT_NO, h.DOC_GUID, CONVERT(varchar (23), h.TKT_DT, 126) AS TKT_DT, CONVERT(varchar (23), h.RS_UTC_DT, 126) AS nowUtc
                    FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId
                    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
    SET @Plan = wooclr.PlanOrderDocument(JSON_MODIFY(@Input, N'$.numbers', JSON_QUERY(@Numbers)));
    DECLARE @Ok nvarchar (10) = JSON_VALUE(@Plan, N'$.ok');
    EXEC tSQLt.AssertEquals @Expected = N'true', @Actual = @Ok, @Message = N'the plan again';

    SELECT p.* INTO #ExpectedHeader FROM woo.fn_Plan_PS_DOC_HDR(@Plan) AS p;
    SELECT h.* INTO #ActualHeader FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedHeader', @Actual = N'#ActualHeader', @Message = N'PS_DOC_HDR';

    SELECT p.* INTO #ExpectedTotals FROM woo.fn_Plan_PS_DOC_HDR_TOT(@Plan) AS p;
    SELECT t.* INTO #ActualTotals FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t WHERE t.DOC_ID = @DocId;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedTotals', @Actual = N'#ActualTotals', @Message = N'PS_DOC_HDR_TOT (O, R, V)';

    DECLARE @Lines int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l WHERE l.DOC_ID = @DocId AND l.LIN_GUID IS NOT NULL),
            @Planned int = (SELECT COUNT(*) FROM woo.fn_Plan_PS_DOC_LIN(@Plan));
    EXEC tSQLt.AssertEquals @Expected = @Planned, @Actual = @Lines, @Message = N'one PS_DOC_LIN per planned line, each with its LIN_GUID';
END;
