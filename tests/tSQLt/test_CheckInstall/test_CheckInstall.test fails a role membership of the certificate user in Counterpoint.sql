CREATE PROCEDURE [test_CheckInstall].[test fails a role membership of the certificate user in Counterpoint]
AS
BEGIN
    -- Post-deploy revokes role memberships of the certificate user; the check reports one as extra (as sysadmin, the
    -- runner's connection, the exact comparison applies). Rolled back with the test's transaction.
    DECLARE @Principal sysname = LEFT(N'CpOrders_' + DB_NAME(), 128);
    DECLARE @Sql nvarchar(max) = N'ALTER ROLE [db_datareader] ADD MEMBER ' + QUOTENAME(@Principal) + N';';
    DECLARE @CpExec nvarchar(300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    EXEC @CpExec @Sql;

    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    DECLARE @Status varchar(4), @Detail nvarchar(max);
    SELECT @Status = a.[Status], @Detail = a.Detail FROM #Actual AS a WHERE a.CheckName = 'counterpoint_grants';
    EXEC tSQLt.AssertEqualsString @Expected = 'FAIL', @Actual = @Status;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%extra member of role db[_]datareader;%', @Actual = @Detail;
END;
