-- Sets a store's stock rule (woo.StockRule) and, when @Locations is given, replaces its counted locations
-- (woo.StockLocation, a comma list of IM_INV.LOC_ID). NULL keeps the current value (a new rule gets the table's
-- defaults). Every problem is reported at once; @Execute = 'N' checks and lists column, current and new, writes nothing.
-- Products (issue 14 item 6, each off by default): @SyncRegularPrice with @PriceLevel (PRC_1 | REG_PRC from IM_ITEM, or
-- PRC_1..PRC_6 | REG_PRC from IM_PRC when @PriceLocId is given; '' returns to IM_ITEM), @SyncStatus, @SyncName with
-- @NameSource (DESCR | LONG_DESCR). A field whose sync is off is never sent: WooCommerce keeps it.
-- Locations (review r14 finding 5): each must hold stock in Counterpoint (an IM_INV row with that LOC_ID): a typo would
-- count 0 on hand and send the shop out of stock. The list must include the store's web-order location
-- (woo.Store.StkLocId, where web orders commit): without it an applied order's QTY_COMMIT falls outside the sum and its
-- units are offered again. Both are refused (woo.usp_PushStock refuses a rule without StkLocId too).
CREATE PROCEDURE [woo].[usp_SetStockRule]
    @StoreId             varchar (40),
    @Locations           nvarchar (400) = NULL,    -- 'MAIN,WEB'; NULL keeps them
    @SafetyStock         decimal (15, 4) = NULL,
    @InactivePolicy      varchar (10) = NULL,      -- ZERO | LEAVE | SYNC
    @ManageUnmanaged     char (1) = NULL,
    @StatusWhenUnmanaged char (1) = NULL,
    @SyncRegularPrice    char (1) = NULL,
    @SyncStatus          char (1) = NULL,
    @IsEnabled           char (1) = NULL,
    @PriceLevel          varchar (10) = NULL,      -- PRC_1 | PRC_2 .. PRC_6 | REG_PRC
    @PriceLocId          varchar (10) = NULL,      -- IM_PRC.LOC_ID (e.g. '*'); '' = IM_ITEM's prices; NULL keeps it
    @SyncName            char (1) = NULL,
    @NameSource          varchar (10) = NULL,      -- DESCR | LONG_DESCR
    @Execute             char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Locs TABLE (LocId nvarchar (400) NOT NULL PRIMARY KEY);
    DECLARE @Found bit = 0, @CurSafety decimal (15, 4), @CurPolicy varchar (10), @CurManage char (1), @CurStatusUnmanaged char (1),
            @CurPrice char (1), @CurStatus char (1), @CurEnabled char (1), @CurLevel varchar (10), @CurPriceLoc varchar (10), @CurName char (1),
            @CurNameSource varchar (10);
    SELECT @Found = 1, @CurSafety = r.SafetyStock, @CurPolicy = r.InactivePolicy, @CurManage = r.ManageUnmanaged,
           @CurStatusUnmanaged = r.StatusWhenUnmanaged, @CurPrice = r.SyncRegularPrice, @CurStatus = r.SyncStatus, @CurEnabled = r.IsEnabled,
           @CurLevel = r.PriceLevel, @CurPriceLoc = r.PriceLocId, @CurName = r.SyncName, @CurNameSource = r.NameSource
    FROM woo.StockRule AS r WHERE r.StoreId = @StoreId;
    SELECT @PriceLevel = UPPER(LTRIM(RTRIM(@PriceLevel))), @NameSource = UPPER(LTRIM(RTRIM(@NameSource))), @PriceLocId = LTRIM(RTRIM(@PriceLocId));
    -- The values after this call ('' for @PriceLocId: back to IM_ITEM).
    DECLARE @NewLevel varchar (10) = ISNULL(@PriceLevel, ISNULL(@CurLevel, 'PRC_1')),
            @NewPriceLoc varchar (10) = CASE WHEN @PriceLocId IS NULL THEN @CurPriceLoc WHEN @PriceLocId = '' THEN NULL ELSE @PriceLocId END;
    IF @Locations IS NOT NULL
        INSERT INTO @Locs (LocId)
        SELECT DISTINCT UPPER(LTRIM(RTRIM(x.[value]))) FROM STRING_SPLIT(@Locations, N',') AS x WHERE LTRIM(RTRIM(x.[value])) <> N'';

    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @Locations IS NOT NULL AND NOT EXISTS (SELECT 1 FROM @Locs)
        INSERT INTO @Errors ([Message]) VALUES (N'@Locations names no location: give at least one IM_INV.LOC_ID (comma list).');
    INSERT INTO @Errors ([Message])
    SELECT N'@Locations: ''' + l.LocId + N''' is longer than 10 characters.' FROM @Locs AS l WHERE LEN(l.LocId) > 10;
    IF @Found = 0 AND @Locations IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@Locations is required for a new stock rule (which Counterpoint locations count).');
    INSERT INTO @Errors ([Message])
    SELECT N'@Locations: ''' + l.LocId + N''' holds no stock in Counterpoint (no IM_INV row with that LOC_ID): a typo? Counting it would send 0 for every item stocked elsewhere.'
    FROM @Locs AS l
    WHERE LEN(l.LocId) <= 10 AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.IM_INV AS i WHERE i.LOC_ID = CONVERT(varchar (10), l.LocId));
    DECLARE @WebLoc varchar (10) = (SELECT s.StkLocId FROM woo.Store AS s WHERE s.StoreId = @StoreId);
    IF @WebLoc IS NOT NULL AND (@Locations IS NOT NULL OR @Found = 1)
       AND NOT EXISTS (SELECT 1 FROM @Locs AS l WHERE @Locations IS NOT NULL AND l.LocId = @WebLoc)
       AND NOT EXISTS (SELECT 1 FROM woo.StockLocation AS l WHERE @Locations IS NULL AND l.StoreId = @StoreId AND l.LocId = @WebLoc)
        INSERT INTO @Errors ([Message]) VALUES (N'@Locations must include the store''s web-order location ' + @WebLoc
                                                + N' (woo.Store.StkLocId): web orders commit there, and an uncounted commitment sells its units again.');
    IF @SafetyStock < 0
        INSERT INTO @Errors ([Message]) VALUES (N'@SafetyStock must be 0 or more (stocking units).');
    IF @InactivePolicy IS NOT NULL AND @InactivePolicy NOT IN ('ZERO', 'LEAVE', 'SYNC')
        INSERT INTO @Errors ([Message]) VALUES (N'@InactivePolicy must be ZERO (send 0), LEAVE (stock never touched) or SYNC (as active).');
    IF (@ManageUnmanaged IS NOT NULL AND @ManageUnmanaged NOT IN ('Y', 'N')) OR (@StatusWhenUnmanaged IS NOT NULL AND @StatusWhenUnmanaged NOT IN ('Y', 'N'))
       OR (@SyncRegularPrice IS NOT NULL AND @SyncRegularPrice NOT IN ('Y', 'N')) OR (@SyncStatus IS NOT NULL AND @SyncStatus NOT IN ('Y', 'N'))
       OR (@IsEnabled IS NOT NULL AND @IsEnabled NOT IN ('Y', 'N'))
        INSERT INTO @Errors ([Message]) VALUES (N'@ManageUnmanaged, @StatusWhenUnmanaged, @SyncRegularPrice, @SyncStatus and @IsEnabled must be NULL, Y or N.');
    IF @PriceLevel IS NOT NULL AND @PriceLevel NOT IN ('PRC_1', 'PRC_2', 'PRC_3', 'PRC_4', 'PRC_5', 'PRC_6', 'REG_PRC')
        INSERT INTO @Errors ([Message]) VALUES (N'@PriceLevel must be PRC_1, PRC_2 .. PRC_6 or REG_PRC (the Counterpoint price that becomes regular_price).');
    ELSE IF @NewPriceLoc IS NULL AND @NewLevel NOT IN ('PRC_1', 'REG_PRC')
        INSERT INTO @Errors ([Message]) VALUES (N'@PriceLevel ' + @NewLevel + N' lives in IM_PRC only: give @PriceLocId too (the IM_PRC.LOC_ID of the prices, often ''*''); IM_ITEM holds PRC_1 and REG_PRC.');
    IF (@SyncName IS NOT NULL AND @SyncName NOT IN ('Y', 'N'))
        INSERT INTO @Errors ([Message]) VALUES (N'@SyncName must be NULL, Y or N.');
    IF @NameSource IS NOT NULL AND @NameSource NOT IN ('DESCR', 'LONG_DESCR')
        INSERT INTO @Errors ([Message]) VALUES (N'@NameSource must be DESCR (IM_ITEM.DESCR) or LONG_DESCR (IM_ITEM.LONG_DESCR; DESCR where it is blank).');
    IF ISNULL(@ManageUnmanaged, ISNULL(@CurManage, 'N')) = 'Y' AND ISNULL(@StatusWhenUnmanaged, ISNULL(@CurStatusUnmanaged, 'N')) = 'Y'
        INSERT INTO @Errors ([Message]) VALUES (N'@ManageUnmanaged and @StatusWhenUnmanaged cannot both be Y: a managed product gets a quantity, an unmanaged one a status.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetStockRule: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50144, @All, 1;
    END;

    DECLARE @CurLocs nvarchar (400) = STUFF((SELECT N',' + l.LocId FROM woo.StockLocation AS l WHERE l.StoreId = @StoreId ORDER BY l.LocId
                                             FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N'');
    DECLARE @NewLocs nvarchar (400) = CASE WHEN @Locations IS NULL THEN @CurLocs
                                           ELSE STUFF((SELECT N',' + l.LocId FROM @Locs AS l ORDER BY l.LocId FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N'') END;
    SELECT c.[Column], c.[Current], c.[New]
    FROM (VALUES (1, N'Locations', @CurLocs, @NewLocs),
                 (2, N'SafetyStock', CONVERT(nvarchar (40), @CurSafety), CONVERT(nvarchar (40), ISNULL(@SafetyStock, ISNULL(@CurSafety, 0)))),
                 (3, N'InactivePolicy', @CurPolicy, ISNULL(@InactivePolicy, ISNULL(@CurPolicy, 'ZERO'))),
                 (4, N'ManageUnmanaged', @CurManage, ISNULL(@ManageUnmanaged, ISNULL(@CurManage, 'N'))),
                 (5, N'StatusWhenUnmanaged', @CurStatusUnmanaged, ISNULL(@StatusWhenUnmanaged, ISNULL(@CurStatusUnmanaged, 'N'))),
                 (6, N'SyncRegularPrice', @CurPrice, ISNULL(@SyncRegularPrice, ISNULL(@CurPrice, 'N'))),
                 (7, N'SyncStatus', @CurStatus, ISNULL(@SyncStatus, ISNULL(@CurStatus, 'N'))),
                 (8, N'IsEnabled', @CurEnabled, ISNULL(@IsEnabled, ISNULL(@CurEnabled, 'Y'))),
                 (9, N'PriceLevel', @CurLevel, @NewLevel),
                 (10, N'PriceLocId', @CurPriceLoc, @NewPriceLoc),
                 (11, N'SyncName', @CurName, ISNULL(@SyncName, ISNULL(@CurName, 'N'))),
                 (12, N'NameSource', @CurNameSource, ISNULL(@NameSource, ISNULL(@CurNameSource, 'DESCR')))) AS c (Ord, [Column], [Current], [New])
    ORDER BY c.Ord;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetStockRule: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    UPDATE r
    SET SafetyStock = ISNULL(@SafetyStock, r.SafetyStock), InactivePolicy = ISNULL(@InactivePolicy, r.InactivePolicy),
        ManageUnmanaged = ISNULL(@ManageUnmanaged, r.ManageUnmanaged), StatusWhenUnmanaged = ISNULL(@StatusWhenUnmanaged, r.StatusWhenUnmanaged),
        SyncRegularPrice = ISNULL(@SyncRegularPrice, r.SyncRegularPrice), SyncStatus = ISNULL(@SyncStatus, r.SyncStatus),
        IsEnabled = ISNULL(@IsEnabled, r.IsEnabled), PriceLevel = @NewLevel, PriceLocId = @NewPriceLoc,
        SyncName = ISNULL(@SyncName, r.SyncName), NameSource = ISNULL(@NameSource, r.NameSource), UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.StockRule AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.StoreId = @StoreId;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StockRule (StoreId, SafetyStock, InactivePolicy, ManageUnmanaged, StatusWhenUnmanaged, SyncRegularPrice, SyncStatus, IsEnabled,
                                   PriceLevel, PriceLocId, SyncName, NameSource)
        VALUES (@StoreId, ISNULL(@SafetyStock, 0), ISNULL(@InactivePolicy, 'ZERO'), ISNULL(@ManageUnmanaged, 'N'), ISNULL(@StatusWhenUnmanaged, 'N'),
                ISNULL(@SyncRegularPrice, 'N'), ISNULL(@SyncStatus, 'N'), ISNULL(@IsEnabled, 'Y'), @NewLevel, @NewPriceLoc, ISNULL(@SyncName, 'N'),
                ISNULL(@NameSource, 'DESCR'));
    IF @Locations IS NOT NULL
    BEGIN
        DELETE FROM woo.StockLocation WHERE StoreId = @StoreId;
        INSERT INTO woo.StockLocation (StoreId, LocId) SELECT @StoreId, CONVERT(varchar (10), l.LocId) FROM @Locs AS l;
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetStockRule: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
