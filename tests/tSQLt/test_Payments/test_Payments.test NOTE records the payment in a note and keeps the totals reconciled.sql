-- NOTE: the order is written with its totals as the shop charged them (TOT 100.00, nothing tendered, AMT_DUE 100.00), a
-- PAYMENT note with method, amount, transaction id and date paid, REF = the web order number, and no payment rows.
--[@tSQLt:NoTransaction]('test_Payments.CleanUp')
CREATE PROCEDURE [test_Payments].[test NOTE records the payment in a note and keeps the totals reconciled]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = 'NOTE';
    DECLARE @QueueId bigint, @State varchar (10), @DocId bigint, @Note varchar (max), @Ref varchar (50), @Payments int;
    EXEC test_Payments.StageOrder @WooOrderId = 95001, @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T15Y', @Execute = 'Y';

    SELECT @State = q.[State], @DocId = q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'queue state';
    CREATE TABLE #Expected (TOT_TYP varchar (1), TOT decimal (15, 2), TOT_TND decimal (15, 2), AMT_DUE decimal (15, 2));
    INSERT INTO #Expected VALUES ('O', 100.00, 0.00, 100.00), ('R', 100.00, 0.00, 100.00), ('V', 0.00, 0.00, 0.00);
    SELECT t.TOT_TYP, t.TOT, t.TOT_TND, t.AMT_DUE INTO #Actual FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t WHERE t.DOC_ID = @DocId;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'totals = the shop''s, nothing tendered';

    SELECT @Note = CONVERT(varchar (max), n.NOTE_TXT) FROM [$(CounterpointDb)].dbo.PS_DOC_NOTE AS n WHERE n.DOC_ID = @DocId AND n.NOTE_ID = 'PAYMENT';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%Credit card (Stripe) (stripe)%Amount: 100.00 USD%Transaction id: ch[_]T15%Date paid: 2026-12-01 10:16:00 UTC%', @Actual = @Note, @Message = N'the PAYMENT note';
    SELECT @Ref = h.REF FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId;
    EXEC tSQLt.AssertEquals @Expected = '95001', @Actual = @Ref, @Message = N'REF = the web order number';
    SELECT @Payments = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_PMT AS p WHERE p.STR_ID = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Payments, @Message = N'no payment rows';
END;
