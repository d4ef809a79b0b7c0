CREATE PROCEDURE [test_StoreSetup].[test the settings view shows whether credentials are set but never a secret]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSecret';
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_key', @Value = N'ck_test_value_view_0001';

    SELECT v.StoreId, v.ConsumerKeySet, v.ConsumerSecretSet, CASE WHEN v.ConsumerKeySetAtUtc IS NULL THEN 0 ELSE 1 END AS KeyDated
    INTO #Actual FROM woo.StoreSettings AS v;
    CREATE TABLE #Expected (StoreId varchar(10), ConsumerKeySet char(1), ConsumerSecretSet char(1), KeyDated int);
    INSERT INTO #Expected VALUES ('WEB', 'Y', 'N', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    -- No value of the view is the secret or its encrypted form (FOR JSON writes binary as base64).
    DECLARE @All nvarchar(max) = (SELECT v.* FROM woo.StoreSettings AS v FOR JSON PATH);
    DECLARE @Encrypted nvarchar(max) = JSON_VALUE((SELECT TOP (1) s.EncryptedValue FROM woo.StoreSecret AS s FOR JSON PATH, WITHOUT_ARRAY_WRAPPER), N'$.EncryptedValue');
    IF @Encrypted IS NULL
        EXEC tSQLt.Fail N'sanity: no encrypted value was stored';
    IF CHARINDEX(N'test_value_view', @All) > 0 OR CHARINDEX(@Encrypted, @All) > 0
        EXEC tSQLt.Fail N'woo.StoreSettings shows a secret: ', @All;
END;
