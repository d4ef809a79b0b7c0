-- Issue 14 / 15: two pushes of one store never overlap. The test holds the store's lock as another push would (here a
-- Transaction-owned lock of the test's own session: sp_getapplock treats the transaction and the session as different
-- lock owners, so the procedure's Session-owned request with timeout 0 is refused - to be confirmed where tSQLt runs).
CREATE PROCEDURE [test_StockSync].[test a push is skipped and logged while another push of the store holds its lock]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 99;
    DECLARE @Held int;
    EXEC @Held = sys.sp_getapplock @Resource = N'CpOrders.PushStock:T14S', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 0,
                                  @DbPrincipal = N'public';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Held, @Message = N'sanity: the test holds the store''s lock';

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Calls, @Message = N'nothing sent while the store''s lock is held';
    SELECT r.Step, r.StoreId, r.Outcome, r.ErrorCode INTO #Actual FROM woo.RunLog AS r;
    CREATE TABLE #Expected (Step varchar (40), StoreId varchar (10), Outcome varchar (10), ErrorCode varchar (40));
    INSERT INTO #Expected VALUES ('STOCK', 'T14S', 'SKIPPED', 'CPO-STOCK-BUSY');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Baseline int = (SELECT SentQty FROM woo.CatalogItem WHERE WooId = 101);
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Baseline, @Message = N'nothing recorded';
    -- The skipped push released the pipeline lock it had taken (a deploy must not wait for it).
    DECLARE @Mode nvarchar (32) = APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session');
    EXEC tSQLt.AssertEquals @Expected = N'NoLock', @Actual = @Mode;
END;
