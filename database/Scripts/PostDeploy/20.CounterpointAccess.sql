-- 2. Same batch as the generated data part above (@CpoSignedModules, @CpoCounterpointGrants).
-- 2a. Sign exactly the modules that reference the Counterpoint database; remove our signature from any other module.
--     ALTER drops a signature, so every deploy re-applies the missing ones.
DECLARE @Changes int = 0, @Sql nvarchar(max), @Name nvarchar(600);
DECLARE @Thumbprint varbinary(32) = (SELECT thumbprint FROM sys.certificates WHERE name = N'CpOrdersCounterpointSigner');
DECLARE @Missing nvarchar(max) = (
    SELECT STUFF((SELECT N', ' + m.SchemaName + N'.' + m.ObjectName FROM @CpoSignedModules AS m
                  WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) IS NULL
                  FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Missing IS NOT NULL
    RAISERROR (N'CPO-DEPLOY-SIGN: modules to sign do not exist: %s. The build derived them from the model; deploy the dacpac that matches this script.', 16, 1, @Missing);

DECLARE @ToSign TABLE (QualifiedName nvarchar(600) NOT NULL);
INSERT INTO @ToSign (QualifiedName)
SELECT QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)
FROM @CpoSignedModules AS m
WHERE NOT EXISTS (SELECT 1 FROM sys.crypt_properties AS cp
                  WHERE cp.class = 1 AND cp.major_id = OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName))
                    AND cp.thumbprint = @Thumbprint);
DECLARE @ToUnsign TABLE (QualifiedName nvarchar(600) NOT NULL);
INSERT INTO @ToUnsign (QualifiedName)
SELECT QUOTENAME(OBJECT_SCHEMA_NAME(cp.major_id)) + N'.' + QUOTENAME(OBJECT_NAME(cp.major_id))
FROM sys.crypt_properties AS cp
WHERE cp.class = 1 AND cp.thumbprint = @Thumbprint
  AND NOT EXISTS (SELECT 1 FROM @CpoSignedModules AS m
                  WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) = cp.major_id);

DECLARE sign_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT N'ADD SIGNATURE TO ' + QualifiedName + N' BY CERTIFICATE [CpOrdersCounterpointSigner];', QualifiedName FROM @ToSign
    UNION ALL
    SELECT N'DROP SIGNATURE FROM ' + QualifiedName + N' BY CERTIFICATE [CpOrdersCounterpointSigner];', QualifiedName FROM @ToUnsign;
OPEN sign_cursor;
FETCH NEXT FROM sign_cursor INTO @Sql, @Name;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC (@Sql);
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: %s', 10, 1, @Sql) WITH NOWAIT;
    FETCH NEXT FROM sign_cursor INTO @Sql, @Name;
END;
CLOSE sign_cursor;
DEALLOCATE sign_cursor;

