-- The CpOrders jobs that pre-deploy disabled for a deploy; post-deploy re-enables them and empties the table.
-- Rows left behind mean a deploy failed between the two: run EXEC woo.usp_RestoreJobsAfterDeploy (README, Recovery).
CREATE TABLE [woo].[DeployJobState] (
    [JobId]         uniqueidentifier NOT NULL,
    [JobName]       sysname          NOT NULL,
    [DisabledAtUtc] datetime2 (0)    CONSTRAINT [DF_DeployJobState_DisabledAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_DeployJobState] PRIMARY KEY CLUSTERED ([JobId])
);
