CREATE PROCEDURE [test_CheckInstall].[test identifies the signer by the Counterpoint user, not by the highest name]
AS
BEGIN
    -- What a db_owner of CpOrders could plant: a certificate with a higher name, no private key, signing nothing the
    -- Counterpoint user is made from. The check must still name the anchored signer, and report the planted one.
    -- (DDL in the test's transaction: tSQLt rolls it back.)
    CREATE CERTIFICATE [CpOrdersCounterpointSigner_99991231235959] WITH SUBJECT = N'planted by a test', EXPIRY_DATE = '20991231';
    ALTER CERTIFICATE [CpOrdersCounterpointSigner_99991231235959] REMOVE PRIVATE KEY;

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'modules_signed';
    EXEC tSQLt.AssertEqualsString @Expected = 'WARN', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'Every module that uses the Counterpoint database is signed by CpOrdersCounterpointSigner[_]%, which has no private key and is the certificate user %', @Actual = @Detail;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%(old or foreign; the next deploy drops them): CpOrdersCounterpointSigner[_]99991231235959.', @Actual = @Detail;
    IF @Detail LIKE N'%signed by CpOrdersCounterpointSigner[_]99991231235959%'
        EXEC tSQLt.Fail N'The planted certificate was taken for the signer: ', @Detail;
END;
