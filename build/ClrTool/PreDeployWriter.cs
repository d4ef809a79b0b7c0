using System.Text;

namespace CpOrders.ClrTool;

/// <summary>
/// The dacpac's pre-deploy script for the CLR (design §2, §3): a SQLCMD script that runs before the model's objects on
/// every deploy, so it is idempotent (a second run changes nothing and says so) and never changes a server setting.
/// Sections: a. environment checks (all problems in one error), b. schema wooclr, c. trusted-assembly entry, d. assembly
/// (CREATE, or, in one transaction, drop the wrappers whose declaration changes and ALTER ASSEMBLY), e. CLR wrappers with
/// a fingerprint, f. trust entries of older builds no database still uses, g. summary.
/// Output: every change is printed as it happens (<c>CpOrders pre-deploy: CLR: created ...</c>); nothing else is printed
/// until the summary, which on a run that changed nothing is exactly one line of the shape
/// <c>CpOrders pre-deploy: CLR (...): no changes.</c> (see <see cref="NoChangesLine"/>): the test runner's "second publish
/// changes nothing" check accepts only lines of that shape.
/// </summary>
public static class PreDeployWriter
{
    public const string FingerprintProperty = "CpOrders.Fingerprint";

    /// <summary>
    /// Lines around the part that only reads server-level facts (the header and the environment checks, batches 1-2): the
    /// offline SSMS script (build/DbTool DeployScript) runs a copy of every such region in master before CREATE DATABASE.
    /// </summary>
    public const string ServerChecksBegin = "-- CpOrders server checks: begin";
    public const string ServerChecksEnd = "-- CpOrders server checks: end";

    /// <summary>The prefix of every line this script prints.</summary>
    public const string Prefix = "CpOrders pre-deploy: CLR";

    /// <summary>
    /// The shape of every step's "nothing changed" line in pre- and post-deploy: <c>CpOrders pre-deploy: &lt;step&gt;: no changes.</c>
    /// (the step may carry details in parentheses). The runner's second-publish check fails on any other line with the prefix.
    /// </summary>
    public const string NoChangesLine = @"CpOrders (pre|post)-deploy: (?<step>[^\r\n]+?): no changes\.";
    private const string Log = "#CpOrdersClrLog";
    private const string Wanted = "#CpOrdersClrWanted";
    private const string OldTrust = "#CpOrdersClrOldTrust";
    /// <summary>Whether this login may read sys.trusted_assemblies (VIEW SERVER STATE; 2022: VIEW SERVER SECURITY STATE, which VIEW SERVER STATE covers).</summary>
    private const string CanSeeTrust = "(IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 1)";
    private const string Checked = $"IF NOT EXISTS (SELECT 1 FROM {Log} WHERE Kind = N'checked') RETURN; -- the environment checks stopped the deploy";

    /// <summary>
    /// The wrapper: <c>CREATE ... AS EXTERNAL NAME [asm].[class].[method]</c>, with the CLR signature (and a table function's
    /// FillRow method) as a trailing comment. The comment is part of the fingerprint: SQL Server binds a table function's
    /// FillRow method when the wrapper is created, and ALTER ASSEMBLY cannot change it, so a new FillRow means a new wrapper.
    /// </summary>
    public static string CreateWrapper(SqlObject sqlObject, string assemblySqlName) =>
        $"{sqlObject.CreateHead()} AS EXTERNAL NAME {SqlText.Bracket(assemblySqlName)}.{SqlText.Bracket(sqlObject.ClrType)}.{SqlText.Bracket(sqlObject.ClrMethod)} " +
        $"/* CLR: {sqlObject.ClrSignature}{(sqlObject.FillRowSignature is { } fill ? "; FillRow: " + fill : "")} */";

    /// <summary>SHA-256 (hex) of the CREATE text (declaration, CLR method and FillRow): stored on the wrapper as extended property CpOrders.Fingerprint.</summary>
    public static string Fingerprint(string createText) => SqlText.Sha256Hex(createText);

