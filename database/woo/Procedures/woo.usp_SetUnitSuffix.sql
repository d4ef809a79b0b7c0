-- Declares a SKU suffix that names a selling unit ('-CS' -> unit 1: SKU 'ABC-CS' is item ABC sold in IM_ITEM.ALT_1_UNIT),
-- or removes it (@Remove = 'Y'). Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetUnitSuffix]
    @StoreId          varchar (40),
    @Suffix           nvarchar (400),
    @SellUnit         char (1) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Sfx nvarchar (400) = LTRIM(RTRIM(@Suffix));
    DECLARE @CurUnit char (1), @Found bit = 0;
    SELECT @CurUnit = m.SellUnit, @Found = 1 FROM woo.StoreUnitSuffix AS m WHERE m.StoreId = @StoreId AND m.Suffix = @Sfx;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Sfx IS NULL OR @Sfx = N'' OR LEN(@Sfx) > 20
        INSERT INTO @Errors ([Message]) VALUES (N'@Suffix is required, at most 20 characters (e.g. -CS).');
    IF @Remove = 'N' AND (@SellUnit IS NULL OR @SellUnit NOT IN ('0', '1', '2', '3', '4', '5'))
        INSERT INTO @Errors ([Message]) VALUES (N'@SellUnit is required: ''0'' (stocking unit) or ''1''..''5'' (IM_ITEM.ALT_n_UNIT).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetUnitSuffix: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50106, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Sfx AS Suffix, @CurUnit AS CurrentSellUnit, CASE WHEN @Remove = 'Y' THEN NULL ELSE @SellUnit END AS NewSellUnit;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetUnitSuffix: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreUnitSuffix WHERE StoreId = @StoreId AND Suffix = @Sfx;
    ELSE
    BEGIN
        UPDATE m SET SellUnit = @SellUnit
        FROM woo.StoreUnitSuffix AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.Suffix = @Sfx;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreUnitSuffix (StoreId, Suffix, SellUnit) VALUES (@StoreId, @Sfx, @SellUnit);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetUnitSuffix: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
