CREATE PROCEDURE [test_StoreSecrets].[test the job login can neither set a secret nor decrypt one ad hoc]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSecret';
    EXEC woo.usp_SetStoreSecret @StoreId = 'WEB', @SecretName = 'consumer_key', @Value = N'ck_test_value_0004';
    CREATE TABLE #Result (SetError int NULL, Plain nvarchar(4000) NULL, DecryptError int NULL);
    EXEC (N'
DECLARE @SetError int, @Plain nvarchar(4000), @DecryptError int;
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
REVERT;
INSERT INTO #Result (SetError, Plain, DecryptError) VALUES (@SetError, @Plain, @DecryptError);');
    DECLARE @SetError int = (SELECT SetError FROM #Result), @Plain nvarchar(4000) = (SELECT Plain FROM #Result);
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @SetError, @Message = N'EXECUTE on woo.usp_SetStoreSecret must be refused to the job login';
    IF @Plain IS NOT NULL
        EXEC tSQLt.Fail N'the job login decrypted a secret outside the signed procedures';
END;
