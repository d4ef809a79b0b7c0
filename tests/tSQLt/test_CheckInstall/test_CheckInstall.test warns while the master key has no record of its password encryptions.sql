CREATE PROCEDURE [test_CheckInstall].[test warns while the master key has no record of its password encryptions]
AS
BEGIN
    -- An upgrade from the build before woo.MasterKeyOrigin was written: nobody can tell whose password is there.
    EXEC tSQLt.FakeTable @TableName = N'woo.MasterKeyOrigin';

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'master_key';
    EXEC tSQLt.AssertEqualsString @Expected = 'WARN', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'CPO-MASTERKEY-NOPASSWORD: cannot tell that a password of yours protects the master key%acknowledge: INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint) VALUES (0x00);%', @Actual = @Detail;
END;
