-- Checks that this CpOrders installation can work: one row per check (OK / WARN / FAIL / SKIP / PART) with a sentence a DBA
-- can act on, written for the least-privileged caller (the job login, README Permissions): a check whose catalog the
-- caller cannot see says "not checked: needs ..." (SKIP) instead of reporting a false failure; a check that found
-- nothing wrong in the part this caller could see, but could not see all of it, is PART (never OK; r15 findings 1, 7). It is signed, so it
-- reads the Counterpoint database as the certificate user does. @RaiseOnFail = 'Y' raises one error naming every
-- failed check (for a job step or a monitor). @ChecksJson hands the same rows back as a JSON array (CheckName, Status,
-- Detail) for a calling module (woo.usp_PipelineHealth), which cannot capture a result set (no INSERT ... EXEC in
-- modules); @ResultSet = 'N' then leaves the result set out.
CREATE PROCEDURE [woo].[usp_CheckInstall]
    @RaiseOnFail char(1) = 'N',
    @ChecksJson  nvarchar(max) = NULL OUTPUT,
    @ResultSet   char(1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @RaiseOnFail IS NULL OR @RaiseOnFail NOT IN ('Y', 'N')
        THROW 50101, N'CPO-PARAM: @RaiseOnFail must be ''Y'' or ''N''.', 1;
    IF @ResultSet IS NULL OR @ResultSet NOT IN ('Y', 'N')
        THROW 50101, N'CPO-PARAM: @ResultSet must be ''Y'' or ''N''.', 1;

    DECLARE @Checks TABLE (
        CheckOrder int           NOT NULL PRIMARY KEY,
        CheckName  varchar (40)  NOT NULL,
        [Status]   varchar (4)   NOT NULL,
        Detail     nvarchar (max) NOT NULL);
    DECLARE @IsSysadmin bit = CASE WHEN IS_SRVROLEMEMBER(N'sysadmin') = 1 THEN 1 ELSE 0 END;
    DECLARE @ServerState bit = CASE WHEN HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 1 THEN 1 ELSE 0 END;
    DECLARE @DbDefinition bit = CASE WHEN HAS_PERMS_BY_NAME(DB_NAME(), N'DATABASE', N'VIEW DEFINITION') = 1 THEN 1 ELSE 0 END;

    -- CLR enabled: sys.configurations is readable by everyone.
    DECLARE @ClrEnabled int = (SELECT CONVERT(int, c.value_in_use) FROM sys.configurations AS c WHERE c.name = N'clr enabled');
    INSERT INTO @Checks VALUES (10, 'clr_enabled', CASE WHEN @ClrEnabled = 1 THEN 'OK' ELSE 'FAIL' END,
        CASE WHEN @ClrEnabled = 1 THEN N'clr enabled = 1.'
             ELSE N'clr enabled = 0: a sysadmin must run EXEC sp_configure ''clr enabled'', 1; RECONFIGURE;' END);

    -- Trust entry: sys.trusted_assemblies needs VIEW SERVER STATE (2017, 2019; VIEW SERVER SECURITY STATE from 2022),
    -- the assembly's bytes need VIEW DEFINITION on it. Without them the check is skipped, never failed; clr_answers
    -- below proves the assembly loads either way.
    DECLARE @AssemblyHash varbinary(64) = (
        SELECT HASHBYTES('SHA2_512', f.content)
        FROM sys.assemblies AS a JOIN sys.assembly_files AS f ON f.assembly_id = a.assembly_id AND f.file_id = 1
        WHERE a.name = N'CpOrders.WooClr');
    IF @ServerState = 0
        INSERT INTO @Checks VALUES (20, 'clr_trusted', 'SKIP', N'not checked: needs VIEW SERVER STATE (sys.trusted_assemblies).');
    ELSE IF @AssemblyHash IS NULL AND @DbDefinition = 0
        INSERT INTO @Checks VALUES (20, 'clr_trusted', 'SKIP', N'not checked: needs VIEW DEFINITION on assembly CpOrders.WooClr (or on the database).');
    ELSE IF @AssemblyHash IS NULL
        INSERT INTO @Checks VALUES (20, 'clr_trusted', 'FAIL', N'Assembly CpOrders.WooClr is missing: deploy CpOrders again.');
    ELSE IF EXISTS (SELECT 1 FROM sys.trusted_assemblies AS t WHERE t.[hash] = @AssemblyHash)
        INSERT INTO @Checks VALUES (20, 'clr_trusted', 'OK', N'The assembly''s SHA2_512 is in sys.trusted_assemblies.');
    ELSE
        INSERT INTO @Checks VALUES (20, 'clr_trusted', 'FAIL', N'The assembly is not trusted on this server (restore or failover?): deploy CpOrders again as sysadmin, or run sys.sp_add_trusted_assembly with the hash in the deploy script.');

    -- The CLR answers (through ownership chaining: wooclr is denied to public, this module is dbo's like wooclr's).
    DECLARE @ClrVersion nvarchar(100), @ClrError nvarchar(max);
    BEGIN TRY
        SET @ClrVersion = wooclr.ClrVersion();
    END TRY
    BEGIN CATCH
        SET @ClrError = ERROR_MESSAGE();
    END CATCH;
    DECLARE @Expected varchar(20) = (SELECT TOP (1) v.ClrVersion FROM woo.SchemaVersion AS v ORDER BY v.SchemaVersionId DESC);
    INSERT INTO @Checks VALUES (30, 'clr_answers',
        CASE WHEN @ClrError IS NOT NULL THEN 'FAIL' WHEN @Expected IS NULL OR @Expected = @ClrVersion THEN 'OK' ELSE 'WARN' END,
        CASE WHEN @ClrError IS NOT NULL THEN N'wooclr.ClrVersion() failed: ' + @ClrError
             WHEN @Expected IS NULL OR @Expected = @ClrVersion THEN N'CLR version ' + ISNULL(@ClrVersion, N'(none)') + N'.'
             ELSE N'CLR version ' + ISNULL(@ClrVersion, N'(none)') + N' differs from the deployed ' + @Expected + N': deploy CpOrders again.' END);

    -- Counterpoint's catalog, read where the caller may (sysadmin, or VIEW DEFINITION there): the thumbprint of the
    -- certificate that user @Principal is made from (the anchor of the signer, as in post-deploy: a db_owner of CpOrders
    -- cannot write there), and everything that user holds: permissions of any class and role memberships. One dynamic
    -- batch returns both through OUTPUT parameters (the list as XML text), never INSERT ... EXEC: INSERT ... EXEC cannot
    -- nest (Msg 8164), and callers capture this procedure's rows with INSERT ... EXEC.
    DECLARE @CpDb sysname = N'$(CounterpointDb)';
    DECLARE @CpExec nvarchar(300) = QUOTENAME(@CpDb) + N'.sys.sp_executesql';
    DECLARE @Principal sysname = LEFT(N'CpOrders_' + DB_NAME(), 128);
    DECLARE @CpDefinition bit = CASE WHEN @IsSysadmin = 1 OR HAS_PERMS_BY_NAME(@CpDb, N'DATABASE', N'VIEW DEFINITION') = 1 THEN 1 ELSE 0 END;
    DECLARE @AnchorThumb varbinary(32), @HeldXml nvarchar(max), @CpReadError nvarchar(max);
    DECLARE @Held TABLE (Kind varchar(10) NOT NULL, PermissionName nvarchar(128) NOT NULL, SchemaName sysname NOT NULL, ObjectName sysname NOT NULL, ColumnName sysname NOT NULL);
    IF @CpDefinition = 1
    BEGIN
        BEGIN TRY
            EXEC @CpExec N'SELECT @A = c.thumbprint
                           FROM sys.database_principals AS u JOIN sys.certificates AS c ON c.sid = u.sid
                           WHERE u.name = @P AND u.type = ''C'';
                           SET @X = (SELECT h.k AS [@k], h.p AS [@p], h.s AS [@s], h.o AS [@o], h.c AS [@c]
                                     FROM (SELECT CASE p.class WHEN 1 THEN ''OBJECT'' WHEN 0 THEN ''DATABASE'' WHEN 3 THEN ''SCHEMA''
                                                               ELSE ''CLASS '' + CONVERT(varchar(5), p.class) END AS k,
                                                  p.permission_name AS p,
                                                  CASE p.class WHEN 1 THEN s.name WHEN 3 THEN SCHEMA_NAME(p.major_id) END AS s,
                                                  o.name AS o, c.name AS c
                                           FROM sys.database_permissions AS p
                                           LEFT JOIN sys.objects AS o ON p.class = 1 AND o.object_id = p.major_id
                                           LEFT JOIN sys.schemas AS s ON s.schema_id = o.schema_id
                                           LEFT JOIN sys.columns AS c ON p.class = 1 AND c.object_id = p.major_id AND c.column_id = p.minor_id
                                           WHERE p.state IN (''G'', ''W'') AND p.grantee_principal_id = DATABASE_PRINCIPAL_ID(@P)
                                             AND NOT (p.class = 0 AND p.permission_name = N''CONNECT'')
                                           UNION ALL
                                           SELECT ''ROLE'', N''MEMBER'', NULL, r.name, NULL
                                           FROM sys.database_role_members AS rm
                                           JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id
                                           WHERE rm.member_principal_id = DATABASE_PRINCIPAL_ID(@P)) AS h
                                     FOR XML PATH(N''h''), ROOT(N''held''));',
                 N'@P sysname, @A varbinary(32) OUTPUT, @X nvarchar(max) OUTPUT',
                 @P = @Principal, @A = @AnchorThumb OUTPUT, @X = @HeldXml OUTPUT;
            DECLARE @HeldDoc xml = CONVERT(xml, @HeldXml);
            INSERT INTO @Held (Kind, PermissionName, SchemaName, ObjectName, ColumnName)
            SELECT h.n.value(N'@k', N'varchar(10)'), h.n.value(N'@p', N'nvarchar(128)'), ISNULL(h.n.value(N'@s', N'sysname'), N''),
                   ISNULL(h.n.value(N'@o', N'sysname'), N''), ISNULL(h.n.value(N'@c', N'sysname'), N'')
            FROM @HeldDoc.nodes(N'/held/h') AS h(n);
        END TRY
        BEGIN CATCH
            SET @CpReadError = ERROR_MESSAGE();
        END CATCH;
    END;

    -- Signatures: every module of the list post-deploy keeps (woo.SignedModule) is signed by the signer and its
    -- signature is valid (IS_OBJECTSIGNED = 1); the signer has no private key. The signer is the certificate whose
    -- thumbprint is the anchor read above, never the one with the highest name. A caller who cannot read Counterpoint's
    -- catalog (the job login) gets the certificate named CpOrdersCounterpointSigner_<stamp> that signs the listed
    -- modules, and is told that its link to the Counterpoint user was not checked. The roles hold VIEW DEFINITION on the
    -- signer (post-deploy) and on schemas woo and dbo (Permissions.sql), so they see it and the signatures.
    DECLARE @Signer sysname, @SignerThumb varbinary(32), @SignerHasKey bit, @Signers int = 0, @Foreign nvarchar(max);
    IF @CpDefinition = 1
        SELECT @Signer = c.name, @SignerThumb = c.thumbprint,
               @SignerHasKey = CASE WHEN c.pvt_key_encryption_type = 'NA' THEN 0 ELSE 1 END
        FROM sys.certificates AS c WHERE c.thumbprint = @AnchorThumb;
    ELSE
    BEGIN
        DECLARE @Candidates TABLE (CertName sysname NOT NULL, Thumbprint varbinary(32) NOT NULL, HasKey bit NOT NULL);
        INSERT INTO @Candidates (CertName, Thumbprint, HasKey)
        SELECT c.name, c.thumbprint, CASE WHEN c.pvt_key_encryption_type = 'NA' THEN 0 ELSE 1 END
        FROM sys.certificates AS c
        WHERE c.name LIKE N'CpOrdersCounterpointSigner[_]%'
          AND EXISTS (SELECT 1 FROM sys.crypt_properties AS cp JOIN woo.SignedModule AS s
                          ON cp.major_id = OBJECT_ID(QUOTENAME(s.SchemaName) + N'.' + QUOTENAME(s.ObjectName))
                      WHERE cp.class = 1 AND cp.thumbprint = c.thumbprint);
        SET @Signers = @@ROWCOUNT;
        IF @Signers = 1
            SELECT @Signer = CertName, @SignerThumb = Thumbprint, @SignerHasKey = HasKey FROM @Candidates;
    END;
    -- Other certificates named with the prefix (as far as the caller sees them): old or foreign; the next deploy drops them.
    SET @Foreign = (SELECT STUFF((SELECT N', ' + c.name FROM sys.certificates AS c
                                  WHERE (c.name = N'CpOrdersCounterpointSigner' OR c.name LIKE N'CpOrdersCounterpointSigner[_]%')
                                    AND (@SignerThumb IS NULL OR c.thumbprint <> @SignerThumb)
                                  ORDER BY c.name
                                  FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
    DECLARE @Unsigned nvarchar(max) = (
        SELECT STUFF((
            SELECT N', ' + s.SchemaName + N'.' + s.ObjectName
                   + CASE IS_OBJECTSIGNED(N'OBJECT', OBJECT_ID(QUOTENAME(s.SchemaName) + N'.' + QUOTENAME(s.ObjectName)), N'certificate', @SignerThumb)
                         WHEN 0 THEN N' (signature invalid)' ELSE N'' END
            FROM woo.SignedModule AS s
            WHERE ISNULL(IS_OBJECTSIGNED(N'OBJECT', OBJECT_ID(QUOTENAME(s.SchemaName) + N'.' + QUOTENAME(s.ObjectName)), N'certificate', @SignerThumb), 0) <> 1
            ORDER BY s.SchemaName, s.ObjectName
            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
    INSERT INTO @Checks VALUES (40, 'modules_signed',
        CASE WHEN @CpReadError IS NOT NULL THEN 'FAIL'
             WHEN @CpDefinition = 0 AND @Signers = 0 AND @DbDefinition = 0 THEN 'SKIP'
             WHEN @Signer IS NULL OR @SignerHasKey = 1 OR @Unsigned IS NOT NULL THEN 'FAIL'
             WHEN @Foreign IS NOT NULL THEN 'WARN' WHEN @CpDefinition = 0 OR @DbDefinition = 0 THEN 'PART' ELSE 'OK' END,
        CASE WHEN @CpReadError IS NOT NULL THEN N'Cannot read the catalog of [' + @CpDb + N']: ' + @CpReadError
             WHEN @CpDefinition = 0 AND @Signers = 0 AND @DbDefinition = 0 THEN N'not checked: needs VIEW DEFINITION on the signing certificate (post-deploy grants it to CpOrdersJob and CpOrdersOperator).'
             WHEN @CpDefinition = 1 AND @AnchorThumb IS NULL THEN N'[' + @CpDb + N'] has no certificate user ' + @Principal + N': deploy CpOrders again.'
             WHEN @CpDefinition = 1 AND @Signer IS NULL THEN N'The certificate user ' + @Principal + N' in [' + @CpDb + N'] is made from a certificate that is not in this database: deploy CpOrders again.'
             WHEN @Signers > 1 THEN N'The listed modules are signed by more than one certificate named CpOrdersCounterpointSigner_<stamp>: ' + ISNULL(@Foreign, N'')
                 + N'. Which one user ' + @Principal + N' in [' + @CpDb + N'] is made from is not checked (needs VIEW DEFINITION there; a DBA runs this check); deploy CpOrders again (it keeps only that one).'
             WHEN @Signer IS NULL THEN N'No signing certificate: deploy CpOrders again.'
             WHEN @SignerHasKey = 1 THEN N'Certificate ' + @Signer + N' still has its private key (an interrupted deploy?): deploy CpOrders again (it makes a new one and removes the key).'
             WHEN @Unsigned IS NOT NULL THEN N'Not signed by ' + @Signer + N': ' + @Unsigned + N'. Deploy CpOrders again (post-deploy signs with a new certificate).'
             ELSE N'Every module that uses the Counterpoint database is signed by ' + @Signer + N', which has no private key'
                  + CASE WHEN @CpDefinition = 1 THEN N' and is the certificate user ' + @Principal + N' in [' + @CpDb + N'] is made from.'
                         ELSE N'. Not checked: that ' + @Signer + N' is the certificate user ' + @Principal + N' in [' + @CpDb + N'] is made from (needs VIEW DEFINITION there).' END
                  + ISNULL(N' Other certificates named CpOrdersCounterpointSigner (old or foreign; the next deploy drops them): ' + @Foreign + N'.', N'')
                  + CASE WHEN @DbDefinition = 0 THEN N' Other certificates not checked: this caller sees only the certificates it has permissions on (needs VIEW DEFINITION on the database).' ELSE N'' END END);

    -- The certificate user's permissions in Counterpoint against the derived list (woo.CounterpointGrant).
    -- Exact comparison (missing AND extra, including role memberships) where the catalog was read above; otherwise
    -- HAS_PERMS_BY_NAME proves each needed permission through this module's signature, and extra permissions and role
    -- memberships stay unchecked. Names compare case-insensitively (the list has the code's spelling).
    DECLARE @GrantError nvarchar(max) = @CpReadError, @GrantMissing nvarchar(max), @GrantExtra nvarchar(max);
    BEGIN TRY
        IF @CpDefinition = 1
        BEGIN
            SET @GrantMissing = (SELECT STUFF((SELECT N', ' + g.PermissionName + N' ' + g.SchemaName + N'.' + g.ObjectName
                                                      + CASE WHEN g.ColumnName = N'' THEN N'' ELSE N' (' + g.ColumnName + N')' END
                                               FROM woo.CounterpointGrant AS g
                                               WHERE NOT EXISTS (SELECT 1 FROM @Held AS h
                                                                 WHERE h.Kind = 'OBJECT'
                                                                   AND h.PermissionName COLLATE Latin1_General_100_CI_AS = g.PermissionName COLLATE Latin1_General_100_CI_AS
                                                                   AND h.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS
                                                                   AND h.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS
                                                                   AND h.ColumnName COLLATE Latin1_General_100_CI_AS = g.ColumnName COLLATE Latin1_General_100_CI_AS)
                                               FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
            SET @GrantExtra = (SELECT STUFF((SELECT N', ' + CASE h.Kind
                                                      WHEN 'OBJECT' THEN h.PermissionName + N' ' + h.SchemaName + N'.' + h.ObjectName
                                                                         + CASE WHEN h.ColumnName = N'' THEN N'' ELSE N' (' + h.ColumnName + N')' END
                                                      WHEN 'DATABASE' THEN h.PermissionName + N' on the database'
                                                      WHEN 'SCHEMA' THEN h.PermissionName + N' on schema ' + h.SchemaName
                                                      WHEN 'ROLE' THEN N'member of role ' + h.ObjectName
                                                      ELSE h.PermissionName + N' on a securable of ' + LOWER(h.Kind) END
                                             FROM @Held AS h
                                             WHERE NOT EXISTS (SELECT 1 FROM woo.CounterpointGrant AS g
                                                               WHERE h.Kind = 'OBJECT'
                                                                 AND h.PermissionName COLLATE Latin1_General_100_CI_AS = g.PermissionName COLLATE Latin1_General_100_CI_AS
                                                                 AND h.SchemaName COLLATE Latin1_General_100_CI_AS = g.SchemaName COLLATE Latin1_General_100_CI_AS
                                                                 AND h.ObjectName COLLATE Latin1_General_100_CI_AS = g.ObjectName COLLATE Latin1_General_100_CI_AS
                                                                 AND h.ColumnName COLLATE Latin1_General_100_CI_AS = g.ColumnName COLLATE Latin1_General_100_CI_AS)
                                             FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
        END
        ELSE
            SET @GrantMissing = (SELECT STUFF((SELECT N', ' + g.PermissionName + N' ' + g.SchemaName + N'.' + g.ObjectName
                                                      + CASE WHEN g.ColumnName = N'' THEN N'' ELSE N' (' + g.ColumnName + N')' END
                                               FROM woo.CounterpointGrant AS g
                                               CROSS APPLY (SELECT QUOTENAME(@CpDb) + N'.' + QUOTENAME(g.SchemaName) + N'.' + QUOTENAME(g.ObjectName) AS Securable) AS n
                                               CROSS APPLY (SELECT ISNULL(CASE WHEN g.ColumnName = N''
                                                                               THEN HAS_PERMS_BY_NAME(n.Securable, N'OBJECT', g.PermissionName)
                                                                               ELSE HAS_PERMS_BY_NAME(n.Securable, N'OBJECT', g.PermissionName, g.ColumnName, N'COLUMN') END, 0) AS Held) AS e
                                               WHERE e.Held <> 1
                                               FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
    END TRY
    BEGIN CATCH
        SET @GrantError = ERROR_MESSAGE();
    END CATCH;
    INSERT INTO @Checks VALUES (45, 'counterpoint_grants',
        CASE WHEN @GrantError IS NOT NULL OR @GrantMissing IS NOT NULL OR @GrantExtra IS NOT NULL THEN 'FAIL' WHEN @CpDefinition = 0 THEN 'PART' ELSE 'OK' END,
        CASE WHEN @GrantError IS NOT NULL THEN N'Cannot read the permissions in [' + @CpDb + N']: ' + @GrantError
             WHEN @GrantMissing IS NOT NULL OR @GrantExtra IS NOT NULL
                 THEN N'User ' + @Principal + N' in [' + @CpDb + N'] differs from the derived list (CpOrders.CounterpointAccess.txt):'
                      + ISNULL(N' missing ' + @GrantMissing + N';', N'') + ISNULL(N' extra ' + @GrantExtra + N';', N'')
                      + N' deploy CpOrders again (post-deploy grants exactly the list and revokes the rest).'
             WHEN @CpDefinition = 1 THEN N'User ' + @Principal + N' in [' + @CpDb + N'] holds exactly the derived list and is a member of no role.'
             ELSE N'Every permission of the derived list is in force through the signature; extra permissions and role memberships not checked: needs VIEW DEFINITION in [' + @CpDb + N'].' END);

    -- Counterpoint: readable through the signature. As sysadmin this proves nothing about the certificate user
    -- (sysadmin bypasses permission checks): counterpoint_grants and a run as the job login do.
    DECLARE @CpError nvarchar(max), @Probe int;
    BEGIN TRY
        SELECT @Probe = COUNT(*) FROM (SELECT TOP (1) h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h) AS p;
    END TRY
    BEGIN CATCH
        SET @CpError = ERROR_MESSAGE();
    END CATCH;
    INSERT INTO @Checks VALUES (50, 'counterpoint_access', CASE WHEN @CpError IS NOT NULL THEN 'FAIL' WHEN @IsSysadmin = 1 THEN 'PART' ELSE 'OK' END,
        CASE WHEN @CpError IS NOT NULL THEN N'Cannot read [' + @CpDb + N']: ' + @CpError
                 + N' Deploy CpOrders again (post-deploy grants access); the caller''s login also needs a user in [' + @CpDb + N'] (README, Permissions).'
             WHEN @IsSysadmin = 1 THEN N'[' + @CpDb + N'] is readable (as sysadmin, which proves nothing about the signature; run this check as the job login).'
             ELSE N'[' + @CpDb + N'] is readable through the signed modules.' END);

    -- Master key: opened by this server (a restore to another server or an AG failover loses that), and protected by a
    -- password of the DBA's: an ESKP row not recorded in woo.MasterKeyOrigin (post-deploy records the random one it
    -- generated, and, on the first deploy that finds a key but no record, every password encryption there was), or
    -- the DBA's acknowledgement (a row 0x00) with any ESKP row. No record at all (emptied) warns too.
    DECLARE @MasterKeyId int = (SELECT sk.symmetric_key_id FROM sys.symmetric_keys AS sk WHERE sk.name = N'##MS_DatabaseMasterKey##');
    DECLARE @ByServer bit = (SELECT d.is_master_key_encrypted_by_server FROM sys.databases AS d WHERE d.database_id = DB_ID());
    IF @MasterKeyId IS NULL AND @DbDefinition = 0
        INSERT INTO @Checks VALUES (60, 'master_key', 'SKIP', N'not checked: needs VIEW DEFINITION on the database (a DBA runs this check).');
    ELSE IF @MasterKeyId IS NULL
        INSERT INTO @Checks VALUES (60, 'master_key', 'FAIL', N'The database has no master key: deploy CpOrders again.');
    ELSE IF @ByServer = 0
        INSERT INTO @Checks VALUES (60, 'master_key', 'FAIL', N'The master key is not opened by this server''s service master key (restore or failover?): README, Backups and restores.');
    ELSE IF NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin)
         OR NOT EXISTS (SELECT 1 FROM sys.key_encryptions AS ke
                        WHERE ke.key_id = @MasterKeyId AND ke.crypt_type = 'ESKP'
                          AND (NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin AS o WHERE o.GeneratedPasswordFingerprint = HASHBYTES('SHA2_256', ke.crypt_property))
                               OR EXISTS (SELECT 1 FROM woo.MasterKeyOrigin AS a WHERE a.GeneratedPasswordFingerprint = 0x00)))
        INSERT INTO @Checks VALUES (60, 'master_key', 'WARN', N'CPO-MASTERKEY-NOPASSWORD: cannot tell that a password of yours protects the master key (every password encryption it has was made by CpOrders, or was there before CpOrders recorded them); a restore to another server could not open it. Add one and keep it in your vault: ALTER MASTER KEY ADD ENCRYPTION BY PASSWORD = ''<your password>''; or, if one of yours is already there, acknowledge: INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint) VALUES (0x00); (README, Backups and restores).');
    ELSE
        INSERT INTO @Checks VALUES (60, 'master_key', 'OK', N'The master key is opened by this server and has a password of yours (or you acknowledged one).');

    -- Deploy left-overs: jobs still disabled by a deploy that did not finish.
    DECLARE @Waiting int = (SELECT COUNT(*) FROM woo.DeployJobState);
    INSERT INTO @Checks VALUES (70, 'jobs_after_deploy', CASE WHEN @Waiting = 0 THEN 'OK' ELSE 'WARN' END,
        CASE WHEN @Waiting = 0 THEN N'No job is left disabled by a deploy.'
             ELSE CONVERT(nvarchar(10), @Waiting) + N' job(s) are still disabled by an unfinished deploy: EXEC woo.usp_RestoreJobsAfterDeploy;' END);

    SET @ChecksJson = (SELECT c.CheckName, c.[Status], c.Detail FROM @Checks AS c ORDER BY c.CheckOrder FOR JSON PATH);
    IF @ResultSet = 'Y'
        SELECT c.CheckName, c.[Status], c.Detail FROM @Checks AS c ORDER BY c.CheckOrder;

    IF @RaiseOnFail = 'Y' AND EXISTS (SELECT 1 FROM @Checks WHERE [Status] = 'FAIL')
    BEGIN
        DECLARE @Failed nvarchar(max) = (
            SELECT STUFF((SELECT N'; ' + c.CheckName + N': ' + c.Detail FROM @Checks AS c WHERE c.[Status] = 'FAIL' ORDER BY c.CheckOrder
                          FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''));
        -- THROW takes at most 2,048 characters, and its message is not a format ('%' in a detail is printed as is;
        -- RAISERROR would read it as one).
        SET @Failed = LEFT(N'CPO-INSTALL: ' + @Failed, 2048);
        THROW 50102, @Failed, 1;
    END;
    RETURN 0;
END;
