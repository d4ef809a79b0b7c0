-- The modules post-deploy signs (those that use the Counterpoint database, derived from the code by build/DbTool),
-- copied here by post-deploy so woo.usp_CheckInstall can compare them with the signatures in force.
CREATE TABLE [woo].[SignedModule] (
    [SchemaName] sysname NOT NULL,
    [ObjectName] sysname NOT NULL,
    CONSTRAINT [PK_SignedModule] PRIMARY KEY CLUSTERED ([SchemaName], [ObjectName])
);
