CREATE PROCEDURE [test_CheckInstall].[test fails a listed module that is not signed]
AS
BEGIN
    -- woo.usp_RestoreJobsAfterDeploy does not use Counterpoint, so post-deploy never signs it.
    EXEC tSQLt.FakeTable @TableName = N'woo.SignedModule';
    INSERT INTO woo.SignedModule (SchemaName, ObjectName) VALUES (N'woo', N'usp_CheckInstall'), (N'woo', N'usp_RestoreJobsAfterDeploy');

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'modules_signed';
    EXEC tSQLt.AssertEqualsString @Expected = 'FAIL', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%Not signed by CpOrdersCounterpointSigner[_]%: woo.usp_RestoreJobsAfterDeploy.%', @Actual = @Detail;
END;
