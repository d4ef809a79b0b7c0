CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot sign code with the signing certificate]
AS
BEGIN
    -- Even sysadmin cannot: the private key is gone (ALTER CERTIFICATE ... REMOVE PRIVATE KEY). SIGNBYCERT returns NULL.
    DECLARE @Signer sysname = (SELECT TOP (1) c.name FROM sys.certificates AS c
                               WHERE c.name LIKE N'CpOrdersCounterpointSigner[_]%' ORDER BY c.name DESC);
    DECLARE @KeyType char(2) = (SELECT c.pvt_key_encryption_type FROM sys.certificates AS c WHERE c.name = @Signer);
    EXEC tSQLt.AssertEqualsString @Expected = 'NA', @Actual = @KeyType;
    DECLARE @Signature varbinary(8000) = SIGNBYCERT(CERT_ID(@Signer), N'anything');
    IF @Signature IS NOT NULL
        EXEC tSQLt.Fail N'The signing certificate ', @Signer, N' can still sign.';
END;