    public static string Render(ClrAssemblyInfo assembly)
    {
        string asm = assembly.SimpleName;                      // SQL name of the assembly: CpOrders.WooClr (differs from schema wooclr)
        string asmQ = SqlText.Bracket(asm);
        string asmN = SqlText.N(asm);
        string hash = assembly.Sha512Hex;
        string description = assembly.ClrName;                 // sys.assemblies.clr_name form, lower case
        string schemaQ = SqlText.Bracket(SqlSurface.Schema);
        string schemaN = SqlText.N(SqlSurface.Schema);
        IReadOnlyList<SqlObject> objects = SqlSurface.Build(assembly);
        string P(string text) => SqlText.Print(text);
        string Action(string text, int indent) =>
            $"INSERT INTO {Log} (Kind, Message) VALUES (N'action', {SqlText.N(text)});\n{new string(' ', indent)}{P($"{Prefix}: {text}.")}";
        string Note(string sqlExpression) => $"INSERT INTO {Log} (Kind, Message) VALUES (N'note', {sqlExpression});";

        var sql = new StringBuilder();
        void Batch(string text) => sql.Append(text.TrimEnd('\n')).Append("\nGO\n");

        // ---- header and the list of wanted objects -------------------------------------------------------------------------
        var wantedRows = objects.Select(o =>
        {
            string create = CreateWrapper(o, asm);
            return $"    ({SqlText.N(o.Name)}, N'{o.TypeWord}', N'{Fingerprint(create)}', {SqlText.N(create)})";
        }).ToList();
        Batch($"""
            {ServerChecksBegin} (header and environment checks; they run in any database)
            -- Generated by build/ClrTool from {assembly.FullName} — do not edit.
            -- Assembly: {assembly.FullName}; {assembly.Bytes.Length} bytes; SHA2_512 {hash}
            -- CpOrders pre-deploy, CLR part. Runs before the model's objects on every deploy (sqlpackage Publish, or the SQLCMD
            -- script in SSMS with :on error exit). It checks the instance and stops with one message listing every problem, then
            -- creates or updates schema {schemaQ}, the trusted-assembly entry, assembly {asmQ} and its CLR wrappers, and removes
            -- trust entries of older builds that no database still uses. Idempotent: a second run changes nothing and says so in
            -- one line, "{Prefix} (...): no changes."; every change is printed as "{Prefix}: <what it did>.".
            -- It never changes a server setting: where one is needed, the message says what a DBA runs.
            SET NOCOUNT ON;
            IF OBJECT_ID(N'tempdb..{Log}') IS NOT NULL DROP TABLE {Log};
            CREATE TABLE {Log} (Id int IDENTITY(1, 1) NOT NULL PRIMARY KEY, Kind nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL, Message nvarchar(2000) COLLATE DATABASE_DEFAULT NOT NULL);
            -- The CLR objects of this build: name, FUNCTION/PROCEDURE, fingerprint (SHA-256 of the CREATE text), CREATE text.
            IF OBJECT_ID(N'tempdb..{Wanted}') IS NOT NULL DROP TABLE {Wanted};
            CREATE TABLE {Wanted} (Name sysname COLLATE DATABASE_DEFAULT NOT NULL PRIMARY KEY, TypeWord nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL, Fingerprint nvarchar(64) COLLATE DATABASE_DEFAULT NOT NULL, CreateSql nvarchar(max) COLLATE DATABASE_DEFAULT NOT NULL);
            {(wantedRows.Count == 0 ? "-- (this build declares no CLR objects)" : $"INSERT INTO {Wanted} (Name, TypeWord, Fingerprint, CreateSql) VALUES\n" + string.Join(",\n", wantedRows) + ";")}
            """);

        // ---- a. environment checks ---------------------------------------------------------------------------------------------
        string sysadminHint =
            $"This build of {asm} is new to this database and its SHA2_512 is not in sys.trusted_assemblies (or this login cannot see it without VIEW SERVER STATE); adding it needs sysadmin (or CONTROL SERVER). " +
            $"Deploy once as a sysadmin, or have a sysadmin run: EXEC sys.sp_add_trusted_assembly @hash = {hash}, @description = N'{description}';";
        string externalAccessHint =
            $"This build of {asm} is new to this database, and CREATE or ALTER ASSEMBLY of an EXTERNAL_ACCESS assembly needs the server permission EXTERNAL ACCESS ASSEMBLY, which this login does not hold (sysadmin and CONTROL SERVER imply it; a trusted hash does not). " +
            "Deploy as a sysadmin, or have a sysadmin run: GRANT EXTERNAL ACCESS ASSEMBLY TO <this login>; (README, Permissions).";
        Batch($"""
            -- a. Environment: collect every problem, then stop with one error listing them all (one round of fixes). Changes nothing.
            DECLARE @Problems TABLE (Id int IDENTITY(1, 1) NOT NULL PRIMARY KEY, Message nvarchar(1000) NOT NULL);
            DECLARE @Major int = CAST(SERVERPROPERTY('ProductMajorVersion') AS int),
                    @EngineEdition int = CAST(SERVERPROPERTY('EngineEdition') AS int),
                    @Edition nvarchar(128) = CAST(SERVERPROPERTY('Edition') AS nvarchar(128)),
                    @Version nvarchar(128) = CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)),
                    @HostPlatform nvarchar(256) = N'Windows',
                    @ClrEnabled int = (SELECT CAST(value_in_use AS int) FROM sys.configurations WHERE name = N'clr enabled'),
                    @LightweightPooling int = (SELECT CAST(value_in_use AS int) FROM sys.configurations WHERE name = N'lightweight pooling'),
                    @CanTrust int = CASE WHEN IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1 THEN 1 ELSE 0 END,
                    @Trusted int = 0,
                    -- This build's assembly is already in this database (an upgrade without a new assembly): no trust entry
                    -- has to be added, so a login without sysadmin (which cannot even see sys.trusted_assemblies without
                    -- VIEW SERVER STATE) can deploy.
                    @SameAssembly int = CASE WHEN EXISTS (SELECT 1 FROM sys.assemblies AS sa JOIN sys.assembly_files AS sf ON sf.assembly_id = sa.assembly_id AND sf.file_id = 1
                                                          WHERE sa.name = {asmN} AND HASHBYTES('SHA2_512', sf.content) = {hash}) THEN 1 ELSE 0 END,
                    @Id int = 0,
                    @Text nvarchar(1000),
                    @All nvarchar(2000) = N'',
                    @Message nvarchar(2048);
            -- The engine, reported in the summary line.
            INSERT INTO {Log} (Kind, Message) VALUES (N'environment', N'SQL Server ' + ISNULL(@Version, N'?') + N', ' + ISNULL(@Edition, N'?') + N', EngineEdition ' + ISNULL(CAST(@EngineEdition AS nvarchar(10)), N'?'));
            -- Information only: Express (EngineEdition 4) has no SQL Server Agent and no Database Mail.
            IF @EngineEdition = 4
                {Note("N'Express edition has no SQL Server Agent and no Database Mail: schedule woo.usp_RunPipeline with Windows Task Scheduler and sqlcmd (see README); alerts stay in the alert table and the health row'")}
            -- Detects an engine older than SQL Server 2017 (ProductMajorVersion 14): trusted assemblies start with 2017.
            IF @Major IS NULL OR @Major < 14
                INSERT INTO @Problems (Message) VALUES (N'CpOrders needs SQL Server 2017 or later; this instance is version ' + ISNULL(@Version, N'unknown') + N'. Upgrade it, or deploy to an instance of SQL Server 2017 or later.');
            -- Detects Azure SQL Database (EngineEdition 5): it has no CLR.
            IF @EngineEdition = 5
                INSERT INTO @Problems (Message) VALUES (N'Azure SQL Database (EngineEdition 5) cannot host CLR assemblies. CpOrders needs SQL Server 2017 or later on Windows.');
            -- Detects Azure SQL Managed Instance (EngineEdition 8).
            IF @EngineEdition = 8
                INSERT INTO @Problems (Message) VALUES (N'Azure SQL Managed Instance (EngineEdition 8): CpOrders'' EXTERNAL_ACCESS CLR assembly, trusted by hash, is untested and unsupported there, so the deploy stops. Use SQL Server 2017 or later on Windows (a VM works).');
            -- Detects Azure SQL Edge (EngineEdition 9): it has no CLR.
            IF @EngineEdition = 9
                INSERT INTO @Problems (Message) VALUES (N'Azure SQL Edge (EngineEdition 9) cannot host CLR assemblies. CpOrders needs SQL Server 2017 or later on Windows.');
            -- Detects a host that is not Windows (sys.dm_os_host_info, 2017+): SQL Server on Linux runs SAFE CLR only, not EXTERNAL_ACCESS.
            IF @Major >= 14
                EXEC sys.sp_executesql N'SELECT @Platform = host_platform FROM sys.dm_os_host_info;', N'@Platform nvarchar(256) OUTPUT', @Platform = @HostPlatform OUTPUT;
            IF @HostPlatform <> N'Windows'
                INSERT INTO @Problems (Message) VALUES (N'SQL Server on ' + @HostPlatform + N' cannot run EXTERNAL_ACCESS CLR assemblies (only SAFE), and CpOrders calls WooCommerce over HTTP from its CLR. Use SQL Server 2017 or later on Windows.');
            -- Detects Amazon RDS for SQL Server (its rdsadmin database): RDS does not allow CLR assemblies.
            IF DB_ID(N'rdsadmin') IS NOT NULL
                INSERT INTO @Problems (Message) VALUES (N'Amazon RDS for SQL Server (database rdsadmin exists) does not allow CLR assemblies. Use SQL Server 2017 or later on Windows (on EC2 or on premises).');
            -- Detects CLR switched off (sys.configurations 'clr enabled', value_in_use). This script never switches it on.
            IF ISNULL(@ClrEnabled, 0) = 0
                INSERT INTO @Problems (Message) VALUES (N'CLR is disabled on this instance (clr enabled = 0). A DBA who approves CLR runs: EXEC sp_configure ''clr enabled'', 1; RECONFIGURE; and then runs this deploy again.');
            -- Detects fiber mode (sys.configurations 'lightweight pooling' = 1), in which SQL Server does not run CLR code.
            IF ISNULL(@LightweightPooling, 0) = 1
                INSERT INTO @Problems (Message) VALUES (N'This instance runs in fiber mode (lightweight pooling = 1), in which SQL Server does not run CLR code. A DBA who approves it runs: EXEC sp_configure ''show advanced options'', 1; RECONFIGURE; EXEC sp_configure ''lightweight pooling'', 0; RECONFIGURE; restarts the instance, and runs this deploy again.');
            -- Detects a deploying login that cannot add the missing trust entry (sys.sp_add_trusted_assembly needs sysadmin or CONTROL SERVER).
            IF @Major >= 14 AND {CanSeeTrust}
                EXEC sys.sp_executesql N'SELECT @Count = COUNT(*) FROM sys.trusted_assemblies WHERE [hash] = @Hash;', N'@Hash varbinary(64), @Count int OUTPUT', @Hash = {hash}, @Count = @Trusted OUTPUT;
            IF @Major >= 14 AND @Trusted = 0 AND @CanTrust = 0 AND @SameAssembly = 0
                INSERT INTO @Problems (Message) VALUES ({SqlText.N(sysadminHint)});
            -- Detects a deploying login that may not CREATE or ALTER an EXTERNAL_ACCESS assembly: a new or changed build needs the
            -- server permission EXTERNAL ACCESS ASSEMBLY (sysadmin and CONTROL SERVER imply it), even when a sysadmin trusted its hash beforehand.
            IF @SameAssembly = 0 AND HAS_PERMS_BY_NAME(NULL, NULL, N'EXTERNAL ACCESS ASSEMBLY') = 0
                INSERT INTO @Problems (Message) VALUES ({SqlText.N(externalAccessHint)});
            -- Detects the database permission the assembly step needs (checked only in the target database: before CREATE DATABASE the
            -- offline script runs these checks in master, and the login that creates the database owns it): CREATE ASSEMBLY for a first
            -- install, ALTER on the assembly for a new build. (HAS_PERMS_BY_NAME is NULL for a name it cannot resolve: not counted as a problem.)
            IF @SameAssembly = 0 AND DB_NAME() = N'$(DatabaseName)'
               AND CASE WHEN NOT EXISTS (SELECT 1 FROM sys.assemblies WHERE name = {asmN})
                        THEN HAS_PERMS_BY_NAME(QUOTENAME(DB_NAME()), N'DATABASE', N'CREATE ASSEMBLY')
                        ELSE HAS_PERMS_BY_NAME(QUOTENAME({asmN}), N'ASSEMBLY', N'ALTER') END = 0
                INSERT INTO @Problems (Message) VALUES (N'This login may not ' + CASE WHEN NOT EXISTS (SELECT 1 FROM sys.assemblies WHERE name = {asmN}) THEN N'create assemblies in database ' + QUOTENAME(DB_NAME()) + N' (CREATE ASSEMBLY)' ELSE N'alter assembly {asmQ.Replace("'", "''")} (ALTER on the assembly)' END + N'. Deploy as db_owner of ' + QUOTENAME(DB_NAME()) + N' (README, Permissions).');
            IF EXISTS (SELECT 1 FROM @Problems)
            BEGIN
                WHILE 1 = 1
                BEGIN
                    SELECT TOP (1) @Id = Id, @Text = Message FROM @Problems WHERE Id > @Id ORDER BY Id;
                    IF @@ROWCOUNT = 0 BREAK;
                    RAISERROR(N'{Prefix}: PROBLEM %d: %s', 10, 1, @Id, @Text) WITH NOWAIT;
                    SET @All = LEFT(@All + CASE WHEN @All = N'' THEN N'' ELSE N' | ' END + @Text, 1900);
                END;
                SET @Message = N'{Prefix}: stopped before changing anything: ' + CAST(@Id AS nvarchar(10)) + N' problem(s), listed above: ' + @All;
                THROW 50000, @Message, 1;
            END;
            INSERT INTO {Log} (Kind, Message) VALUES (N'checked', N'environment checks passed');
            """);

        // ---- b. schema -------------------------------------------------------------------------------------------------------
        Batch($"""
            {ServerChecksEnd}
            -- b. Schema {schemaQ}, owned by dbo. Only this script creates it; the model declares it through the ClrContract dacpac.
            {Checked}
            IF SCHEMA_ID({schemaN}) IS NULL
            BEGIN
                EXEC (N'CREATE SCHEMA {schemaQ} AUTHORIZATION [dbo]');
                {Action($"created schema {schemaQ}", 4)}
            END;
            """);

        // ---- c. trust ----------------------------------------------------------------------------------------------------------
        Batch($"""
            -- c. Trust: with clr strict security (the default since 2017) SQL Server loads the assembly only when its SHA2_512 is in sys.trusted_assemblies.
            {Checked}
            --    Reading sys.trusted_assemblies needs VIEW SERVER STATE (2017, 2019) or VIEW SERVER SECURITY STATE (2022); adding
            --    needs sysadmin or CONTROL SERVER. A login without them gets here only when this build's assembly is already
            --    in the database (checked in a.), so it leaves the entry to a sysadmin and says so in the summary.
            DECLARE @TrustNote nvarchar(400) = N'the trust entry of this build is missing or not visible to this login (VIEW SERVER STATE); the assembly is unchanged. If CLR calls fail, a sysadmin runs woo.usp_CheckInstall';
            IF NOT {CanSeeTrust}
                {Note("@TrustNote")}
            ELSE IF NOT EXISTS (SELECT 1 FROM sys.trusted_assemblies WHERE [hash] = {hash})
            BEGIN
                IF IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1
                BEGIN
                    EXEC sys.sp_add_trusted_assembly @hash = {hash}, @description = {SqlText.N(description)};
                    {Action($"added the trusted-assembly entry for {description}", 8)}
                END
                ELSE
                    {Note("@TrustNote")}
            END;
            """);

        // ---- d. assembly -------------------------------------------------------------------------------------------------------
        Batch($"""
            -- d. Assembly {asmQ}: created when missing; when its bytes differ, the wrappers whose declaration changes (their
            --    fingerprint covers the CLR method and a table function's FillRow) or that this build no longer has are dropped
            --    first, because ALTER ASSEMBLY refuses to change a method a wrapper is bound to. The drops and ALTER ASSEMBLY run in
            --    ONE transaction: if ALTER ASSEMBLY fails, the drops roll back with it and the old assembly keeps all its wrappers
            --    (DROP FUNCTION/PROCEDURE and CREATE/ALTER ASSEMBLY are allowed in a user transaction). The wrappers are created
            --    again in batch e (CREATE FUNCTION must start its batch). XACT_ABORT ON: a client timeout (attention) or any
            --    error rolls the transaction back instead of leaving it open on the deploy's connection; the session's
            --    setting is restored at the end of the batch.
            DECLARE @XactAbortWasOn bit = CASE WHEN @@OPTIONS & 16384 = 16384 THEN 1 ELSE 0 END;
            {Checked}
            SET XACT_ABORT ON;
            DECLARE @Bytes varbinary(max) = {SqlText.Hex(assembly.Bytes)};
            DECLARE @Hash varbinary(64) = {hash};
            DECLARE @AssemblyId int, @CurrentHash varbinary(64), @PermissionSet nvarchar(60), @Name sysname, @TypeWord nvarchar(20), @Sql nvarchar(max), @Message nvarchar(2048);
            DECLARE @Drop TABLE (Name sysname NOT NULL PRIMARY KEY, TypeWord nvarchar(20) NOT NULL);
            IF HASHBYTES('SHA2_512', @Bytes) <> @Hash
                THROW 50010, N'{Prefix}: the assembly bytes in this script do not match their SHA2_512 (the script was edited or cut off). Build it again.', 1;
            SELECT @AssemblyId = a.assembly_id, @PermissionSet = a.permission_set_desc, @CurrentHash = HASHBYTES('SHA2_512', f.content)
            FROM sys.assemblies AS a
            LEFT JOIN sys.assembly_files AS f ON f.assembly_id = a.assembly_id AND f.file_id = 1
            WHERE a.name = {asmN};
            BEGIN TRY
                IF @AssemblyId IS NULL
                BEGIN
                    CREATE ASSEMBLY {asmQ} AUTHORIZATION [dbo] FROM @Bytes WITH PERMISSION_SET = EXTERNAL_ACCESS;
                    {Action($"created assembly {asmQ} (EXTERNAL_ACCESS)", 8)}
                END
                ELSE IF @CurrentHash IS NULL OR @CurrentHash <> @Hash
                BEGIN
                    BEGIN TRANSACTION;
                    INSERT INTO @Drop (Name, TypeWord)
                    SELECT o.name, CASE WHEN o.type = 'PC' THEN N'PROCEDURE' ELSE N'FUNCTION' END
                    FROM sys.assembly_modules AS m
                    JOIN sys.objects AS o ON o.object_id = m.object_id
                    LEFT JOIN {Wanted} AS w ON w.Name = o.name
                    WHERE m.assembly_id = @AssemblyId
                      AND o.schema_id = SCHEMA_ID({schemaN})
                      AND o.type IN ('FS', 'FT', 'PC')
                      AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS p
                                      WHERE p.class = 1 AND p.major_id = o.object_id AND p.minor_id = 0
                                        AND p.name = N'{FingerprintProperty}' AND CAST(p.value AS nvarchar(64)) = w.Fingerprint);
                    WHILE 1 = 1
                    BEGIN
                        SELECT TOP (1) @Name = Name, @TypeWord = TypeWord FROM @Drop ORDER BY Name;
                        IF @@ROWCOUNT = 0 BREAK;
                        SET @Sql = N'DROP ' + @TypeWord + N' {schemaQ}.' + QUOTENAME(@Name) + N';';
                        EXEC (@Sql);
                        DELETE FROM @Drop WHERE Name = @Name;
                        SET @Message = N'dropped {schemaQ}.' + QUOTENAME(@Name) + N' before ALTER ASSEMBLY (its declaration changes or it is gone)';
                        INSERT INTO {Log} (Kind, Message) VALUES (N'action', @Message);
                        RAISERROR(N'{Prefix}: %s.', 10, 1, @Message) WITH NOWAIT;
                    END;
                    -- ALTER ASSEMBLY without PERMISSION_SET keeps the assembly's permission set: the clause only when it changes.
                    IF @PermissionSet = N'EXTERNAL_ACCESS'
                        ALTER ASSEMBLY {asmQ} FROM @Bytes;
                    ELSE
                        ALTER ASSEMBLY {asmQ} FROM @Bytes WITH PERMISSION_SET = EXTERNAL_ACCESS;
                    COMMIT TRANSACTION;
                    {Action($"replaced the bytes of assembly {asmQ} (ALTER ASSEMBLY, EXTERNAL_ACCESS)", 8)}
                END
                ELSE IF @PermissionSet <> N'EXTERNAL_ACCESS'
                BEGIN
                    ALTER ASSEMBLY {asmQ} WITH PERMISSION_SET = EXTERNAL_ACCESS;
                    {Action($"set the permission set of assembly {asmQ} to EXTERNAL_ACCESS", 8)}
                END
            END TRY
            BEGIN CATCH
                DECLARE @RolledBack nvarchar(200) = N'';
                IF @@TRANCOUNT > 0
                BEGIN
                    ROLLBACK TRANSACTION;
                    SET @RolledBack = N' Rolled back: the old assembly and all its wrappers are unchanged (the drops printed above were undone).';
                END;
                SET @Message = LEFT(N'{Prefix}: creating or updating assembly {asmQ} failed: ' + ERROR_MESSAGE()
                    + N' (error ' + CAST(ERROR_NUMBER() AS nvarchar(10)) + N').' + @RolledBack + N' Check that clr enabled is 1 and that the hash {hash[..18]}... is in sys.trusted_assemblies; '
                    + N'if the strong-name key or the assembly name changed, drop the {schemaQ} CLR objects and the assembly (see README) and deploy again.', 2048);
                THROW 50011, @Message, 1;
            END CATCH;
            IF @XactAbortWasOn = 0
                SET XACT_ABORT OFF;
            """);

        // ---- e. wrappers ------------------------------------------------------------------------------------------------------
        Batch($"""
            -- e. CLR wrappers in {schemaQ}: each carries extended property {FingerprintProperty} = SHA-256 of its CREATE text. A wrapper bound
            --    to this assembly with the same fingerprint is left alone; any other is dropped and created again (CREATE must
            --    start its batch, hence EXEC). Wrappers bound to this assembly that this build no longer declares are dropped.
            {Checked}
            DECLARE @AssemblyId int = (SELECT assembly_id FROM sys.assemblies WHERE name = {asmN});
            DECLARE @Name sysname, @Next sysname = N'', @TypeWord nvarchar(20), @Fingerprint nvarchar(64), @CreateSql nvarchar(max),
                    @ObjectId int, @ObjectType char(2), @Sql nvarchar(max), @Unchanged int = 0, @Message nvarchar(2048);
            DECLARE @Obsolete TABLE (Name sysname NOT NULL PRIMARY KEY, TypeWord nvarchar(20) NOT NULL);
            INSERT INTO @Obsolete (Name, TypeWord)
            SELECT o.name, CASE WHEN o.type = 'PC' THEN N'PROCEDURE' ELSE N'FUNCTION' END
            FROM sys.assembly_modules AS m
            JOIN sys.objects AS o ON o.object_id = m.object_id
            WHERE m.assembly_id = @AssemblyId AND o.schema_id = SCHEMA_ID({schemaN}) AND o.type IN ('FS', 'FT', 'PC')
              AND NOT EXISTS (SELECT 1 FROM {Wanted} AS w WHERE w.Name = o.name);
            WHILE 1 = 1
            BEGIN
                SELECT TOP (1) @Name = Name, @TypeWord = TypeWord FROM @Obsolete ORDER BY Name;
                IF @@ROWCOUNT = 0 BREAK;
                SET @Sql = N'DROP ' + @TypeWord + N' {schemaQ}.' + QUOTENAME(@Name) + N';';
                EXEC (@Sql);
                DELETE FROM @Obsolete WHERE Name = @Name;
                SET @Message = N'dropped {schemaQ}.' + QUOTENAME(@Name) + N' (this build no longer declares it)';
                INSERT INTO {Log} (Kind, Message) VALUES (N'action', @Message);
                RAISERROR(N'{Prefix}: %s.', 10, 1, @Message) WITH NOWAIT;
            END;
            WHILE 1 = 1
            BEGIN
                SELECT TOP (1) @Name = Name, @TypeWord = TypeWord, @Fingerprint = Fingerprint, @CreateSql = CreateSql
                FROM {Wanted} WHERE Name > @Next ORDER BY Name;
                IF @@ROWCOUNT = 0 BREAK;
                SET @Next = @Name;
                SELECT @ObjectId = NULL, @ObjectType = NULL;
                SELECT @ObjectId = o.object_id, @ObjectType = o.type FROM sys.objects AS o WHERE o.schema_id = SCHEMA_ID({schemaN}) AND o.name = @Name;
                IF @ObjectId IS NOT NULL
                   AND EXISTS (SELECT 1 FROM sys.assembly_modules AS m WHERE m.object_id = @ObjectId AND m.assembly_id = @AssemblyId)
                   AND EXISTS (SELECT 1 FROM sys.extended_properties AS p
                               WHERE p.class = 1 AND p.major_id = @ObjectId AND p.minor_id = 0
                                 AND p.name = N'{FingerprintProperty}' AND CAST(p.value AS nvarchar(64)) = @Fingerprint)
                BEGIN
                    SET @Unchanged += 1;
                    CONTINUE;
                END;
                BEGIN TRY
                    IF @ObjectId IS NOT NULL
                    BEGIN
                        IF @ObjectType NOT IN ('FS', 'FT', 'PC', 'FN', 'IF', 'TF', 'P')
                        BEGIN
                            SET @Message = N'{schemaQ}.' + QUOTENAME(@Name) + N' exists but is not a function or procedure (type ' + @ObjectType + N'); rename or drop it.';
                            THROW 50020, @Message, 1;
                        END;
                        SET @Sql = N'DROP ' + CASE WHEN @ObjectType IN ('PC', 'P') THEN N'PROCEDURE' ELSE N'FUNCTION' END + N' {schemaQ}.' + QUOTENAME(@Name) + N';';
                        EXEC (@Sql);
                    END;
                    EXEC (@CreateSql);
                    EXEC sys.sp_addextendedproperty @name = N'{FingerprintProperty}', @value = @Fingerprint,
                        @level0type = N'SCHEMA', @level0name = {schemaN}, @level1type = @TypeWord, @level1name = @Name;
                END TRY
                BEGIN CATCH
                    SET @Message = LEFT(N'{Prefix}: creating CLR wrapper {schemaQ}.' + QUOTENAME(@Name) + N' failed: ' + ERROR_MESSAGE()
                        + N' Its declaration comes from the assembly''s [SqlFunction]/[SqlProcedure] attributes; build the assembly and this script again.', 2048);
                    THROW 50021, @Message, 1;
                END CATCH;
                SET @Message = CASE WHEN @ObjectId IS NULL THEN N'created ' ELSE N'recreated ' END + N'CLR wrapper {schemaQ}.' + QUOTENAME(@Name);
                INSERT INTO {Log} (Kind, Message) VALUES (N'action', @Message);
                RAISERROR(N'{Prefix}: %s.', 10, 1, @Message) WITH NOWAIT;
            END;
            """);

        // ---- f. old trust entries --------------------------------------------------------------------------------------------
        string prefix = asm.ToLowerInvariant() + ",";
        string prefixLike = prefix.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal) + "%";
        Batch($"""
            -- f. Trust entries of older builds (description '{prefix}...', another hash): dropped only when no database on the
            --    instance holds an assembly with that hash (several CpOrders databases can share an instance). When a database
            --    cannot be checked (not ONLINE, no access, an error), every such entry is kept and the reason printed.
            {Checked}
            IF OBJECT_ID(N'tempdb..{OldTrust}') IS NOT NULL DROP TABLE {OldTrust};
            CREATE TABLE {OldTrust} (Hash varbinary(64) NOT NULL PRIMARY KEY, UsedIn sysname COLLATE DATABASE_DEFAULT NULL);
            DECLARE @Old int, @DatabaseId int = 0, @Database sysname, @State nvarchar(60), @Sql nvarchar(max),
                    @Unchecked nvarchar(1500) = N'', @Hash varbinary(64), @HashText nvarchar(130), @Message nvarchar(2048);
            IF {CanSeeTrust}
                INSERT INTO {OldTrust} (Hash)
                SELECT [hash] FROM sys.trusted_assemblies WHERE [description] LIKE {SqlText.N(prefixLike)} AND [hash] <> {hash};
            SET @Old = (SELECT COUNT(*) FROM {OldTrust});
            IF @Old > 0 AND NOT (IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1)
                {Note("N'kept ' + CAST(@Old AS nvarchar(10)) + N' trust entr(ies) of older builds: removing them needs sysadmin (or CONTROL SERVER)'")}
            ELSE IF @Old > 0
            BEGIN
                WHILE 1 = 1
                BEGIN
                    SELECT TOP (1) @DatabaseId = database_id, @Database = name, @State = state_desc FROM sys.databases WHERE database_id > @DatabaseId ORDER BY database_id;
                    IF @@ROWCOUNT = 0 BREAK;
                    IF @State <> N'ONLINE' OR HAS_DBACCESS(@Database) = 0
                    BEGIN
                        SET @Unchecked = LEFT(@Unchecked + N' ' + QUOTENAME(@Database) + N' (' + CASE WHEN @State <> N'ONLINE' THEN @State ELSE N'no access' END + N')', 1500);
                        CONTINUE;
                    END;
                    SET @Sql = N'UPDATE o SET UsedIn = @Database FROM {OldTrust} AS o WHERE o.UsedIn IS NULL AND EXISTS (SELECT 1 FROM '
                        + QUOTENAME(@Database) + N'.sys.assembly_files AS f WHERE HASHBYTES(''SHA2_512'', f.content) = o.Hash);';
                    BEGIN TRY
                        EXEC sys.sp_executesql @Sql, N'@Database sysname', @Database = @Database;
                    END TRY
                    BEGIN CATCH
                        SET @Unchecked = LEFT(@Unchecked + N' ' + QUOTENAME(@Database) + N' (' + ERROR_MESSAGE() + N')', 1500);
                    END CATCH;
                END;
                IF @Unchecked <> N''
                    {Note("N'kept ' + CAST(@Old AS nvarchar(10)) + N' trust entr(ies) of older builds: these databases could not be checked for assemblies that use them:' + @Unchecked")}
                ELSE
                BEGIN
                    WHILE 1 = 1
                    BEGIN
                        SELECT TOP (1) @Hash = Hash, @Database = UsedIn FROM {OldTrust} ORDER BY Hash;
                        IF @@ROWCOUNT = 0 BREAK;
                        DELETE FROM {OldTrust} WHERE Hash = @Hash;
                        SET @HashText = CONVERT(nvarchar(130), @Hash, 1);
                        IF @Database IS NOT NULL
                            {Note("N'kept the trust entry ' + @HashText + N' of an older build: database ' + QUOTENAME(@Database) + N' still holds an assembly with that hash'")}
                        ELSE
                        BEGIN
                            EXEC sys.sp_drop_trusted_assembly @hash = @Hash;
                            SET @Message = N'dropped the trust entry ' + @HashText + N' of an older build (no database uses it)';
                            INSERT INTO {Log} (Kind, Message) VALUES (N'action', @Message);
                            RAISERROR(N'{Prefix}: %s.', 10, 1, @Message) WITH NOWAIT;
                        END;
                    END;
                END;
            END;
            DROP TABLE {OldTrust};
            """);

