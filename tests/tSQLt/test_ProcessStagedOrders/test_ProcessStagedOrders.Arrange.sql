-- Helper (not a test): store T13P and its Counterpoint store, station, configuration, e-commerce control, template
-- customer T13-TMPL, mapped customer T13-C1 (shop customer 77), items T13-A (IM_INV row at T13P) and T13-B (none).
CREATE PROCEDURE [test_ProcessStagedOrders].[Arrange]
AS
BEGIN
    INSERT INTO woo.Store (StoreId, SiteUrl, AuthMode, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId, StkLocId, PrcLocId,
                           TaxStrategy, ShippingMiscChargeNo, LineDiscId, DefaultTemplateCustNo, MaxAttempts, RetryBaseSeconds)
    VALUES ('T13P', N'https://shop.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T13P', '1', '1', 'WEB', 'T13P', 'T13P',
            'WEB_AS_CHARGED', 1, 100000000000101, 'T13-TMPL', 3, 60);
    INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped) VALUES ('T13P', N'id:77', 'T13-C1', 'OPERATOR');

    INSERT INTO [$(CounterpointDb)].dbo.PS_STR (STR_ID, STR_NO) VALUES ('T13P', 913);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('T13P', '1', 1);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STR_CFG_PS (STR_ID, STK_LOC_ID, PRC_LOC_ID, AR_TAX_COD, ORD_NO_METH, NXT_ORD_NO, USE_MISC_1)
    VALUES ('T13P', 'T13P', 'T13P', 'T13TAX', 'S', 'W700', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA_CFG_PS (STR_ID, STA_ID) VALUES ('T13P', '1');
    INSERT INTO [$(CounterpointDb)].dbo.EC_CTL (KEY_ID, STR_ID, ORD_STA_ID, ORD_DRW_ID, ORD_CUST_NO, ORD_PRC_METH, ORD_TAX_METH,
           ORD_SHIP_DOM_STD, ORD_SHIP_DOM_OVN, ORD_SHIP_UPS_NXT_DAY, ORD_SHIP_UPS_2ND_DAY, ORD_SHIP_DOM_2ND_DAY, ORD_PAY_COD_VISA,
           ORD_PAY_COD_MC, ORD_PAY_COD_AMEX, ORD_PAY_COD_DISC, TMPLT_CUST_NO, ORD_CUST_NO_METH, NXT_CUST_NO, ORD_BASE_TAX_COD,
           ORD_TAX_COD_BY_SHIP_TO, ORD_MISC_CHRG_NO, ORD_INSUFF_QTY_METH, ORD_REDUCE_INIT_DEP_FOR_BO, ORD_INCL_ALL_MISC_CHRG_ON_INIT_DEP)
    VALUES (913, 'T13P', '1', '1', 'CASH', 'P', 'S', 'UPS', 'UPS', 'UPS', 'UPS', 'UPS', 'VISA', 'MC', 'AMEX', 'DISC', 'T13-TMPL', 'N',
            'T13-0001', 'T13TAX', 'N', '1', 'O', 'N', 'N');
    INSERT INTO [$(CounterpointDb)].dbo.AR_CUST (CUST_NO, NAM, SLS_REP, STR_ID, CUST_TYP, CATEG_COD, EMAIL_ADRS_1)
    VALUES ('T13-TMPL', 'Web customer template', 'WEB', 'T13P', 'C', 'WEB', NULL),
           ('T13-C1', 'Mapped Customer', 'WEB', 'T13P', 'C', 'RETAIL', 'mapped@example.com');
    INSERT INTO [$(CounterpointDb)].dbo.IM_ITEM (ITEM_NO, DESCR, ACCT_COD, PRC_1, REG_PRC, ITEM_TYP, TRK_METH, STAT, IS_TXBL)
    VALUES ('T13-A', 'Test item A', 'SALES', 100.0000, 100.0000, 'I', 'N', 'A', 'Y'),
           ('T13-B', 'Test item B', 'SALES', 25.0000, 25.0000, 'I', 'N', 'A', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND) VALUES ('T13-A', 'T13P', 10);
END;
