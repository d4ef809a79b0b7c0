-- One row per deployment that changed CpOrders: which version of the model and of the CLR assembly is installed.
-- Written by post-deploy only when the version differs from the newest row, so a repeated deploy adds nothing.
CREATE TABLE [woo].[SchemaVersion] (
    [SchemaVersionId] int           IDENTITY (1, 1) NOT NULL,
    [Version]         varchar (20)  NOT NULL,
    [ClrVersion]      varchar (20)  NULL,
    [DeployedAtUtc]   datetime2 (0) CONSTRAINT [DF_SchemaVersion_DeployedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [DeployedBy]      sysname       CONSTRAINT [DF_SchemaVersion_DeployedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_SchemaVersion] PRIMARY KEY CLUSTERED ([SchemaVersionId])
);
