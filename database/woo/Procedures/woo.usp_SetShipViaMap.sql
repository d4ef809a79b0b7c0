-- Maps a WooCommerce shipping method (shipping_lines[].method_id, optionally one instance_id; 0 = every instance) to a
-- Counterpoint ship-via code (PS_DOC_HDR.SHIP_VIA_COD), or removes the mapping (@Remove = 'Y'). Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetShipViaMap]
    @StoreId          varchar (40),
    @WooMethodId      nvarchar (400),
    @InstanceId       bigint = 0,
    @ShipViaCod       varchar (40) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Method nvarchar (400) = LTRIM(RTRIM(@WooMethodId)), @Code varchar (40) = UPPER(LTRIM(RTRIM(@ShipViaCod))), @Instance bigint = ISNULL(@InstanceId, 0);
    DECLARE @Current varchar (10), @Found bit = 0;
    SELECT @Current = m.ShipViaCod, @Found = 1 FROM woo.StoreShipViaMap AS m WHERE m.StoreId = @StoreId AND m.WooMethodId = @Method AND m.InstanceId = @Instance;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Method IS NULL OR @Method = N'' OR LEN(@Method) > 100
        INSERT INTO @Errors ([Message]) VALUES (N'@WooMethodId is required, at most 100 characters (e.g. flat_rate, local_pickup).');
    IF @Instance < 0
        INSERT INTO @Errors ([Message]) VALUES (N'@InstanceId must be 0 (every instance) or the shipping method''s instance_id.');
    IF @Remove = 'N' AND (@Code IS NULL OR @Code = '' OR LEN(@Code) > 10)
        INSERT INTO @Errors ([Message]) VALUES (N'@ShipViaCod is required, at most 10 characters (PS_DOC_HDR.SHIP_VIA_COD).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetShipViaMap: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50103, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Method AS WooMethodId, @Instance AS InstanceId, @Current AS CurrentShipViaCod,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @Code END AS NewShipViaCod;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetShipViaMap: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreShipViaMap WHERE StoreId = @StoreId AND WooMethodId = @Method AND InstanceId = @Instance;
    ELSE
    BEGIN
        UPDATE m SET ShipViaCod = @Code
        FROM woo.StoreShipViaMap AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.WooMethodId = @Method AND m.InstanceId = @Instance;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreShipViaMap (StoreId, WooMethodId, InstanceId, ShipViaCod) VALUES (@StoreId, @Method, @Instance, @Code);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetShipViaMap: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
