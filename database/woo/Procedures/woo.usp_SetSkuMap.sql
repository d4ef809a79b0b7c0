-- Maps a WooCommerce SKU to a Counterpoint item (and optionally its selling unit) where the shop's SKU is not the item
-- number, or removes the mapping (@Remove = 'Y'). The item must exist in IM_ITEM. Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetSkuMap]
    @StoreId          varchar (40),
    @WooSku           nvarchar (400),
    @ItemNo           varchar (40) = NULL,
    @SellUnit         char (1) = NULL,      -- '0' stocking unit, '1'..'5' IM_ITEM.ALT_n_UNIT; NULL = from the suffix or '0'
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Sku nvarchar (400) = LTRIM(RTRIM(@WooSku)), @Item varchar (40) = UPPER(LTRIM(RTRIM(@ItemNo)));
    DECLARE @CurItem varchar (20), @CurUnit char (1), @Found bit = 0;
    SELECT @CurItem = m.ItemNo, @CurUnit = m.SellUnit, @Found = 1 FROM woo.StoreSkuMap AS m WHERE m.StoreId = @StoreId AND m.WooSku = @Sku;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Sku IS NULL OR @Sku = N'' OR LEN(@Sku) > 100
        INSERT INTO @Errors ([Message]) VALUES (N'@WooSku is required, at most 100 characters.');
    IF @SellUnit IS NOT NULL AND @SellUnit NOT IN ('0', '1', '2', '3', '4', '5')
        INSERT INTO @Errors ([Message]) VALUES (N'@SellUnit must be NULL, ''0'' (stocking unit) or ''1''..''5'' (IM_ITEM.ALT_n_UNIT).');
    IF @Remove = 'N' AND (@Item IS NULL OR @Item = '' OR LEN(@Item) > 20)
        INSERT INTO @Errors ([Message]) VALUES (N'@ItemNo is required, at most 20 characters.');
    ELSE IF @Remove = 'N' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.IM_ITEM AS i WHERE i.ITEM_NO = @Item)
        INSERT INTO @Errors ([Message]) VALUES (N'@ItemNo ''' + @Item + N''' is not a Counterpoint item (IM_ITEM).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetSkuMap: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50105, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Sku AS WooSku, @CurItem AS CurrentItemNo, @CurUnit AS CurrentSellUnit,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @Item END AS NewItemNo, CASE WHEN @Remove = 'Y' THEN NULL ELSE @SellUnit END AS NewSellUnit;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetSkuMap: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreSkuMap WHERE StoreId = @StoreId AND WooSku = @Sku;
    ELSE
    BEGIN
        UPDATE m SET ItemNo = @Item, SellUnit = @SellUnit
        FROM woo.StoreSkuMap AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.WooSku = @Sku;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreSkuMap (StoreId, WooSku, ItemNo, SellUnit) VALUES (@StoreId, @Sku, @Item, @SellUnit);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetSkuMap: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
