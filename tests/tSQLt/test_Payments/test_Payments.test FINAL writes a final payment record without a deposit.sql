-- FINAL: one payment row on the order, FINAL_PMT 'Y' with no amount (charged at release), the pay code mapped from the
-- method; nothing tendered (TOT_TND 0, AMT_DUE = TOT), no deposit received, no deposit ticket.
--[@tSQLt:NoTransaction]('test_Payments.CleanUp')
CREATE PROCEDURE [test_Payments].[test FINAL writes a final payment record without a deposit]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = 'FINAL';
    DECLARE @QueueId bigint, @State varchar (10), @DocId bigint, @Docs int, @Received decimal (15, 2);
    EXEC test_Payments.StageOrder @WooOrderId = 95002, @Captured = 'N', @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T15Y', @Execute = 'Y';

    SELECT @State = q.[State], @DocId = q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'queue state';
    CREATE TABLE #Expected (DOC_ID bigint, PMT_SEQ_NO int, PAY_COD varchar (10), PAY_COD_TYP varchar (1), FINAL_PMT varchar (1),
                            AMT decimal (15, 2), HOME_CURNCY_AMT decimal (15, 2), DESCR varchar (30));
    INSERT INTO #Expected VALUES (@DocId, 1, 'T15WEB', 'E', 'Y', 0.00, 0.00, 'Web payment');
    SELECT p.DOC_ID, p.PMT_SEQ_NO, p.PAY_COD, p.PAY_COD_TYP, p.FINAL_PMT, p.AMT, p.HOME_CURNCY_AMT, p.DESCR
    INTO #Actual FROM [$(CounterpointDb)].dbo.PS_DOC_PMT AS p WHERE p.STR_ID = 'T15Y';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'one final-payment record on the order';

    CREATE TABLE #ExpectedTot (TOT_TYP varchar (1), TOT decimal (15, 2), TOT_TND decimal (15, 2), AMT_DUE decimal (15, 2));
    INSERT INTO #ExpectedTot VALUES ('O', 100.00, 0.00, 100.00), ('R', 100.00, 0.00, 100.00), ('V', 0.00, 0.00, 0.00);
    SELECT t.TOT_TYP, t.TOT, t.TOT_TND, t.AMT_DUE INTO #ActualTot FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t WHERE t.DOC_ID = @DocId;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedTot', @Actual = N'#ActualTot', @Message = N'totals reconcile, nothing tendered';
    SELECT @Received = s.TOT_DEP_RECEIVED FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_DOC_STAT AS s WHERE s.DOC_ID = @DocId;
    EXEC tSQLt.AssertEquals @Expected = 0.00, @Actual = @Received, @Message = N'no deposit received';
    SELECT @Docs = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Docs, @Message = N'no deposit ticket';
END;
