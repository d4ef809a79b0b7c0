-- 2. Module signing and the Counterpoint side. Same batch as the generated data part above (@CpoSignedModules,
--    @CpoCounterpointGrants, derived from the code by build/DbTool).
--    Erland Sommarskog's practice ("Packaging Permissions in Stored Procedures"): sign, then REMOVE the private key, so
--    nobody (not even a db_owner of CpOrders) can sign code of their own into the certificate user's grants. A signature
--    cannot be re-applied without the key, and ALTER drops a module's signature, so whenever the signed set or any signed
--    module changed, a NEW certificate CpOrdersCounterpointSigner_<yyyymmddhhmmss> signs everything, loses its private
--    key, and replaces the public part, the user and the grants in Counterpoint; then the old certificates go.
--    Nothing changed: nothing is done, and the step prints its "no changes" line.
SET XACT_ABORT ON;
DECLARE @Changes int = 0, @Sql nvarchar(max), @Msg nvarchar(2048), @Name nvarchar(600), @Perm nvarchar(128);
DECLARE @Prefix sysname = N'CpOrdersCounterpointSigner';
DECLARE @Principal sysname = LEFT(N'CpOrders_' + DB_NAME(), 128);
DECLARE @CpDb sysname = N'$(CounterpointDb)';
DECLARE @CpExec nvarchar(300) = QUOTENAME(@CpDb) + N'.sys.sp_executesql';

