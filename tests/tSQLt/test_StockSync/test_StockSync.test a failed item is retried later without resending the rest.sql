CREATE PROCEDURE [test_StockSync].[test a failed item is retried later without resending the rest]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    INSERT INTO #fail (id) VALUES (104);
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 99;

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    DECLARE @Attempts int, @Next datetime2 (0), @Code varchar (40), @SentFailed int;
    SELECT @Attempts = c.Attempts, @Next = c.NextAttemptUtc, @Code = c.LastErrorCode, @SentFailed = c.SentQty FROM woo.CatalogItem AS c WHERE c.WooId = 104;
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Attempts, @Message = N'one attempt counted';
    EXEC tSQLt.AssertEquals @Expected = 'woocommerce_rest_product_invalid_id', @Actual = @Code;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @SentFailed, @Message = N'a failed value is not a baseline';
    IF @Next IS NULL OR @Next <= SYSUTCDATETIME()
        EXEC tSQLt.Fail N'the failed item must wait for its next attempt';
    DECLARE @Outcome varchar (10) = (SELECT Outcome FROM woo.RunLog WHERE Step = 'STOCK');
    EXEC tSQLt.AssertEquals @Expected = 'WARNING', @Actual = @Outcome;

    -- Not due yet: a second run sends nothing at all.
    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';
    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Calls, @Message = N'nothing resent before the retry is due';

    -- Due, and the shop accepts it now: only the failed item is sent.
    UPDATE woo.CatalogItem SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE WooId = 104;
    DELETE FROM #fail;
    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';
    SELECT j.id INTO #Actual
    FROM #sent AS l
    CROSS APPLY OPENJSON(l.updates) WITH (id bigint '$.id') AS j
    WHERE l.seq = (SELECT MAX(x.seq) FROM #sent AS x);
    CREATE TABLE #Expected (id bigint);
    INSERT INTO #Expected VALUES (104);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT @Attempts = c.Attempts, @SentFailed = c.SentQty FROM woo.CatalogItem AS c WHERE c.WooId = 104;
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Attempts, @Message = N'attempts reset once applied';
    EXEC tSQLt.AssertEquals @Expected = 18, @Actual = @SentFailed, @Message = N'20 on hand - 2 safety stock, now the baseline';
END;
