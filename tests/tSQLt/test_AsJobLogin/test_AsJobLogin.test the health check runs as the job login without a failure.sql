CREATE PROCEDURE [test_AsJobLogin].[test the health check runs as the job login without a failure]
AS
BEGIN
    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    CREATE TABLE #Result (ErrorNumber int NULL, ErrorMessage nvarchar(max) NULL);
    -- Impersonation, the call and REVERT in one dynamic batch; results cross back through a table variable (no
    -- permission check) and are written to the temp tables after REVERT.
    EXEC (N'
DECLARE @Rows TABLE (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
DECLARE @N int, @M nvarchar(max);
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    INSERT INTO @Rows (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;
END TRY
BEGIN CATCH
    SELECT @N = ERROR_NUMBER(), @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Actual (CheckName, [Status], Detail) SELECT CheckName, [Status], Detail FROM @Rows;
INSERT INTO #Result (ErrorNumber, ErrorMessage) VALUES (@N, @M);');

    DECLARE @Error nvarchar(max) = (SELECT ErrorMessage FROM #Result);
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'woo.usp_CheckInstall failed as the job login: ', @Error;

    -- No false failure (the scratch install is sound), the signed path reads Counterpoint, the signatures are visible
    -- (PART: the job login cannot see the certificate user in Counterpoint nor every certificate here, so never OK),
    -- and what needs VIEW SERVER STATE says so instead of failing.
    SELECT a.CheckName, a.[Status] INTO #ActualStatus FROM #Actual AS a
    WHERE a.[Status] = 'FAIL' OR a.CheckName IN ('counterpoint_access', 'counterpoint_grants', 'modules_signed', 'clr_trusted', 'clr_answers');
    CREATE TABLE #Expected (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL);
    INSERT INTO #Expected (CheckName, [Status])
    VALUES ('clr_trusted', 'SKIP'), ('clr_answers', 'OK'), ('modules_signed', 'PART'), ('counterpoint_grants', 'PART'), ('counterpoint_access', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#ActualStatus';
END;
