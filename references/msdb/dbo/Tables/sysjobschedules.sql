-- msdb.dbo.sysjobschedules (SQL Server 2017): which schedule runs which job. Never deployed.
CREATE TABLE [dbo].[sysjobschedules] (
    [schedule_id]   int              NULL,
    [job_id]        uniqueidentifier NULL,
    [next_run_date] int              NOT NULL,
    [next_run_time] int              NOT NULL
);
