CREATE PROCEDURE [test_CheckInstall].[test fails a permission of the list that the certificate user lacks]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.CounterpointGrant';
    INSERT INTO woo.CounterpointGrant (PermissionName, SchemaName, ObjectName, ColumnName)
    VALUES (N'SELECT', N'dbo', N'PS_DOC_HDR', N''), (N'INSERT', N'dbo', N'PS_DOC_HDR', N'');

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'counterpoint_grants';
    EXEC tSQLt.AssertEqualsString @Expected = 'FAIL', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%missing INSERT dbo.PS_DOC_HDR;%', @Actual = @Detail;
END;
