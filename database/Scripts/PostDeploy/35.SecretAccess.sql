-- 3b. Store secrets for the least-privileged caller, by module signing inside CpOrders (README, Permissions).
--     Opening CpOrdersSecretKey needs VIEW DEFINITION on the key and CONTROL on CpOrdersSecretProtector. Those go to
--     one user, CpOrdersSecretReader, made from a local certificate CpOrdersSecretSigner_<yyyymmddhhmmss> that signs
--     exactly the modules that use the key, and whose private key is removed after signing (so neither a job login
--     nor an operator, who hold only EXECUTE, can decrypt ad hoc or sign code of their own). While it exists, the
--     private key is protected by a random password held only in a variable of this batch, never by the master key,
--     so nobody else can use it in that window. The signer in use is the certificate the user is made from. A module
--     that changed (ALTER drops its signature), or a change of the list, gives a new certificate; the old one goes.
--     The list is checked against the code by tests/CpOrders.Build.Tests/SecretAccessTests.cs.
SET XACT_ABORT ON;
DECLARE @SecretModules TABLE (SchemaName sysname NOT NULL, ObjectName sysname NOT NULL);
INSERT INTO @SecretModules (SchemaName, ObjectName)
VALUES (N'woo', N'usp_CheckStoreSecrets'),
       (N'woo', N'usp_SetStoreSecret'),
       (N'woo', N'usp_WooAddOrderNote'),
       (N'woo', N'usp_WooBatchUpdateOrders'),
       (N'woo', N'usp_WooBatchUpdateProducts'),
       (N'woo', N'usp_WooBatchUpdateVariations'),
       (N'woo', N'usp_WooGetOrders'),
       (N'woo', N'usp_WooGetProducts'),
       (N'woo', N'usp_WooGetVariations'),
       (N'woo', N'usp_WooListOrderNotes'),
       (N'woo', N'usp_WooUpdateOrder');

DECLARE @Changes int = 0, @Sql nvarchar(max), @Msg nvarchar(2048), @Name nvarchar(600);
DECLARE @User sysname = N'CpOrdersSecretReader', @Prefix sysname = N'CpOrdersSecretSigner';

