-- Sends Counterpoint's availability (and, where the stock rule says so, regular price and status) to WooCommerce for
-- every mapped product and variation of a store, only where it differs from the baseline (issue 14, design 4, 11;
-- README "Stock back to the shop"). Steps:
--   1. candidates: woo.CatalogItem rows with an item (wooclr.MapSkus in woo.usp_ReadCatalog), not gone, not a variable
--      parent (its stock is its variations'), not excluded (woo.StockItemOverride), not waiting for a retry;
--   2. Counterpoint (signed module): IM_ITEM (STAT, ITEM_TYP, units, prices) and Σ QTY_ON_HND, Σ QTY_COMMIT of IM_INV over
--      the store's woo.StockLocation; web orders not yet written to Counterpoint (woo.OrderQueue PENDING/RETRY, and
--      PARKED/DEAD ones too: the shop already took their units; not a CPO-PRE-CUTOVER park, which the predecessor wrote,
--      nor a parked order the shop cancelled, refunded or failed, which gave its units back), their lines by
--      wooclr.OrderLines, SKUs mapped with wooclr.MapSkus like the catalog, in stocking units (wooclr.ToStockingUnits);
--      a unit SKU whose IM_ITEM.ALT_n_UNIT/NUMER/DENOM are missing or not positive (SkuRule.UnitProblem, CPO-UNIT) gets no
--      stock, nor does an item with such a staged line: the units cannot be converted, so the stock is left alone;
--   3. wanted = wooclr.AvailableToSell(on hand, committed, safety stock, staged, unit) - 0 for an inactive item under
--      InactivePolicy ZERO, no stock under LEAVE; non-inventory items (ITEM_TYP <> 'I') get no stock either (the product
--      fields below still apply to both);
--   4. wooclr.StockUpdate against the baseline (what was last sent, or WooCommerce's reported values after a full read
--      or before anything was sent) decides what to send; requests of at most 100 objects per batch_key;
--   Products (issue 14 item 6, each off by default, per field): regular_price from the store's PriceLevel (IM_ITEM PRC_1 /
--      REG_PRC with the unit SKU's ALT_n_ column, or IM_PRC PRC_1..6 / REG_PRC at PriceLocId; a price of 0 or none is
--      never sent), status (STAT A = publish, else draft), name (DESCR or LONG_DESCR, simple products only, text policy
--      of wooclr.StockUpdate / ProductNameText); a field whose sync is off is never in an update object;
--   5. @Execute = 'N': lists exactly those requests and objects and writes nothing (no run log either);
--      'Y': sends each request with no transaction open (woo.usp_WooBatchUpdateProducts / ...Variations), then records
--      the per-item results in a short transaction of its own: applied items get their sent values as the new
--      baseline; a failed item counts an attempt and waits RetryBaseSeconds x 2^(attempts-1) (at most a day; an alert
--      at woo.Store.MaxAttempts) - the other items of its request are never resent. One woo.RunLog row (Step STOCK).
--   Locks (@Execute = 'Y'): the pipeline lock 'CpOrders.Pipeline' Shared (a deploy holds it Exclusive) and the store's
--      'CpOrders.PushStock:<StoreId>' Exclusive, both Session-owned with timeout 0: a push that finds a deploy or
--      another push of the same store under way is logged SKIPPED and sends nothing. @LoggedRunId: its woo.RunLog row.
--   @ReadJson (dry run only; woo.usp_ReconcileCatalog): WooCommerce's values just read by a dry-run full read
--      (woo.usp_ReadCatalog @ReadJson) become the baseline of the objects it holds, as the real read would make them,
--      so the reconciliation's dry run lists exactly what the real one would send. Ignored when @Execute = 'Y'.
CREATE PROCEDURE [woo].[usp_PushStock]
    @StoreId     varchar (10),
    @Execute     char (1) = 'N',
    @LoggedRunId bigint = NULL OUTPUT,
    @ReadJson    nvarchar (max) = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @StoreFound bit = 0, @StoreEnabled char (1), @RuleFound bit = 0, @RuleEnabled char (1), @SafetyStock decimal (15, 4),
            @InactivePolicy varchar (10), @ManageUnmanaged bit, @StatusWhenUnmanaged bit, @SyncPrice char (1), @SyncStatus char (1),
            @RetryBase int, @MaxAttempts int, @PriceLevel varchar (10), @PriceLocId varchar (10), @SyncName char (1), @NameSource varchar (10),
            @StoreKey varchar (10);
    SET @LoggedRunId = NULL;
    SELECT @StoreFound = 1, @StoreEnabled = s.IsEnabled, @RetryBase = s.RetryBaseSeconds, @MaxAttempts = s.MaxAttempts, @StoreKey = s.StoreId
    FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    SELECT @RuleFound = 1, @RuleEnabled = r.IsEnabled, @SafetyStock = r.SafetyStock, @InactivePolicy = r.InactivePolicy,
           @ManageUnmanaged = CASE WHEN r.ManageUnmanaged = 'Y' THEN 1 ELSE 0 END,
           @StatusWhenUnmanaged = CASE WHEN r.StatusWhenUnmanaged = 'Y' THEN 1 ELSE 0 END, @SyncPrice = r.SyncRegularPrice, @SyncStatus = r.SyncStatus,
           @PriceLevel = r.PriceLevel, @PriceLocId = r.PriceLocId, @SyncName = r.SyncName, @NameSource = r.NameSource
    FROM woo.StockRule AS r WHERE r.StoreId = @StoreId;
    IF @StoreFound = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @StoreEnabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @StoreFound = 1 AND @RuleFound = 0
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' has no stock rule: set one with woo.usp_SetStockRule (README, Stock back to the shop).');
    IF @RuleEnabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'the stock sync of store ' + @StoreId + N' is disabled (woo.usp_SetStockRule @IsEnabled = ''Y'').');
    IF @RuleFound = 1 AND NOT EXISTS (SELECT 1 FROM woo.StockLocation AS l WHERE l.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' counts no location (woo.usp_SetStockRule @Locations).');
    -- Web orders commit at woo.Store.StkLocId: uncounted, an applied order's QTY_COMMIT would fall outside the sum and
    -- its units would be offered again (review r14 finding 5).
    ELSE IF @RuleFound = 1 AND NOT EXISTS (SELECT 1 FROM woo.StockLocation AS l JOIN woo.Store AS s ON s.StoreId = l.StoreId AND s.StkLocId = l.LocId
                                           WHERE l.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' does not count its web-order location ' + ISNULL((SELECT s.StkLocId FROM woo.Store AS s WHERE s.StoreId = @StoreId), N'?')
                                                + N' (woo.Store.StkLocId, where web orders commit): add it with woo.usp_SetStockRule @Locations.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_PushStock: nothing was sent; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50146, @All, 1;
    END;

    -- Two pushes of one store at once would send the same absolute values twice and race on each item's baseline and
    -- attempts: the store's own lock (named after the stored StoreId: applock names compare case-sensitively) keeps
    -- them apart. A deploy holds the pipeline lock Exclusive (PreDeploy/20.PipelineLock.sql) and waits for running
    -- steps, so a push holds it Shared, as woo.usp_PullOrders does. Never waited for (timeout 0): skipped and logged.
    DECLARE @Now datetime2 (0) = SYSUTCDATETIME(), @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @Msg nvarchar (2048),
            @LockResult int, @HoldsPipeline bit = 0, @HoldsStore bit = 0, @StoreLock nvarchar (255) = N'CpOrders.PushStock:' + @StoreKey;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('STOCK', @StoreId, @Started, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            SET @LoggedRunId = @RunId;
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
            BEGIN
                SET @HoldsPipeline = 1;
                EXEC @LockResult = sys.sp_getapplock @Resource = @StoreLock, @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                     @LockTimeout = 0, @DbPrincipal = N'public';
                IF @LockResult >= 0
                    SET @HoldsStore = 1;
            END;
            IF @HoldsStore = 0
            BEGIN
                SET @Msg = CASE WHEN @HoldsPipeline = 0
                                THEN N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                                     + N'); this stock push of store ' + @StoreKey + N' is skipped and sends nothing. The next scheduled run goes on.'
                                ELSE N'CPO-STOCK-BUSY: another stock push of store ' + @StoreKey + N' holds ' + @StoreLock + N' (sp_getapplock returned '
                                     + CONVERT(nvarchar (10), @LockResult) + N'); this one is skipped and sends nothing. The next scheduled run goes on.' END;
                IF @HoldsPipeline = 1
                    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                SET @HoldsPipeline = 0;
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = LEFT(@Msg, CHARINDEX(N':', @Msg) - 1), r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
        END;

        -- 1. Candidates.
        CREATE TABLE #cand (
            WooId bigint NOT NULL PRIMARY KEY, ParentId bigint NULL, WooType nvarchar (40) COLLATE DATABASE_DEFAULT NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL,
            ItemNo varchar (20) COLLATE DATABASE_DEFAULT NOT NULL, SellUnit char (1) COLLATE DATABASE_DEFAULT NOT NULL, WooManageStock nvarchar (10) COLLATE DATABASE_DEFAULT NULL, BaselineQty decimal (19, 4) NULL,
            BaselineStockStatus nvarchar (40) COLLATE DATABASE_DEFAULT NULL, BaselineRegularPrice nvarchar (40) COLLATE DATABASE_DEFAULT NULL, BaselineSalePrice nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            BaselineStatus nvarchar (40) COLLATE DATABASE_DEFAULT NULL, SafetyStock decimal (15, 4) NOT NULL, BaselineName nvarchar (400) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #cand (WooId, ParentId, WooType, Sku, ItemNo, SellUnit, WooManageStock, BaselineQty, BaselineStockStatus, BaselineRegularPrice,
                           BaselineSalePrice, BaselineStatus, SafetyStock, BaselineName)
        SELECT c.WooId, c.ParentId, c.WooType, c.Sku, c.ItemNo, ISNULL(c.SellUnit, '0'), c.WooManageStock,
               CASE WHEN c.BaselineFromWoo = 'Y' OR c.SentQty IS NULL THEN c.WooStockQuantity ELSE c.SentQty END,
               CASE WHEN c.BaselineFromWoo = 'Y' OR c.SentStockStatus IS NULL THEN c.WooStockStatus ELSE c.SentStockStatus END,
               CASE WHEN c.BaselineFromWoo = 'Y' OR c.SentRegularPrice IS NULL THEN c.WooRegularPrice ELSE c.SentRegularPrice END,
               c.WooSalePrice,
               CASE WHEN c.BaselineFromWoo = 'Y' OR c.SentStatus IS NULL THEN c.WooStatus ELSE c.SentStatus END,
               ISNULL(o.SafetyStock, @SafetyStock),
               CASE WHEN c.BaselineFromWoo = 'Y' OR c.SentName IS NULL THEN c.WooName ELSE c.SentName END
        FROM woo.CatalogItem AS c
        LEFT JOIN woo.StockItemOverride AS o ON o.StoreId = c.StoreId AND o.ItemNo = c.ItemNo
        WHERE c.StoreId = @StoreId AND c.ItemNo IS NOT NULL AND c.IsGone = 'N'
          AND ISNULL(c.WooType, N'') NOT IN (N'variable', N'grouped', N'external')
          AND ISNULL(o.[Exclude], 'N') = 'N'
          AND (c.NextAttemptUtc IS NULL OR c.NextAttemptUtc <= @Now);
        IF @Execute = 'N' AND @ReadJson IS NOT NULL
            UPDATE c
            SET WooType = j.[type], WooManageStock = j.manage_stock, BaselineQty = j.stock_quantity, BaselineStockStatus = j.stock_status,
                BaselineRegularPrice = j.regular_price, BaselineSalePrice = j.sale_price, BaselineStatus = j.status, BaselineName = j.[name]
            FROM #cand AS c
            JOIN OPENJSON(@ReadJson)
                 WITH (id bigint '$.id', [type] nvarchar (40) '$.type', status nvarchar (40) '$.status', manage_stock nvarchar (10) '$.manage_stock',
                       stock_quantity decimal (19, 4) '$.stock_quantity', stock_status nvarchar (40) '$.stock_status',
                       regular_price nvarchar (40) '$.regular_price', sale_price nvarchar (40) '$.sale_price', [name] nvarchar (400) '$.name') AS j
              ON j.id = c.WooId;

        -- 2. Counterpoint: the items, their units and prices.
        CREATE TABLE #item (
            ItemNo varchar (20) COLLATE DATABASE_DEFAULT NOT NULL PRIMARY KEY, Stat varchar (1) COLLATE DATABASE_DEFAULT NULL, ItemTyp varchar (1) COLLATE DATABASE_DEFAULT NULL,
            Unit1 varchar (15) COLLATE DATABASE_DEFAULT NULL, Unit2 varchar (15) COLLATE DATABASE_DEFAULT NULL, Unit3 varchar (15) COLLATE DATABASE_DEFAULT NULL,
            Unit4 varchar (15) COLLATE DATABASE_DEFAULT NULL, Unit5 varchar (15) COLLATE DATABASE_DEFAULT NULL, StagedBadUnit bit NOT NULL DEFAULT (0),
            Numer1 decimal (19, 4) NULL, Denom1 decimal (19, 4) NULL, Numer2 decimal (19, 4) NULL, Denom2 decimal (19, 4) NULL,
            Numer3 decimal (19, 4) NULL, Denom3 decimal (19, 4) NULL, Numer4 decimal (19, 4) NULL, Denom4 decimal (19, 4) NULL,
            Numer5 decimal (19, 4) NULL, Denom5 decimal (19, 4) NULL,
            Prc0 decimal (15, 4) NULL, Prc1 decimal (15, 4) NULL, Prc2 decimal (15, 4) NULL, Prc3 decimal (15, 4) NULL, Prc4 decimal (15, 4) NULL,
            Prc5 decimal (15, 4) NULL, OnHand decimal (19, 4) NULL, [Commit] decimal (19, 4) NULL, Staged decimal (19, 4) NULL,
            Reg0 decimal (15, 4) NULL, Reg1 decimal (15, 4) NULL, Reg2 decimal (15, 4) NULL, Reg3 decimal (15, 4) NULL, Reg4 decimal (15, 4) NULL,
            Reg5 decimal (15, 4) NULL, LevelPrice decimal (15, 4) NULL, Descr nvarchar (400) COLLATE DATABASE_DEFAULT NULL,
            LongDescr nvarchar (400) COLLATE DATABASE_DEFAULT NULL);

        -- Staged but unapplied web orders: their lines, SKUs mapped like the catalog's.
        DECLARE @SkuMapJson nvarchar (max) = ISNULL((SELECT m.WooSku, m.ItemNo, m.SellUnit FROM woo.StoreSkuMap AS m WHERE m.StoreId = @StoreId
                                                     FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]'),
                @SuffixJson nvarchar (max) = ISNULL((SELECT u.Suffix, u.SellUnit FROM woo.StoreUnitSuffix AS u WHERE u.StoreId = @StoreId
                                                     FOR JSON PATH), N'[]');
        CREATE TABLE #line (LineId int IDENTITY (1, 1) NOT NULL PRIMARY KEY, Sku nvarchar (100) COLLATE DATABASE_DEFAULT NULL, Quantity decimal (19, 4) NULL,
                            ItemNo varchar (20) COLLATE DATABASE_DEFAULT NULL, SellUnit char (1) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #line (Sku, Quantity)
        SELECT l.sku, l.quantity
        FROM woo.OrderQueue AS q
        CROSS APPLY wooclr.OrderLines(q.OrderJson) AS l
        WHERE q.StoreId = @StoreId AND ISJSON(q.OrderJson) = 1 AND l.quantity > 0   -- invalid JSON is parked, never here
          AND (q.[State] IN ('PENDING', 'RETRY')
               -- parked or dead: not in Counterpoint, but the shop sold the units (review r14 finding 1)
               OR (q.[State] IN ('PARKED', 'DEAD') AND ISNULL(q.LastErrorCode, '') <> 'CPO-PRE-CUTOVER'
                   AND ISNULL(JSON_VALUE(q.OrderJson, N'$.status'), N'') NOT IN (N'cancelled', N'refunded', N'failed')));
        -- One object per distinct SKU (several orders of one SKU are one SKU, not duplicates), joined back by id.
        CREATE TABLE #lineSku (Id int IDENTITY (1, 1) NOT NULL PRIMARY KEY, Sku nvarchar (100) COLLATE DATABASE_DEFAULT NOT NULL, ItemNo varchar (20) COLLATE DATABASE_DEFAULT NULL, SellUnit char (1) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #lineSku (Sku) SELECT DISTINCT ln.Sku FROM #line AS ln WHERE ln.Sku IS NOT NULL;
        DECLARE @LineSkus nvarchar (max) = (SELECT ls.Id AS id, CONVERT(bigint, NULL) AS parent_id, ls.Sku AS sku, CONVERT(nvarchar (100), NULL) AS parent_sku
                                            FROM #lineSku AS ls FOR JSON PATH, INCLUDE_NULL_VALUES);
        -- The Counterpoint items those SKUs could name, whole or without a unit suffix (an exact item wins, as in the planner).
        -- Trimmed like SkuRule (.NET Trim: spaces, tab, CR, LF, no-break space), so both name the same candidates.
        DECLARE @SkuTrim nvarchar (10) = N' ' + NCHAR(9) + NCHAR(10) + NCHAR(13) + NCHAR(160);
        DECLARE @LineItemNos nvarchar (max) = ISNULL((
            SELECT DISTINCT i.ITEM_NO
            FROM [$(CounterpointDb)].dbo.IM_ITEM AS i
            JOIN (SELECT t.Sku AS Cand FROM (SELECT TRIM(@SkuTrim FROM ls.Sku) COLLATE DATABASE_DEFAULT AS Sku FROM #lineSku AS ls) AS t
                  UNION
                  SELECT LEFT(t.Sku, LEN(t.Sku) - LEN(u.Suffix))
                  FROM (SELECT TRIM(@SkuTrim FROM ls.Sku) COLLATE DATABASE_DEFAULT AS Sku FROM #lineSku AS ls) AS t
                  JOIN woo.StoreUnitSuffix AS u ON u.StoreId = @StoreId AND LEN(t.Sku) > LEN(u.Suffix) AND RIGHT(t.Sku, LEN(u.Suffix)) = u.Suffix) AS c
              ON LEN(c.Cand) <= 20 AND i.ITEM_NO = CONVERT(varchar (20), c.Cand)
            FOR JSON PATH), N'[]');   -- '[]', not NULL: NULL would mean "items not known" to MapSkus
        IF @LineSkus IS NOT NULL
        BEGIN
            UPDATE ls SET ItemNo = CONVERT(varchar (20), k.item_no), SellUnit = CONVERT(char (1), k.sell_unit)
            FROM #lineSku AS ls
            JOIN wooclr.MapSkus(@LineSkus, @SkuMapJson, @SuffixJson, @LineItemNos) AS k ON k.id = ls.Id
            WHERE k.item_no IS NOT NULL AND LEN(k.item_no) <= 20 AND k.sell_unit IS NOT NULL
              AND (k.problem_code IS NULL OR k.problem_code = N'CPO-SKU-DUPLICATE');
            UPDATE ln SET ItemNo = ls.ItemNo, SellUnit = ls.SellUnit
            FROM #line AS ln
            JOIN #lineSku AS ls ON ls.Sku = ln.Sku;
        END;

        -- Texts as nvarchar: code page 1252 converts to Unicode exactly (the name's text policy is wooclr.StockUpdate's).
        INSERT INTO #item (ItemNo, Stat, ItemTyp, Unit1, Unit2, Unit3, Unit4, Unit5, Numer1, Denom1, Numer2, Denom2, Numer3, Denom3, Numer4, Denom4, Numer5, Denom5,
                           Prc0, Prc1, Prc2, Prc3, Prc4, Prc5, Reg0, Reg1, Reg2, Reg3, Reg4, Reg5, Descr, LongDescr)
        SELECT i.ITEM_NO, i.STAT, i.ITEM_TYP, i.ALT_1_UNIT, i.ALT_2_UNIT, i.ALT_3_UNIT, i.ALT_4_UNIT, i.ALT_5_UNIT, i.ALT_1_NUMER, i.ALT_1_DENOM, i.ALT_2_NUMER, i.ALT_2_DENOM, i.ALT_3_NUMER, i.ALT_3_DENOM,
               i.ALT_4_NUMER, i.ALT_4_DENOM, i.ALT_5_NUMER, i.ALT_5_DENOM, i.PRC_1, i.ALT_1_PRC_1, i.ALT_2_PRC_1, i.ALT_3_PRC_1, i.ALT_4_PRC_1, i.ALT_5_PRC_1,
               i.REG_PRC, i.ALT_1_REG_PRC, i.ALT_2_REG_PRC, i.ALT_3_REG_PRC, i.ALT_4_REG_PRC, i.ALT_5_REG_PRC,
               CONVERT(nvarchar (400), i.DESCR), CONVERT(nvarchar (400), i.LONG_DESCR)
        FROM [$(CounterpointDb)].dbo.IM_ITEM AS i
        WHERE i.ITEM_NO IN (SELECT c.ItemNo FROM #cand AS c UNION SELECT ln.ItemNo FROM #line AS ln WHERE ln.ItemNo IS NOT NULL);

        -- Σ over the chosen locations only (a location below zero counts against the others: wooclr.AvailableToSell).
        UPDATE it SET OnHand = ISNULL(v.OnHand, 0), [Commit] = ISNULL(v.[Commit], 0)
        FROM #item AS it
        LEFT JOIN (SELECT inv.ITEM_NO, SUM(inv.QTY_ON_HND) AS OnHand, SUM(inv.QTY_COMMIT) AS [Commit]
                   FROM [$(CounterpointDb)].dbo.IM_INV AS inv
                   JOIN woo.StockLocation AS sl ON sl.StoreId = @StoreId AND sl.LocId = inv.LOC_ID
                   WHERE inv.ITEM_NO IN (SELECT c.ItemNo FROM #cand AS c)
                   GROUP BY inv.ITEM_NO) AS v ON v.ITEM_NO = it.ItemNo;

        -- The price level from IM_PRC (PRC_1..PRC_6 or REG_PRC at the store's PriceLocId; '*' where Counterpoint keeps
        -- prices for all locations). Two rows for one item and location that disagree give no price (never a guess).
        IF @SyncPrice = 'Y' AND @PriceLocId IS NOT NULL
            UPDATE it SET LevelPrice = p.Price
            FROM #item AS it
            JOIN (SELECT pr.ITEM_NO, CASE WHEN MIN(v.Price) = MAX(v.Price) AND COUNT(*) = COUNT(v.Price) THEN MIN(v.Price) END AS Price
                  FROM [$(CounterpointDb)].dbo.IM_PRC AS pr
                  CROSS APPLY (SELECT CASE @PriceLevel WHEN 'PRC_1' THEN pr.PRC_1 WHEN 'PRC_2' THEN pr.PRC_2 WHEN 'PRC_3' THEN pr.PRC_3 WHEN 'PRC_4' THEN pr.PRC_4
                                                       WHEN 'PRC_5' THEN pr.PRC_5 WHEN 'PRC_6' THEN pr.PRC_6 WHEN 'REG_PRC' THEN pr.REG_PRC END AS Price) AS v
                  WHERE pr.LOC_ID = @PriceLocId AND pr.ITEM_NO IN (SELECT c.ItemNo FROM #cand AS c)
                  GROUP BY pr.ITEM_NO) AS p ON p.ITEM_NO = it.ItemNo;

        -- A staged line in a unit whose factors are missing or not positive cannot be converted: its item gets no stock
        -- (left alone, never under-subtracted), and the order planner parks that order with CPO-UNIT.
        UPDATE it SET StagedBadUnit = 1
        FROM #item AS it
        WHERE EXISTS (SELECT 1 FROM #line AS ln
                      CROSS APPLY (SELECT CASE ln.SellUnit WHEN '1' THEN it.Unit1 WHEN '2' THEN it.Unit2 WHEN '3' THEN it.Unit3 WHEN '4' THEN it.Unit4 WHEN '5' THEN it.Unit5 END AS Unit,
                                          CASE ln.SellUnit WHEN '1' THEN it.Numer1 WHEN '2' THEN it.Numer2 WHEN '3' THEN it.Numer3 WHEN '4' THEN it.Numer4 WHEN '5' THEN it.Numer5 END AS Numer,
                                          CASE ln.SellUnit WHEN '1' THEN it.Denom1 WHEN '2' THEN it.Denom2 WHEN '3' THEN it.Denom3 WHEN '4' THEN it.Denom4 WHEN '5' THEN it.Denom5 END AS Denom) AS f
                      WHERE ln.ItemNo = it.ItemNo AND ln.SellUnit <> '0'
                        AND (f.Unit IS NULL OR ISNULL(f.Numer, 0) <= 0 OR ISNULL(f.Denom, 0) <= 0));
        UPDATE it SET Staged = s.Staged
        FROM #item AS it
        JOIN (SELECT ln.ItemNo,
                     SUM(wooclr.ToStockingUnits(ln.Quantity,
                                                CASE ln.SellUnit WHEN '1' THEN i2.Numer1 WHEN '2' THEN i2.Numer2 WHEN '3' THEN i2.Numer3 WHEN '4' THEN i2.Numer4 WHEN '5' THEN i2.Numer5 ELSE 1 END,
                                                CASE ln.SellUnit WHEN '1' THEN i2.Denom1 WHEN '2' THEN i2.Denom2 WHEN '3' THEN i2.Denom3 WHEN '4' THEN i2.Denom4 WHEN '5' THEN i2.Denom5 ELSE 1 END)) AS Staged
              FROM #line AS ln
              JOIN #item AS i2 ON i2.ItemNo = ln.ItemNo
              GROUP BY ln.ItemNo) AS s ON s.ItemNo = it.ItemNo;

        -- 3 and 4. Wanted values and the decision.
        CREATE TABLE #change (
            WooId bigint NOT NULL PRIMARY KEY, ParentId bigint NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL, ItemNo varchar (20) COLLATE DATABASE_DEFAULT NOT NULL, SellUnit char (1) COLLATE DATABASE_DEFAULT NOT NULL,
            OnHand decimal (19, 4) NULL, [Commit] decimal (19, 4) NULL, SafetyStock decimal (15, 4) NULL, Staged decimal (19, 4) NULL,
            WantedQty int NULL, BaselineQty decimal (19, 4) NULL, [Endpoint] nvarchar (100) COLLATE DATABASE_DEFAULT NOT NULL, BatchKey bigint NOT NULL,
            RequestNo int NULL, UpdateJson nvarchar (4000) COLLATE DATABASE_DEFAULT NOT NULL, Reason nvarchar (1000) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #change (WooId, ParentId, Sku, ItemNo, SellUnit, OnHand, [Commit], SafetyStock, Staged, WantedQty, BaselineQty, [Endpoint], BatchKey,
                             UpdateJson, Reason)
        SELECT c.WooId, c.ParentId, c.Sku, c.ItemNo, c.SellUnit, it.OnHand, it.[Commit], c.SafetyStock, it.Staged, w.WantedQty, c.BaselineQty,
               d.[endpoint], d.batch_key, d.update_json, d.reason
        FROM #cand AS c
        JOIN #item AS it ON it.ItemNo = c.ItemNo
        CROSS APPLY (SELECT CASE c.SellUnit WHEN '1' THEN it.Unit1 WHEN '2' THEN it.Unit2 WHEN '3' THEN it.Unit3 WHEN '4' THEN it.Unit4 WHEN '5' THEN it.Unit5 ELSE N'-' END AS Unit,
                            CASE c.SellUnit WHEN '1' THEN it.Numer1 WHEN '2' THEN it.Numer2 WHEN '3' THEN it.Numer3 WHEN '4' THEN it.Numer4 WHEN '5' THEN it.Numer5 ELSE 1 END AS Numer,
                            CASE c.SellUnit WHEN '1' THEN it.Denom1 WHEN '2' THEN it.Denom2 WHEN '3' THEN it.Denom3 WHEN '4' THEN it.Denom4 WHEN '5' THEN it.Denom5 ELSE 1 END AS Denom,
                            -- The store's price level: IM_ITEM's PRC_1 / REG_PRC (ALT_n_ for a unit SKU), or IM_PRC's (stocking unit only).
                            CASE WHEN @PriceLocId IS NOT NULL THEN CASE WHEN c.SellUnit = '0' THEN it.LevelPrice END
                                 WHEN @PriceLevel = 'REG_PRC'
                                 THEN CASE c.SellUnit WHEN '1' THEN it.Reg1 WHEN '2' THEN it.Reg2 WHEN '3' THEN it.Reg3 WHEN '4' THEN it.Reg4 WHEN '5' THEN it.Reg5 ELSE it.Reg0 END
                                 ELSE CASE c.SellUnit WHEN '1' THEN it.Prc1 WHEN '2' THEN it.Prc2 WHEN '3' THEN it.Prc3 WHEN '4' THEN it.Prc4 WHEN '5' THEN it.Prc5 ELSE it.Prc0 END
                                 END AS Price,
                            CASE WHEN @NameSource = 'LONG_DESCR' AND LTRIM(RTRIM(ISNULL(it.LongDescr, N''))) <> N'' THEN it.LongDescr ELSE it.Descr END AS Name,
                            CASE WHEN ISNULL(it.Stat, 'A') <> 'A' THEN 1 ELSE 0 END AS Inactive) AS u
        -- Non-inventory items (ITEM_TYP not I), and inactive ones under LEAVE, have no stock to send; their price, status
        -- and name still follow the rule (a store that syncs status sees a discontinued item go to draft).
        CROSS APPLY (SELECT CASE WHEN it.ItemTyp <> 'I' THEN NULL
                                 -- CPO-UNIT (SkuRule.UnitProblem): a unit the item does not define, or a line of it staged in
                                 -- one, cannot be converted: no stock (never eaches sent as cases; review r14 findings 3, 4)
                                 WHEN u.Unit IS NULL OR ISNULL(u.Numer, 0) <= 0 OR ISNULL(u.Denom, 0) <= 0 OR it.StagedBadUnit = 1 THEN NULL
                                 WHEN u.Inactive = 1 AND @InactivePolicy = 'LEAVE' THEN NULL
                                 WHEN u.Inactive = 1 AND @InactivePolicy = 'ZERO' THEN 0
                                 ELSE wooclr.AvailableToSell(it.OnHand, it.[Commit], c.SafetyStock, it.Staged, u.Numer, u.Denom) END AS WantedQty) AS w
        CROSS APPLY wooclr.StockUpdate(c.WooId, c.ParentId, c.WooType, c.WooManageStock, c.BaselineQty, c.BaselineStockStatus, w.WantedQty,
                                       @ManageUnmanaged, @StatusWhenUnmanaged,
                                       -- a price of 0 (Counterpoint's "no price") is never sent: it would make the product free
                                       CASE WHEN @SyncPrice = 'Y' AND u.Price > 0 THEN CONVERT(nvarchar (40), CONVERT(decimal (15, 2), u.Price)) END,
                                       c.BaselineRegularPrice, NULL, c.BaselineSalePrice,
                                       CASE WHEN @SyncStatus = 'Y' THEN CASE WHEN u.Inactive = 1 THEN N'draft' ELSE N'publish' END END,
                                       c.BaselineStatus,
                                       CASE WHEN @SyncName = 'Y' THEN u.Name END, c.BaselineName) AS d
        WHERE d.send = 1;
        UPDATE ch SET RequestNo = n.RequestNo
        FROM #change AS ch
        JOIN (SELECT x.WooId, CONVERT(int, (ROW_NUMBER() OVER (PARTITION BY x.BatchKey ORDER BY x.WooId) - 1) / 100) AS RequestNo FROM #change AS x) AS n
          ON n.WooId = ch.WooId;

        DECLARE @Candidates int = (SELECT COUNT(*) FROM #cand), @Changes int = (SELECT COUNT(*) FROM #change),
                @PlannedRequests int = (SELECT COUNT(*) FROM (SELECT DISTINCT x.BatchKey, x.RequestNo FROM #change AS x) AS r);

        -- 5. Dry run: exactly what would be sent.
        IF @Execute = 'N'
        BEGIN
            SELECT ch.[Endpoint], ch.BatchKey, ch.RequestNo, ch.WooId, ch.ParentId, ch.Sku, ch.ItemNo, ch.SellUnit, ch.OnHand, ch.[Commit],
                   ch.SafetyStock, ch.Staged, ch.WantedQty, ch.BaselineQty, ch.UpdateJson, ch.Reason
            FROM #change AS ch
            ORDER BY ch.BatchKey, ch.RequestNo, ch.WooId;
            SET @Msg = CONCAT(N'woo.usp_PushStock: store ', @StoreId, N': ', @Candidates, N' mapped object(s) checked, ', @Changes,
                              N' change(s) in ', @PlannedRequests, N' request(s) would be sent. @Execute = ''N'' wrote nothing.');
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        CREATE TABLE #result (WooId bigint NOT NULL PRIMARY KEY, Applied bit NOT NULL, StockQuantity decimal (19, 4) NULL, ErrorCode nvarchar (100) COLLATE DATABASE_DEFAULT NULL,
                              ErrorMessage nvarchar (2000) COLLATE DATABASE_DEFAULT NULL);
        DECLARE @BatchKey bigint, @RequestNo int, @Updates nvarchar (max), @Results xml, @HttpStatus int, @ErrorCode nvarchar (100),
                @ErrorMessage nvarchar (4000), @Requests int, @TotalRequests int = 0, @Sent int = 0, @Failed int = 0, @CallError nvarchar (4000);
        DECLARE requests CURSOR LOCAL FAST_FORWARD FOR
            SELECT DISTINCT x.BatchKey, x.RequestNo FROM #change AS x ORDER BY x.BatchKey, x.RequestNo;
        OPEN requests;
        FETCH NEXT FROM requests INTO @BatchKey, @RequestNo;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            SET @Updates = N'[' + (SELECT STRING_AGG(CONVERT(nvarchar (max), x.UpdateJson), N',') WITHIN GROUP (ORDER BY x.WooId)
                                   FROM #change AS x WHERE x.BatchKey = @BatchKey AND x.RequestNo = @RequestNo) + N']';
            SELECT @Results = NULL, @HttpStatus = NULL, @ErrorCode = NULL, @ErrorMessage = NULL, @Requests = NULL, @CallError = NULL;
            -- HTTP: no transaction open here (the transport procedure refuses one), and no write around it.
            BEGIN TRY
                IF @BatchKey = 0
                    EXEC woo.usp_WooBatchUpdateProducts @StoreId = @StoreId, @UpdatesJson = @Updates, @Results = @Results OUTPUT,
                         @HttpStatus = @HttpStatus OUTPUT, @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
                ELSE
                    EXEC woo.usp_WooBatchUpdateVariations @StoreId = @StoreId, @ParentId = @BatchKey, @UpdatesJson = @Updates, @Results = @Results OUTPUT,
                         @HttpStatus = @HttpStatus OUTPUT, @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
            END TRY
            BEGIN CATCH
                SET @CallError = ERROR_MESSAGE();
                -- Credentials that do not decrypt fail every request alike: stop the run (logged FAILED below).
                IF @CallError LIKE N'%CPO-SECRET%' OR @CallError LIKE N'%CPO-HTTP-IN-TRANSACTION%'
                    THROW;
            END CATCH;
            SET @TotalRequests += ISNULL(@Requests, 1);

            TRUNCATE TABLE #result;
            INSERT INTO #result (WooId, Applied, StockQuantity, ErrorCode, ErrorMessage)
            SELECT r.n.value(N'@id', N'bigint'), ISNULL(r.n.value(N'@applied', N'bit'), 0), r.n.value(N'@stock_quantity', N'decimal(19,4)'),
                   NULLIF(r.n.value(N'@error_code', N'nvarchar(100)'), N''), LEFT(NULLIF(r.n.value(N'@error_message', N'nvarchar(4000)'), N''), 2000)
            FROM @Results.nodes(N'/results/result') AS r (n)
            WHERE r.n.value(N'@id', N'bigint') IN (SELECT x.WooId FROM #change AS x WHERE x.BatchKey = @BatchKey AND x.RequestNo = @RequestNo);
            -- An item without a result (the request failed as a whole, or WooCommerce left it out) is a failure of that item.
            INSERT INTO #result (WooId, Applied, ErrorCode, ErrorMessage)
            SELECT x.WooId, 0, LEFT(ISNULL(@ErrorCode, CASE WHEN @CallError IS NOT NULL THEN N'CPO-STOCK-CALL' ELSE N'CPO-WOO-BATCH-MISSING' END), 100),
                   LEFT(ISNULL(@CallError, ISNULL(@ErrorMessage, N'no result for this object')), 2000)
            FROM #change AS x
            WHERE x.BatchKey = @BatchKey AND x.RequestNo = @RequestNo AND NOT EXISTS (SELECT 1 FROM #result AS r WHERE r.WooId = x.WooId);

            -- The request's results, in a short transaction of their own.
            BEGIN TRANSACTION;
            UPDATE c
            SET SentQty = ISNULL(TRY_CONVERT(int, JSON_VALUE(x.UpdateJson, N'$.stock_quantity')), c.SentQty),
                SentStockStatus = ISNULL(JSON_VALUE(x.UpdateJson, N'$.stock_status'), c.SentStockStatus),
                SentRegularPrice = ISNULL(JSON_VALUE(x.UpdateJson, N'$.regular_price'), c.SentRegularPrice),
                SentStatus = ISNULL(JSON_VALUE(x.UpdateJson, N'$.status'), c.SentStatus),
                SentName = ISNULL(CONVERT(nvarchar (400), JSON_VALUE(x.UpdateJson, N'$.name')), c.SentName),
                WooManageStock = CASE WHEN JSON_VALUE(x.UpdateJson, N'$.manage_stock') = N'true' THEN N'true' ELSE c.WooManageStock END,
                WooStockQuantity = ISNULL(r.StockQuantity, c.WooStockQuantity),
                SentAtUtc = SYSUTCDATETIME(), BaselineFromWoo = 'N', Attempts = 0, NextAttemptUtc = NULL, LastErrorCode = NULL, LastError = NULL
            FROM woo.CatalogItem AS c
            JOIN #result AS r ON r.WooId = c.WooId AND r.Applied = 1
            JOIN #change AS x ON x.WooId = c.WooId
            WHERE c.StoreId = @StoreId;
            SET @Sent += @@ROWCOUNT;
            UPDATE c
            SET Attempts = c.Attempts + 1,
                NextAttemptUtc = DATEADD(SECOND, CASE WHEN c.Attempts >= 16 THEN 86400
                                                      ELSE CONVERT(int, CASE WHEN @RetryBase * POWER(CONVERT(bigint, 2), c.Attempts) > 86400 THEN 86400
                                                                             ELSE @RetryBase * POWER(CONVERT(bigint, 2), c.Attempts) END) END, SYSUTCDATETIME()),
                LastErrorCode = CONVERT(varchar (40), LEFT(ISNULL(r.ErrorCode, N'CPO-WOO-NOT-APPLIED'), 40)), LastError = r.ErrorMessage
            FROM woo.CatalogItem AS c
            JOIN #result AS r ON r.WooId = c.WooId AND r.Applied = 0
            WHERE c.StoreId = @StoreId;
            SET @Failed += @@ROWCOUNT;
            -- One alert per store (woo.usp_RaiseAlert folds the next batch's into it), naming this batch's objects.
            SET @Msg = (SELECT LEFT(CONCAT(N'CPO-STOCK-ITEM-FAILING: store ', @StoreId, N': ', COUNT(*), N' WooCommerce object(s) failed ', @MaxAttempts,
                                           N' times and are retried daily; fix them in the shop or exclude them (woo.usp_SetStockItemOverride); woo.CatalogItem (LastError) lists every failing one: ',
                                           STRING_AGG(CONVERT(nvarchar (max), CONCAT(c.WooId, N' (SKU ', c.Sku, N', item ', c.ItemNo, N') ', c.LastErrorCode, N' ', c.LastError)), N'; ')), 2048)
                        FROM woo.CatalogItem AS c
                        JOIN #result AS r ON r.WooId = c.WooId AND r.Applied = 0
                        WHERE c.StoreId = @StoreId AND c.Attempts = @MaxAttempts
                        HAVING COUNT(*) > 0);
            IF @Msg IS NOT NULL
                EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-STOCK-ITEM-FAILING', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
            COMMIT TRANSACTION;

            FETCH NEXT FROM requests INTO @BatchKey, @RequestNo;
        END;
        CLOSE requests;
        DEALLOCATE requests;

        DECLARE @Outcome varchar (10) = CASE WHEN @Failed = 0 THEN 'OK' WHEN @Sent = 0 THEN 'FAILED' ELSE 'WARNING' END;
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, Requests = @TotalRequests,
            ErrorCode = CASE WHEN @Failed > 0 THEN 'CPO-STOCK-ITEMS' END,
            ErrorMessage = CASE WHEN @Failed > 0 THEN CONCAT(@Failed, N' object(s) failed and wait for a retry (woo.CatalogItem.LastError).') END,
            Details = (SELECT @Candidates AS checked, @Changes AS changes, @PlannedRequests AS planned_requests, @TotalRequests AS requests,
                              @Sent AS applied, @Failed AS failed FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        SET @Msg = CONCAT(N'woo.usp_PushStock: store ', @StoreId, N': ', @Outcome, N'; ', @Candidates, N' checked, ', @Changes, N' change(s), ', @Sent,
                          N' applied, ', @Failed, N' failed, ', @TotalRequests, N' request(s) (run ', @RunId, N').');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
        IF @HoldsStore = 1
            EXEC sys.sp_releaseapplock @Resource = @StoreLock, @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsStore = 0;
        IF @HoldsPipeline = 1
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsPipeline = 0;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        BEGIN TRY
            IF @HoldsStore = 1
                EXEC sys.sp_releaseapplock @Resource = @StoreLock, @LockOwner = N'Session', @DbPrincipal = N'public';
            IF @HoldsPipeline = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        END TRY
        BEGIN CATCH
            SET @HoldsStore = 0;  -- the connection's end releases them
        END CATCH;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        EXEC woo.usp_LogStepFailure @RunId = @RunId, @StoreId = @StoreId, @Error = @Error, @DefaultCode = 'CPO-STOCK-ERROR',
             @What = N'the stock push', @After = N'Results recorded before the error stay.';
        THROW;
    END CATCH;
    RETURN 0;
END;
