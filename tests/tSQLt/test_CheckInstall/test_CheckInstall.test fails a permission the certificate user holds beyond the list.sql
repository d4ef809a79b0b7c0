CREATE PROCEDURE [test_CheckInstall].[test fails a permission the certificate user holds beyond the list]
AS
BEGIN
    -- Run as sysadmin (the runner's connection), so the exact comparison applies: an empty list makes the deployed
    -- SELECT on PS_DOC_HDR an extra permission.
    EXEC tSQLt.FakeTable @TableName = N'woo.CounterpointGrant';

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'counterpoint_grants';
    EXEC tSQLt.AssertEqualsString @Expected = 'FAIL', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%extra SELECT dbo.PS_DOC_HDR;%', @Actual = @Detail;
END;
