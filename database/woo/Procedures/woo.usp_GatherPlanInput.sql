-- Builds the planner's input for one queued order (PlanContract.md section 1) with FOR JSON, before the order's
-- transaction: the order JSON, the store's settings and the map rows the order's SKUs and methods need, and the
-- Counterpoint rows the planner reads (PS_STR_CFG_PS; IM_ITEM, IM_INV, IM_PRC of every item a SKU can name; the customer
-- or the template). "numbers" is left out (the validation call); the processor adds it with JSON_MODIFY inside the
-- transaction, so the rows read here are not read again under locks. Columns: PlanContract.md v1.1 section 1.
-- Items a SKU can name (the planner picks): the woo.StoreSkuMap item, the SKU itself, and the SKU without each unit
-- suffix it ends with (woo.StoreUnitSuffix). IM_PRC: the price location's rows and the '*' rows (Counterpoint keeps
-- prices at '*', seed 1.8). Payments (issue 15): "payment" (woo.StorePaymentRule, woo.StorePayCodeMap, the store-local
-- date paid) and counterpoint.SY_PAY_COD / PS_DRW_SESSION (the web drawer's open session) for the DEPOSIT and FINAL modes.
CREATE PROCEDURE [woo].[usp_GatherPlanInput]
    @QueueId     bigint,
    @Mode        varchar (10),          -- EXISTING | CREATE (woo.usp_ResolveCustomer)
    @CustNo      varchar (15) = NULL,   -- the customer (EXISTING) or the template (CREATE)
    @Input       nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @StoreId varchar (10), @OrderJson nvarchar (max), @StrId varchar (10), @StkLocId varchar (10), @PrcLocId varchar (10),
            @DrwId varchar (10), @TimeZone nvarchar (100), @PayMode varchar (10), @DatePaidLocal datetime;
    SELECT @StoreId = q.StoreId, @OrderJson = q.OrderJson, @StrId = s.CpStrId, @StkLocId = s.StkLocId, @PrcLocId = s.PrcLocId,
           @DrwId = s.CpDrwId, @TimeZone = s.TimeZoneName, @PayMode = ISNULL(r.Mode, 'OFF')
    FROM woo.OrderQueue AS q JOIN woo.Store AS s ON s.StoreId = q.StoreId
    LEFT JOIN woo.StorePaymentRule AS r ON r.StoreId = s.StoreId
    WHERE q.QueueId = @QueueId;
    SET @Input = NULL;
    IF @StoreId IS NULL OR ISJSON(@OrderJson) <> 1
        RETURN;

    -- Payments (issue 15): the store-local time the shop was paid (PS_DOC_PMT.PAY_DAT), as TKT_DT is made (design 10).
    IF @PayMode <> 'OFF'
        SET @DatePaidLocal = CONVERT(datetime, TRY_CONVERT(datetime2 (0), JSON_VALUE(@OrderJson, N'$.date_paid_gmt'), 126)
                                               AT TIME ZONE 'UTC' AT TIME ZONE @TimeZone);

    DECLARE @Skus TABLE (Sku nvarchar (100) NOT NULL PRIMARY KEY);
    INSERT INTO @Skus (Sku)
    SELECT DISTINCT LEFT(l.sku, 100) FROM OPENJSON(@OrderJson, N'$.line_items') WITH (sku nvarchar (400) N'$.sku') AS l
    WHERE l.sku IS NOT NULL AND l.sku <> N'';

    DECLARE @Items TABLE (ITEM_NO varchar (20) NOT NULL PRIMARY KEY);
    INSERT INTO @Items (ITEM_NO)
    SELECT DISTINCT c.ItemNo
    FROM (SELECT m.ItemNo FROM woo.StoreSkuMap AS m JOIN @Skus AS k ON k.Sku = m.WooSku WHERE m.StoreId = @StoreId
          UNION ALL
          SELECT CONVERT(varchar (20), k.Sku) FROM @Skus AS k WHERE LEN(k.Sku) <= 20
          UNION ALL
          SELECT CONVERT(varchar (20), LEFT(k.Sku, LEN(k.Sku) - LEN(u.Suffix)))
          FROM @Skus AS k JOIN woo.StoreUnitSuffix AS u ON u.StoreId = @StoreId
          WHERE LEN(k.Sku) > LEN(u.Suffix) AND RIGHT(k.Sku, LEN(u.Suffix)) = u.Suffix AND LEN(k.Sku) - LEN(u.Suffix) <= 20) AS c (ItemNo)
    WHERE c.ItemNo IS NOT NULL;

    SET @Input = (
        SELECT JSON_QUERY(@OrderJson) AS [order],
               JSON_QUERY((
                   SELECT s.StoreId, s.Currency, s.CpStrId, s.CpStaId, s.CpDrwId, s.CpUsrId, s.StkLocId, s.PrcLocId, s.TaxStrategy,
                          s.TaxCod, s.ShippingMiscChargeNo, s.FeeMiscChargeNo, s.LineDiscId,
                          JSON_QUERY(ISNULL((SELECT m.WooSku, m.ItemNo, m.SellUnit FROM woo.StoreSkuMap AS m JOIN @Skus AS k ON k.Sku = m.WooSku
                                             WHERE m.StoreId = s.StoreId FOR JSON PATH), N'[]')) AS skuMap,
                          JSON_QUERY(ISNULL((SELECT u.Suffix, u.SellUnit FROM woo.StoreUnitSuffix AS u WHERE u.StoreId = s.StoreId FOR JSON PATH), N'[]')) AS unitSuffixes,
                          JSON_QUERY(ISNULL((SELECT t.WooRateId, t.AuthCod, t.RulCod, t.RatePercent FROM woo.StoreTaxMap AS t
                                             WHERE t.StoreId = s.StoreId FOR JSON PATH), N'[]')) AS taxMap,
                          JSON_QUERY(ISNULL((SELECT v.WooMethodId, v.InstanceId, v.ShipViaCod FROM woo.StoreShipViaMap AS v
                                             WHERE v.StoreId = s.StoreId FOR JSON PATH), N'[]')) AS shipViaMap
                   FROM woo.Store AS s WHERE s.StoreId = @StoreId
                   FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS store,
               -- Payments (issue 15, PlanContract.md section 11): the rule, the pay-code map; no row = OFF.
               JSON_QUERY((
                   SELECT @PayMode AS Mode, r.UncapturedMode, r.DefaultPayCod, CONVERT(varchar (23), @DatePaidLocal, 126) AS DatePaidLocal,
                          JSON_QUERY(ISNULL((SELECT m.WooPaymentMethod, m.PayCod FROM woo.StorePayCodeMap AS m
                                             WHERE m.StoreId = @StoreId FOR JSON PATH), N'[]')) AS payCodeMap
                   FROM (SELECT 1 AS One) AS one LEFT JOIN woo.StorePaymentRule AS r ON r.StoreId = @StoreId
                   FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS payment,
               JSON_QUERY((
                   SELECT JSON_QUERY((SELECT c.AR_TAX_COD, c.USE_MISC_1, c.USE_MISC_2, c.USE_MISC_3, c.USE_MISC_4, c.USE_MISC_5,
                                             c.DFLT_ORD_MISC_1_TYP, c.DFLT_ORD_MISC_2_TYP, c.DFLT_ORD_MISC_3_TYP, c.DFLT_ORD_MISC_4_TYP, c.DFLT_ORD_MISC_5_TYP
                                      FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = @StrId
                                      FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS PS_STR_CFG_PS,
                          JSON_QUERY(ISNULL((SELECT i.ITEM_NO, i.DESCR, i.ITEM_TYP, i.TRK_METH, i.STK_UNIT,
                                                    i.CATEG_COD, i.SUBCAT_COD, i.ITEM_VEND_NO, i.BARCOD, i.MIX_MATCH_COD, i.IS_DISCNTBL,
                                                    i.PRC_1, i.REG_PRC, i.LST_COST, i.WEIGHT, i.[CUBE],
                                                    i.ALT_1_UNIT, i.ALT_1_NUMER, i.ALT_1_DENOM, i.ALT_1_WEIGHT, i.ALT_1_CUBE, i.ALT_1_PRC_1, i.ALT_1_REG_PRC,
                                                    i.ALT_2_UNIT, i.ALT_2_NUMER, i.ALT_2_DENOM, i.ALT_2_WEIGHT, i.ALT_2_CUBE, i.ALT_2_PRC_1, i.ALT_2_REG_PRC,
                                                    i.ALT_3_UNIT, i.ALT_3_NUMER, i.ALT_3_DENOM, i.ALT_3_WEIGHT, i.ALT_3_CUBE, i.ALT_3_PRC_1, i.ALT_3_REG_PRC,
                                                    i.ALT_4_UNIT, i.ALT_4_NUMER, i.ALT_4_DENOM, i.ALT_4_WEIGHT, i.ALT_4_CUBE, i.ALT_4_PRC_1, i.ALT_4_REG_PRC,
                                                    i.ALT_5_UNIT, i.ALT_5_NUMER, i.ALT_5_DENOM, i.ALT_5_WEIGHT, i.ALT_5_CUBE, i.ALT_5_PRC_1, i.ALT_5_REG_PRC
                                             FROM [$(CounterpointDb)].dbo.IM_ITEM AS i JOIN @Items AS k ON k.ITEM_NO = i.ITEM_NO
                                             ORDER BY i.ITEM_NO FOR JSON PATH), N'[]')) AS IM_ITEM,
                          JSON_QUERY(ISNULL((SELECT v.ITEM_NO, v.LOC_ID, v.LST_AVG_COST, v.LST_COST
                                             FROM [$(CounterpointDb)].dbo.IM_INV AS v JOIN @Items AS k ON k.ITEM_NO = v.ITEM_NO
                                             WHERE v.LOC_ID = @StkLocId ORDER BY v.ITEM_NO FOR JSON PATH), N'[]')) AS IM_INV,
                          JSON_QUERY(ISNULL((SELECT p.ITEM_NO, p.LOC_ID, p.PRC_1, p.REG_PRC
                                             FROM [$(CounterpointDb)].dbo.IM_PRC AS p JOIN @Items AS k ON k.ITEM_NO = p.ITEM_NO
                                             WHERE p.LOC_ID IN (@PrcLocId, '*') ORDER BY p.ITEM_NO, p.LOC_ID FOR JSON PATH), N'[]')) AS IM_PRC,
                          JSON_QUERY((SELECT a.CUST_NO, a.CUST_TYP, a.CATEG_COD, a.SLS_REP, a.TAX_COD, a.TERMS_COD, a.SHIP_VIA_COD,
                                             a.SHIP_ZONE_COD, a.STMNT_COD, a.AR_ACCT_NO, a.ALLOW_AR_CHRG, a.ALLOW_TKTS, a.NO_CR_LIM, a.CR_LIM,
                                             a.BAL_METH, a.ALLOW_ORDS, a.ALLOW_LWYS, a.PROMPT_NAM_ADRS, a.CUST_NAM_TYP,
                                             a.INCLUDE_IN_MARKETING_MAILOUTS, a.EMAIL_STATEMENT
                                      FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @CustNo
                                      FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS AR_CUST,
                          -- Payments: the pay codes the store's map and default name, and the web drawer's open session.
                          JSON_QUERY(ISNULL((SELECT p.PAY_COD, p.PAY_TYP, p.DESCR, p.ALLOW_FOR_ORDS
                                             FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS p
                                             WHERE @PayMode IN ('DEPOSIT', 'FINAL')
                                               AND (p.PAY_COD IN (SELECT m.PayCod FROM woo.StorePayCodeMap AS m WHERE m.StoreId = @StoreId)
                                                    OR p.PAY_COD = (SELECT r.DefaultPayCod FROM woo.StorePaymentRule AS r WHERE r.StoreId = @StoreId))
                                             ORDER BY p.PAY_COD FOR JSON PATH), N'[]')) AS SY_PAY_COD,
                          JSON_QUERY((SELECT TOP (1) d.DRW_SESSION_ID
                                      FROM [$(CounterpointDb)].dbo.PS_DRW_SESSION AS d
                                      WHERE @PayMode = 'DEPOSIT' AND d.STR_ID = @StrId AND d.DRW_ID = @DrwId AND d.STAT = 'A'
                                      ORDER BY d.OPEN_DT DESC, d.DRW_SESSION_ID DESC
                                      FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS PS_DRW_SESSION
                   FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS counterpoint,
               JSON_QUERY((SELECT @Mode AS mode FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS customer,
               JSON_QUERY((SELECT HOST_NAME() AS workstation, @@SERVERNAME AS [server], N'$(CounterpointDb)' AS [database]
                           FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)) AS environment
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
END;
