-- Helper (not a test): the NoTransaction tests' clean-up. Deletes every row store T15Y's tests make, in CpOrders and in
-- the scratch Counterpoint database (the deposit ticket is a document of store T15Y too).
CREATE PROCEDURE [test_Payments].[CleanUp]
AS
BEGIN
    DECLARE @Docs TABLE (DOC_ID bigint NOT NULL PRIMARY KEY);
    INSERT INTO @Docs (DOC_ID) SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T15Y';
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_PMT_APPLY AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
    DELETE t FROM [$(CounterpointDb)].dbo.PS_DOC_PMT AS t JOIN @Docs AS d ON d.DOC_ID = t.DOC_ID;
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
    DELETE FROM [$(CounterpointDb)].dbo.IM_INV WHERE LOC_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.IM_ITEM WHERE ITEM_NO LIKE 'T15-%';
    DELETE FROM [$(CounterpointDb)].dbo.AR_CUST WHERE STR_ID = 'T15Y' OR CUST_NO LIKE 'T15-%';
    DELETE FROM [$(CounterpointDb)].dbo.SY_PAY_COD WHERE PAY_COD IN ('T15WEB', 'T15NOORD');
    DELETE FROM [$(CounterpointDb)].dbo.PS_DRW_SESSION WHERE STR_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_DRW WHERE STR_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS WHERE STR_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS WHERE STR_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STA WHERE STR_ID = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_STR WHERE STR_ID = 'T15Y';

    DELETE e FROM woo.OrderEvent AS e JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId WHERE q.StoreId = 'T15Y';
    DELETE FROM woo.Outbox WHERE StoreId = 'T15Y';            -- the notes queued with each applied document (issue 15; OutboxEvent cascades)
    DELETE FROM woo.StoreStatusRule WHERE StoreId = 'T15Y';
    DELETE FROM woo.Alert WHERE StoreId = 'T15Y' OR RunId IN (SELECT r.RunId FROM woo.RunLog AS r WHERE r.StoreId = 'T15Y');
    DELETE FROM woo.RunLog WHERE StoreId = 'T15Y';
    DELETE FROM woo.OrderQueue WHERE StoreId = 'T15Y';
    DELETE FROM woo.StorePaymentRule WHERE StoreId = 'T15Y';
    DELETE FROM woo.StorePayCodeMap WHERE StoreId = 'T15Y';
    DELETE FROM woo.StoreCustomerMap WHERE StoreId = 'T15Y';
    DELETE FROM woo.Store WHERE StoreId = 'T15Y';
END;
