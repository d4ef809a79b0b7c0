-- Helper (not a test): the NoTransaction tests' clean-up. Deletes every row store T13P's tests make, in CpOrders and in
-- the scratch Counterpoint database, and the test-only constraint of the atomicity test.
CREATE PROCEDURE [test_ProcessStagedOrders].[CleanUp]
AS
BEGIN
    IF EXISTS (SELECT 1 FROM sys.objects AS o WHERE o.name = N'CK_test_ProcessStagedOrders_NoApplied' AND o.schema_id = SCHEMA_ID(N'woo'))
        EXEC (N'ALTER TABLE woo.OrderEvent DROP CONSTRAINT CK_test_ProcessStagedOrders_NoApplied;');
    DECLARE @Docs TABLE (DOC_ID bigint NOT NULL PRIMARY KEY);
    INSERT INTO @Docs (DOC_ID) SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T13P';
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG_TOT AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_DOC_STAT AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_NOTE AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_TAX AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_MISC_CHRG AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_DISC AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_LIN_PRICE AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_CONTACT AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE FROM [$(CounterpointDb)].dbo.IM_INV WHERE LOC_ID = 'T13P';
    DELETE FROM [$(CounterpointDb)].dbo.IM_ITEM WHERE ITEM_NO LIKE 'T13-%';
    DELETE FROM [$(CounterpointDb)].dbo.AR_CUST WHERE STR_ID = 'T13P' OR CUST_NO LIKE 'T13-%';
    DELETE FROM [$(CounterpointDb)].dbo.EC_CTL WHERE KEY_ID = 913;
    DELETE FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS WHERE STR_ID = 'T13P';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS WHERE STR_ID = 'T13P';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STA WHERE STR_ID = 'T13P';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STR WHERE STR_ID = 'T13P';

    DELETE e FROM woo.OrderEvent AS e JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId WHERE q.StoreId = 'T13P';
    DELETE FROM woo.Outbox WHERE StoreId = 'T13P';            -- messages to the shop queued with the documents (issue 15)
    DELETE FROM woo.StoreStatusRule WHERE StoreId = 'T13P';
    DELETE FROM woo.Alert WHERE StoreId = 'T13P' OR RunId IN (SELECT r.RunId FROM woo.RunLog AS r WHERE r.StoreId = 'T13P');
    DELETE FROM woo.RunLog WHERE StoreId = 'T13P';
    DELETE FROM woo.OrderQueue WHERE StoreId = 'T13P';
    DELETE FROM woo.StoreCustomerMap WHERE StoreId = 'T13P';
    DELETE FROM woo.StoreCustomerClass WHERE StoreId = 'T13P';
    DELETE FROM woo.Store WHERE StoreId = 'T13P';
END;
