-- Design 10: allows an order meta_data key to be kept in the queue's order JSON (woo.StoreMetaKey), or removes it
-- (@Remove = 'Y'). Applies to orders staged from then on; JSON already queued is not rewritten. Every problem is
-- reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetMetaKey]
    @StoreId  varchar (40),
    @MetaKey  nvarchar (400),
    @Remove   char (1) = 'N',
    @Execute  char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Key nvarchar (400) = LTRIM(RTRIM(@MetaKey)), @Found bit = 0;
    IF LEN(@Key) <= 255
        SELECT @Found = 1 FROM woo.StoreMetaKey AS m WHERE m.StoreId = @StoreId AND m.MetaKey = @Key;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Key IS NULL OR @Key = N'' OR LEN(@Key) > 255
        INSERT INTO @Errors ([Message]) VALUES (N'@MetaKey is required, at most 255 characters.');
    ELSE IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such meta key to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetMetaKey: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50490, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Key AS MetaKey, CASE WHEN @Found = 1 THEN 'Y' ELSE 'N' END AS CurrentlyKept,
           CASE WHEN @Remove = 'Y' THEN 'N' ELSE 'Y' END AS NewKept;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetMetaKey: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreMetaKey WHERE StoreId = @StoreId AND MetaKey = @Key;
    ELSE IF NOT EXISTS (SELECT 1 FROM woo.StoreMetaKey AS m WITH (UPDLOCK, HOLDLOCK) WHERE m.StoreId = @StoreId AND m.MetaKey = @Key)
        INSERT INTO woo.StoreMetaKey (StoreId, MetaKey) VALUES (@StoreId, @Key);
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetMetaKey: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
