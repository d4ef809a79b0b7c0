-- msdb.dbo.sysjobs (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[sysjobs] (
    [job_id]                 uniqueidentifier NOT NULL,
    [originating_server_id]  int              NOT NULL,
    [name]                   sysname          NOT NULL,
    [enabled]                tinyint          NOT NULL,
    [description]            nvarchar(512)    NULL,
    [start_step_id]          int              NOT NULL,
    [category_id]            int              NOT NULL,
    [notify_level_eventlog]  int              NOT NULL,
    [notify_level_email]     int              NOT NULL,
    [owner_sid]              varbinary(85)    NOT NULL,
    [date_created]           datetime         NOT NULL,
    [date_modified]          datetime         NOT NULL,
    [version_number]         int              NOT NULL,
    CONSTRAINT [PK_sysjobs] PRIMARY KEY ([job_id])
);
