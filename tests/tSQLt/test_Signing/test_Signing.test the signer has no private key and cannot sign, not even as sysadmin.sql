CREATE PROCEDURE [test_Signing].[test the signer has no private key and cannot sign, not even as sysadmin]
AS
BEGIN
    -- The signer is the certificate of this database whose thumbprint is that of the certificate user
    -- CpOrders_<database> in Counterpoint is made from (never the highest name). Its private key is gone (ALTER
    -- CERTIFICATE ... REMOVE PRIVATE KEY), so SIGNBYCERT returns NULL even for sysadmin.
    DECLARE @Principal sysname = LEFT(N'CpOrders_' + DB_NAME(), 128), @Anchor varbinary(32);
    DECLARE @CpExec nvarchar(300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    EXEC @CpExec
        N'SELECT @A = c.thumbprint FROM sys.database_principals AS u JOIN sys.certificates AS c ON c.sid = u.sid WHERE u.name = @P AND u.type = ''C'';',
        N'@P sysname, @A varbinary(32) OUTPUT', @P = @Principal, @A = @Anchor OUTPUT;
    DECLARE @Signer sysname, @KeyType char(2);
    SELECT @Signer = c.name, @KeyType = c.pvt_key_encryption_type FROM sys.certificates AS c WHERE c.thumbprint = @Anchor;
    IF @Signer IS NULL
        EXEC tSQLt.Fail N'No certificate here matches the certificate user ', @Principal, N' in Counterpoint.';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'CpOrdersCounterpointSigner[_]%', @Actual = @Signer;
    EXEC tSQLt.AssertEqualsString @Expected = 'NA', @Actual = @KeyType;
    DECLARE @Signature varbinary(8000) = SIGNBYCERT(CERT_ID(@Signer), N'anything');
    IF @Signature IS NOT NULL
        EXEC tSQLt.Fail N'The signing certificate ', @Signer, N' can still sign.';
END;