        // ---- g. summary -------------------------------------------------------------------------------------------------------
        Batch($"""
            -- g. Summary, one line: the engine, notes (kept trust entries, Express), and the number of changes or "no changes." in
            --    the shape the second-publish check accepts.
            {Checked}
            DECLARE @Actions int = (SELECT COUNT(*) FROM {Log} WHERE Kind = N'action');
            -- nvarchar(1800), not max: RAISERROR takes no max type as an argument, and its message is at most 2,047 characters.
            DECLARE @Details nvarchar(1800) = LEFT({SqlText.N($"assembly {assembly.FullName}, {objects.Count} CLR object(s)")}
                + ISNULL((SELECT N'; ' + l.Message FROM {Log} AS l WHERE l.Kind IN (N'environment', N'note') ORDER BY l.Id FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), N''), 1800);
            IF @Actions = 0
                RAISERROR(N'{Prefix} (%s): no changes.', 10, 1, @Details) WITH NOWAIT;
            ELSE
                RAISERROR(N'{Prefix} (%s): %d change(s), listed above.', 10, 1, @Details, @Actions) WITH NOWAIT;
            DROP TABLE {Log};
            DROP TABLE {Wanted};
            """);
        return sql.ToString();
    }

    /// <summary>Writes the script only when its text changed. Returns true when it wrote.</summary>
    public static bool Write(ClrAssemblyInfo assembly, string path) => SqlText.WriteIfChanged(path, Render(assembly));
}
