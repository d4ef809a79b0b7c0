CREATE PROCEDURE [test_StoreSecrets].[test a secret set by the operator procedure decrypts for the job login and is never returned]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSecret';
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';   -- a secret belongs to an existing store (woo.usp_SetStoreSecret checks it)
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_key', @Value = N'ck_test_value_0001';
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_secret', @Value = N'cs_test_value_0002';

    CREATE TABLE #Actual (StoreId varchar(10) NOT NULL, SecretName varchar(40) NOT NULL, UpdatedAtUtc datetime2(0) NOT NULL,
                          UpdatedBy sysname NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(400) NOT NULL);
    CREATE TABLE #Result (ErrorMessage nvarchar(max) NULL);
    EXEC (N'
DECLARE @Rows TABLE (StoreId varchar(10) NOT NULL, SecretName varchar(40) NOT NULL, UpdatedAtUtc datetime2(0) NOT NULL,
                     UpdatedBy sysname NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(400) NOT NULL);
DECLARE @M nvarchar(max);
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    INSERT INTO @Rows EXEC woo.usp_CheckStoreSecrets;
END TRY
BEGIN CATCH
    SET @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Actual SELECT * FROM @Rows;
INSERT INTO #Result (ErrorMessage) VALUES (@M);');

    DECLARE @Error nvarchar(max) = (SELECT ErrorMessage FROM #Result);
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'woo.usp_CheckStoreSecrets failed as the job login: ', @Error;
    SELECT a.StoreId, a.SecretName, a.[Status] INTO #ActualStatus FROM #Actual AS a;
    CREATE TABLE #Expected (StoreId varchar(10) NOT NULL, SecretName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL);
    INSERT INTO #Expected VALUES ('WEB', 'consumer_key', 'OK'), ('WEB', 'consumer_secret', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#ActualStatus';
    IF EXISTS (SELECT 1 FROM #Actual WHERE Detail LIKE N'%test[_]value%')
        EXEC tSQLt.Fail N'the check returned a secret';
    IF EXISTS (SELECT 1 FROM woo.StoreSecret WHERE CONVERT(nvarchar(4000), EncryptedValue) LIKE N'%test[_]value%')
        EXEC tSQLt.Fail N'a secret is stored in plain text';
END;
