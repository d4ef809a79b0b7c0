-- Compares the live Counterpoint tables CpOrders writes with what its writers supply (design 7), at the start of every
-- processing run and on demand. What the writers supply has ONE source: the woo.fn_Plan_<TABLE> functions' columns
-- (their OPENJSON ... WITH lists, which tests/CpOrders.Build.Tests PlanWriterTests prove equal the planner's
-- wooclr.PlanColumns()), plus PS_DOC_LIN.LIN_GUID (NEWID() in the writer) and the next-number columns that
-- woo.usp_TakeDocumentNumbers updates. Problems, each naming table and column:
--   CPO-SCHEMA-TABLE     a table the writers need is missing (or not visible to the signed module);
--   CPO-SCHEMA-NOTNULL   a live NOT NULL column without a default (not computed, identity or rowversion) that a writer
--                        inserting into that table does not supply (an NCR update added it): the INSERT would fail;
--   CPO-SCHEMA-COLUMN    a supplied column that the live table lacks;
--   CPO-SCHEMA-COMPUTED  a supplied column that is computed (or rowversion/identity) in the live table;
--   CPO-SCHEMA-TYPE      a supplied column whose live type differs, or is narrower (length, precision, scale) than ours
--                        (wider is fine: the planner already fits values to the reference's lengths);
--   CPO-SCHEMA-COLLATION the Counterpoint database's collation does not use code page 1252 (the planner's text policy).
--   CPO-SCHEMA-SELF      the check could not see all its own woo.fn_Plan_* readers (so it compared too little).
-- @RaiseAlert = 'Y' and any problem: one CRITICAL woo.Alert CPO-SCHEMA-DRIFT naming every column (woo.usp_RaiseAlert: while
-- it is unacknowledged, a repeat counts an occurrence on the same row) (the processor then stops before claiming any order). @Show = 'Y' returns the problems (and the compared columns when there are none).
-- The live catalog is read with dynamic SQL in the Counterpoint database from this signed module: sys.columns shows a
-- table's columns only to a principal holding a permission on it (metadata visibility), and the certificate user holds
-- INSERT/UPDATE/SELECT on exactly these tables (derived grants); no VIEW DEFINITION is needed. A table it cannot see
-- is reported as CPO-SCHEMA-TABLE, which then means "grant missing" as much as "table missing".
CREATE PROCEDURE [woo].[usp_CheckCounterpointSchema]
    @RunId         bigint = NULL,
    @RaiseAlert    char (1) = 'Y',
    @Show          char (1) = 'Y',
    @ProblemCount  int = NULL OUTPUT,
    @Problems      nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @RaiseAlert IS NULL OR @RaiseAlert NOT IN ('Y', 'N') OR @Show IS NULL OR @Show NOT IN ('Y', 'N')
        THROW 50445, N'CPO-PARAM: @RaiseAlert and @Show must be Y or N.', 1;

    -- What the writers supply. IsInserted: the writer INSERTs rows of the table with these columns (NOT NULL check).
    DECLARE @Supplied TABLE (TableName sysname NOT NULL, ColumnName sysname NOT NULL, TypeName sysname NOT NULL,
                             MaxLength smallint NOT NULL, [Precision] tinyint NOT NULL, Scale tinyint NOT NULL,
                             IsInserted bit NOT NULL, PRIMARY KEY (TableName, ColumnName));
    INSERT INTO @Supplied (TableName, ColumnName, TypeName, MaxLength, [Precision], Scale, IsInserted)
    SELECT CASE WHEN o.name = N'fn_Plan_AR_CUST_ORD' THEN N'AR_CUST' ELSE SUBSTRING(o.name, 9, 128) END,
           c.name, TYPE_NAME(c.system_type_id), c.max_length, c.[precision], c.scale,
           CASE WHEN o.name = N'fn_Plan_AR_CUST_ORD' THEN 0 ELSE 1 END
    FROM sys.objects AS o
    JOIN sys.columns AS c ON c.object_id = o.object_id
    WHERE o.schema_id = SCHEMA_ID(N'woo') AND o.[type] = 'IF' AND o.name LIKE N'fn[_]Plan[_]%'
      AND NOT (o.name = N'fn_Plan_IM_INV' AND c.name = N'IS_NEW_ROW')
      AND NOT (o.name = N'fn_Plan_AR_CUST_ORD' AND c.name = N'CUST_NO');
    -- Every reader must have been seen: a caller that cannot see woo's metadata would otherwise compare nothing and
    -- pass (review MINOR 9). @Readers = the number of woo.fn_Plan_*.sql files (PlanWriterTests keeps it equal).
    DECLARE @Readers int = 18, @SeenReaders int;
    SET @SeenReaders = (SELECT COUNT(*) FROM sys.objects AS o WHERE o.schema_id = SCHEMA_ID(N'woo') AND o.[type] = 'IF' AND o.name LIKE N'fn[_]Plan[_]%');
    INSERT INTO @Supplied (TableName, ColumnName, TypeName, MaxLength, [Precision], Scale, IsInserted)
    VALUES (N'PS_DOC_LIN', N'LIN_GUID', N'uniqueidentifier', 16, 0, 0, 1),
           (N'EC_CTL', N'NXT_CUST_NO', N'varchar', 15, 0, 0, 0),
           (N'PS_STR_CFG_PS', N'NXT_ORD_NO', N'varchar', 15, 0, 0, 0),
           (N'PS_STA_CFG_PS', N'NXT_ORD_NO', N'varchar', 15, 0, 0, 0),
           (N'PS_STR_CFG_PS', N'NXT_TKT_NO', N'varchar', 15, 0, 0, 0),   -- deposit tickets (payments, issue 15)
           (N'PS_STA_CFG_PS', N'NXT_TKT_NO', N'varchar', 15, 0, 0, 0);

    DECLARE @Live TABLE (TableName sysname NOT NULL, ColumnName sysname NOT NULL, TypeName sysname NULL, MaxLength smallint NOT NULL,
                         [Precision] tinyint NOT NULL, Scale tinyint NOT NULL, IsNullable bit NOT NULL, HasDefault bit NOT NULL,
                         IsGenerated bit NOT NULL, PRIMARY KEY (TableName, ColumnName));
    DECLARE @CpExec nvarchar (300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql', @Probe int;
    -- A static read: it makes this module one the build signs (only modules that name [$(CounterpointDb)] in code are
    -- signed and granted), and fails here, plainly, when the signature does not reach the Counterpoint database.
    SELECT @Probe = COUNT(*) FROM (SELECT TOP (1) h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h) AS p;
    -- Runs in the Counterpoint database (its own compatibility level: nothing newer than SQL Server 2008 syntax) and returns
    -- the catalog as XML through an OUTPUT parameter (no INSERT ... EXEC: every module here may itself be captured by one).
    -- TYPE_NAME(system_type_id): the base type of Counterpoint's alias types (T_GUID, T_DOC_NO, ...).
    DECLARE @LiveXml xml;
    EXEC @CpExec N'SET @X = (SELECT t.name AS t, c.name AS c, TYPE_NAME(c.system_type_id) AS ty, c.max_length AS ml, c.precision AS pr,
                                    c.scale AS sc, CONVERT(tinyint, c.is_nullable) AS nu,
                                    CASE WHEN c.default_object_id <> 0 THEN 1 ELSE 0 END AS df,
                                    CASE WHEN c.is_computed = 1 OR c.is_identity = 1 OR c.system_type_id = 189 THEN 1 ELSE 0 END AS ge
                             FROM sys.tables AS t JOIN sys.columns AS c ON c.object_id = t.object_id
                             WHERE t.schema_id = SCHEMA_ID(N''dbo'')
                               AND (t.name LIKE N''PS[_]DOC[_]%'' OR t.name IN (N''AR_CUST'', N''IM_INV'', N''EC_CTL'', N''PS_STR_CFG_PS'', N''PS_STA_CFG_PS''))
                             FOR XML RAW(''c''), TYPE);',
         N'@X xml OUTPUT', @X = @LiveXml OUTPUT;
    INSERT INTO @Live (TableName, ColumnName, TypeName, MaxLength, [Precision], Scale, IsNullable, HasDefault, IsGenerated)
    SELECT x.value(N'@t', N'sysname'), x.value(N'@c', N'sysname'), x.value(N'@ty', N'sysname'), x.value(N'@ml', N'smallint'),
           x.value(N'@pr', N'tinyint'), x.value(N'@sc', N'tinyint'), x.value(N'@nu', N'bit'), x.value(N'@df', N'bit'), x.value(N'@ge', N'bit')
    FROM @LiveXml.nodes(N'/c') AS n(x);

    DECLARE @Found TABLE (Code varchar (40) NOT NULL, TableName sysname NOT NULL, ColumnName sysname NULL, Detail nvarchar (400) NOT NULL);
    INSERT INTO @Found (Code, TableName, ColumnName, Detail)
    SELECT DISTINCT 'CPO-SCHEMA-TABLE', s.TableName, NULL, N'table dbo.' + s.TableName + N' is missing or not visible to the signing certificate''s user'
    FROM @Supplied AS s
    WHERE NOT EXISTS (SELECT 1 FROM @Live AS l WHERE l.TableName COLLATE Latin1_General_100_CI_AS = s.TableName COLLATE Latin1_General_100_CI_AS);

    INSERT INTO @Found (Code, TableName, ColumnName, Detail)
    SELECT 'CPO-SCHEMA-NOTNULL', l.TableName, l.ColumnName,
           l.TableName + N'.' + l.ColumnName + N' is NOT NULL without a default and CpOrders does not supply it'
    FROM @Live AS l
    WHERE l.IsNullable = 0 AND l.HasDefault = 0 AND l.IsGenerated = 0
      AND EXISTS (SELECT 1 FROM @Supplied AS s WHERE s.TableName COLLATE Latin1_General_100_CI_AS = l.TableName COLLATE Latin1_General_100_CI_AS AND s.IsInserted = 1)
      AND NOT EXISTS (SELECT 1 FROM @Supplied AS s
                      WHERE s.TableName COLLATE Latin1_General_100_CI_AS = l.TableName COLLATE Latin1_General_100_CI_AS
                        AND s.ColumnName COLLATE Latin1_General_100_CI_AS = l.ColumnName COLLATE Latin1_General_100_CI_AS AND s.IsInserted = 1);

    INSERT INTO @Found (Code, TableName, ColumnName, Detail)
    SELECT CASE WHEN l.ColumnName IS NULL THEN 'CPO-SCHEMA-COLUMN' WHEN l.IsGenerated = 1 THEN 'CPO-SCHEMA-COMPUTED' ELSE 'CPO-SCHEMA-TYPE' END,
           s.TableName, s.ColumnName,
           s.TableName + N'.' + s.ColumnName
           + CASE WHEN l.ColumnName IS NULL THEN N' does not exist'
                  WHEN l.IsGenerated = 1 THEN N' is computed, identity or rowversion and cannot be written'
                  ELSE N' is ' + ISNULL(l.TypeName, N'?') + N'(' + CONVERT(nvarchar (10), l.MaxLength) + N',' + CONVERT(nvarchar (10), l.[Precision]) + N',' + CONVERT(nvarchar (10), l.Scale)
                       + N'), CpOrders writes ' + s.TypeName + N'(' + CONVERT(nvarchar (10), s.MaxLength) + N',' + CONVERT(nvarchar (10), s.[Precision]) + N',' + CONVERT(nvarchar (10), s.Scale) + N')' END
    FROM @Supplied AS s
    LEFT JOIN @Live AS l ON l.TableName COLLATE Latin1_General_100_CI_AS = s.TableName COLLATE Latin1_General_100_CI_AS
                        AND l.ColumnName COLLATE Latin1_General_100_CI_AS = s.ColumnName COLLATE Latin1_General_100_CI_AS
    WHERE EXISTS (SELECT 1 FROM @Live AS t WHERE t.TableName COLLATE Latin1_General_100_CI_AS = s.TableName COLLATE Latin1_General_100_CI_AS)
      AND (l.ColumnName IS NULL
           OR l.IsGenerated = 1
           -- text columns: OPENJSON returns varchar(max) for them (max_length -1 on our side, 16 in the catalog).
           OR NOT (l.TypeName = s.TypeName OR (l.TypeName = N'text' AND s.TypeName = N'varchar' AND s.MaxLength = -1))
           OR (l.TypeName IN (N'varchar', N'nvarchar', N'char', N'nchar', N'varbinary') AND l.MaxLength <> -1 AND (s.MaxLength = -1 OR l.MaxLength < s.MaxLength))
           OR (l.TypeName IN (N'decimal', N'numeric') AND (l.[Precision] - l.Scale < s.[Precision] - s.Scale OR l.Scale < s.Scale)));

    -- The planner fits every string to code page 1252 (contract 6, 9): varchar columns keep it only when the Counterpoint
    -- database's collation uses that code page.
    DECLARE @CpCollation sysname = CONVERT(sysname, DATABASEPROPERTYEX(N'$(CounterpointDb)', 'Collation'));
    -- (NULL when the caller cannot see the database's row, VIEW ANY DATABASE revoked from public: not checked then.)
    IF @CpCollation IS NOT NULL AND ISNULL(CONVERT(int, COLLATIONPROPERTY(@CpCollation, 'CodePage')), 0) <> 1252
        INSERT INTO @Found (Code, TableName, ColumnName, Detail)
        VALUES ('CPO-SCHEMA-COLLATION', N'(database)', NULL, N'the Counterpoint database''s collation ' + @CpCollation
                + N' does not use code page 1252, which the planner''s text policy writes');

    IF ISNULL(@SeenReaders, 0) <> @Readers
        INSERT INTO @Found (Code, TableName, ColumnName, Detail)
        VALUES ('CPO-SCHEMA-SELF', N'(CpOrders)', NULL, N'the check saw ' + CONVERT(nvarchar (10), ISNULL(@SeenReaders, 0)) + N' of the '
                + CONVERT(nvarchar (10), @Readers) + N' woo.fn_Plan_* readers (missing, or no VIEW DEFINITION on schema woo for the caller): nothing could be compared');

    SET @ProblemCount = (SELECT COUNT(*) FROM @Found);
    SET @Problems = (SELECT STRING_AGG(CONVERT(nvarchar (max), f.Code + N' ' + f.Detail), N'; ') WITHIN GROUP (ORDER BY f.TableName, f.ColumnName)
                     FROM @Found AS f);

    -- One open alert at a time: woo.usp_RaiseAlert folds a repeat into the unacknowledged CPO-SCHEMA-DRIFT row (Occurrences).
    IF @ProblemCount > 0 AND @RaiseAlert = 'Y'
    BEGIN
        DECLARE @DriftAlert nvarchar (4000) = LEFT(N'CPO-SCHEMA-DRIFT: the Counterpoint database no longer matches what CpOrders writes (an NCR update?); processing is stopped, orders wait unchanged, until this is fixed: '
                                                   + @Problems + N'. Deploy a CpOrders version built for this Counterpoint version; the next run goes on by itself.', 4000);
        EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = 'CPO-SCHEMA-DRIFT', @Message = @DriftAlert, @RunId = @RunId;
    END;

    IF @Show = 'Y'
    BEGIN
        IF @ProblemCount > 0
            SELECT f.Code, f.TableName, f.ColumnName, f.Detail FROM @Found AS f ORDER BY f.TableName, f.ColumnName, f.Code;
        ELSE
            SELECT 'OK' AS Code, s.TableName, s.ColumnName, N'supplied and matching' AS Detail FROM @Supplied AS s ORDER BY s.TableName, s.ColumnName;
    END;
END;
