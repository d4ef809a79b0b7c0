-- A 100.00 line with a 10.00 coupon (WooCommerce total 90.00): the line keeps its gross price, the coupon is a line
-- discount counted once (the predecessor lowered the price AND subtracted the discount), the O total reconciles, the
-- next order number is taken, and the item's IM_INV row commits the quantity.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test a coupon order is written once and reconciles to the cent]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint, @State varchar (10), @DocId bigint, @TktNo varchar (15), @Next varchar (15);
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91001, @Subtotal = '100.00', @Total = '90.00', @CouponCode = N'TENOFF', @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    SELECT @State = q.[State], @DocId = q.DocId, @TktNo = q.TktNo FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'queue state';
    EXEC tSQLt.AssertEquals @Expected = 'W700', @Actual = @TktNo, @Message = N'the store''s next order number';
    SELECT @Next = c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P';
    EXEC tSQLt.AssertEquals @Expected = 'W701', @Actual = @Next, @Message = N'the counter moved once';

    CREATE TABLE #Expected (SUB_TOT decimal (15, 2), TOT_LIN_DISC decimal (15, 2), TOT_HDR_DISC decimal (15, 2), TOT_MISC decimal (15, 2),
                            TAX_AMT decimal (15, 2), TOT decimal (15, 2), LIN_EXT_PRC decimal (15, 2), DISC_AMT decimal (15, 2));
    INSERT INTO #Expected VALUES (100.00, 10.00, 0.00, 0.00, 0.00, 90.00, 100.00, 10.00);
    SELECT t.SUB_TOT, t.TOT_LIN_DISC, t.TOT_HDR_DISC, t.TOT_MISC, t.TAX_AMT, t.TOT,
           (SELECT SUM(l.EXT_PRC) FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l WHERE l.DOC_ID = @DocId) AS LIN_EXT_PRC,
           (SELECT SUM(d.DISC_AMT) FROM [$(CounterpointDb)].dbo.PS_DOC_DISC AS d WHERE d.DOC_ID = @DocId) AS DISC_AMT
    INTO #Actual
    FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t
    WHERE t.DOC_ID = @DocId AND t.TOT_TYP = 'O';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'order totals reconcile: 100.00 - 10.00 = 90.00';

    DECLARE @Commit decimal (15, 4), @OnOrd decimal (15, 4);
    SELECT @Commit = v.QTY_COMMIT, @OnOrd = v.QTY_ON_ORD FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.ITEM_NO = 'T13-A' AND v.LOC_ID = 'T13P';
    EXEC tSQLt.AssertEquals @Expected = 1.0000, @Actual = @Commit, @Message = N'IM_INV.QTY_COMMIT';
    EXEC tSQLt.AssertEquals @Expected = 1.0000, @Actual = @OnOrd, @Message = N'IM_INV.QTY_ON_ORD';
END;
