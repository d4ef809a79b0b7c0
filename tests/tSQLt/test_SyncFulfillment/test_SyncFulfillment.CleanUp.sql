-- Helper (not a test): the NoTransaction tests' clean-up. Deletes every row store T15F's tests make, in CpOrders and in
-- the scratch Counterpoint database.
CREATE PROCEDURE [test_SyncFulfillment].[CleanUp]
AS
BEGIN
    DECLARE @Docs TABLE (DOC_ID bigint NOT NULL PRIMARY KEY);
    INSERT INTO @Docs (DOC_ID) SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T15F';
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_PKG_TRK_NO AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE FROM [$(CounterpointDb)].dbo.PS_ORD_HIST_LIN WHERE TKT_NO LIKE 'W15-%';
    DELETE FROM [$(CounterpointDb)].dbo.PS_ORD_HIST WHERE STR_ID = 'T15F';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STA WHERE STR_ID = 'T15F';

    DELETE k FROM woo.OrderFulfillmentTracking AS k JOIN woo.OrderQueue AS q ON q.QueueId = k.QueueId WHERE q.StoreId = 'T15F';
    DELETE k FROM woo.OrderFulfillmentRelease AS k JOIN woo.OrderQueue AS q ON q.QueueId = k.QueueId WHERE q.StoreId = 'T15F';
    DELETE FROM woo.OrderFulfillment WHERE StoreId = 'T15F';
    DELETE FROM woo.Outbox WHERE StoreId = 'T15F';
    DELETE e FROM woo.OrderEvent AS e JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId WHERE q.StoreId = 'T15F';
    DELETE FROM woo.Alert WHERE StoreId = 'T15F' OR RunId IN (SELECT r.RunId FROM woo.RunLog AS r WHERE r.StoreId = 'T15F');
    DELETE FROM woo.RunLog WHERE StoreId = 'T15F';
    DELETE FROM woo.OrderQueue WHERE StoreId = 'T15F';
    DELETE FROM woo.StoreStatusRule WHERE StoreId = 'T15F';
    DELETE FROM woo.Store WHERE StoreId = 'T15F';
END;
