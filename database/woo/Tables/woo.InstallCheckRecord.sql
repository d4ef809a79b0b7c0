-- The last real answer of each woo.usp_CheckInstall check, recorded by woo.usp_PipelineHealth when its caller could see
-- it (post-deploy runs it as the deploying DBA; any later run by a DBA refreshes it). Why: some facts are server-level
-- (sys.trusted_assemblies needs VIEW SERVER STATE, the assembly's bytes VIEW DEFINITION on it), so the job login, an
-- operator or a monitor login would only get SKIP; the health views show them this record instead, with when and by
-- whom it was made, and never an OK for what nobody could see ("a health check that lies to a non-sysadmin").
-- A SKIP never overwrites a real answer. A record is valid only on the server and for the copy of the database it was
-- made on (ServerName = @@SERVERNAME and DatabaseCreatedAt = sys.databases.create_date, which a restore or an attach
-- resets): after a restore to another server or an AG failover (where a trust entry is typically missing) the views
-- say UNKNOWN until a DBA runs EXEC woo.usp_PipelineHealth there.
CREATE TABLE [woo].[InstallCheckRecord] (
    [CheckName]          varchar (40)   NOT NULL,   -- woo.usp_CheckInstall's CheckName
    [Status]             varchar (4)    NOT NULL,   -- OK | WARN | FAIL
    [Detail]             nvarchar (max) NOT NULL,
    [CheckedAtUtc]       datetime2 (0)  CONSTRAINT [DF_InstallCheckRecord_CheckedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,  -- the answer last changed
    [ConfirmedAtUtc]     datetime2 (0)  CONSTRAINT [DF_InstallCheckRecord_ConfirmedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL, -- last seen with this answer
    [CheckedBy]          sysname        CONSTRAINT [DF_InstallCheckRecord_CheckedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    [ServerName]         sysname        NOT NULL,
    [DatabaseCreatedAt]  datetime       NOT NULL,
    CONSTRAINT [PK_InstallCheckRecord] PRIMARY KEY CLUSTERED ([CheckName]),
    CONSTRAINT [CK_InstallCheckRecord_Status] CHECK ([Status] IN ('OK', 'WARN', 'FAIL'))
);
