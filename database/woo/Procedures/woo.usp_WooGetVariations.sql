-- Transport procedure (design 3, 4; issue 14) for wooclr.GetVariations: reads the store's variations (all-variations route where the shop has it, else parent by parent: @Route auto) modified at or after
-- @ModifiedAfterUtc (NULL = a full read, for reconciliation) and hands back the function's rows as one JSON array in
-- @RowsJson (FOR JSON PATH, keys = its column names: row_kind, id, parent_id, type, sku, name, status, manage_stock,
-- stock_quantity, stock_status, backorders, regular_price, sale_price, date_modified_gmt, page_no, http_status, message,
-- requests, retries, complete_up_to_utc, read_all). Writes nothing (INSERT ... EXEC is not used in modules; the caller
-- lands the rows with OPENJSON: woo.usp_ReadCatalog). Pages of 100 (the API's maximum), at most @MaxPages; the time
-- budget is @TotalBudgetSeconds or the store's. Refuses to run inside a transaction; decrypts the store's credentials
-- into local variables. Signed for the secret key (PostDeploy/35.SecretAccess.sql); granted to the job role only.
-- Tests spy on it (tSQLt.SpyProcedure): no test calls WooCommerce.
CREATE PROCEDURE [woo].[usp_WooGetVariations]
    @StoreId            varchar (10),
    @ModifiedAfterUtc   datetime2 (0) = NULL,
    @Route              nvarchar (10) = NULL,   -- auto (NULL) | all | parent (README, wooclr.GetVariations)
    @ParentIds          nvarchar (max) = NULL,  -- comma list of variable products for the parent route (NULL = listed by the function)
    @MaxPages           int = 1000,
    @TotalBudgetSeconds int = NULL,
    @RowsJson           nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    -- Design 4: HTTP never inside a transaction (locks held for up to @TotalBudgetSeconds would block the POS).
    IF @@TRANCOUNT > 0
        THROW 50141, N'CPO-HTTP-IN-TRANSACTION: woo.usp_WooGetVariations calls WooCommerce and must be called with no transaction open (design 4); commit first, then call it.', 1;

    DECLARE @BaseUrl nvarchar (400), @AuthMode nvarchar (10), @TimeoutSeconds int, @StoreBudget int, @AllowPlainHttp bit,
            @ProxyUrl nvarchar (400);
    SELECT @BaseUrl = s.SiteUrl, @AuthMode = s.AuthMode, @TimeoutSeconds = s.TimeoutSeconds, @StoreBudget = s.TotalBudgetSeconds,
           @AllowPlainHttp = CASE WHEN s.AllowPlainHttp = 'Y' THEN 1 ELSE 0 END, @ProxyUrl = s.ProxyUrl
    FROM woo.Store AS s
    WHERE s.StoreId = @StoreId;
    IF @BaseUrl IS NULL
    BEGIN
        DECLARE @NoStore nvarchar (2048) = N'CPO-PARAM: woo.usp_WooGetVariations: ' + ISNULL(N'''' + @StoreId + N'''', N'NULL') + N' is not a store (woo.usp_SetStore).';
        THROW 50141, @NoStore, 1;
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
        THROW 50141, @Missing, 1;
    END;
    -- A NULL from decryption is an error, never an empty key (design 3): the key cannot be opened (master key after a
    -- restore) or the value was copied from another store.
    IF @ConsumerKey IS NULL OR @ConsumerSecret IS NULL OR LEN(@ConsumerKey) > 200 OR LEN(@ConsumerSecret) > 200
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        DECLARE @Undecryptable nvarchar (2048) = N'CPO-SECRET-DECRYPT: the credentials of store ' + @StoreId
            + N' do not decrypt (or are longer than 200 characters); run woo.usp_CheckStoreSecrets and set them again with woo.usp_SetStoreSecret (README, Backups and restores).';
        THROW 50141, @Undecryptable, 1;
    END;

    SET @TotalBudgetSeconds = ISNULL(@TotalBudgetSeconds, @StoreBudget);
    SET @RowsJson = (SELECT r.row_kind, r.id, r.parent_id, r.[type], r.sku, r.name, r.status, r.manage_stock, r.stock_quantity, r.stock_status, r.backorders,
                             r.regular_price, r.sale_price, r.date_modified_gmt, r.page_no, r.http_status, r.[message], r.requests, r.retries,
                             r.complete_up_to_utc, r.read_all
                     FROM wooclr.GetVariations(@BaseUrl, @ConsumerKey, @ConsumerSecret, @AuthMode, @ModifiedAfterUtc, @Route, @ParentIds, 100, @MaxPages,
                                               @TimeoutSeconds, @TotalBudgetSeconds, NULL, @AllowPlainHttp, @ProxyUrl, NULL) AS r
                     FOR JSON PATH, INCLUDE_NULL_VALUES);
    SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
    RETURN 0;
END;
