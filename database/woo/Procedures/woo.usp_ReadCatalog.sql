-- Reads a store's WooCommerce products and variations into the catalog state (issue 14; README "Stock back to the
-- shop"): incremental from woo.CatalogWatermark (hourly), or @Full = 'Y' for the nightly reconciliation (every object;
-- the first read of a store is always full). Both reads run with no transaction open (woo.usp_WooGetProducts,
-- woo.usp_WooGetVariations); their rows land in #read via OPENJSON. Then, in one short transaction on CpOrders' own
-- tables: woo.CatalogItem is refreshed with what WooCommerce reported; every object of the store is mapped again with
-- wooclr.MapSkus (the order path's SKU rule: woo.StoreSkuMap, woo.StoreUnitSuffix) and checked against IM_ITEM; woo.SkuProblem
-- is rewritten (blank, parent SKU, unit, duplicate, unmatched, gone) - never guessed: an object with a problem has no item
-- and gets no stock (a unit SKU whose unit IM_ITEM does not define is CPO-UNIT, the planner's rule). A full read makes
-- WooCommerce's values the baseline (repairs changes made by hand in the shop), except for objects a push sent to since
-- the read began (their sent value is newer than the page read) and marks objects it did not return as unseen; an unseen object is gone only when the next complete incremental
-- read (from that full read's restart point) does not return it either (absence is not deletion: objects saved in the
-- last seconds are left out of any read). Watermarks move only to an 'end' row's complete_up_to_utc. One woo.RunLog row
-- (Step CATALOG). @Execute = 'N' reads the shop, lists what would change and writes nothing. Names are read for the
-- name sync (issue 14 item 6: woo.CatalogItem.WooName). Locks (@Execute = 'Y'): 'CpOrders.Pipeline' Shared and the
-- store's 'CpOrders.ReadCatalog:<StoreId>' Exclusive, Session-owned, timeout 0: a read that finds a deploy or another
-- read of the store under way is logged SKIPPED and reads nothing. @LoggedRunId: its woo.RunLog row. @ReadJson (dry run
-- only): WooCommerce's values of the objects read, for woo.usp_ReconcileCatalog's dry run to compare with.
CREATE PROCEDURE [woo].[usp_ReadCatalog]
    @StoreId     varchar (10),
    @Full        char (1) = 'N',
    @Execute     char (1) = 'Y',
    @LoggedRunId bigint = NULL OUTPUT,
    @ReadJson    nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Found bit = 0, @Enabled char (1), @ProductsFrom datetime2 (0), @VariationsFrom datetime2 (0), @UnseenCheckFrom datetime2 (0),
            @StoreKey varchar (10);
    SELECT @LoggedRunId = NULL, @ReadJson = NULL;
    SELECT @Found = 1, @Enabled = s.IsEnabled, @StoreKey = s.StoreId FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    SELECT @ProductsFrom = w.ProductsWatermarkUtc, @VariationsFrom = w.VariationsWatermarkUtc, @UnseenCheckFrom = w.UnseenCheckFromUtc
    FROM woo.CatalogWatermark AS w WHERE w.StoreId = @StoreId;
    IF @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @Full IS NULL OR @Full NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Full and @Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_ReadCatalog: nothing was read; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50147, @All, 1;
    END;
    -- No restart point yet (a new store): the read is full.
    DECLARE @IsFull char (1) = CASE WHEN @Full = 'Y' OR @ProductsFrom IS NULL OR @VariationsFrom IS NULL THEN 'Y' ELSE 'N' END;
    IF @IsFull = 'Y'
        SELECT @ProductsFrom = NULL, @VariationsFrom = NULL;

    DECLARE @Now datetime2 (0) = SYSUTCDATETIME(), @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @Msg nvarchar (2048),
            @ProductsJson nvarchar (max), @VariationsJson nvarchar (max), @Budget int = CASE WHEN @IsFull = 'Y' THEN 1800 END,  -- a full read: up to 30 minutes
            @LockResult int, @HoldsPipeline bit = 0, @HoldsStore bit = 0, @StoreLock nvarchar (255) = N'CpOrders.ReadCatalog:' + @StoreKey;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('CATALOG', @StoreId, @Started, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            SET @LoggedRunId = @RunId;
            -- As woo.usp_PushStock: Shared on the pipeline lock (a deploy takes it Exclusive), Exclusive on the store's
            -- read (two reads of one store would race on its watermark and unseen marks); never waited for.
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
                                     + N'); this catalog read of store ' + @StoreKey + N' is skipped and reads nothing. The next scheduled run goes on.'
                                ELSE N'CPO-CATALOG-BUSY: another catalog read of store ' + @StoreKey + N' holds ' + @StoreLock + N' (sp_getapplock returned '
                                     + CONVERT(nvarchar (10), @LockResult) + N'); this one is skipped and reads nothing. The next scheduled run goes on.' END;
                IF @HoldsPipeline = 1
                    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                SET @HoldsPipeline = 0;
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = LEFT(@Msg, CHARINDEX(N':', @Msg) - 1), r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
        END;

        -- HTTP: no transaction open here (the transport procedures refuse one), and no write around it.
        EXEC woo.usp_WooGetProducts @StoreId = @StoreId, @ModifiedAfterUtc = @ProductsFrom, @TotalBudgetSeconds = @Budget, @RowsJson = @ProductsJson OUTPUT;
        EXEC woo.usp_WooGetVariations @StoreId = @StoreId, @ModifiedAfterUtc = @VariationsFrom, @TotalBudgetSeconds = @Budget, @RowsJson = @VariationsJson OUTPUT;

        CREATE TABLE #read (
            [Source] char (1) COLLATE DATABASE_DEFAULT NOT NULL,  -- P products, V variations
            row_kind nvarchar (10) COLLATE DATABASE_DEFAULT NULL, id bigint NULL, parent_id bigint NULL, [type] nvarchar (40) COLLATE DATABASE_DEFAULT NULL, sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL,
            [name] nvarchar (400) COLLATE DATABASE_DEFAULT NULL, status nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            manage_stock nvarchar (10) COLLATE DATABASE_DEFAULT NULL, stock_quantity decimal (19, 4) NULL, stock_status nvarchar (40) COLLATE DATABASE_DEFAULT NULL, backorders nvarchar (10) COLLATE DATABASE_DEFAULT NULL,
            regular_price nvarchar (40) COLLATE DATABASE_DEFAULT NULL, sale_price nvarchar (40) COLLATE DATABASE_DEFAULT NULL, date_modified_gmt datetime2 (0) NULL, http_status int NULL,
            [message] nvarchar (4000) COLLATE DATABASE_DEFAULT NULL, requests int NULL, complete_up_to_utc datetime2 (0) NULL, read_all bit NULL);
        INSERT INTO #read ([Source], row_kind, id, parent_id, [type], sku, [name], status, manage_stock, stock_quantity, stock_status, backorders, regular_price,
                           sale_price, date_modified_gmt, http_status, [message], requests, complete_up_to_utc, read_all)
        SELECT x.[Source], j.row_kind, j.id, j.parent_id, j.[type], j.sku, j.[name], j.status, j.manage_stock, j.stock_quantity, j.stock_status, j.backorders,
               j.regular_price, j.sale_price, j.date_modified_gmt, j.http_status, j.[message], j.requests, j.complete_up_to_utc, j.read_all
        FROM (VALUES ('P', @ProductsJson), ('V', @VariationsJson)) AS x ([Source], RowsJson)
        CROSS APPLY OPENJSON(ISNULL(x.RowsJson, N'[]'))
            WITH (row_kind nvarchar (10) '$.row_kind', id bigint '$.id', parent_id bigint '$.parent_id', [type] nvarchar (40) '$.type',
                  sku nvarchar (400) '$.sku', [name] nvarchar (400) '$.name', status nvarchar (40) '$.status', manage_stock nvarchar (10) '$.manage_stock',
                  stock_quantity decimal (19, 4) '$.stock_quantity', stock_status nvarchar (40) '$.stock_status', backorders nvarchar (10) '$.backorders',
                  regular_price nvarchar (40) '$.regular_price', sale_price nvarchar (40) '$.sale_price', date_modified_gmt datetime2 (0) '$.date_modified_gmt',
                  http_status int '$.http_status', [message] nvarchar (4000) '$.message', requests int '$.requests',
                  complete_up_to_utc datetime2 (0) '$.complete_up_to_utc', read_all bit '$.read_all') AS j;

        -- The final row of each read ('error' wins; none at all is an error too).
        DECLARE @PKind nvarchar (10), @PMessage nvarchar (4000), @PComplete datetime2 (0), @PAll bit, @PRequests int,
                @VKind nvarchar (10), @VMessage nvarchar (4000), @VComplete datetime2 (0), @VAll bit, @VRequests int;
        SELECT TOP (1) @PKind = r.row_kind, @PMessage = r.[message], @PComplete = r.complete_up_to_utc, @PAll = r.read_all, @PRequests = r.requests
        FROM #read AS r WHERE r.[Source] = 'P' AND r.row_kind IN (N'end', N'error') ORDER BY CASE r.row_kind WHEN N'error' THEN 0 ELSE 1 END;
        SELECT TOP (1) @VKind = r.row_kind, @VMessage = r.[message], @VComplete = r.complete_up_to_utc, @VAll = r.read_all, @VRequests = r.requests
        FROM #read AS r WHERE r.[Source] = 'V' AND r.row_kind IN (N'end', N'error') ORDER BY CASE r.row_kind WHEN N'error' THEN 0 ELSE 1 END;
        IF @PKind IS NULL
            SELECT @PKind = N'error', @PMessage = N'CPO-CATALOG-NO-END: the product read returned no final end or error row.';
        IF @VKind IS NULL
            SELECT @VKind = N'error', @VMessage = N'CPO-CATALOG-NO-END: the variation read returned no final end or error row.';
        DECLARE @Complete bit = CASE WHEN @PKind = N'end' AND @VKind = N'end' AND ISNULL(@PAll, 0) = 1 AND ISNULL(@VAll, 0) = 1 THEN 1 ELSE 0 END;

        -- One row per object: the latest version read (a keyset read may return an object twice).
        CREATE TABLE #obj (
            WooId bigint NOT NULL PRIMARY KEY, ParentId bigint NULL, WooType nvarchar (40) COLLATE DATABASE_DEFAULT NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL, WooStatus nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            WooManageStock nvarchar (10) COLLATE DATABASE_DEFAULT NULL, WooStockQuantity decimal (19, 4) NULL, WooStockStatus nvarchar (40) COLLATE DATABASE_DEFAULT NULL, WooBackorders nvarchar (10) COLLATE DATABASE_DEFAULT NULL,
            WooRegularPrice nvarchar (40) COLLATE DATABASE_DEFAULT NULL, WooSalePrice nvarchar (40) COLLATE DATABASE_DEFAULT NULL, WooDateModifiedGmt datetime2 (0) NULL,
            WooName nvarchar (400) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #obj (WooId, ParentId, WooType, Sku, WooStatus, WooManageStock, WooStockQuantity, WooStockStatus, WooBackorders, WooRegularPrice,
                          WooSalePrice, WooDateModifiedGmt, WooName)
        SELECT d.id, d.parent_id, d.[type], d.sku, d.status, d.manage_stock, d.stock_quantity, d.stock_status, d.backorders, d.regular_price, d.sale_price,
               d.date_modified_gmt, d.[name]
        FROM (SELECT r.id, r.parent_id, r.[type], r.sku, r.[name], r.status, r.manage_stock, r.stock_quantity, r.stock_status, r.backorders, r.regular_price,
                     r.sale_price, r.date_modified_gmt, ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY r.date_modified_gmt DESC) AS Rn
              FROM #read AS r WHERE r.row_kind IN (N'product', N'variation') AND r.id IS NOT NULL) AS d
        WHERE d.Rn = 1;

        -- The store's catalog after this read (current rows merged with what was read), mapped again as a whole:
        -- duplicates are a property of the whole catalog, not of one read.
        CREATE TABLE #state (
            WooId bigint NOT NULL PRIMARY KEY, ParentId bigint NULL, WooType nvarchar (40) COLLATE DATABASE_DEFAULT NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL, IsRead bit NOT NULL,
            IsNew bit NOT NULL, WasGone char (1) COLLATE DATABASE_DEFAULT NOT NULL, UnseenSinceUtc datetime2 (0) NULL, IsGone char (1) COLLATE DATABASE_DEFAULT NOT NULL,
            ItemNo varchar (20) COLLATE DATABASE_DEFAULT NULL, SellUnit char (1) COLLATE DATABASE_DEFAULT NULL, MapSource varchar (10) COLLATE DATABASE_DEFAULT NULL, OldItemNo varchar (20) COLLATE DATABASE_DEFAULT NULL, OldSellUnit char (1) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #state (WooId, ParentId, WooType, Sku, IsRead, IsNew, WasGone, UnseenSinceUtc, IsGone, OldItemNo, OldSellUnit)
        SELECT ISNULL(o.WooId, c.WooId), CASE WHEN o.WooId IS NOT NULL THEN o.ParentId ELSE c.ParentId END,
               CASE WHEN o.WooId IS NOT NULL THEN o.WooType ELSE c.WooType END, CASE WHEN o.WooId IS NOT NULL THEN o.Sku ELSE c.Sku END,
               CASE WHEN o.WooId IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN c.WooId IS NULL THEN 1 ELSE 0 END, ISNULL(c.IsGone, 'N'),
               CASE WHEN o.WooId IS NOT NULL THEN NULL ELSE c.UnseenSinceUtc END,
               CASE WHEN o.WooId IS NOT NULL THEN 'N' ELSE ISNULL(c.IsGone, 'N') END, c.ItemNo, c.SellUnit
        FROM #obj AS o
        FULL JOIN (SELECT ci.WooId, ci.ParentId, ci.WooType, ci.Sku, ci.IsGone, ci.UnseenSinceUtc, ci.ItemNo, ci.SellUnit
                   FROM woo.CatalogItem AS ci WHERE ci.StoreId = @StoreId) AS c ON c.WooId = o.WooId;
        -- Absence is not deletion: a complete full read marks what it did not return as unseen; the next complete
        -- incremental read (it starts at that full read's restart point: the watermarks moved there) makes what is still
        -- unseen gone.
        IF @IsFull = 'Y' AND @Complete = 1
            UPDATE s SET UnseenSinceUtc = ISNULL(s.UnseenSinceUtc, @Now) FROM #state AS s WHERE s.IsRead = 0 AND s.IsGone = 'N';
        IF @IsFull = 'N' AND @Complete = 1 AND @UnseenCheckFrom IS NOT NULL
            UPDATE s SET IsGone = 'Y' FROM #state AS s WHERE s.IsRead = 0 AND s.UnseenSinceUtc IS NOT NULL;

        -- The SKU rule (wooclr.MapSkus, the order path's rule) over every live simple product and variation; variable,
        -- grouped and external products carry no stock of their own.
        DECLARE @SkuMapJson nvarchar (max) = ISNULL((SELECT m.WooSku, m.ItemNo, m.SellUnit FROM woo.StoreSkuMap AS m WHERE m.StoreId = @StoreId
                                                     FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]'),
                @SuffixJson nvarchar (max) = ISNULL((SELECT u.Suffix, u.SellUnit FROM woo.StoreUnitSuffix AS u WHERE u.StoreId = @StoreId
                                                     FOR JSON PATH), N'[]'),
                @ItemsJson nvarchar (max) = (SELECT s.WooId AS id, s.ParentId AS parent_id, s.Sku AS sku, p.Sku AS parent_sku
                                             FROM #state AS s
                                             LEFT JOIN #state AS p ON p.WooId = s.ParentId
                                             WHERE s.IsGone = 'N' AND ISNULL(s.WooType, N'') NOT IN (N'variable', N'grouped', N'external')
                                             FOR JSON PATH, INCLUDE_NULL_VALUES);
        -- The Counterpoint items a SKU could name, whole or without a unit suffix: an exact item wins over a suffix, as in
        -- the order planner (clr/Documents/Skus/SkuRule.cs).
        -- Trimmed like SkuRule (.NET Trim: spaces, tab, CR, LF, no-break space), so both name the same candidates.
        DECLARE @SkuTrim nvarchar (10) = N' ' + NCHAR(9) + NCHAR(10) + NCHAR(13) + NCHAR(160);
        DECLARE @ItemNosJson nvarchar (max) = ISNULL((
            SELECT DISTINCT i.ITEM_NO
            FROM [$(CounterpointDb)].dbo.IM_ITEM AS i
            JOIN (SELECT t.Sku AS Cand FROM (SELECT TRIM(@SkuTrim FROM s.Sku) COLLATE DATABASE_DEFAULT AS Sku FROM #state AS s WHERE s.Sku IS NOT NULL) AS t
                  UNION
                  SELECT LEFT(t.Sku, LEN(t.Sku) - LEN(u.Suffix))
                  FROM (SELECT TRIM(@SkuTrim FROM s.Sku) COLLATE DATABASE_DEFAULT AS Sku FROM #state AS s WHERE s.Sku IS NOT NULL) AS t
                  JOIN woo.StoreUnitSuffix AS u ON u.StoreId = @StoreId AND LEN(t.Sku) > LEN(u.Suffix) AND RIGHT(t.Sku, LEN(u.Suffix)) = u.Suffix) AS c
              ON LEN(c.Cand) <= 20 AND i.ITEM_NO = CONVERT(varchar (20), c.Cand)
            FOR JSON PATH), N'[]');   -- '[]', not NULL: NULL would mean "items not known" to MapSkus
        CREATE TABLE #map (WooId bigint NOT NULL PRIMARY KEY, ParentId bigint NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL, ItemNo nvarchar (400) COLLATE DATABASE_DEFAULT NULL,
                           SellUnit nvarchar (1) COLLATE DATABASE_DEFAULT NULL, MapSource nvarchar (10) COLLATE DATABASE_DEFAULT NULL, ProblemCode nvarchar (40) COLLATE DATABASE_DEFAULT NULL, Problem nvarchar (1000) COLLATE DATABASE_DEFAULT NULL);
        IF @ItemsJson IS NOT NULL
            INSERT INTO #map (WooId, ParentId, Sku, ItemNo, SellUnit, MapSource, ProblemCode, Problem)
            SELECT k.id, k.parent_id, k.sku, k.item_no, k.sell_unit, k.[source], k.problem_code, k.problem
            FROM wooclr.MapSkus(@ItemsJson, @SkuMapJson, @SuffixJson, @ItemNosJson) AS k;
        -- Unmatched: an item number that is not (or no longer) in Counterpoint.
        UPDATE m
        SET ProblemCode = N'CPO-SKU-UNMATCHED',
            Problem = LEFT(N'SKU ''' + ISNULL(m.Sku, N'') + N''' resolves to item ''' + m.ItemNo + N''', which is not in IM_ITEM; map it with woo.usp_SetSkuMap or fix the SKU in the shop.', 1000)
        FROM #map AS m
        WHERE m.ProblemCode IS NULL AND m.ItemNo IS NOT NULL
          AND (LEN(m.ItemNo) > 20 OR NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.IM_ITEM AS i WHERE i.ITEM_NO = CONVERT(varchar (20), m.ItemNo)));
        -- A unit SKU whose unit the item does not define (ALT_n_UNIT missing, ALT_n_NUMER/DENOM missing or not positive) is
        -- the order planner's CPO-UNIT (SkuRule.UnitProblem, same text): reported, never mapped, so its stock is never sent
        -- 1:1 (120 eaches as 120 cases; review r14 finding 3).
        UPDATE m
        SET ProblemCode = N'CPO-UNIT',
            Problem = LEFT(N'SKU ''' + ISNULL(m.Sku, N'') + N''' sells item ''' + m.ItemNo + N''' in unit ' + m.SellUnit + N', but IM_ITEM.ALT_' + m.SellUnit
                           + N'_UNIT/NUMER/DENOM are not set.', 1000)
        FROM #map AS m
        JOIN [$(CounterpointDb)].dbo.IM_ITEM AS i ON i.ITEM_NO = CONVERT(varchar (20), m.ItemNo)
        CROSS APPLY (SELECT CASE m.SellUnit WHEN N'1' THEN i.ALT_1_UNIT WHEN N'2' THEN i.ALT_2_UNIT WHEN N'3' THEN i.ALT_3_UNIT WHEN N'4' THEN i.ALT_4_UNIT WHEN N'5' THEN i.ALT_5_UNIT END AS Unit,
                            CASE m.SellUnit WHEN N'1' THEN i.ALT_1_NUMER WHEN N'2' THEN i.ALT_2_NUMER WHEN N'3' THEN i.ALT_3_NUMER WHEN N'4' THEN i.ALT_4_NUMER WHEN N'5' THEN i.ALT_5_NUMER END AS Numer,
                            CASE m.SellUnit WHEN N'1' THEN i.ALT_1_DENOM WHEN N'2' THEN i.ALT_2_DENOM WHEN N'3' THEN i.ALT_3_DENOM WHEN N'4' THEN i.ALT_4_DENOM WHEN N'5' THEN i.ALT_5_DENOM END AS Denom) AS f
        WHERE m.ProblemCode IS NULL AND m.ItemNo IS NOT NULL AND LEN(m.ItemNo) <= 20 AND ISNULL(m.SellUnit, N'0') <> N'0'
          AND (f.Unit IS NULL OR ISNULL(f.Numer, 0) <= 0 OR ISNULL(f.Denom, 0) <= 0);
        UPDATE s
        SET ItemNo = CASE WHEN m.ProblemCode IS NULL THEN CONVERT(varchar (20), m.ItemNo) END,
            SellUnit = CASE WHEN m.ProblemCode IS NULL THEN CONVERT(char (1), m.SellUnit) END,
            MapSource = CASE WHEN m.ProblemCode IS NULL THEN CONVERT(varchar (10), m.MapSource) END
        FROM #state AS s
        JOIN #map AS m ON m.WooId = s.WooId;

        CREATE TABLE #problem (WooId bigint NOT NULL, ProblemCode varchar (40) COLLATE DATABASE_DEFAULT NOT NULL, ParentId bigint NULL, Sku nvarchar (400) COLLATE DATABASE_DEFAULT NULL,
                               ItemNo nvarchar (400) COLLATE DATABASE_DEFAULT NULL, Problem nvarchar (1000) COLLATE DATABASE_DEFAULT NULL, PRIMARY KEY (WooId, ProblemCode));
        INSERT INTO #problem (WooId, ProblemCode, ParentId, Sku, ItemNo, Problem)
        -- An object that was mapped keeps its last stock in the shop, no longer updated: the text says how much (review r14
        -- finding 7; never guessed, so nothing is sent, but a person sees what the shop still offers).
        SELECT m.WooId, CONVERT(varchar (40), m.ProblemCode), m.ParentId, m.Sku, m.ItemNo,
               LEFT(ISNULL(m.Problem, N'') + CASE WHEN (s.OldItemNo IS NOT NULL OR ci.SentQty IS NOT NULL) AND ISNULL(o.WooStockQuantity, ci.WooStockQuantity) > 0
                                     THEN N' CpOrders synced its stock before: the shop still offers '
                                          + CONVERT(nvarchar (40), CONVERT(decimal (19, 0), FLOOR(ISNULL(o.WooStockQuantity, ci.WooStockQuantity))))
                                          + N', no longer updated; set its stock in the shop until this is fixed.'
                                     ELSE N'' END, 1000)
        FROM #map AS m
        JOIN #state AS s ON s.WooId = m.WooId
        LEFT JOIN #obj AS o ON o.WooId = m.WooId
        LEFT JOIN woo.CatalogItem AS ci ON ci.StoreId = @StoreId AND ci.WooId = m.WooId
        WHERE m.ProblemCode IS NOT NULL;
        -- Gone from WooCommerce while mapped to an item: noticed, not an error.
        INSERT INTO #problem (WooId, ProblemCode, ParentId, Sku, ItemNo, Problem)
        SELECT s.WooId, 'CPO-ITEM-GONE', s.ParentId, s.Sku, s.OldItemNo,
               LEFT(N'WooCommerce object ' + CONVERT(nvarchar (20), s.WooId) + N' was not returned by a full read nor by the incremental read after it: deleted or trashed in the shop; its stock is no longer sent.', 1000)
        FROM #state AS s
        WHERE s.IsGone = 'Y' AND s.WasGone = 'N' AND s.OldItemNo IS NOT NULL;

        DECLARE @ReadCount int = (SELECT COUNT(*) FROM #obj), @NewCount int = (SELECT COUNT(*) FROM #state WHERE IsNew = 1),
                @UnseenCount int = (SELECT COUNT(*) FROM #state WHERE UnseenSinceUtc IS NOT NULL AND IsGone = 'N'),
                @GoneCount int = (SELECT COUNT(*) FROM #state WHERE IsGone = 'Y' AND WasGone = 'N'),
                @MappedCount int = (SELECT COUNT(*) FROM #state WHERE ItemNo IS NOT NULL AND IsGone = 'N'),
                @ProblemCount int = (SELECT COUNT(*) FROM #problem), @Requests int = ISNULL(@PRequests, 0) + ISNULL(@VRequests, 0);
        DECLARE @PNew datetime2 (0) = CASE WHEN @PKind = N'end' THEN @PComplete END, @VNew datetime2 (0) = CASE WHEN @VKind = N'end' THEN @VComplete END;

        IF @Execute = 'N'
        BEGIN
            SELECT s.WooId, s.ParentId, s.WooType, s.Sku, s.OldItemNo AS CurrentItemNo, s.ItemNo AS NewItemNo, s.SellUnit AS NewSellUnit,
                   CASE WHEN s.IsGone = 'Y' AND s.WasGone = 'N' THEN 'GONE' WHEN s.IsNew = 1 THEN 'NEW' WHEN s.UnseenSinceUtc IS NOT NULL THEN 'UNSEEN'
                        WHEN s.IsRead = 1 THEN 'READ' ELSE 'UNCHANGED' END AS WouldDo
            FROM #state AS s
            WHERE s.IsRead = 1 OR s.UnseenSinceUtc IS NOT NULL OR (s.IsGone = 'Y' AND s.WasGone = 'N')
               OR ISNULL(s.ItemNo, '') <> ISNULL(s.OldItemNo, '') OR ISNULL(s.SellUnit, '') <> ISNULL(s.OldSellUnit, '')
            ORDER BY s.WooId;
            SELECT p.WooId, p.ParentId, p.Sku, p.ItemNo, p.ProblemCode, p.Problem FROM #problem AS p ORDER BY p.ProblemCode, p.WooId;
            SET @ReadJson = (SELECT o.WooId AS id, o.WooType AS [type], o.WooStatus AS status, o.WooManageStock AS manage_stock,
                                    o.WooStockQuantity AS stock_quantity, o.WooStockStatus AS stock_status, o.WooRegularPrice AS regular_price,
                                    o.WooSalePrice AS sale_price, o.WooName AS [name]
                             FROM #obj AS o FOR JSON PATH, INCLUDE_NULL_VALUES);
            SET @Msg = CONCAT(N'woo.usp_ReadCatalog: store ', @StoreId, N': ', CASE WHEN @IsFull = 'Y' THEN N'full' ELSE N'incremental' END, N' read of ',
                              @ReadCount, N' object(s) (products ', @PKind, N', variations ', @VKind, N'; ', @Requests, N' request(s)); ', @NewCount, N' new, ',
                              @UnseenCount, N' unseen, ', @GoneCount, N' gone, ', @MappedCount, N' mapped, ', @ProblemCount, N' SKU problem(s). @Execute = ''N'' wrote nothing.');
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        -- Our own tables only, in one short transaction.
        BEGIN TRANSACTION;
        UPDATE c
        SET ParentId = o.ParentId, WooType = o.WooType, Sku = o.Sku, WooStatus = o.WooStatus, WooManageStock = o.WooManageStock,
            WooStockQuantity = o.WooStockQuantity, WooStockStatus = o.WooStockStatus, WooBackorders = o.WooBackorders, WooRegularPrice = o.WooRegularPrice,
            WooSalePrice = o.WooSalePrice, WooDateModifiedGmt = o.WooDateModifiedGmt, WooName = o.WooName, LastReadAtUtc = @Now,
            -- WooCommerce's values become the baseline only where nothing was sent since this read began: a push that
            -- overlapped the read (the nightly full read takes up to 30 minutes while the pipeline pushes) sent a newer value
            -- than the page read before it, and that sent value stays the baseline (review r14 finding 2). One second of
            -- margin: SentAtUtc is datetime2(0).
            BaselineFromWoo = CASE WHEN @IsFull = 'Y' AND (c.SentAtUtc IS NULL OR c.SentAtUtc < DATEADD(SECOND, -1, @Started)) THEN 'Y' ELSE c.BaselineFromWoo END
        FROM woo.CatalogItem AS c
        JOIN #obj AS o ON o.WooId = c.WooId
        WHERE c.StoreId = @StoreId;
        INSERT INTO woo.CatalogItem (StoreId, WooId, ParentId, WooType, Sku, WooStatus, WooManageStock, WooStockQuantity, WooStockStatus, WooBackorders,
                                     WooRegularPrice, WooSalePrice, WooDateModifiedGmt, WooName, LastReadAtUtc, BaselineFromWoo)
        SELECT @StoreId, o.WooId, o.ParentId, o.WooType, o.Sku, o.WooStatus, o.WooManageStock, o.WooStockQuantity, o.WooStockStatus, o.WooBackorders,
               o.WooRegularPrice, o.WooSalePrice, o.WooDateModifiedGmt, o.WooName, @Now, 'Y'
        FROM #obj AS o
        WHERE NOT EXISTS (SELECT 1 FROM woo.CatalogItem AS c WHERE c.StoreId = @StoreId AND c.WooId = o.WooId);
        UPDATE c
        SET ItemNo = s.ItemNo, SellUnit = s.SellUnit, MapSource = s.MapSource, UnseenSinceUtc = s.UnseenSinceUtc, IsGone = s.IsGone
        FROM woo.CatalogItem AS c
        JOIN #state AS s ON s.WooId = c.WooId
        WHERE c.StoreId = @StoreId;
        DELETE p FROM woo.SkuProblem AS p WHERE p.StoreId = @StoreId AND NOT EXISTS (SELECT 1 FROM #problem AS x WHERE x.WooId = p.WooId AND x.ProblemCode = p.ProblemCode)
                                             AND p.ProblemCode <> 'CPO-ITEM-GONE';
        UPDATE p SET ParentId = x.ParentId, Sku = x.Sku, ItemNo = x.ItemNo, Problem = x.Problem, LastSeenAtUtc = @Now
        FROM woo.SkuProblem AS p
        JOIN #problem AS x ON x.WooId = p.WooId AND x.ProblemCode = p.ProblemCode
        WHERE p.StoreId = @StoreId;
        INSERT INTO woo.SkuProblem (StoreId, WooId, ProblemCode, ParentId, Sku, ItemNo, Problem, FirstSeenAtUtc, LastSeenAtUtc)
        SELECT @StoreId, x.WooId, x.ProblemCode, x.ParentId, x.Sku, x.ItemNo, x.Problem, @Now, @Now
        FROM #problem AS x
        WHERE NOT EXISTS (SELECT 1 FROM woo.SkuProblem AS p WHERE p.StoreId = @StoreId AND p.WooId = x.WooId AND p.ProblemCode = x.ProblemCode);
        -- A gone object that came back is no longer gone.
        DELETE p FROM woo.SkuProblem AS p
        WHERE p.StoreId = @StoreId AND p.ProblemCode = 'CPO-ITEM-GONE' AND EXISTS (SELECT 1 FROM #state AS s WHERE s.WooId = p.WooId AND s.IsGone = 'N');

        UPDATE w
        SET ProductsWatermarkUtc = ISNULL(@PNew, w.ProductsWatermarkUtc), VariationsWatermarkUtc = ISNULL(@VNew, w.VariationsWatermarkUtc),
            LastReadAtUtc = @Now,
            LastFullReadAtUtc = CASE WHEN @IsFull = 'Y' AND @Complete = 1 THEN @Now ELSE w.LastFullReadAtUtc END,
            UnseenCheckFromUtc = CASE WHEN @IsFull = 'Y' AND @Complete = 1 THEN CASE WHEN @PNew < @VNew THEN @PNew ELSE @VNew END
                                      WHEN @IsFull = 'N' AND @Complete = 1 THEN NULL
                                      ELSE w.UnseenCheckFromUtc END
        FROM woo.CatalogWatermark AS w WITH (UPDLOCK, HOLDLOCK)
        WHERE w.StoreId = @StoreId;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.CatalogWatermark (StoreId, ProductsWatermarkUtc, VariationsWatermarkUtc, LastReadAtUtc, LastFullReadAtUtc, UnseenCheckFromUtc)
            VALUES (@StoreId, @PNew, @VNew, @Now, CASE WHEN @IsFull = 'Y' AND @Complete = 1 THEN @Now END,
                    CASE WHEN @IsFull = 'Y' AND @Complete = 1 THEN CASE WHEN @PNew < @VNew THEN @PNew ELSE @VNew END END);
        COMMIT TRANSACTION;

        DECLARE @Failed bit = CASE WHEN @PKind <> N'end' OR @VKind <> N'end' THEN 1 ELSE 0 END;
        DECLARE @FailMessage nvarchar (4000) = LEFT(CONCAT(CASE WHEN @PKind <> N'end' THEN N'products: ' + ISNULL(@PMessage, N'?') + N' ' END,
                                                            CASE WHEN @VKind <> N'end' THEN N'variations: ' + ISNULL(@VMessage, N'?') END), 4000);
        DECLARE @Outcome varchar (10) = CASE WHEN @Failed = 1 THEN 'FAILED' WHEN @ProblemCount > 0 OR @GoneCount > 0 THEN 'WARNING' ELSE 'OK' END;
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, Requests = @Requests,
            ErrorCode = CASE WHEN @Failed = 1 THEN 'CPO-CATALOG-FAILED' END, ErrorMessage = CASE WHEN @Failed = 1 THEN @FailMessage END,
            Details = (SELECT CASE WHEN @IsFull = 'Y' THEN 'full' ELSE 'incremental' END AS [read], @Complete AS complete, @ReadCount AS objects_read,
                              @NewCount AS new_objects, @UnseenCount AS unseen, @GoneCount AS gone, @MappedCount AS mapped, @ProblemCount AS sku_problems,
                              @PRequests AS product_requests, @VRequests AS variation_requests, @PNew AS products_watermark, @VNew AS variations_watermark
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        IF @Failed = 1
        BEGIN
            SET @Msg = LEFT(N'CPO-CATALOG-FAILED: store ' + @StoreId + N': the catalog read stopped: ' + @FailMessage
                            + N' Objects read before the error were recorded; the watermark of a failed read is unchanged. See woo.RunLog ' + CONVERT(nvarchar (20), @RunId) + N'.', 2048);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-CATALOG-FAILED', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        SET @Msg = CONCAT(N'woo.usp_ReadCatalog: store ', @StoreId, N': ', @Outcome, N'; ', CASE WHEN @IsFull = 'Y' THEN N'full' ELSE N'incremental' END, N' read of ',
                          @ReadCount, N' object(s), ', @NewCount, N' new, ', @UnseenCount, N' unseen, ', @GoneCount, N' gone, ', @MappedCount, N' mapped, ',
                          @ProblemCount, N' SKU problem(s), ', @Requests, N' request(s) (run ', @RunId, N').');
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
        EXEC woo.usp_LogStepFailure @RunId = @RunId, @StoreId = @StoreId, @Error = @Error, @DefaultCode = 'CPO-CATALOG-ERROR',
             @What = N'the catalog read', @After = N'The watermarks are unchanged.';
        THROW;
    END CATCH;
    RETURN 0;
END;
