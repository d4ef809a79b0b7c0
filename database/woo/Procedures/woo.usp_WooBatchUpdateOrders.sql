-- Transport procedure (design 3, 4) for wooclr.BatchUpdateOrders: up to 100 order updates in one request (README,
-- wooclr.BatchUpdateOrders). Refuses to run inside a transaction; decrypts the store's credentials into local
-- variables. Signed for the secret key; granted to the job role only.
CREATE PROCEDURE [woo].[usp_WooBatchUpdateOrders]
    @StoreId      varchar (10),
    @Updates      xml,
    @Results      xml = NULL OUTPUT,
    @HttpStatus   int = NULL OUTPUT,
    @ErrorCode    nvarchar (100) = NULL OUTPUT,
    @ErrorMessage nvarchar (4000) = NULL OUTPUT,
    @Requests     int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    -- With IMPLICIT_TRANSACTIONS ON, the reads below would open a transaction before the HTTP call (design 4).
    SET IMPLICIT_TRANSACTIONS OFF;

    -- Design 4: HTTP never inside a transaction (locks held for up to @TotalBudgetSeconds would block the POS).
    IF @@TRANCOUNT > 0
        THROW 50122, N'CPO-HTTP-IN-TRANSACTION: woo.usp_WooBatchUpdateOrders calls WooCommerce and must be called with no transaction open (design 4); commit first, then call it.', 1;

    DECLARE @BaseUrl nvarchar (400), @AuthMode nvarchar (10), @TimeoutSeconds int, @TotalBudgetSeconds int, @AllowPlainHttp bit,
            @ProxyUrl nvarchar (400);
    SELECT @BaseUrl = s.SiteUrl, @AuthMode = s.AuthMode, @TimeoutSeconds = s.TimeoutSeconds, @TotalBudgetSeconds = s.TotalBudgetSeconds,
           @AllowPlainHttp = CASE WHEN s.AllowPlainHttp = 'Y' THEN 1 ELSE 0 END, @ProxyUrl = s.ProxyUrl
    FROM woo.Store AS s
    WHERE s.StoreId = @StoreId;
    IF @BaseUrl IS NULL
    BEGIN
        DECLARE @NoStore nvarchar (2048) = N'CPO-PARAM: woo.usp_WooBatchUpdateOrders: ' + ISNULL(N'''' + @StoreId + N'''', N'NULL') + N' is not a store (woo.usp_SetStore).';
        THROW 50122, @NoStore, 1;
    END;

    -- The credentials, decrypted into local variables only (design 3: never a parameter chain into cached plans, never
    -- OPTION (RECOMPILE)), with the authenticator rule of woo.usp_SetStoreSecret / woo.usp_CheckStoreSecrets.
    DECLARE @ConsumerKey nvarchar (4000), @ConsumerSecret nvarchar (4000), @KeyRows int, @SecretRows int;
    SELECT @ConsumerKey = CONVERT(nvarchar (4000), DECRYPTBYKEYAUTOCERT(CERT_ID(N'CpOrdersSecretProtector'), NULL, k.EncryptedValue, 1,
                                                                        CONVERT(varbinary (128), k.StoreId + ':' + k.SecretName)))
    FROM woo.StoreSecret AS k
    WHERE k.StoreId = @StoreId AND k.SecretName = 'consumer_key';
    SET @KeyRows = @@ROWCOUNT;
    SELECT @ConsumerSecret = CONVERT(nvarchar (4000), DECRYPTBYKEYAUTOCERT(CERT_ID(N'CpOrdersSecretProtector'), NULL, c.EncryptedValue, 1,
                                                                           CONVERT(varbinary (128), c.StoreId + ':' + c.SecretName)))
    FROM woo.StoreSecret AS c
    WHERE c.StoreId = @StoreId AND c.SecretName = 'consumer_secret';
    SET @SecretRows = @@ROWCOUNT;
    IF @KeyRows = 0 OR @SecretRows = 0
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        DECLARE @Missing nvarchar (2048) = N'CPO-SECRET-MISSING: store ' + @StoreId + N' has no ' + CASE WHEN @KeyRows = 0 THEN N'consumer_key' ELSE N'consumer_secret' END
                                          + N'; set it with woo.usp_SetStoreSecret (README, Operating the order pipeline).';
        THROW 50122, @Missing, 1;
    END;
    -- A NULL from decryption is an error, never an empty key (design 3): the key cannot be opened (master key after a
    -- restore) or the value was copied from another store.
    IF @ConsumerKey IS NULL OR @ConsumerSecret IS NULL OR LEN(@ConsumerKey) > 200 OR LEN(@ConsumerSecret) > 200
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        DECLARE @Undecryptable nvarchar (2048) = N'CPO-SECRET-DECRYPT: the credentials of store ' + @StoreId
            + N' do not decrypt (or are longer than 200 characters); run woo.usp_CheckStoreSecrets and set them again with woo.usp_SetStoreSecret (README, Backups and restores).';
        THROW 50122, @Undecryptable, 1;
    END;

    -- Checked again right before the call: nothing above may have opened one.
    IF @@TRANCOUNT > 0
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        THROW 50120, N'CPO-HTTP-IN-TRANSACTION: usp_WooBatchUpdateOrders: a transaction is open right before the WooCommerce call (design 4); nothing was sent.', 1;
    END;
    EXEC wooclr.BatchUpdateOrders @BaseUrl = @BaseUrl, @ConsumerKey = @ConsumerKey, @ConsumerSecret = @ConsumerSecret, @AuthMode = @AuthMode,
         @TimeoutSeconds = @TimeoutSeconds, @TotalBudgetSeconds = @TotalBudgetSeconds, @AllowPlainHttp = @AllowPlainHttp,
         @ProxyUrl = @ProxyUrl, @UserAgent = NULL, @Updates = @Updates, @Results = @Results OUTPUT, @HttpStatus = @HttpStatus OUTPUT,
         @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
    SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
    RETURN 0;
END;