DECLARE @Missing nvarchar(max) = (
    SELECT STUFF((SELECT N', ' + m.SchemaName + N'.' + m.ObjectName FROM @SecretModules AS m
                  WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) IS NULL
                  FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
IF @Missing IS NOT NULL
BEGIN
    SET @Msg = LEFT(N'CPO-DEPLOY-SIGN: modules to sign for secret access do not exist: ' + @Missing + N'. Deploy the dacpac that matches this script.', 2048);
    THROW 50031, @Msg, 1;
END;
IF KEY_ID(N'CpOrdersSecretKey') IS NULL OR CERT_ID(N'CpOrdersSecretProtector') IS NULL
    THROW 50032, N'CPO-DEPLOY-SECRET: CpOrdersSecretKey or CpOrdersSecretProtector is missing; steps 1 and 3 of post-deploy create them. Deploy again.', 1;

DECLARE @UserType char(1) = (SELECT p.type FROM sys.database_principals AS p WHERE p.name = @User);
IF @UserType IS NOT NULL AND @UserType <> 'C'
BEGIN
    SET @Msg = N'CPO-DEPLOY-SECRET: a principal ' + @User + N' exists that is not a certificate user; CpOrders needs that name. Rename or drop it, then deploy again.';
    THROW 50033, @Msg, 1;
END;

DECLARE @Current sysname, @Thumb varbinary(32), @HasKey bit;
SELECT @Current = c.name, @Thumb = c.thumbprint, @HasKey = CASE WHEN c.pvt_key_encryption_type = 'NA' THEN 0 ELSE 1 END
FROM sys.certificates AS c
JOIN sys.database_principals AS p ON p.sid = c.sid
WHERE p.name = @User AND p.type = 'C' AND c.name LIKE @Prefix + N'[_]%';

DECLARE @Reason nvarchar(max);
IF @Current IS NULL
    SET @Reason = N'no secret signer yet';
ELSE IF @HasKey = 1
    SET @Reason = N'certificate ' + @Current + N' still has its private key';
ELSE
BEGIN
    SET @Reason = (SELECT STUFF((SELECT N', ' + m.SchemaName + N'.' + m.ObjectName FROM @SecretModules AS m
                                 WHERE ISNULL(IS_OBJECTSIGNED(N'OBJECT', OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)), N'certificate', @Thumb), 0) <> 1
                                 FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
    IF @Reason IS NOT NULL
        SET @Reason = N'new or changed modules to sign: ' + @Reason;
    ELSE IF EXISTS (SELECT 1 FROM sys.crypt_properties AS cp
                    WHERE cp.class = 1 AND cp.thumbprint = @Thumb
                      AND NOT EXISTS (SELECT 1 FROM @SecretModules AS m
                                      WHERE OBJECT_ID(QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName)) = cp.major_id))
        SET @Reason = N'signed modules no longer in the list';
END;

IF @Reason IS NOT NULL
BEGIN
    DECLARE @Now datetime2(0) = SYSUTCDATETIME();
    DECLARE @New sysname = @Prefix + N'_' + CONVERT(char(8), @Now, 112) + REPLACE(CONVERT(char(8), @Now, 108), ':', '');
    IF CERT_ID(@New) IS NOT NULL
    BEGIN
        SET @Msg = N'CPO-DEPLOY-SECRET: certificate ' + @New + N' already exists (two deploys within one second?). Deploy again.';
        THROW 50034, @Msg, 1;
    END;
    RAISERROR (N'CpOrders post-deploy: secret access: new signing certificate %s (%s).', 10, 1, @New, @Reason) WITH NOWAIT;
    DECLARE @Password nvarchar(200) = CONVERT(nvarchar(200), CRYPT_GEN_RANDOM(48), 2) + N'a!';
    SET @Sql = N'CREATE CERTIFICATE ' + QUOTENAME(@New) + N' ENCRYPTION BY PASSWORD = ' + QUOTENAME(@Password, N'''')
             + N' WITH SUBJECT = N''CpOrders: signs the modules that use the store secret key'', EXPIRY_DATE = ''20991231'';';
    EXEC (@Sql);
    DECLARE secret_sign_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT QUOTENAME(m.SchemaName) + N'.' + QUOTENAME(m.ObjectName) FROM @SecretModules AS m ORDER BY m.SchemaName, m.ObjectName;
    OPEN secret_sign_cursor;
    FETCH NEXT FROM secret_sign_cursor INTO @Name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @Sql = N'ADD SIGNATURE TO ' + @Name + N' BY CERTIFICATE ' + QUOTENAME(@New) + N' WITH PASSWORD = ' + QUOTENAME(@Password, N'''') + N';';
        EXEC (@Sql);
        RAISERROR (N'CpOrders post-deploy: secret access: signed %s.', 10, 1, @Name) WITH NOWAIT;
        FETCH NEXT FROM secret_sign_cursor INTO @Name;
    END;
    CLOSE secret_sign_cursor;
    DEALLOCATE secret_sign_cursor;
    SET @Sql = N'ALTER CERTIFICATE ' + QUOTENAME(@New) + N' REMOVE PRIVATE KEY;';
    EXEC (@Sql);
    SET @Password = NULL;
    SET @Sql = NULL;
    RAISERROR (N'CpOrders post-deploy: secret access: removed the private key of %s.', 10, 1, @New) WITH NOWAIT;

    -- The user follows the certificate: dropping the old user removes its grants; the new one gets exactly the two.
    IF @UserType IS NOT NULL
    BEGIN
        SET @Sql = N'DROP USER ' + QUOTENAME(@User) + N';';
        EXEC (@Sql);
        RAISERROR (N'CpOrders post-deploy: secret access: dropped user %s (made from an older certificate).', 10, 1, @User) WITH NOWAIT;
    END;
    SET @Sql = N'CREATE USER ' + QUOTENAME(@User) + N' FROM CERTIFICATE ' + QUOTENAME(@New) + N';';
    EXEC (@Sql);
    RAISERROR (N'CpOrders post-deploy: secret access: created user %s from %s (it cannot log in).', 10, 1, @User, @New) WITH NOWAIT;
    SELECT @Current = @New, @Thumb = c.thumbprint FROM sys.certificates AS c WHERE c.name = @New;
    SET @Changes += 1;
END;

-- Exactly two permissions: anything else the user holds (any class we can name, role memberships) is revoked, anything
-- missing granted.
DECLARE @Wanted TABLE (Stmt nvarchar(400) NOT NULL, PermissionClass tinyint NOT NULL, MajorId int NOT NULL, PermissionName nvarchar(128) NOT NULL);
INSERT INTO @Wanted (Stmt, PermissionClass, MajorId, PermissionName)
VALUES (N'GRANT VIEW DEFINITION ON SYMMETRIC KEY::[CpOrdersSecretKey] TO ' + QUOTENAME(@User) + N';', 24, KEY_ID(N'CpOrdersSecretKey'), N'VIEW DEFINITION'),
       (N'GRANT CONTROL ON CERTIFICATE::[CpOrdersSecretProtector] TO ' + QUOTENAME(@User) + N';', 25, CERT_ID(N'CpOrdersSecretProtector'), N'CONTROL');
DECLARE secret_grant_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT w.Stmt FROM @Wanted AS w
    WHERE NOT EXISTS (SELECT 1 FROM sys.database_permissions AS p
                      WHERE p.grantee_principal_id = DATABASE_PRINCIPAL_ID(@User) AND p.state IN ('G', 'W')
                        AND p.class = w.PermissionClass AND p.major_id = w.MajorId AND p.permission_name = w.PermissionName)
    UNION ALL
    SELECT N'REVOKE ' + p.permission_name
           + CASE p.class WHEN 1 THEN N' ON OBJECT::' + QUOTENAME(OBJECT_SCHEMA_NAME(p.major_id)) + N'.' + QUOTENAME(OBJECT_NAME(p.major_id))
                          WHEN 3 THEN N' ON SCHEMA::' + QUOTENAME(SCHEMA_NAME(p.major_id))
                          WHEN 24 THEN N' ON SYMMETRIC KEY::' + QUOTENAME((SELECT k.name FROM sys.symmetric_keys AS k WHERE k.symmetric_key_id = p.major_id))
                          WHEN 25 THEN N' ON CERTIFICATE::' + QUOTENAME((SELECT c.name FROM sys.certificates AS c WHERE c.certificate_id = p.major_id))
                          ELSE N'' END
           + N' FROM ' + QUOTENAME(@User) + N' CASCADE;'
    FROM sys.database_permissions AS p
    WHERE p.grantee_principal_id = DATABASE_PRINCIPAL_ID(@User) AND p.state IN ('G', 'W')
      AND p.class IN (0, 1, 3, 24, 25) AND NOT (p.class = 0 AND p.permission_name = N'CONNECT')
      AND NOT EXISTS (SELECT 1 FROM @Wanted AS w
                      WHERE p.class = w.PermissionClass AND p.major_id = w.MajorId AND p.permission_name = w.PermissionName)
    UNION ALL
    SELECT N'ALTER ROLE ' + QUOTENAME(r.name) + N' DROP MEMBER ' + QUOTENAME(@User) + N';'
    FROM sys.database_role_members AS rm JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id
    WHERE rm.member_principal_id = DATABASE_PRINCIPAL_ID(@User);
OPEN secret_grant_cursor;
FETCH NEXT FROM secret_grant_cursor INTO @Sql;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC (@Sql);
    RAISERROR (N'CpOrders post-deploy: secret access: %s', 10, 1, @Sql) WITH NOWAIT;
    SET @Changes += 1;
    FETCH NEXT FROM secret_grant_cursor INTO @Sql;
END;
CLOSE secret_grant_cursor;
DEALLOCATE secret_grant_cursor;

-- Old secret signers: their signatures, then the certificates.
DECLARE @OldName sysname, @OldThumb varbinary(32);
DECLARE secret_old_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT c.name, c.thumbprint FROM sys.certificates AS c WHERE c.name LIKE @Prefix + N'[_]%' AND c.thumbprint <> @Thumb;
OPEN secret_old_cursor;
FETCH NEXT FROM secret_old_cursor INTO @OldName, @OldThumb;
WHILE @@FETCH_STATUS = 0
BEGIN
    -- A counter-signature (crypt_type C...) is not removed by DROP SIGNATURE.
    DECLARE secret_unsign_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT CASE WHEN cp.crypt_type LIKE 'C%' THEN N'DROP COUNTER SIGNATURE FROM ' ELSE N'DROP SIGNATURE FROM ' END
               + QUOTENAME(OBJECT_SCHEMA_NAME(cp.major_id)) + N'.' + QUOTENAME(OBJECT_NAME(cp.major_id))
        FROM sys.crypt_properties AS cp WHERE cp.class = 1 AND cp.thumbprint = @OldThumb;
    OPEN secret_unsign_cursor;
    FETCH NEXT FROM secret_unsign_cursor INTO @Name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @Sql = @Name + N' BY CERTIFICATE ' + QUOTENAME(@OldName) + N';';
        EXEC (@Sql);
        FETCH NEXT FROM secret_unsign_cursor INTO @Name;
    END;
    CLOSE secret_unsign_cursor;
    DEALLOCATE secret_unsign_cursor;
    SET @Sql = N'DROP CERTIFICATE ' + QUOTENAME(@OldName) + N';';
    EXEC (@Sql);
    RAISERROR (N'CpOrders post-deploy: secret access: dropped the old certificate %s and its signatures.', 10, 1, @OldName) WITH NOWAIT;
    SET @Changes += 1;
    FETCH NEXT FROM secret_old_cursor INTO @OldName, @OldThumb;
END;
CLOSE secret_old_cursor;
DEALLOCATE secret_old_cursor;

IF @Changes = 0
    PRINT N'CpOrders post-deploy: secret access: no changes.';
GO
