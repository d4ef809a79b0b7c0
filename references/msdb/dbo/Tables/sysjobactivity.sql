-- msdb.dbo.sysjobactivity (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[sysjobactivity] (
    [session_id]              int              NOT NULL,
    [job_id]                  uniqueidentifier NOT NULL,
    [run_requested_date]      datetime         NULL,
    [start_execution_date]    datetime         NULL,
    [last_executed_step_id]   int              NULL,
    [stop_execution_date]     datetime         NULL,
    [next_scheduled_run_date] datetime         NULL,
    CONSTRAINT [PK_sysjobactivity] PRIMARY KEY ([session_id], [job_id])
);
