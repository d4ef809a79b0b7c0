-- Maps a WooCommerce payment method (payment_method) to a Counterpoint pay code, or removes the mapping (@Remove = 'Y').
-- The pay code must exist in SY_PAY_COD and be allowed on orders (ALLOW_FOR_ORDS = 'Y'). Every problem is reported at
-- once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetPayCodeMap]
    @StoreId          varchar (40),
    @WooPaymentMethod nvarchar (400),
    @PayCod           varchar (40) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Method nvarchar (400) = LTRIM(RTRIM(@WooPaymentMethod)), @Pay varchar (40) = UPPER(LTRIM(RTRIM(@PayCod)));
    DECLARE @Current varchar (10) = (SELECT m.PayCod FROM woo.StorePayCodeMap AS m WHERE m.StoreId = @StoreId AND m.WooPaymentMethod = @Method);
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Method IS NULL OR @Method = N'' OR LEN(@Method) > 100
        INSERT INTO @Errors ([Message]) VALUES (N'@WooPaymentMethod is required, at most 100 characters (the order''s payment_method, e.g. stripe).');
    IF @Remove = 'Y' AND @Current IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'There is no mapping of ''' + ISNULL(@Method, N'NULL') + N''' to remove.');
    IF @Remove = 'N' AND (@Pay IS NULL OR @Pay = '' OR LEN(@Pay) > 10)
        INSERT INTO @Errors ([Message]) VALUES (N'@PayCod is required, at most 10 characters.');
    ELSE IF @Remove = 'N' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS p WHERE p.PAY_COD = @Pay)
        INSERT INTO @Errors ([Message]) VALUES (N'@PayCod ''' + @Pay + N''' is not a Counterpoint pay code (SY_PAY_COD).');
    ELSE IF @Remove = 'N' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS p WHERE p.PAY_COD = @Pay AND p.ALLOW_FOR_ORDS = 'Y')
        INSERT INTO @Errors ([Message]) VALUES (N'@PayCod ''' + @Pay + N''' is not allowed on orders (SY_PAY_COD.ALLOW_FOR_ORDS is not Y).');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetPayCodeMap: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50102, @All, 1;
    END;

    DECLARE @New varchar (10) = CASE WHEN @Remove = 'Y' THEN NULL ELSE @Pay END;
    SELECT @StoreId AS StoreId, @Method AS WooPaymentMethod, @Current AS CurrentPayCod, @New AS NewPayCod;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetPayCodeMap: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StorePayCodeMap WHERE StoreId = @StoreId AND WooPaymentMethod = @Method;
    ELSE
    BEGIN
        UPDATE m SET PayCod = @Pay
        FROM woo.StorePayCodeMap AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.WooPaymentMethod = @Method;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StorePayCodeMap (StoreId, WooPaymentMethod, PayCod) VALUES (@StoreId, @Method, @Pay);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetPayCodeMap: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
