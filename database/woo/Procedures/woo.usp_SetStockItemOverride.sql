-- Sets (or removes, @Remove = 'Y') one item's exception to the store's stock rule: its own safety stock, or
-- @Exclude = 'Y' (CpOrders never sends stock for it). The store needs a stock rule and the item must exist in IM_ITEM.
-- Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetStockItemOverride]
    @StoreId      varchar (40),
    @ItemNo       varchar (40),
    @SafetyStock  decimal (15, 4) = NULL,
    @Exclude      char (1) = 'N',
    @Remove       char (1) = 'N',
    @Execute      char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Item varchar (40) = UPPER(LTRIM(RTRIM(@ItemNo))), @Found bit = 0, @CurSafety decimal (15, 4), @CurExclude char (1);
    SELECT @Found = 1, @CurSafety = o.SafetyStock, @CurExclude = o.[Exclude] FROM woo.StockItemOverride AS o WHERE o.StoreId = @StoreId AND o.ItemNo = @Item;
    IF NOT EXISTS (SELECT 1 FROM woo.StockRule AS r WHERE r.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' has no stock rule (woo.usp_SetStockRule).');
    IF @Exclude IS NULL OR @Exclude NOT IN ('Y', 'N') OR @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Exclude, @Remove and @Execute must be Y or N.');
    IF @SafetyStock < 0
        INSERT INTO @Errors ([Message]) VALUES (N'@SafetyStock must be NULL (the store''s) or 0 or more.');
    IF @Item IS NULL OR @Item = '' OR LEN(@Item) > 20
        INSERT INTO @Errors ([Message]) VALUES (N'@ItemNo is required, at most 20 characters.');
    ELSE IF @Remove = 'N' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.IM_ITEM AS i WHERE i.ITEM_NO = @Item)
        INSERT INTO @Errors ([Message]) VALUES (N'@ItemNo ''' + @Item + N''' is not a Counterpoint item (IM_ITEM).');
    IF @Remove = 'N' AND @SafetyStock IS NULL AND @Exclude = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'give @SafetyStock or @Exclude = ''Y'' (or @Remove = ''Y'').');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such override to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetStockItemOverride: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50145, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Item AS ItemNo, @CurSafety AS CurrentSafetyStock, @CurExclude AS CurrentExclude,
           CASE WHEN @Remove = 'N' THEN @SafetyStock END AS NewSafetyStock, CASE WHEN @Remove = 'N' THEN @Exclude END AS NewExclude;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetStockItemOverride: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StockItemOverride WHERE StoreId = @StoreId AND ItemNo = @Item;
    ELSE
    BEGIN
        UPDATE o SET SafetyStock = @SafetyStock, [Exclude] = @Exclude
        FROM woo.StockItemOverride AS o WITH (UPDLOCK, HOLDLOCK)
        WHERE o.StoreId = @StoreId AND o.ItemNo = @Item;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StockItemOverride (StoreId, ItemNo, SafetyStock, [Exclude]) VALUES (@StoreId, @Item, @SafetyStock, @Exclude);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetStockItemOverride: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