-- 2a. Every module to sign exists (the script and the dacpac belong together).
DECLARE @Missing nvarchar(max) = (
    SELECT STUFF((SELECT N', ' + m.SchemaName + N'.' + m.ObjectName FROM @CpoSignedModules AS m
                  WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) IS NULL
                  FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Missing IS NOT NULL
BEGIN
    SET @Msg = LEFT(N'CPO-DEPLOY-SIGN: modules to sign do not exist: ' + @Missing + N'. The build derived them from the model; deploy the dacpac that matches this script.', 2048);
    THROW 50021, @Msg, 1;
END;

-- 2b. The current signer is anchored in the Counterpoint database, where a db_owner of CpOrders cannot write: it is
--     the certificate of this database whose thumbprint is that of the certificate user @Principal is made from there.
--     A name proves nothing (a db_owner of CpOrders can create CpOrdersCounterpointSigner_99991231235959, sign with it,
--     keep its key and remove it). The anchored signer is reused only when it has no private key, signs every module
--     of the list (IS_OBJECTSIGNED = 1: present and valid) and nothing else; otherwise a new one is made. Every other
--     certificate named with the prefix is old or foreign and is dropped in 2d (and reported).
DECLARE @CpCerts TABLE (CertName sysname NOT NULL, Thumbprint varbinary(32) NOT NULL, CertSid varbinary(85) NULL, UserName sysname NULL);
INSERT INTO @CpCerts (CertName, Thumbprint, CertSid, UserName)
EXEC @CpExec N'SELECT c.name, c.thumbprint, c.sid, u.name
               FROM sys.certificates AS c LEFT JOIN sys.database_principals AS u ON u.type = ''C'' AND u.sid = c.sid;';
DECLARE @UserSid varbinary(85), @UserType char(1), @AnchorThumb varbinary(32);
EXEC @CpExec N'SELECT @S = p.sid, @T = p.type, @A = c.thumbprint
               FROM sys.database_principals AS p LEFT JOIN sys.certificates AS c ON p.type = ''C'' AND c.sid = p.sid
               WHERE p.name = @P;',
     N'@P sysname, @S varbinary(85) OUTPUT, @T char(1) OUTPUT, @A varbinary(32) OUTPUT',
     @P = @Principal, @S = @UserSid OUTPUT, @T = @UserType OUTPUT, @A = @AnchorThumb OUTPUT;
IF @UserType IS NOT NULL AND @UserType <> 'C'
BEGIN
    SET @Msg = N'CPO-DEPLOY-COUNTERPOINT: [' + @CpDb + N'] has a principal ' + @Principal + N' that is not a certificate user; CpOrders needs that name for its certificate user. Rename or drop it, then deploy again.';
    THROW 50024, @Msg, 1;
END;
-- A signing certificate of this database whose public part in Counterpoint is mapped to a user of another name: the
-- CpOrders database was renamed (the user name follows the database name). A certificate maps to one user only.
SET @Msg = (SELECT STUFF((SELECT N' ' + N'DROP USER ' + QUOTENAME(cc.UserName) + N'; DROP CERTIFICATE ' + QUOTENAME(cc.CertName) + N';'
                          FROM @CpCerts AS cc JOIN sys.certificates AS c ON c.thumbprint = cc.Thumbprint
                          WHERE (c.name = @Prefix OR c.name LIKE @Prefix + N'[_]%')
                            AND cc.UserName IS NOT NULL AND cc.UserName COLLATE Latin1_General_100_CI_AS <> @Principal COLLATE Latin1_General_100_CI_AS
                            -- only a user and certificate CpOrders named (never advise dropping someone else's)
                            AND cc.UserName LIKE N'CpOrders[_]%'
                            AND (cc.CertName = cc.UserName OR cc.CertName LIKE N'CpOrders[_]%[_]' + REPLICATE(N'[0-9]', 14))
                          FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 1, N''));
IF @Msg IS NOT NULL
BEGIN
    SET @Msg = LEFT(N'CPO-DEPLOY-RENAMED: in [' + @CpDb + N'], a signing certificate of this database belongs to a user other than '
             + @Principal + N' (was the CpOrders database renamed? the user name follows it). Drop the old user and its certificate there (their grants go with them): '
             + @Msg + N' Then deploy again: it creates ' + @Principal + N' from a new certificate.', 2048);
    THROW 50026, @Msg, 1;
END;

DECLARE @Current sysname, @CurrentThumb varbinary(32), @CurrentHasKey bit;
SELECT @Current = c.name, @CurrentThumb = c.thumbprint,
       @CurrentHasKey = CASE WHEN c.pvt_key_encryption_type = 'NA' THEN 0 ELSE 1 END
FROM sys.certificates AS c
WHERE c.thumbprint = @AnchorThumb AND c.name LIKE @Prefix + N'[_]' + REPLICATE(N'[0-9]', 14);

DECLARE @Reason nvarchar(max);
IF @AnchorThumb IS NULL
    SET @Reason = N'no certificate user ' + @Principal + N' in [' + @CpDb + N'] yet';
ELSE IF @Current IS NULL
    SET @Reason = N'the certificate of user ' + @Principal + N' in [' + @CpDb + N'] has no counterpart ' + @Prefix + N'_<stamp> here';
ELSE IF @CurrentHasKey = 1
    SET @Reason = N'certificate ' + @Current + N' still has its private key (an interrupted deploy)';
ELSE
BEGIN
    SET @Reason = (SELECT STUFF((SELECT N', ' + m.SchemaName + N'.' + m.ObjectName FROM @CpoSignedModules AS m
                                 WHERE ISNULL(IS_OBJECTSIGNED(N'OBJECT', OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)), N'certificate', @CurrentThumb), 0) <> 1
                                 FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
    IF @Reason IS NOT NULL
        SET @Reason = N'new or changed modules to sign: ' + @Reason;
    ELSE
    BEGIN
        SET @Reason = (SELECT STUFF((SELECT N', ' + ISNULL(OBJECT_SCHEMA_NAME(cp.major_id) + N'.' + OBJECT_NAME(cp.major_id), CONVERT(nvarchar(20), cp.major_id))
                                     FROM sys.crypt_properties AS cp
                                     WHERE cp.class = 1 AND cp.thumbprint = @CurrentThumb
                                       AND NOT EXISTS (SELECT 1 FROM @CpoSignedModules AS m
                                                       WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) = cp.major_id)
                                     FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
        IF @Reason IS NOT NULL
            SET @Reason = N'signed modules no longer in the list: ' + @Reason;
    END;
END;

IF @Reason IS NOT NULL
BEGIN
    DECLARE @Now datetime2(0) = SYSUTCDATETIME();
    DECLARE @Stamp char(14) = CONVERT(char(8), @Now, 112) + REPLACE(CONVERT(char(8), @Now, 108), ':', '');
    DECLARE @New sysname = @Prefix + N'_' + @Stamp;
    IF CERT_ID(@New) IS NOT NULL
    BEGIN
        SET @Msg = N'CPO-DEPLOY-SIGN: certificate ' + @New + N' already exists (two deploys within one second?). Deploy again.';
        THROW 50022, @Msg, 1;
    END;
    RAISERROR (N'CpOrders post-deploy: new signing certificate %s (%s).', 10, 1, @New, @Reason) WITH NOWAIT;
    -- Until REMOVE PRIVATE KEY below, the private key is protected by a random password that exists only in
    -- @CertPassword (never stored, printed or logged), not by the master key: a db_owner of CpOrders watching the deploy
    -- cannot export it with CERTPRIVATEKEY or sign with it. @KeySql carries that password: it is only ever executed.
    DECLARE @CertPassword nvarchar(200) = CONVERT(nvarchar(200), CRYPT_GEN_RANDOM(48), 2) + N'a!';
    DECLARE @KeySql nvarchar(max) = N'CREATE CERTIFICATE ' + QUOTENAME(@New) + N' ENCRYPTION BY PASSWORD = ' + QUOTENAME(@CertPassword, N'''')
             + N' WITH SUBJECT = N''CpOrders: signs the modules that use the Counterpoint database'', EXPIRY_DATE = ''20991231'';';
    EXEC (@KeySql);
    DECLARE sign_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName) FROM @CpoSignedModules AS m ORDER BY m.SchemaName, m.ObjectName;
    OPEN sign_cursor;
    FETCH NEXT FROM sign_cursor INTO @Name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @KeySql = N'ADD SIGNATURE TO ' + @Name + N' BY CERTIFICATE ' + QUOTENAME(@New) + N' WITH PASSWORD = ' + QUOTENAME(@CertPassword, N'''') + N';';
        EXEC (@KeySql);
        RAISERROR (N'CpOrders post-deploy: signed %s.', 10, 1, @Name) WITH NOWAIT;
        FETCH NEXT FROM sign_cursor INTO @Name;
    END;
    CLOSE sign_cursor;
    DEALLOCATE sign_cursor;
    SET @CertPassword = NULL;
    SET @KeySql = NULL;
    -- The key is gone for good: nobody can sign with this certificate again.
    SET @Sql = N'ALTER CERTIFICATE ' + QUOTENAME(@New) + N' REMOVE PRIVATE KEY;';
    EXEC (@Sql);
    RAISERROR (N'CpOrders post-deploy: removed the private key of %s.', 10, 1, @New) WITH NOWAIT;
    SELECT @Current = c.name, @CurrentThumb = c.thumbprint FROM sys.certificates AS c WHERE c.name = @New;
    SET @Changes += 1;
END;

-- 2c. The Counterpoint side: the current certificate's public part, the user @Principal made from it, exactly the
--     derived grants. All statements run inside the Counterpoint database through its own sp_executesql.
DECLARE @Suffix sysname = SUBSTRING(@Current, LEN(@Prefix) + 2, 128);
DECLARE @CpCertName sysname = LEFT(@Principal, 127 - LEN(@Suffix)) + N'_' + @Suffix;
IF NOT EXISTS (SELECT 1 FROM @CpCerts WHERE Thumbprint = @CurrentThumb)
BEGIN
    IF EXISTS (SELECT 1 FROM @CpCerts WHERE CertName = @CpCertName)
    BEGIN
        SET @Msg = N'CPO-DEPLOY-COUNTERPOINT: [' + @CpDb + N'] has a certificate ' + @CpCertName + N' that is not CpOrders'' current signer. Drop it there (README, What CpOrders adds to the Counterpoint database), then deploy again.';
        THROW 50023, @Msg, 1;
    END;
    DECLARE @Public varbinary(max) = CERTENCODED(CERT_ID(@Current));
    SET @Sql = N'CREATE CERTIFICATE ' + QUOTENAME(@CpCertName) + N' FROM BINARY = ' + CONVERT(nvarchar(max), @Public, 1) + N';';
    EXEC @CpExec @Sql;
    INSERT INTO @CpCerts (CertName, Thumbprint, CertSid, UserName)
    EXEC @CpExec N'SELECT name, thumbprint, sid, NULL FROM sys.certificates WHERE name = @N;', N'@N sysname', @N = @CpCertName;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: created certificate %s (public part only) in [%s].', 10, 1, @CpCertName, @CpDb) WITH NOWAIT;
END;
DECLARE @CurrentSid varbinary(85) = (SELECT CertSid FROM @CpCerts WHERE Thumbprint = @CurrentThumb);
SET @CpCertName = (SELECT CertName FROM @CpCerts WHERE Thumbprint = @CurrentThumb);

IF @UserType IS NOT NULL AND @UserSid <> @CurrentSid
BEGIN
    -- Made from an older certificate: dropping it removes all its permissions; the new one gets exactly the list.
    SET @Sql = N'DROP USER ' + QUOTENAME(@Principal) + N';';
    EXEC @CpExec @Sql;
    SET @UserType = NULL;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: dropped user %s (made from an older certificate) in [%s].', 10, 1, @Principal, @CpDb) WITH NOWAIT;
END;
IF @UserType IS NULL
BEGIN
    SET @Sql = N'CREATE USER ' + QUOTENAME(@Principal) + N' FROM CERTIFICATE ' + QUOTENAME(@CpCertName) + N';';
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: created user %s (from certificate %s; it cannot log in) in [%s].', 10, 1, @Principal, @CpCertName, @CpDb) WITH NOWAIT;
END;

-- What the user holds now: object and column permissions (class 1), database permissions (class 0) other than the
-- CONNECT every new user gets, schema permissions (class 3), and role memberships. Anything not in the list is revoked.
DECLARE @Held TABLE (PermissionClass tinyint NOT NULL, PermissionName nvarchar(128) NOT NULL, SchemaName sysname NULL, ObjectName sysname NULL, ColumnName sysname NULL);
INSERT INTO @Held (PermissionClass, PermissionName, SchemaName, ObjectName, ColumnName)
EXEC @CpExec N'SELECT p.class, p.permission_name,
                      CASE p.class WHEN 1 THEN s.name WHEN 3 THEN SCHEMA_NAME(p.major_id) END, o.name, c.name
               FROM sys.database_permissions AS p
               LEFT JOIN sys.objects AS o ON p.class = 1 AND o.object_id = p.major_id
               LEFT JOIN sys.schemas AS s ON s.schema_id = o.schema_id
               LEFT JOIN sys.columns AS c ON p.class = 1 AND c.object_id = p.major_id AND c.column_id = p.minor_id
               WHERE p.state IN (''G'', ''W'') AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(@P)
                 AND p.class IN (0, 1, 3) AND NOT (p.class = 0 AND p.permission_name = N''CONNECT'')
               UNION ALL
               SELECT 255, r.name, NULL, NULL, NULL
               FROM sys.database_role_members AS rm JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id
               WHERE rm.member_principal_id = DATABASE_PRINCIPAL_ID(@P);',
     N'@P sysname', @P = @Principal;
DECLARE @Objects TABLE (SchemaName sysname NOT NULL, ObjectName sysname NOT NULL);
INSERT INTO @Objects (SchemaName, ObjectName)
EXEC @CpExec N'SELECT s.name, o.name FROM sys.objects AS o JOIN sys.schemas AS s ON s.schema_id = o.schema_id WHERE o.is_ms_shipped = 0;';

-- The predecessor's own tables (USER_*, e.g. dbo.USER_ORDER_STAGING read once by woo.usp_MigrateLegacyStaging) are
-- optional: a company that never ran it has none. So are exactly two of NCR's, the order history PS_ORD_HIST and
-- PS_ORD_HIST_LIN (modelled from public evidence only; read only by woo.usp_ReadFulfillmentHistory, which
-- woo.usp_SyncFulfillment skips, with an alert, when they are unusable). Their grants are left out when they are
-- missing, with a WARNING line (the procedure that reads them says so at run time; deploying again after they appear
-- makes the grant). Every other NCR table is required.
DECLARE @Optional nvarchar(max) = (SELECT STUFF((SELECT DISTINCT N', ' + g.SchemaName + N'.' + g.ObjectName FROM @CpoCounterpointGrants AS g
                              WHERE (g.ObjectName LIKE N'USER[_]%' OR g.ObjectName IN (N'PS_ORD_HIST', N'PS_ORD_HIST_LIN'))
                                AND NOT EXISTS (SELECT 1 FROM @Objects AS o WHERE o.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS AND o.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS)
                              FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Optional IS NOT NULL
BEGIN
    DELETE g FROM @CpoCounterpointGrants AS g
    WHERE (g.ObjectName LIKE N'USER[_]%' OR g.ObjectName IN (N'PS_ORD_HIST', N'PS_ORD_HIST_LIN'))
      AND NOT EXISTS (SELECT 1 FROM @Objects AS o WHERE o.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS AND o.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS);
    RAISERROR (N'CpOrders post-deploy: WARNING: [%s] has no %s (optional: the predecessor''s USER_* tables, read by woo.usp_MigrateLegacyStaging; the order history PS_ORD_HIST*, read by fulfillment''s history lookup): no grant on them; what reads them reports it at run time.', 10, 1, @CpDb, @Optional) WITH NOWAIT;
END;
SET @Missing = (SELECT STUFF((SELECT DISTINCT N', ' + g.SchemaName + N'.' + g.ObjectName FROM @CpoCounterpointGrants AS g
                              WHERE NOT EXISTS (SELECT 1 FROM @Objects AS o WHERE o.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS AND o.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS)
                              FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Missing IS NOT NULL
BEGIN
    SET @Msg = LEFT(N'CPO-DEPLOY-COUNTERPOINT-SCHEMA: [' + @CpDb + N'] has no ' + @Missing + N'. Is it a Counterpoint company database, and of a supported version?', 2048);
    THROW 50025, @Msg, 1;
END;

DECLARE grant_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT N'GRANT ' + g.PermissionName + N' ON ' + QUOTENAME(g.SchemaName) + N'.' + QUOTENAME(g.ObjectName)
           + ISNULL(N' (' + QUOTENAME(g.ColumnName) + N')', N'') + N' TO ' + QUOTENAME(@Principal) + N';'
    FROM @CpoCounterpointGrants AS g
    WHERE NOT EXISTS (SELECT 1 FROM @Held AS h
                      WHERE h.PermissionClass = 1 AND h.PermissionName COLLATE Latin1_General_100_CI_AS = g.PermissionName COLLATE Latin1_General_100_CI_AS
                        AND h.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS AND h.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS
                        AND ISNULL(h.ColumnName, N'') COLLATE Latin1_General_100_CI_AS = ISNULL(g.ColumnName, N'') COLLATE Latin1_General_100_CI_AS)
    UNION ALL
    SELECT N'REVOKE ' + h.PermissionName
           + CASE h.PermissionClass
                 WHEN 1 THEN N' ON ' + QUOTENAME(h.SchemaName) + N'.' + QUOTENAME(h.ObjectName) + ISNULL(N' (' + QUOTENAME(h.ColumnName) + N')', N'')
                 WHEN 3 THEN N' ON SCHEMA::' + QUOTENAME(h.SchemaName)
                 ELSE N'' END
           + N' FROM ' + QUOTENAME(@Principal) + N' CASCADE;'
    FROM @Held AS h
    WHERE h.PermissionClass IN (0, 1, 3)
      AND NOT EXISTS (SELECT 1 FROM @CpoCounterpointGrants AS g
                      WHERE h.PermissionClass = 1 AND h.PermissionName COLLATE Latin1_General_100_CI_AS = g.PermissionName COLLATE Latin1_General_100_CI_AS
                        AND h.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS AND h.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS
                        AND ISNULL(h.ColumnName, N'') COLLATE Latin1_General_100_CI_AS = ISNULL(g.ColumnName, N'') COLLATE Latin1_General_100_CI_AS)
    UNION ALL
    SELECT N'ALTER ROLE ' + QUOTENAME(h.PermissionName) + N' DROP MEMBER ' + QUOTENAME(@Principal) + N';'
    FROM @Held AS h
    WHERE h.PermissionClass = 255;
OPEN grant_cursor;
FETCH NEXT FROM grant_cursor INTO @Sql;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: in [%s]: %s', 10, 1, @CpDb, @Sql) WITH NOWAIT;
    FETCH NEXT FROM grant_cursor INTO @Sql;
END;
CLOSE grant_cursor;
DEALLOCATE grant_cursor;

-- 2d. Old and foreign certificates (every certificate named with the prefix other than the anchored signer): first
--     their public parts in Counterpoint (found by thumbprint, plus the name used before signing certificates rotated),
--     then, in CpOrders, their signatures and the certificates themselves. In this order a deploy that stops halfway
--     finds everything again next time.
DECLARE @Old TABLE (CertName sysname NOT NULL, Thumbprint varbinary(32) NOT NULL);
INSERT INTO @Old (CertName, Thumbprint)
SELECT c.name, c.thumbprint FROM sys.certificates AS c
WHERE (c.name = @Prefix OR c.name LIKE @Prefix + N'[_]%') AND c.thumbprint <> @CurrentThumb;

DECLARE cp_old_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT cc.CertName FROM @CpCerts AS cc
    WHERE cc.Thumbprint <> @CurrentThumb
      -- an old signer's public part, the pre-rotation name, or the certificate the user was made from before 2c
      -- re-made it (also when its counterpart here is gone)
      AND (EXISTS (SELECT 1 FROM @Old AS o WHERE o.Thumbprint = cc.Thumbprint) OR cc.CertName = @Principal
           OR cc.UserName = @Principal)
      -- Only names CpOrders gives (@Principal, or @Principal's first 113 characters + _<stamp>): a foreign certificate
      -- here may carry the public part of someone else's certificate in Counterpoint.
      AND (cc.CertName = @Principal
           OR (RIGHT(cc.CertName, 15) LIKE N'[_]' + REPLICATE(N'[0-9]', 14) AND LEFT(cc.CertName, CASE WHEN LEN(cc.CertName) > 15 THEN LEN(cc.CertName) - 15 ELSE 0 END) = LEFT(@Principal, 113)));
OPEN cp_old_cursor;
FETCH NEXT FROM cp_old_cursor INTO @Name;
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @Sql = N'DROP CERTIFICATE ' + QUOTENAME(@Name) + N';';
    EXEC @CpExec @Sql;
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: dropped the old certificate %s in [%s].', 10, 1, @Name, @CpDb) WITH NOWAIT;
    FETCH NEXT FROM cp_old_cursor INTO @Name;
END;
CLOSE cp_old_cursor;
DEALLOCATE cp_old_cursor;

DECLARE @OldName sysname, @OldThumb varbinary(32);
DECLARE old_cursor CURSOR LOCAL FAST_FORWARD FOR SELECT CertName, Thumbprint FROM @Old;
OPEN old_cursor;
FETCH NEXT FROM old_cursor INTO @OldName, @OldThumb;
WHILE @@FETCH_STATUS = 0
BEGIN
    DECLARE unsign_cursor CURSOR LOCAL FAST_FORWARD FOR
        -- A foreign certificate may also have counter-signed (crypt_type CPVC), which DROP SIGNATURE does not remove.
        SELECT CASE WHEN cp.crypt_type LIKE 'C%' THEN N'DROP COUNTER SIGNATURE FROM ' ELSE N'DROP SIGNATURE FROM ' END
               + QUOTENAME(OBJECT_SCHEMA_NAME(cp.major_id)) + N'.' + QUOTENAME(OBJECT_NAME(cp.major_id))
        FROM sys.crypt_properties AS cp WHERE cp.class = 1 AND cp.thumbprint = @OldThumb;
    OPEN unsign_cursor;
    FETCH NEXT FROM unsign_cursor INTO @Name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @Sql = @Name + N' BY CERTIFICATE ' + QUOTENAME(@OldName) + N';';
        EXEC (@Sql);
        FETCH NEXT FROM unsign_cursor INTO @Name;
    END;
    CLOSE unsign_cursor;
    DEALLOCATE unsign_cursor;
    SET @Sql = N'DROP CERTIFICATE ' + QUOTENAME(@OldName) + N';';
    EXEC (@Sql);
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: dropped the old or foreign signing certificate %s (not the one user %s in [%s] is made from) and its signatures.', 10, 1, @OldName, @Principal, @CpDb) WITH NOWAIT;
    FETCH NEXT FROM old_cursor INTO @OldName, @OldThumb;
END;
CLOSE old_cursor;
DEALLOCATE old_cursor;

-- 2e. The roles may see the current signer (metadata only: it has no private key), so woo.usp_CheckInstall can check
--     the signatures with IS_OBJECTSIGNED as the job login (it needs VIEW DEFINITION on the certificate).
DECLARE @Role sysname;
DECLARE role_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT r.name FROM sys.database_principals AS r
    WHERE r.type = 'R' AND r.name IN (N'CpOrdersJob', N'CpOrdersOperator')
      AND NOT EXISTS (SELECT 1 FROM sys.database_permissions AS p
                      WHERE p.class = 25 AND p.major_id = CERT_ID(@Current) AND p.grantee_principal_id = r.principal_id
                        AND p.permission_name = N'VIEW DEFINITION' AND p.state IN ('G', 'W'));
OPEN role_cursor;
FETCH NEXT FROM role_cursor INTO @Role;
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @Sql = N'GRANT VIEW DEFINITION ON CERTIFICATE::' + QUOTENAME(@Current) + N' TO ' + QUOTENAME(@Role) + N';';
    EXEC (@Sql);
    SET @Changes += 1;
    RAISERROR (N'CpOrders post-deploy: %s', 10, 1, @Sql) WITH NOWAIT;
    FETCH NEXT FROM role_cursor INTO @Role;
END;
CLOSE role_cursor;
DEALLOCATE role_cursor;

-- 2f. The lists, for woo.usp_CheckInstall.
DELETE s FROM woo.SignedModule AS s
WHERE NOT EXISTS (SELECT 1 FROM @CpoSignedModules AS m WHERE m.SchemaName = s.SchemaName AND m.ObjectName = s.ObjectName);
SET @Changes += @@ROWCOUNT;
INSERT INTO woo.SignedModule (SchemaName, ObjectName)
SELECT m.SchemaName, m.ObjectName FROM @CpoSignedModules AS m
WHERE NOT EXISTS (SELECT 1 FROM woo.SignedModule AS s WHERE s.SchemaName = m.SchemaName AND s.ObjectName = m.ObjectName);
SET @Changes += @@ROWCOUNT;
DELETE t FROM woo.CounterpointGrant AS t
WHERE NOT EXISTS (SELECT 1 FROM @CpoCounterpointGrants AS g
                  WHERE g.PermissionName = t.PermissionName AND g.SchemaName = t.SchemaName AND g.ObjectName = t.ObjectName
                    AND ISNULL(g.ColumnName, N'') = t.ColumnName);
SET @Changes += @@ROWCOUNT;
INSERT INTO woo.CounterpointGrant (PermissionName, SchemaName, ObjectName, ColumnName)
SELECT DISTINCT g.PermissionName, g.SchemaName, g.ObjectName, ISNULL(g.ColumnName, N'') FROM @CpoCounterpointGrants AS g
WHERE NOT EXISTS (SELECT 1 FROM woo.CounterpointGrant AS t
                  WHERE g.PermissionName = t.PermissionName AND g.SchemaName = t.SchemaName AND g.ObjectName = t.ObjectName
                    AND ISNULL(g.ColumnName, N'') = t.ColumnName);
SET @Changes += @@ROWCOUNT;

IF @Changes = 0
    PRINT N'CpOrders post-deploy: signatures and Counterpoint access: no changes.';
GO
