-- Exactly the permissions the signing certificate's user holds in the Counterpoint database (derived from the code by
-- build/DbTool), copied here by post-deploy so woo.usp_CheckInstall can compare them with what that user holds.
CREATE TABLE [woo].[CounterpointGrant] (
    [PermissionName] nvarchar (60) NOT NULL,
    [SchemaName]     sysname       NOT NULL,
    [ObjectName]     sysname       NOT NULL,
    [ColumnName]     sysname       CONSTRAINT [DF_CounterpointGrant_ColumnName] DEFAULT (N'') NOT NULL,
    CONSTRAINT [PK_CounterpointGrant] PRIMARY KEY CLUSTERED ([PermissionName], [SchemaName], [ObjectName], [ColumnName])
);
