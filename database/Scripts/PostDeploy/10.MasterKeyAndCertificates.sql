-- 1a. Database master key. Created when missing with a random password that is never stored or shown: the service
--     master key opens it. README (Backups and restores) tells the DBA to add a password of their own and keep it, for
--     restores to another server.
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
BEGIN
    DECLARE @Password nvarchar(200) = CONVERT(nvarchar(200), CRYPT_GEN_RANDOM(48), 2) + N'a!';
    DECLARE @CreateKey nvarchar(400) = N'CREATE MASTER KEY ENCRYPTION BY PASSWORD = ' + QUOTENAME(@Password, N'''') + N';';
    EXEC (@CreateKey);
    SET @Password = NULL;
    SET @CreateKey = NULL;
    PRINT N'CpOrders post-deploy: created the database master key (opened by the service master key).';
END
ELSE IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_master_key_encrypted_by_server = 1)
    RAISERROR (N'CPO-DEPLOY-MASTERKEY: the database master key of $(DatabaseName) is not protected by this server''s service master key (typical after a restore to another server). Open it and add the service master key, then deploy again: OPEN MASTER KEY DECRYPTION BY PASSWORD = ''<your password>''; ALTER MASTER KEY ADD ENCRYPTION BY SERVICE MASTER KEY; CLOSE MASTER KEY;', 16, 1);
GO
-- 1b. A master key that exists but cannot be opened (restored from another server whose service master key differs):
--     signing with an existing certificate returns NULL. Stop with instructions rather than sign nothing.
IF CERT_ID(N'CpOrdersCounterpointSigner') IS NOT NULL AND SIGNBYCERT(CERT_ID(N'CpOrdersCounterpointSigner'), N'CpOrders deploy probe') IS NULL
    RAISERROR (N'CPO-DEPLOY-MASTERKEY: the database master key of $(DatabaseName) cannot be opened on this server, so CpOrders'' certificates cannot sign. Open it with the password you added (README, Backups and restores) and re-protect it: OPEN MASTER KEY DECRYPTION BY PASSWORD = ''<your password>''; ALTER MASTER KEY DROP ENCRYPTION BY SERVICE MASTER KEY; ALTER MASTER KEY ADD ENCRYPTION BY SERVICE MASTER KEY; CLOSE MASTER KEY; then deploy again.', 16, 1);
GO
-- 1c. Certificates, protected by the database master key (no password).
IF CERT_ID(N'CpOrdersCounterpointSigner') IS NULL
BEGIN
    CREATE CERTIFICATE [CpOrdersCounterpointSigner]
        WITH SUBJECT = N'CpOrders: signs the modules that read and write the Counterpoint database',
             EXPIRY_DATE = '20991231';
    PRINT N'CpOrders post-deploy: created certificate CpOrdersCounterpointSigner.';
END;
IF CERT_ID(N'CpOrdersSecretProtector') IS NULL
BEGIN
    CREATE CERTIFICATE [CpOrdersSecretProtector]
        WITH SUBJECT = N'CpOrders: protects the key that encrypts store secrets',
             EXPIRY_DATE = '20991231';
    PRINT N'CpOrders post-deploy: created certificate CpOrdersSecretProtector.';
END;
GO
