-- Helper (not a test): store T15Y with payment rule @Mode (NULL: no rule row), its Counterpoint store, station, drawer 1
-- (with an open session 915000000000001 when @OpenSession = 'Y'), the web tender T15WEB (pay type E, allowed on
-- orders) mapped from payment method 'stripe', the store's ticket counter T900 and order counter W900, customer T15-C1
-- (shop customer 77) and item T15-A with stock.
CREATE PROCEDURE [test_Payments].[Arrange]
    @Mode         varchar (10) = NULL,
    @OpenSession  char (1) = 'Y'
AS
BEGIN
    INSERT INTO woo.Store (StoreId, SiteUrl, AuthMode, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId, StkLocId, PrcLocId,
                           TaxStrategy, ShippingMiscChargeNo, LineDiscId, DefaultTemplateCustNo, MaxAttempts, RetryBaseSeconds)
    VALUES ('T15Y', N'https://shop.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T15Y', '1', '1', 'WEB', 'T15Y', 'T15Y',
            'WEB_AS_CHARGED', 1, 100000000000101, 'T15-C1', 3, 60);
    INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped) VALUES ('T15Y', N'id:77', 'T15-C1', 'OPERATOR');
    INSERT INTO woo.StorePayCodeMap (StoreId, WooPaymentMethod, PayCod) VALUES ('T15Y', N'stripe', 'T15WEB');
    IF @Mode IS NOT NULL
        INSERT INTO woo.StorePaymentRule (StoreId, Mode, UncapturedMode) VALUES ('T15Y', @Mode, 'NOTE');

    INSERT INTO [$(CounterpointDb)].dbo.PS_STR (STR_ID, STR_NO) VALUES ('T15Y', 915);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('T15Y', '1', 1);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STR_CFG_PS (STR_ID, STK_LOC_ID, PRC_LOC_ID, AR_TAX_COD, ORD_NO_METH, NXT_ORD_NO, TKT_NO_METH, NXT_TKT_NO,
                                                       ORD_DEP_RECVD_ACCT_NO, USE_MISC_1)
    VALUES ('T15Y', 'T15Y', 'T15Y', 'T15TAX', 'S', 'W900', 'S', 'T900', '2150', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA_CFG_PS (STR_ID, STA_ID) VALUES ('T15Y', '1');
    INSERT INTO [$(CounterpointDb)].dbo.PS_DRW (STR_ID, DRW_ID) VALUES ('T15Y', '1');
    IF @OpenSession = 'Y'
        INSERT INTO [$(CounterpointDb)].dbo.PS_DRW_SESSION (DRW_SESSION_ID, STR_ID, DRW_ID, STAT, OPEN_DT)
        VALUES (915000000000001, 'T15Y', '1', 'A', '2026-12-01T08:00:00');
    INSERT INTO [$(CounterpointDb)].dbo.SY_PAY_COD (PAY_COD, PAY_TYP, DESCR, PAY_COD_ACCT_NO, ALLOW_FOR_ORDS, ALLOW_FOR_LWYS, DFLT_DOC_TND_AMT,
                                                    DFLT_DOC_FINAL_PMT, EDC_AUTH_FLG, CURNCY_COD)
    VALUES ('T15WEB', 'E', 'Web payment', '1302', 'Y', 'N', 'N', 'N', 'N', 'HOME'),
           ('T15NOORD', 'B', 'Not for orders', '1000', 'N', 'N', 'N', 'N', 'N', 'HOME');
    INSERT INTO [$(CounterpointDb)].dbo.AR_CUST (CUST_NO, NAM, SLS_REP, STR_ID, CUST_TYP, CATEG_COD, EMAIL_ADRS_1)
    VALUES ('T15-C1', 'Paying Customer', 'WEB', 'T15Y', 'C', 'RETAIL', 'payer@example.com');
    INSERT INTO [$(CounterpointDb)].dbo.IM_ITEM (ITEM_NO, DESCR, ACCT_COD, PRC_1, REG_PRC, ITEM_TYP, TRK_METH, STAT, IS_TXBL)
    VALUES ('T15-A', 'Test item A', 'SALES', 100.0000, 100.0000, 'I', 'N', 'A', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND) VALUES ('T15-A', 'T15Y', 10);
END;
