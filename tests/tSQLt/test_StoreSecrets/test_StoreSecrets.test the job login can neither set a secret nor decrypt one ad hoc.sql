CREATE PROCEDURE [test_StoreSecrets].[test the job login can neither set a secret nor decrypt one ad hoc]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSecret';
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';   -- a secret belongs to an existing store (woo.usp_SetStoreSecret checks it)
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_key', @Value = N'ck_test_value_0004';
    -- The job role may not read the table at all; granted here (rolled back with the test) so that only the missing
    -- key permissions can stop the decryption below, and the test fails if a role ever holds them.
    GRANT SELECT ON OBJECT::woo.StoreSecret TO [CpOrdersJob];
    CREATE TABLE #Result (SetError int NULL, Plain nvarchar(4000) NULL, DecryptError int NULL, OpenKeys int NULL);
    EXEC (N'
DECLARE @SetError int, @Plain nvarchar(4000), @DecryptError int, @OpenKeys int;
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    EXEC woo.usp_SetStoreSecret @StoreId = ''WEB'', @SecretName = ''consumer_key'', @Value = N''ck_attacker'';
END TRY
BEGIN CATCH
    SET @SetError = ERROR_NUMBER();
END CATCH;
BEGIN TRY
    SELECT @Plain = CONVERT(nvarchar(4000), DECRYPTBYKEYAUTOCERT(CERT_ID(N''CpOrdersSecretProtector''), NULL, s.EncryptedValue, 1, CONVERT(varbinary(128), s.StoreId + '':'' + s.SecretName)))
    FROM woo.StoreSecret AS s;
END TRY
BEGIN CATCH
    SET @DecryptError = ERROR_NUMBER();
END CATCH;
SET @OpenKeys = (SELECT COUNT(*) FROM sys.openkeys WHERE key_name = N''CpOrdersSecretKey'');
REVERT;
INSERT INTO #Result (SetError, Plain, DecryptError, OpenKeys) VALUES (@SetError, @Plain, @DecryptError, @OpenKeys);');
    DECLARE @SetError int = (SELECT SetError FROM #Result), @DecryptError int = (SELECT DecryptError FROM #Result);
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @SetError, @Message = N'EXECUTE on woo.usp_SetStoreSecret must be refused to the job login';
    IF @DecryptError IS NOT NULL
        EXEC tSQLt.Fail N'the ad hoc read failed for another reason (error ', @DecryptError, N'); the test must reach the decryption itself';
    IF EXISTS (SELECT 1 FROM #Result WHERE Plain IS NOT NULL)
        EXEC tSQLt.Fail N'the job login decrypted a secret outside the signed procedures';
    IF EXISTS (SELECT 1 FROM #Result WHERE OpenKeys > 0)
        EXEC tSQLt.Fail N'CpOrdersSecretKey is left open in the session';
END;
