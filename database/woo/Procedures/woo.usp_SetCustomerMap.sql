-- Maps a WooCommerce customer (@WooCustomerId) or, for guests, a billing e-mail (@Email) to a Counterpoint customer, as
-- an operator decision (HowMapped 'OPERATOR'), or removes the mapping (@Remove = 'Y'). Give exactly one of the two. The
-- customer must exist in AR_CUST. Keys are 'id:<customer_id>' and 'email:<lower-case e-mail>' (woo.StoreCustomerMap). Every problem is reported at once; @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SetCustomerMap]
    @StoreId          varchar (40),
    @WooCustomerId    bigint = NULL,
    @Email            nvarchar (400) = NULL,
    @CustNo           varchar (40) = NULL,
    @Remove           char (1) = 'N',
    @Execute          char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Key nvarchar (400) = CASE WHEN @WooCustomerId IS NOT NULL AND @Email IS NULL THEN N'id:' + CONVERT(nvarchar (20), @WooCustomerId)
                                       WHEN @WooCustomerId IS NULL AND @Email IS NOT NULL THEN N'email:' + LOWER(LTRIM(RTRIM(@Email))) END;
    DECLARE @Cust varchar (40) = UPPER(LTRIM(RTRIM(@CustNo)));
    DECLARE @CurCust varchar (15), @CurHow varchar (10), @Found bit = 0;
    SELECT @CurCust = m.CustNo, @CurHow = m.HowMapped, @Found = 1 FROM woo.StoreCustomerMap AS m WHERE m.StoreId = @StoreId AND m.WooCustomerKey = @Key;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Remove IS NULL OR @Remove NOT IN ('Y', 'N') OR @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Remove and @Execute must be Y or N.');
    IF @Key IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'Give exactly one of @WooCustomerId (a registered shopper) and @Email (a guest''s billing e-mail).');
    ELSE IF LEN(@Key) > 200 OR (@WooCustomerId IS NOT NULL AND @WooCustomerId < 1) OR (@Email IS NOT NULL AND CHARINDEX(N'@', @Email) < 2)
        INSERT INTO @Errors ([Message]) VALUES (N'@WooCustomerId must be a customer id above 0 (guests have 0: use @Email), @Email an e-mail address of at most 190 characters.');
    IF @Remove = 'N' AND (@Cust IS NULL OR @Cust = '' OR LEN(@Cust) > 15)
        INSERT INTO @Errors ([Message]) VALUES (N'@CustNo is required, at most 15 characters.');
    ELSE IF @Remove = 'N' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS c WHERE c.CUST_NO = @Cust)
        INSERT INTO @Errors ([Message]) VALUES (N'@CustNo ''' + @Cust + N''' is not a Counterpoint customer (AR_CUST).');
    IF @Remove = 'Y' AND @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'There is no such mapping to remove.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetCustomerMap: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50108, @All, 1;
    END;

    SELECT @StoreId AS StoreId, @Key AS WooCustomerKey, @CurCust AS CurrentCustNo, @CurHow AS CurrentHowMapped,
           CASE WHEN @Remove = 'Y' THEN NULL ELSE @Cust END AS NewCustNo, CASE WHEN @Remove = 'Y' THEN NULL ELSE 'OPERATOR' END AS NewHowMapped;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetCustomerMap: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    IF @Remove = 'Y'
        DELETE FROM woo.StoreCustomerMap WHERE StoreId = @StoreId AND WooCustomerKey = @Key;
    ELSE
    BEGIN
        UPDATE m SET CustNo = @Cust, HowMapped = 'OPERATOR'
        FROM woo.StoreCustomerMap AS m WITH (UPDLOCK, HOLDLOCK)
        WHERE m.StoreId = @StoreId AND m.WooCustomerKey = @Key;
        IF @@ROWCOUNT = 0
            INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped) VALUES (@StoreId, @Key, @Cust, 'OPERATOR');
    END;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetCustomerMap: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
