-- Checks that this CpOrders installation can work: one row per check (OK / WARN / FAIL) with a sentence a DBA can act
-- on. It reads the Counterpoint database through its signature, so it also proves the certificate user's grants.
-- @RaiseOnFail = 'Y' raises one error naming every failed check (for a job step or a monitor).
CREATE PROCEDURE [woo].[usp_CheckInstall]
    @RaiseOnFail char(1) = 'N'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @RaiseOnFail IS NULL OR @RaiseOnFail NOT IN ('Y', 'N')
    BEGIN
        RAISERROR (N'CPO-PARAM: @RaiseOnFail must be ''Y'' or ''N''.', 16, 1);
        RETURN 1;
    END;

    DECLARE @Checks TABLE (
        CheckOrder int           NOT NULL PRIMARY KEY,
        CheckName  varchar (40)  NOT NULL,
        [Status]   varchar (4)   NOT NULL,
        Detail     nvarchar (1000) NOT NULL);

    -- CLR: enabled, assembly present, trusted by the hash of its bytes (a restore to another server or an AG replica
    -- loses the trust entry), and answering.
    DECLARE @ClrEnabled int = (SELECT CONVERT(int, c.value_in_use) FROM sys.configurations AS c WHERE c.name = N'clr enabled');
    INSERT INTO @Checks VALUES (10, 'clr_enabled', CASE WHEN @ClrEnabled = 1 THEN 'OK' ELSE 'FAIL' END,
        CASE WHEN @ClrEnabled = 1 THEN N'clr enabled = 1.'
             ELSE N'clr enabled = 0: a sysadmin must run EXEC sp_configure ''clr enabled'', 1; RECONFIGURE;' END);

    DECLARE @AssemblyHash varbinary(64) = (
        SELECT HASHBYTES('SHA2_512', f.content)
        FROM sys.assemblies AS a JOIN sys.assembly_files AS f ON f.assembly_id = a.assembly_id AND f.file_id = 1
        WHERE a.name = N'CpOrders.WooClr');
    INSERT INTO @Checks VALUES (20, 'clr_trusted',
        CASE WHEN @AssemblyHash IS NULL THEN 'FAIL'
             WHEN EXISTS (SELECT 1 FROM sys.trusted_assemblies AS t WHERE t.[hash] = @AssemblyHash) THEN 'OK' ELSE 'FAIL' END,
        CASE WHEN @AssemblyHash IS NULL THEN N'Assembly CpOrders.WooClr is missing: deploy CpOrders again.'
             WHEN EXISTS (SELECT 1 FROM sys.trusted_assemblies AS t WHERE t.[hash] = @AssemblyHash) THEN N'The assembly''s SHA2_512 is in sys.trusted_assemblies.'
             ELSE N'The assembly is not trusted on this server (restore or failover?): deploy CpOrders again as sysadmin, or run sys.sp_add_trusted_assembly with the hash in the deploy script.' END);

    DECLARE @ClrVersion nvarchar(100), @ClrError nvarchar(2048);
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
             WHEN @Expected IS NULL OR @Expected = @ClrVersion THEN N'CLR version ' + @ClrVersion + N'.'
             ELSE N'CLR version ' + @ClrVersion + N' differs from the deployed ' + @Expected + N': deploy CpOrders again.' END);

    -- Signing: the master key opens, and every module that uses the Counterpoint database carries our signature.
    DECLARE @CanSign bit = CASE WHEN SIGNBYCERT(CERT_ID(N'CpOrdersCounterpointSigner'), N'probe') IS NULL THEN 0 ELSE 1 END;
    DECLARE @Unsigned nvarchar(1000) = (
        SELECT STUFF((
            SELECT DISTINCT N', ' + OBJECT_SCHEMA_NAME(d.referencing_id) + N'.' + OBJECT_NAME(d.referencing_id)
            FROM sys.sql_expression_dependencies AS d
            WHERE d.referenced_database_name = N'$(CounterpointDb)'
              AND NOT EXISTS (SELECT 1 FROM sys.crypt_properties AS cp
                              JOIN sys.certificates AS c ON c.thumbprint = cp.thumbprint
                              WHERE cp.class = 1 AND cp.major_id = d.referencing_id AND c.name = N'CpOrdersCounterpointSigner')
            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(1000)'), 1, 2, N''));
    INSERT INTO @Checks VALUES (40, 'modules_signed',
        CASE WHEN @CanSign = 1 AND @Unsigned IS NULL THEN 'OK' ELSE 'FAIL' END,
        CASE WHEN @CanSign = 0 THEN N'Certificate CpOrdersCounterpointSigner cannot sign: the database master key does not open (README, Backups and restores).'
             WHEN @Unsigned IS NOT NULL THEN N'Not signed: ' + @Unsigned + N'. Deploy CpOrders again (post-deploy signs them).'
             ELSE N'Every module that uses the Counterpoint database is signed.' END);

    -- Counterpoint: readable through the signature (proves certificate user and grants).
    DECLARE @CpError nvarchar(2048), @Probe int;
    BEGIN TRY
        SELECT @Probe = COUNT(*) FROM (SELECT TOP (1) h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h) AS p;
    END TRY
    BEGIN CATCH
        SET @CpError = ERROR_MESSAGE();
    END CATCH;
    INSERT INTO @Checks VALUES (50, 'counterpoint_access', CASE WHEN @CpError IS NULL THEN 'OK' ELSE 'FAIL' END,
        CASE WHEN @CpError IS NULL THEN N'[$(CounterpointDb)] is readable through the signed modules.'
             ELSE N'Cannot read [$(CounterpointDb)]: ' + @CpError + N' Deploy CpOrders again (post-deploy grants access).' END);

    -- Deploy left-overs: jobs still disabled by a deploy that did not finish.
    DECLARE @Waiting int = (SELECT COUNT(*) FROM woo.DeployJobState);
    INSERT INTO @Checks VALUES (60, 'jobs_after_deploy', CASE WHEN @Waiting = 0 THEN 'OK' ELSE 'WARN' END,
        CASE WHEN @Waiting = 0 THEN N'No job is left disabled by a deploy.'
             ELSE CONVERT(nvarchar(10), @Waiting) + N' job(s) are still disabled by an unfinished deploy: EXEC woo.usp_RestoreJobsAfterDeploy;' END);

    SELECT c.CheckName, c.[Status], c.Detail FROM @Checks AS c ORDER BY c.CheckOrder;

    IF @RaiseOnFail = 'Y' AND EXISTS (SELECT 1 FROM @Checks WHERE [Status] = 'FAIL')
    BEGIN
        DECLARE @Failed nvarchar(2000) = (
            SELECT STUFF((SELECT N'; ' + c.CheckName + N': ' + c.Detail FROM @Checks AS c WHERE c.[Status] = 'FAIL' ORDER BY c.CheckOrder
                          FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(2000)'), 1, 2, N''));
        RAISERROR (N'CPO-INSTALL: %s', 16, 1, @Failed);
        RETURN 1;
    END;
    RETURN 0;
END;
