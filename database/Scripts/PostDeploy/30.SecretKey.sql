-- 3. The symmetric key that encrypts each store's WooCommerce consumer key and secret (woo.StoreSecret), protected by
--    a certificate that the database master key protects. Secrets never appear in plain text in a table or a log.
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'CpOrdersSecretKey')
BEGIN
    CREATE SYMMETRIC KEY [CpOrdersSecretKey] WITH ALGORITHM = AES_256 ENCRYPTION BY CERTIFICATE [CpOrdersSecretProtector];
    PRINT N'CpOrders post-deploy: created symmetric key CpOrdersSecretKey.';
END
ELSE
    PRINT N'CpOrders post-deploy: secret key: no changes.';
GO