-- 2b. The Counterpoint side: the certificate's public part, a user made from it, and exactly the derived grants.
--     All statements run inside the Counterpoint database through its own sp_executesql; names are QUOTENAMEd.
DECLARE @CpExec nvarchar(300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
DECLARE @Principal sysname = LEFT(N'CpOrders_' + DB_NAME(), 128);
DECLARE @Public varbinary(max) = CERTENCODED(CERT_ID(N'CpOrdersCounterpointSigner'));
DECLARE @CpThumbprint varbinary(32), @CpUser int, @CpCertByName varbinary(32);

EXEC @CpExec N'SELECT @T = thumbprint FROM sys.certificates WHERE thumbprint = @Want; SELECT @ByName = thumbprint FROM sys.certificates WHERE name = @Principal;',
     N'@Want varbinary(32), @Principal sysname, @T varbinary(32) OUTPUT, @ByName varbinary(32) OUTPUT',
     @Want = @Thumbprint, @Principal = @Principal, @T = @CpThumbprint OUTPUT, @ByName = @CpCertByName OUTPUT;
IF @CpThumbprint IS NULL
BEGIN
    IF @CpCertByName IS NOT NULL
    BEGIN
        -- Our certificate was re-created (e.g. after a master key reset): replace the old public part and its user.
        SET @Sql = N'IF DATABASE_PRINCIPAL_ID(@P) IS NOT NULL DROP USER ' + QUOTENAME(@Principal) + N'; DROP CERTIFICATE ' + QUOTENAME(@Principal) + N';';
        EXEC @CpExec @Sql, N'@P sysname', @P = @Principal;
        SET @Changes += 1;
        RAISERROR (N'CpOrders post-deploy: replaced the outdated certificate %s in [$(CounterpointDb)].', 10, 1, @Principal) WITH NOWAIT;
    END;
    SET @Sql = N'CREATE CERTIFICATE ' + QUOTENAME(@Principal) + N' FROM BINARY = ' + CONVERT(nvarchar(max), @Public, 1) + N';';
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: created certificate %s (public part only) in [$(CounterpointDb)].', 10, 1, @Principal) WITH NOWAIT;
END;
EXEC @CpExec N'SELECT @U = DATABASE_PRINCIPAL_ID(@P);', N'@P sysname, @U int OUTPUT', @P = @Principal, @U = @CpUser OUTPUT;
IF @CpUser IS NULL
BEGIN
    SET @Sql = N'CREATE USER ' + QUOTENAME(@Principal) + N' FROM CERTIFICATE ' + QUOTENAME(@Principal) + N';';
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: created user %s (from the certificate; it cannot log in) in [$(CounterpointDb)].', 10, 1, @Principal) WITH NOWAIT;
END;

-- What the user holds now, and what the Counterpoint database has of the objects we need.
DECLARE @Held TABLE (PermissionName nvarchar(128) NOT NULL, SchemaName sysname NOT NULL, ObjectName sysname NOT NULL, ColumnName sysname NULL);
INSERT INTO @Held (PermissionName, SchemaName, ObjectName, ColumnName)
EXEC @CpExec N'SELECT p.permission_name, s.name, o.name, c.name
               FROM sys.database_permissions AS p
               JOIN sys.objects AS o ON o.object_id = p.major_id
               JOIN sys.schemas AS s ON s.schema_id = o.schema_id
               LEFT JOIN sys.columns AS c ON c.object_id = p.major_id AND c.column_id = p.minor_id
               WHERE p.class = 1 AND p.state IN (''G'', ''W'') AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(@P);',
     N'@P sysname', @P = @Principal;
DECLARE @Objects TABLE (SchemaName sysname NOT NULL, ObjectName sysname NOT NULL);
INSERT INTO @Objects (SchemaName, ObjectName)
EXEC @CpExec N'SELECT s.name, o.name FROM sys.objects AS o JOIN sys.schemas AS s ON s.schema_id = o.schema_id WHERE o.is_ms_shipped = 0;';

SET @Missing = (SELECT STUFF((SELECT DISTINCT N', ' + g.SchemaName + N'.' + g.ObjectName FROM @CpoCounterpointGrants AS g
                              WHERE NOT EXISTS (SELECT 1 FROM @Objects AS o WHERE o.SchemaName = g.SchemaName AND o.ObjectName = g.ObjectName)
                              FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Missing IS NOT NULL
    RAISERROR (N'CPO-DEPLOY-COUNTERPOINT-SCHEMA: [$(CounterpointDb)] has no %s. Is it a Counterpoint company database, and of a supported version?', 16, 1, @Missing);

DECLARE grant_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT N'GRANT ' + g.PermissionName + N' ON ' + QUOTENAME(g.SchemaName) + N'.' + QUOTENAME(g.ObjectName)
           + ISNULL(N' (' + QUOTENAME(g.ColumnName) + N')', N'') + N' TO ' + QUOTENAME(@Principal) + N';'
    FROM @CpoCounterpointGrants AS g
    WHERE NOT EXISTS (SELECT 1 FROM @Held AS h
                      WHERE h.PermissionName = g.PermissionName AND h.SchemaName = g.SchemaName AND h.ObjectName = g.ObjectName
                        AND ISNULL(h.ColumnName, N'') = ISNULL(g.ColumnName, N''))
    UNION ALL
    SELECT N'REVOKE ' + h.PermissionName + N' ON ' + QUOTENAME(h.SchemaName) + N'.' + QUOTENAME(h.ObjectName)
           + ISNULL(N' (' + QUOTENAME(h.ColumnName) + N')', N'') + N' FROM ' + QUOTENAME(@Principal) + N' CASCADE;'
    FROM @Held AS h
    WHERE NOT EXISTS (SELECT 1 FROM @CpoCounterpointGrants AS g
                      WHERE h.PermissionName = g.PermissionName AND h.SchemaName = g.SchemaName AND h.ObjectName = g.ObjectName
                        AND ISNULL(h.ColumnName, N'') = ISNULL(g.ColumnName, N''));
OPEN grant_cursor;
FETCH NEXT FROM grant_cursor INTO @Sql;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: in [$(CounterpointDb)]: %s', 10, 1, @Sql) WITH NOWAIT;
    FETCH NEXT FROM grant_cursor INTO @Sql;
END;
CLOSE grant_cursor;
DEALLOCATE grant_cursor;

IF @Changes = 0
    PRINT N'CpOrders post-deploy: signatures and Counterpoint access already as required; no changes.';
GO
