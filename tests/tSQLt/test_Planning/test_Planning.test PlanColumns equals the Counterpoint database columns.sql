-- Every column wooclr.PlanColumns lists exists in the Counterpoint database (the scratch copy published from the reference
-- dacpac) with the same type, length, precision, scale and nullability. max_length: characters for varchar (-1 = text).
CREATE PROCEDURE [test_Planning].[test PlanColumns equals the Counterpoint database columns]
AS
BEGIN
    CREATE TABLE #Live (table_name sysname NOT NULL, column_name sysname NOT NULL, sql_type sysname NOT NULL,
                        max_length int NULL, [precision] int NULL, scale int NULL, is_nullable bit NOT NULL);
    DECLARE @Sql nvarchar(max) = N'SELECT t.name, c.name, TYPE_NAME(c.system_type_id),
            CASE WHEN TYPE_NAME(c.system_type_id) = N''text'' THEN -1 WHEN TYPE_NAME(c.system_type_id) IN (N''varchar'', N''char'') THEN c.max_length END,
            CASE WHEN TYPE_NAME(c.system_type_id) = N''decimal'' THEN c.precision END,
            CASE WHEN TYPE_NAME(c.system_type_id) = N''decimal'' THEN c.scale END,
            c.is_nullable
        FROM sys.columns AS c
        JOIN sys.tables AS t ON t.object_id = c.object_id
        WHERE SCHEMA_NAME(t.schema_id) = N''dbo'';';
    -- Run in the Counterpoint database: its sp_executesql (the pattern of test_CheckInstall).
    DECLARE @CpExec nvarchar(300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    INSERT INTO #Live EXEC @CpExec @stmt = @Sql;

    SELECT p.plan_key, p.table_name, p.column_name
    INTO #Mismatch
    FROM wooclr.PlanColumns() AS p
    LEFT JOIN #Live AS l ON l.table_name = p.table_name AND l.column_name = p.column_name
    WHERE l.column_name IS NULL
       OR l.sql_type <> p.sql_type
       OR ISNULL(l.max_length, -2) <> ISNULL(p.max_length, -2)
       OR ISNULL(l.[precision], -2) <> ISNULL(p.[precision], -2)
       OR ISNULL(l.scale, -2) <> ISNULL(p.scale, -2)
       OR l.is_nullable <> p.is_nullable_in_reference;

    DECLARE @List nvarchar(max) = (SELECT STRING_AGG(plan_key + N': ' + table_name + N'.' + column_name, N', ') FROM #Mismatch);
    IF @List IS NOT NULL EXEC tSQLt.Fail @Message0 = N'PlanColumns differs from the Counterpoint database: ', @Message1 = @List;
    IF (SELECT COUNT(*) FROM wooclr.PlanColumns()) < 300 EXEC tSQLt.Fail @Message0 = N'PlanColumns lists fewer columns than planned';
END;
