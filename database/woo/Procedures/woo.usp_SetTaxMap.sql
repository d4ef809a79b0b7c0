-- Maps a WooCommerce tax rate (tax_lines[].rate_id) to a Counterpoint tax authority and rule (PS_DOC_TAX.AUTH_COD,
-- RUL_COD) with the authority's rate in percent, or removes the mapping (@Remove = 'Y'). Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetTaxMap]
    @StoreId          varchar (40),
    @WooRateId        bigint,
    @AuthCod          varchar (40) = NULL,
    @RulCod           varchar (40) = NULL,
    @RatePercent      decimal (9, 4) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Auth varchar (40) = UPPER(LTRIM(RTRIM(@AuthCod))), @Rul varchar (40) = UPPER(LTRIM(RTRIM(@RulCod)));
    DECLARE @CurAuth varchar (10), @CurRul varchar (10), @CurRate decimal (9, 4), @Found bit = 0;
    SELECT @CurAuth = m.AuthCod, @CurRul = m.RulCod, @CurRate = m.RatePercent, @Found = 1
    FROM woo.StoreTaxMap AS m WHERE m.StoreId = @StoreId AND m.WooRateId = @WooRateId;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @WooRateId IS NULL OR @WooRateId < 1
        INSERT INTO @Errors ([Message]) VALUES (N'@WooRateId is required: the tax rate''s id (WooCommerce > Settings > Tax, or tax_lines[].rate_id).');
    IF @Remove = 'N' AND (@Auth IS NULL OR @Auth = '' OR LEN(@Auth) > 10)
        INSERT INTO @Errors ([Message]) VALUES (N'@AuthCod is required, at most 10 characters (PS_DOC_TAX.AUTH_COD).');
    IF @Remove = 'N' AND (@Rul IS NULL OR @Rul = '' OR LEN(@Rul) > 10)
        INSERT INTO @Errors ([Message]) VALUES (N'@RulCod is required, at most 10 characters (PS_DOC_TAX.RUL_COD).');
    IF @RatePercent < 0 OR @RatePercent > 100
        INSERT INTO @Errors ([Message]) VALUES (N'@RatePercent must be between 0 and 100 (percent, e.g. 6.0000).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetTaxMap: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50104, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @WooRateId AS WooRateId, @CurAuth AS CurrentAuthCod, @CurRul AS CurrentRulCod, @CurRate AS CurrentRatePercent,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @Auth END AS NewAuthCod, CASE WHEN @Remove = 'Y' THEN NULL ELSE @Rul END AS NewRulCod,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @RatePercent END AS NewRatePercent;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetTaxMap: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreTaxMap WHERE StoreId = @StoreId AND WooRateId = @WooRateId;
    ELSE
    BEGIN
        UPDATE m SET AuthCod = @Auth, RulCod = @Rul, RatePercent = @RatePercent
        FROM woo.StoreTaxMap AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.WooRateId = @WooRateId;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreTaxMap (StoreId, WooRateId, AuthCod, RulCod, RatePercent) VALUES (@StoreId, @WooRateId, @Auth, @Rul, @RatePercent);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetTaxMap: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
