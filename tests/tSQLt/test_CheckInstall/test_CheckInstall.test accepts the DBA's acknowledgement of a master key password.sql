CREATE PROCEDURE [test_CheckInstall].[test accepts the DBA's acknowledgement of a master key password]
AS
BEGIN
    -- Every password encryption recorded as not the DBA's, plus the acknowledgement row README documents.
    EXEC tSQLt.FakeTable @TableName = N'woo.MasterKeyOrigin';
    INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint, CreatedAtUtc)
    SELECT HASHBYTES('SHA2_256', ke.crypt_property), SYSUTCDATETIME()
    FROM sys.key_encryptions AS ke
    JOIN sys.symmetric_keys AS sk ON sk.symmetric_key_id = ke.key_id AND sk.name = N'##MS_DatabaseMasterKey##'
    WHERE ke.crypt_type = 'ESKP';
    INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint, CreatedAtUtc) VALUES (0x00, SYSUTCDATETIME());

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4) = (SELECT a.[Status] FROM #Actual AS a WHERE a.CheckName = 'master_key');
    EXEC tSQLt.AssertEqualsString @Expected = 'OK', @Actual = @Status;
END;
