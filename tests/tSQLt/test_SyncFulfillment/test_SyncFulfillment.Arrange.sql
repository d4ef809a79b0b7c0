-- Helper (not a test): store T15F (status rule row only when @StatusWhenVoided is given, with @VoidWhenGone: otherwise
-- the column defaults apply; FulfillmentFromUtc = its creation, so the order below is followed, not baselined), its Counterpoint station, and one applied order: WooCommerce order @WooOrderId, document DOC_ID @DocId
-- (TKT_NO 'W15-' + last digits), two order lines: T15-A x 2 (LIN_GUID @Line1Guid) and T15-B x 1 (@Line2Guid), nothing
-- shipped yet, written as the document writer leaves an order (ORIG_QTY = QTY_SOLD = QTY_ENTD, QTY_SHIPPED 0).
CREATE PROCEDURE [test_SyncFulfillment].[Arrange]
    @WooOrderId        bigint = 91501,
    @DocId             bigint = 915110000001,
    @StatusWhenVoided  varchar (40) = NULL,
    @VoidWhenGone      char (1) = 'N',
    @QueueId           bigint = NULL OUTPUT
AS
BEGIN
    IF NOT EXISTS (SELECT 1 FROM woo.Store WHERE StoreId = 'T15F')
    BEGIN
        INSERT INTO woo.Store (StoreId, SiteUrl, AuthMode, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId, StkLocId, PrcLocId,
                               TaxStrategy, ShippingMiscChargeNo, DefaultTemplateCustNo, MaxAttempts, RetryBaseSeconds)
        VALUES ('T15F', N'https://shop.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T15F', '1', '1', 'WEB', 'T15F', 'T15F',
                'WEB_AS_CHARGED', 1, 'T15-TMPL', 3, 60);
        INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('T15F', '1', 1);
    END;
    IF @StatusWhenVoided IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.StoreStatusRule WHERE StoreId = 'T15F')
        INSERT INTO woo.StoreStatusRule (StoreId, StatusWhenVoided, VoidWhenGone) VALUES ('T15F', @StatusWhenVoided, @VoidWhenGone);

    DECLARE @TktNo varchar (15) = 'W15-' + RIGHT(CONVERT(varchar (20), @DocId), 4), @DocGuid uniqueidentifier = NEWID();
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR (DOC_ID, STR_ID, STA_ID, TKT_NO, DOC_TYP, DOC_GUID, ORD_LINS, TKT_DT)
    VALUES (@DocId, 'T15F', '1', @TktNo, 'O', @DocGuid, 2, '2026-12-01T10:15:00');
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_LIN (DOC_ID, LIN_SEQ_NO, STR_ID, STA_ID, TKT_NO, LIN_TYP, ITEM_NO, DESCR, QTY_SOLD, ORIG_QTY, QTY_ENTD,
                                                    PRC, EXT_PRC, GROSS_EXT_PRC, CALC_EXT_PRC, LIN_GUID)
    VALUES (@DocId, 1, 'T15F', '1', @TktNo, 'O', 'T15-A', 'Test item A', 2, 2, 2, 10.0000, 20.00, 20.00, 20.00, NEWID()),
           (@DocId, 2, 'T15F', '1', @TktNo, 'O', 'T15-B', 'Test item B', 1, 1, 1, 5.0000, 5.00, 5.00, 5.00, NEWID());

    DECLARE @Json nvarchar (max) = N'{"id":' + CONVERT(nvarchar (20), @WooOrderId) + N',"status":"processing"}';
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source], [State],
                                AppliedAtUtc, AppliedContentHash, DocId, DocGuid, TktNo)
    VALUES ('T15F', @WooOrderId, CONVERT(nvarchar (40), @WooOrderId), N'processing', '2026-12-01T10:15:00', HASHBYTES('SHA2_256', @Json), @Json,
            'JSON', 'APPLIED', SYSUTCDATETIME(), HASHBYTES('SHA2_256', @Json), @DocId, @DocGuid, @TktNo);
    SET @QueueId = SCOPE_IDENTITY();
END;
