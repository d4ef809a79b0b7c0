-- Stores (or replaces) one WooCommerce credential of a store, encrypted with CpOrdersSecretKey; never shows or logs it.
-- Signed by post-deploy with the local certificate CpOrdersSecretSigner_<stamp> (PostDeploy/35.SecretAccess.sql): its
-- user alone holds what opening the key needs, so an operator gets exactly this procedure and no key of their own.
-- The authenticator is '<StoreId>:<SecretName>' with the store id exactly as stored (a store's first row fixes its
-- spelling; the table's collation may ignore case), so a value copied to another store's row, or a key swapped with
-- its secret, does not decrypt. Call it as a parameterised RPC (README, Permissions): an ad hoc batch's text, value
-- included, stays in the plan cache.
CREATE PROCEDURE [woo].[usp_SetStoreSecret]
    @StoreId    varchar (10),
    @SecretName varchar (40),
    @Value      nvarchar (4000),
    @Execute    char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @StoreId IS NULL OR LTRIM(RTRIM(@StoreId)) = ''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StoreId is required.');
    ELSE IF DATALENGTH(@StoreId) <> DATALENGTH(LTRIM(RTRIM(@StoreId)))
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StoreId must not begin or end with spaces.');
    ELSE IF NOT EXISTS (SELECT 1 FROM woo.Store AS t WHERE t.StoreId = @StoreId)
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@StoreId is not a store: create it with woo.usp_SetStore first.');
    IF @SecretName IS NULL OR @SecretName NOT IN ('consumer_key', 'consumer_secret')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@SecretName must be consumer_key or consumer_secret.');
    IF @Value IS NULL OR LTRIM(RTRIM(@Value)) = N''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Value is required (the value itself is never shown or logged).');
    ELSE IF LEN(@Value) > 200
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Value is longer than 200 characters (the transport procedures refuse longer ones); WooCommerce keys and secrets are about 43.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT((SELECT STUFF((SELECT NCHAR(10) + e.Code + N': ' + e.[Message] FROM @Errors AS e
                                                           FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N'')), 2048);
        THROW 50040, @All, 1;
    END;

    -- The store id as the store's existing rows spell it, so the check procedure rebuilds the same authenticator.
    DECLARE @StoredId varchar (10) = COALESCE((SELECT TOP (1) s.StoreId FROM woo.StoreSecret AS s WHERE s.StoreId = @StoreId ORDER BY s.SecretName),
                                              (SELECT t.StoreId FROM woo.Store AS t WHERE t.StoreId = @StoreId), @StoreId);
    DECLARE @Authenticator varbinary (128) = CONVERT(varbinary (128), @StoredId + ':' + @SecretName);

    -- The key and its certificate are made by post-deploy, not the model, so OPEN/CLOSE are dynamic (fixed text, no
    -- input). The signature covers dynamic SQL run by the signed module. An open key belongs to the session, so it is
    -- closed on every path this procedure controls (a client cancel cannot be caught: README says what to do).
    DECLARE @Encrypted varbinary (8000);
    BEGIN TRY
        EXEC (N'OPEN SYMMETRIC KEY [CpOrdersSecretKey] DECRYPTION BY CERTIFICATE [CpOrdersSecretProtector];');
        SET @Encrypted = ENCRYPTBYKEY(KEY_GUID(N'CpOrdersSecretKey'), @Value, 1, @Authenticator);
        EXEC (N'CLOSE SYMMETRIC KEY [CpOrdersSecretKey];');
    END TRY
    BEGIN CATCH
        EXEC (N'IF EXISTS (SELECT 1 FROM sys.openkeys WHERE key_name = N''CpOrdersSecretKey'') CLOSE SYMMETRIC KEY [CpOrdersSecretKey];');
        SET @Value = NULL;
        THROW;
    END CATCH;
    SET @Value = NULL;
    IF @Encrypted IS NULL
        THROW 50041, N'CPO-SECRET-ENCRYPT: CpOrdersSecretKey could not be used (post-deploy creates it; after a restore see README, Backups and restores). Nothing was stored.', 1;

    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetStoreSecret: would store %s of store %s (encrypted; @Execute = ''N'' wrote nothing).', 10, 1, @SecretName, @StoredId) WITH NOWAIT;
        RETURN;
    END;

    BEGIN TRANSACTION;
    UPDATE s
    SET EncryptedValue = @Encrypted, UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.StoreSecret AS s WITH (UPDLOCK, HOLDLOCK)
    WHERE s.StoreId = @StoredId AND s.SecretName = @SecretName;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StoreSecret (StoreId, SecretName, EncryptedValue, UpdatedAtUtc, UpdatedBy)
        VALUES (@StoredId, @SecretName, @Encrypted, SYSUTCDATETIME(), ORIGINAL_LOGIN());
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetStoreSecret: stored %s of store %s (encrypted).', 10, 1, @SecretName, @StoredId) WITH NOWAIT;
END;
