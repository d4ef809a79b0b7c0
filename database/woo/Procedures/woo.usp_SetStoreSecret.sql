-- Stores (or replaces) one WooCommerce credential of a store, encrypted with CpOrdersSecretKey; never shows or logs it.
-- Signed by post-deploy with the local certificate CpOrdersSecretSigner_<stamp> (PostDeploy/35.SecretAccess.sql): its
-- user alone holds what opening the key needs, so an operator gets exactly this procedure and no key of their own.
-- The authenticator is '<StoreId>:<SecretName>': a value copied to another store's row, or a key swapped with its
-- secret, does not decrypt.
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
    IF @SecretName IS NULL OR @SecretName NOT IN ('consumer_key', 'consumer_secret')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@SecretName must be consumer_key or consumer_secret.');
    IF @Value IS NULL OR LTRIM(RTRIM(@Value)) = N''
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Value is required (the value itself is never shown or logged).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Execute must be Y or N.');
    IF @@TRANCOUNT > 0
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'call woo.usp_SetStoreSecret with no transaction open (the key is opened and closed around one statement).');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT((SELECT STUFF((SELECT NCHAR(10) + e.Code + N': ' + e.[Message] FROM @Errors AS e
                                                           FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N'')), 2048);
        THROW 50040, @All, 1;
    END;

    DECLARE @Authenticator varbinary (128) = CONVERT(varbinary (128), @StoreId + ':' + @SecretName);
    -- The key and its certificate are made by post-deploy, not the model, so OPEN/CLOSE are dynamic (fixed text, no
    -- input). The signature covers dynamic SQL run by the signed module; an opened key stays open for the session.
    EXEC (N'OPEN SYMMETRIC KEY [CpOrdersSecretKey] DECRYPTION BY CERTIFICATE [CpOrdersSecretProtector];');
    DECLARE @Encrypted varbinary (8000) = ENCRYPTBYKEY(KEY_GUID(N'CpOrdersSecretKey'), @Value, 1, @Authenticator);
    EXEC (N'CLOSE SYMMETRIC KEY [CpOrdersSecretKey];');
    SET @Value = NULL;
    IF @Encrypted IS NULL
        THROW 50041, N'CPO-SECRET-ENCRYPT: CpOrdersSecretKey could not be used (post-deploy creates it; after a restore see README, Backups and restores). Nothing was stored.', 1;

    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetStoreSecret: would store %s of store %s (encrypted; @Execute = ''N'' wrote nothing).', 10, 1, @SecretName, @StoreId) WITH NOWAIT;
        RETURN;
    END;

    BEGIN TRANSACTION;
    UPDATE woo.StoreSecret
    SET EncryptedValue = @Encrypted, UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    WHERE StoreId = @StoreId AND SecretName = @SecretName;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StoreSecret (StoreId, SecretName, EncryptedValue, UpdatedAtUtc, UpdatedBy)
        VALUES (@StoreId, @SecretName, @Encrypted, SYSUTCDATETIME(), ORIGINAL_LOGIN());
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetStoreSecret: stored %s of store %s (encrypted).', 10, 1, @SecretName, @StoreId) WITH NOWAIT;
END;
