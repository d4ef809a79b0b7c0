-- Transport procedure (design 3, 4): pulls the store's orders of every status (WooCommerce's default: all but trash;
-- woo.usp_UpsertOrders decides what is imported, so a cancellation or refund of a queued order is always seen) modified
-- at or after @ModifiedAfterUtc (NULL = the store's watermark) and hands back wooclr.GetOrders' rows as one JSON array in @PulledJson (FOR JSON PATH, keys = its column
-- names: row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status, message, requests, retries,
-- complete_up_to_utc). It writes nothing at all: no table, not even a temp table (a temp table made by the caller
-- cannot be declared to the model, and INSERT ... EXEC is not used in modules). The caller lands the rows with
-- INSERT INTO #pulled ... FROM OPENJSON(@PulledJson) WITH (...) (woo.usp_PullOrders). Refuses to run inside a
-- transaction; decrypts the store's credentials into local variables. Signed for the secret key
-- (PostDeploy/35.SecretAccess.sql); granted to the job role only. Tests spy on it (tSQLt.SpyProcedure with a command
-- that sets @PulledJson): no test calls WooCommerce.
CREATE PROCEDURE [woo].[usp_WooGetOrders]
    @StoreId          varchar (10),
    @ModifiedAfterUtc datetime2 (0) = NULL,
    @PulledJson       nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    -- With IMPLICIT_TRANSACTIONS ON, the reads below would open a transaction before the HTTP call (design 4).
    SET IMPLICIT_TRANSACTIONS OFF;

    -- Design 4: HTTP never inside a transaction (locks held for up to @TotalBudgetSeconds would block the POS).
    IF @@TRANCOUNT > 0
        THROW 50120, N'CPO-HTTP-IN-TRANSACTION: woo.usp_WooGetOrders calls WooCommerce and must be called with no transaction open (design 4); commit first, then call it.', 1;

    DECLARE @BaseUrl nvarchar (400), @AuthMode nvarchar (10), @TimeoutSeconds int, @TotalBudgetSeconds int, @AllowPlainHttp bit,
            @ProxyUrl nvarchar (400), @Watermark datetime2 (0), @PageSize int, @MaxPages int;
    SELECT @BaseUrl = s.SiteUrl, @AuthMode = s.AuthMode, @TimeoutSeconds = s.TimeoutSeconds, @TotalBudgetSeconds = s.TotalBudgetSeconds,
           @AllowPlainHttp = CASE WHEN s.AllowPlainHttp = 'Y' THEN 1 ELSE 0 END, @ProxyUrl = s.ProxyUrl,
           @Watermark = ISNULL(@ModifiedAfterUtc, s.PullWatermarkUtc), @PageSize = s.PullPageSize, @MaxPages = s.PullMaxPages
    FROM woo.Store AS s
    WHERE s.StoreId = @StoreId;
    IF @BaseUrl IS NULL
    BEGIN
        DECLARE @NoStore nvarchar (2048) = N'CPO-PARAM: woo.usp_WooGetOrders: ' + ISNULL(N'''' + @StoreId + N'''', N'NULL') + N' is not a store (woo.usp_SetStore).';
        THROW 50120, @NoStore, 1;
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
        THROW 50120, @Missing, 1;
    END;
    -- A NULL from decryption is an error, never an empty key (design 3): the key cannot be opened (master key after a
    -- restore) or the value was copied from another store.
    IF @ConsumerKey IS NULL OR @ConsumerSecret IS NULL OR LEN(@ConsumerKey) > 200 OR LEN(@ConsumerSecret) > 200
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        DECLARE @Undecryptable nvarchar (2048) = N'CPO-SECRET-DECRYPT: the credentials of store ' + @StoreId
            + N' do not decrypt (or are longer than 200 characters); run woo.usp_CheckStoreSecrets and set them again with woo.usp_SetStoreSecret (README, Backups and restores).';
        THROW 50120, @Undecryptable, 1;
    END;

    -- Checked again right before the call: nothing above may have opened one.
    IF @@TRANCOUNT > 0
    BEGIN
        SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
        THROW 50120, N'CPO-HTTP-IN-TRANSACTION: usp_WooGetOrders: a transaction is open right before the WooCommerce call (design 4); nothing was sent.', 1;
    END;
    SET @PulledJson = (SELECT o.row_kind, o.order_id, o.status, o.date_modified_gmt, o.order_json, o.page_no, o.http_status, o.message,
                              o.requests, o.retries, o.complete_up_to_utc
                       FROM wooclr.GetOrders(@BaseUrl, @ConsumerKey, @ConsumerSecret, @AuthMode, @Watermark, NULL, @PageSize, @MaxPages,
                                             @TimeoutSeconds, @TotalBudgetSeconds, NULL, @AllowPlainHttp, @ProxyUrl, NULL) AS o
                       FOR JSON PATH);
    SELECT @ConsumerKey = NULL, @ConsumerSecret = NULL;
    RETURN 0;
END;
