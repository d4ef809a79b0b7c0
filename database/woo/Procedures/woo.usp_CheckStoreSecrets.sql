-- Proves that every stored WooCommerce credential still decrypts, as the caller (the job login) will need it; returns
-- one row per credential with OK or FAIL and never the value. A NULL from decryption is an alert, never an empty key
-- (design 3): after a restore without the master key's password, or a row copied from another store.
-- Signed by post-deploy with the local certificate CpOrdersSecretSigner_<stamp> (PostDeploy/35.SecretAccess.sql).
CREATE PROCEDURE [woo].[usp_CheckStoreSecrets]
    @StoreId     varchar (10) = NULL,
    @RaiseOnFail char (1) = 'N'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @RaiseOnFail IS NULL OR @RaiseOnFail NOT IN ('Y', 'N')
        THROW 50042, N'CPO-PARAM: @RaiseOnFail must be Y or N.', 1;

    DECLARE @Result TABLE (StoreId varchar (10) NOT NULL, SecretName varchar (40) NOT NULL, UpdatedAtUtc datetime2 (0) NOT NULL,
                           UpdatedBy sysname NOT NULL, [Status] varchar (4) NOT NULL, Detail nvarchar (400) NOT NULL);
    INSERT INTO @Result (StoreId, SecretName, UpdatedAtUtc, UpdatedBy, [Status], Detail)
    SELECT s.StoreId, s.SecretName, s.UpdatedAtUtc, s.UpdatedBy,
           CASE WHEN d.Plain IS NULL THEN 'FAIL' ELSE 'OK' END,
           CASE WHEN d.Plain IS NULL
                THEN N'does not decrypt: the key cannot be opened (master key after a restore, README Backups and restores) or the value belongs to another store; set it again with woo.usp_SetStoreSecret'
                ELSE N'decrypts' END
    FROM woo.StoreSecret AS s
    CROSS APPLY (SELECT DECRYPTBYKEYAUTOCERT(CERT_ID(N'CpOrdersSecretProtector'), NULL, s.EncryptedValue, 1,
                                             CONVERT(varbinary (128), s.StoreId + ':' + s.SecretName)) AS Plain) AS d
    WHERE @StoreId IS NULL OR s.StoreId = @StoreId;

    SELECT r.StoreId, r.SecretName, r.UpdatedAtUtc, r.UpdatedBy, r.[Status], r.Detail
    FROM @Result AS r
    ORDER BY r.StoreId, r.SecretName;

    IF @RaiseOnFail = 'Y' AND EXISTS (SELECT 1 FROM @Result WHERE [Status] = 'FAIL')
    BEGIN
        DECLARE @Failed nvarchar (2048) = LEFT(N'CPO-SECRET-DECRYPT: credentials that do not decrypt: '
            + (SELECT STUFF((SELECT N', ' + r.StoreId + N'/' + r.SecretName FROM @Result AS r WHERE r.[Status] = 'FAIL'
                             FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N'')), 2048);
        THROW 50043, @Failed, 1;
    END;
END;
