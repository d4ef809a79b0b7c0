-- msdb.dbo.sysjobsteps (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[sysjobsteps] (
    [job_id]          uniqueidentifier NOT NULL,
    [step_id]         int              NOT NULL,
    [step_name]       sysname          NOT NULL,
    [subsystem]       nvarchar(40)     NOT NULL,
    [command]         nvarchar(max)    NULL,
    [database_name]   sysname          NULL,
    [step_uid]        uniqueidentifier NULL,
    CONSTRAINT [PK_sysjobsteps] PRIMARY KEY ([job_id], [step_id])
);
