CREATE PROCEDURE [test_CheckInstall].[test reports every check once with a known status]
AS
BEGIN
    CREATE TABLE #Actual (CheckName varchar(40) NOT NULL, [Status] varchar(4) NOT NULL, Detail nvarchar(max) NOT NULL);
    INSERT INTO #Actual (CheckName, [Status], Detail) EXEC woo.usp_CheckInstall;

    SELECT a.CheckName, CASE WHEN a.[Status] IN ('OK', 'WARN', 'FAIL', 'SKIP', 'PART') THEN 'known' ELSE a.[Status] END AS StatusKind
    INTO #ActualKinds
    FROM #Actual AS a;

    CREATE TABLE #Expected (CheckName varchar(40) NOT NULL, StatusKind varchar(5) NOT NULL);
    INSERT INTO #Expected (CheckName, StatusKind)
    VALUES ('clr_enabled', 'known'), ('clr_trusted', 'known'), ('clr_answers', 'known'), ('modules_signed', 'known'),
           ('counterpoint_grants', 'known'), ('counterpoint_access', 'known'), ('master_key', 'known'), ('jobs_after_deploy', 'known');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#ActualKinds';
END;
