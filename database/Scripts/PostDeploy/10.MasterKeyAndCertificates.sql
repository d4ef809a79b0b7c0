-- 1a. Database master key. Created when missing with a random password that is never stored or shown: the service
--     master key opens it. Only a fingerprint of that password encryption is kept (woo.MasterKeyOrigin), so the deploy
--     and the health check can tell whether the DBA has added a password of their own (README, Backups and restores).
SET XACT_ABORT ON;
DECLARE @KeyChanges int = 0, @Msg nvarchar(2048);
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
BEGIN
    DECLARE @Password nvarchar(200) = CONVERT(nvarchar(200), CRYPT_GEN_RANDOM(48), 2) + N'a!';
    DECLARE @CreateKey nvarchar(400) = N'CREATE MASTER KEY ENCRYPTION BY PASSWORD = ' + QUOTENAME(@Password, N'''') + N';';
    EXEC (@CreateKey);
    SET @Password = NULL;
    SET @CreateKey = NULL;
    INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint)
    SELECT HASHBYTES('SHA2_256', ke.crypt_property)
    FROM sys.key_encryptions AS ke
    WHERE ke.key_id = (SELECT sk.symmetric_key_id FROM sys.symmetric_keys AS sk WHERE sk.name = N'##MS_DatabaseMasterKey##')
      AND ke.crypt_type = 'ESKP';
    SET @KeyChanges += 1;
    PRINT N'CpOrders post-deploy: created the database master key (opened by the service master key).';
END
ELSE IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_master_key_encrypted_by_server = 1)
BEGIN
    SET @Msg = N'CPO-DEPLOY-MASTERKEY: the database master key of $(DatabaseName) is not protected by this server''s service master key (typical after a restore to another server). Open it and add the service master key, then deploy again: OPEN MASTER KEY DECRYPTION BY PASSWORD = ''<your password>''; ALTER MASTER KEY ADD ENCRYPTION BY SERVICE MASTER KEY; CLOSE MASTER KEY; (README, Backups and restores; an Availability Group replica instead needs EXEC sp_control_dbmasterkey_password on each replica).';
    THROW 50011, @Msg, 1;
END;

-- 1b. A master key that exists but cannot be opened (restored from another server whose service master key differs):
--     the secret protector, whose private key the master key protects, cannot sign. Stop with instructions.
IF CERT_ID(N'CpOrdersSecretProtector') IS NOT NULL AND SIGNBYCERT(CERT_ID(N'CpOrdersSecretProtector'), N'CpOrders deploy probe') IS NULL
BEGIN
    SET @Msg = N'CPO-DEPLOY-MASTERKEY: the database master key of $(DatabaseName) cannot be opened on this server, so CpOrders'' keys cannot be used. Open it with the password you added (README, Backups and restores) and re-protect it: OPEN MASTER KEY DECRYPTION BY PASSWORD = ''<your password>''; ALTER MASTER KEY DROP ENCRYPTION BY SERVICE MASTER KEY; ALTER MASTER KEY ADD ENCRYPTION BY SERVICE MASTER KEY; CLOSE MASTER KEY; then deploy again. Password lost: README, "The master key password is lost".';
    THROW 50012, @Msg, 1;
END;

-- 1c. The certificate that protects the store-secret key keeps its private key (decryption needs it), protected by the
--     master key. The signing certificates are made in step 2, one per signature set, and lose their private key there.
IF CERT_ID(N'CpOrdersSecretProtector') IS NULL
BEGIN
    CREATE CERTIFICATE [CpOrdersSecretProtector]
        WITH SUBJECT = N'CpOrders: protects the key that encrypts store secrets',
             EXPIRY_DATE = '20991231';
    SET @KeyChanges += 1;
    PRINT N'CpOrders post-deploy: created certificate CpOrdersSecretProtector.';
END;

-- 1d. A master key that CpOrders has no record of: made by the previous build (which did not record its random
--     password encryption) or by the DBA. Nobody can tell which of its password encryptions is whose, so all of them
--     are recorded once as "not known to be the DBA's"; a password the DBA adds later is not in the record, and the DBA
--     who already has one acknowledges it with a row 0x00 (README, Backups and restores).
IF NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin)
   AND EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
BEGIN
    INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint)
    SELECT DISTINCT HASHBYTES('SHA2_256', ke.crypt_property)
    FROM sys.key_encryptions AS ke
    JOIN sys.symmetric_keys AS sk ON sk.symmetric_key_id = ke.key_id AND sk.name = N'##MS_DatabaseMasterKey##'
    WHERE ke.crypt_type = 'ESKP';
    IF @@ROWCOUNT > 0
    BEGIN
        SET @KeyChanges += 1;
        PRINT N'CpOrders post-deploy: recorded the fingerprints of the master key''s existing password encryptions (CpOrders cannot tell whether one is yours).';
    END;
END;

-- 1e. Warn (every deploy, until fixed) while no password encryption (ESKP) of the master key is known to be the DBA's:
--     none outside the record, and no acknowledgement. Without one, a restore to another server or an AG failover
--     cannot open the key.
IF NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin)
   OR NOT EXISTS (SELECT 1
                  FROM sys.key_encryptions AS ke
                  JOIN sys.symmetric_keys AS sk ON sk.symmetric_key_id = ke.key_id AND sk.name = N'##MS_DatabaseMasterKey##'
                  WHERE ke.crypt_type = 'ESKP'
                    AND (NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin AS o WHERE o.GeneratedPasswordFingerprint = HASHBYTES('SHA2_256', ke.crypt_property))
                         OR EXISTS (SELECT 1 FROM woo.MasterKeyOrigin AS a WHERE a.GeneratedPasswordFingerprint = 0x00)))
    PRINT N'CpOrders post-deploy: WARNING: CPO-MASTERKEY-NOPASSWORD: cannot tell that a password of yours protects the database master key of $(DatabaseName) (CpOrders made every password encryption it has, or they were there before CpOrders recorded them). Add one and keep it in your vault: ALTER MASTER KEY ADD ENCRYPTION BY PASSWORD = ''<your password>''; or, if one of yours is already there, acknowledge: INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint) VALUES (0x00); (README, Backups and restores).';

IF @KeyChanges = 0
    PRINT N'CpOrders post-deploy: master key and certificates: no changes.';
GO
