-- Forces a full reconciliation of one store's catalog now (issue 14 items 5 and 7; README "Stock back to the shop"):
-- a full read of every WooCommerce product and variation (woo.usp_ReadCatalog @Full = 'Y': WooCommerce's values become
-- the baseline, objects missing from the read are marked unseen, the SKU map and woo.SkuProblem are rebuilt), then a
-- push (woo.usp_PushStock) that repairs every difference from Counterpoint, including changes made by hand in the shop.
-- An operator calls it (the nightly job runs the same two steps through woo.usp_RunPipeline @Steps = 'CATALOG_FULL,STOCK',
-- where the push is an independent step). Each step writes its own woo.RunLog row (CATALOG, then STOCK) and takes
-- its own locks; a read skipped because a deploy or another read of the store is running skips the push too (the
-- baseline would not be fresh). @Execute = 'N': the full read lists what it would change in the map (reads the whole
-- shop, writes nothing), then the push lists what it would send with the values just read as the baseline, exactly as
-- the real run would (objects new to the map since the last recorded read are listed by the read, pushed by a real run).
CREATE PROCEDURE [woo].[usp_ReconcileCatalog]
    @StoreId varchar (10),
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    -- Every problem at once, before a read that may take 30 minutes ends in a push that cannot run.
    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @StoreFound bit = 0, @StoreEnabled char (1), @RuleFound bit = 0, @RuleEnabled char (1);
    SELECT @StoreFound = 1, @StoreEnabled = s.IsEnabled FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    SELECT @RuleFound = 1, @RuleEnabled = r.IsEnabled FROM woo.StockRule AS r WHERE r.StoreId = @StoreId;
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
    -- woo.usp_PushStock refuses this too: say it before a read that may take 30 minutes.
    ELSE IF @RuleFound = 1 AND NOT EXISTS (SELECT 1 FROM woo.StockLocation AS l JOIN woo.Store AS s ON s.StoreId = l.StoreId AND s.StkLocId = l.LocId
                                           WHERE l.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' does not count its web-order location (woo.Store.StkLocId): add it with woo.usp_SetStockRule @Locations.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_ReconcileCatalog: nothing was read or sent; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50148, @All, 1;
    END;

    DECLARE @ReadRun bigint, @PushRun bigint, @ReadOutcome varchar (10), @PushOutcome varchar (10), @Msg nvarchar (2048), @ReadJson nvarchar (max);
    RAISERROR (N'woo.usp_ReconcileCatalog: store %s: full catalog read, then push.', 10, 1, @StoreId) WITH NOWAIT;
    IF @Execute = 'N'
    BEGIN
        EXEC woo.usp_ReadCatalog @StoreId = @StoreId, @Full = 'Y', @Execute = 'N', @ReadJson = @ReadJson OUTPUT;
        EXEC woo.usp_PushStock @StoreId = @StoreId, @Execute = 'N', @ReadJson = @ReadJson;
        RAISERROR (N'woo.usp_ReconcileCatalog: @Execute = ''N'' wrote and sent nothing; the push above compared with the values just read.', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    -- Errors inside either step are logged by that step (RunLog FAILED, alert) and raised to the caller.
    EXEC woo.usp_ReadCatalog @StoreId = @StoreId, @Full = 'Y', @Execute = 'Y', @LoggedRunId = @ReadRun OUTPUT;
    SET @ReadOutcome = (SELECT r.Outcome FROM woo.RunLog AS r WHERE r.RunId = @ReadRun);
    IF @ReadOutcome = 'SKIPPED'
    BEGIN
        SET @Msg = CONCAT(N'woo.usp_ReconcileCatalog: store ', @StoreId, N': the full read was skipped (run ', @ReadRun,
                          N'); no push either, the baseline is not fresh. The next reconciliation goes on.');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
        RETURN 0;
    END;
    -- A read that stopped early (FAILED, incomplete) still recorded what it read as the baseline: the push repairs that part.
    EXEC woo.usp_PushStock @StoreId = @StoreId, @Execute = 'Y', @LoggedRunId = @PushRun OUTPUT;
    SET @PushOutcome = (SELECT r.Outcome FROM woo.RunLog AS r WHERE r.RunId = @PushRun);
    SET @Msg = CONCAT(N'woo.usp_ReconcileCatalog: store ', @StoreId, N': read ', @ReadOutcome, N' (run ', @ReadRun, N'), push ', @PushOutcome,
                      N' (run ', @PushRun, N').');
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    RETURN 0;
END;
