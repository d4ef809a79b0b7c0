-- Sets, per store and Counterpoint customer class (AR_CUST.CATEG_COD), whether guests may be matched to an existing
-- customer of that class by e-mail and which template new customers of the class are made from (design 10), or removes
-- the row (@Remove = 'Y': no e-mail matching for the class). The template must exist in AR_CUST. A/R, tax-exempt and
-- contract-priced customers are never matched by e-mail alone, whatever this says. Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetCustomerClass]
    @StoreId          varchar (40),
    @CategCod         varchar (40),
    @AllowEmailMatch  char (1) = 'N',
    @TemplateCustNo   varchar (40) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Categ varchar (40) = UPPER(LTRIM(RTRIM(@CategCod))), @Template varchar (40) = NULLIF(LTRIM(RTRIM(@TemplateCustNo)), '');
    DECLARE @CurMatch char (1), @CurTemplate varchar (15), @Found bit = 0;
    SELECT @CurMatch = m.AllowEmailMatch, @CurTemplate = m.TemplateCustNo, @Found = 1 FROM woo.StoreCustomerClass AS m WHERE m.StoreId = @StoreId AND m.CategCod = @Categ;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Categ IS NULL OR @Categ = '' OR LEN(@Categ) > 10
        INSERT INTO @Errors ([Message]) VALUES (N'@CategCod is required, at most 10 characters (AR_CUST.CATEG_COD).');
    IF @AllowEmailMatch IS NULL OR @AllowEmailMatch NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@AllowEmailMatch must be Y or N.');
    IF LEN(@Template) > 15
        INSERT INTO @Errors ([Message]) VALUES (N'@TemplateCustNo must be at most 15 characters.');
    ELSE IF @Remove = 'N' AND @Template IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS c WHERE c.CUST_NO = @Template)
        INSERT INTO @Errors ([Message]) VALUES (N'@TemplateCustNo ''' + @Template + N''' is not a Counterpoint customer (AR_CUST).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetCustomerClass: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50107, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Categ AS CategCod, @CurMatch AS CurrentAllowEmailMatch, @CurTemplate AS CurrentTemplateCustNo,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @AllowEmailMatch END AS NewAllowEmailMatch, CASE WHEN @Remove = 'Y' THEN NULL ELSE @Template END AS NewTemplateCustNo;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetCustomerClass: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreCustomerClass WHERE StoreId = @StoreId AND CategCod = @Categ;
    ELSE
    BEGIN
        UPDATE m SET AllowEmailMatch = @AllowEmailMatch, TemplateCustNo = @Template
        FROM woo.StoreCustomerClass AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.CategCod = @Categ;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreCustomerClass (StoreId, CategCod, AllowEmailMatch, TemplateCustNo) VALUES (@StoreId, @Categ, @AllowEmailMatch, @Template);
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetCustomerClass: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
