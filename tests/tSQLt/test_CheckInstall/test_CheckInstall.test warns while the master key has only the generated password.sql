CREATE PROCEDURE [test_CheckInstall].[test warns while the master key has only the generated password]
AS
BEGIN
    -- Treat every password encryption of the master key as the generated one: then the DBA has none of their own.
    EXEC tSQLt.FakeTable @TableName = N'woo.MasterKeyOrigin';
    INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint, CreatedAtUtc)
    SELECT HASHBYTES('SHA2_256', ke.crypt_property), SYSUTCDATETIME()
    FROM sys.key_encryptions AS ke
    JOIN sys.symmetric_keys AS sk ON sk.symmetric_key_id = ke.key_id AND sk.name = N'##MS_DatabaseMasterKey##'
    WHERE ke.crypt_type = 'ESKP';

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'master_key';
    EXEC tSQLt.AssertEqualsString @Expected = 'WARN', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'CPO-MASTERKEY-NOPASSWORD:%', @Actual = @Detail;
END;
