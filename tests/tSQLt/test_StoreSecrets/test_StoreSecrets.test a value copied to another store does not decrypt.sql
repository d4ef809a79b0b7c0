CREATE PROCEDURE [test_StoreSecrets].[test a value copied to another store does not decrypt]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSecret';
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';   -- a secret belongs to an existing store (woo.usp_SetStoreSecret checks it)
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_secret', @Value = N'cs_test_value_0003';
    INSERT INTO woo.StoreSecret (StoreId, SecretName, EncryptedValue, UpdatedAtUtc, UpdatedBy)
    SELECT 'OTHER', s.SecretName, s.EncryptedValue, s.UpdatedAtUtc, s.UpdatedBy FROM woo.StoreSecret AS s WHERE s.StoreId = 'WEB';

    CREATE TABLE #Actual (StoreId varchar(10) NOT NULL, SecretName varchar(40) NOT NULL, UpdatedAtUtc datetime2(0) NOT NULL,
                          UpdatedBy sysname NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(400) NOT NULL);
    INSERT INTO #Actual EXEC woo.usp_CheckStoreSecrets;
    SELECT a.StoreId, a.[Status] INTO #ActualStatus FROM #Actual AS a;
    CREATE TABLE #Expected (StoreId varchar(10) NOT NULL, [Status] varchar(4) NOT NULL);
    INSERT INTO #Expected VALUES ('OTHER', 'FAIL'), ('WEB', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#ActualStatus';
END;
