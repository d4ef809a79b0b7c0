-- msdb.dbo.sysschedules (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[sysschedules] (
    [schedule_id]            int              NOT NULL,
    [schedule_uid]           uniqueidentifier NOT NULL,
    [originating_server_id]  int              NOT NULL,
    [name]                   sysname          NOT NULL,
    [owner_sid]              varbinary(85)    NOT NULL,
    [enabled]                int              NOT NULL,
    [freq_type]              int              NOT NULL,
    [freq_interval]          int              NOT NULL,
    [freq_subday_type]       int              NOT NULL,
    [freq_subday_interval]   int              NOT NULL,
    [freq_relative_interval] int              NOT NULL,
    [freq_recurrence_factor] int              NOT NULL,
    [active_start_date]      int              NOT NULL,
    [active_end_date]        int              NOT NULL,
    [active_start_time]      int              NOT NULL,
    [active_end_time]        int              NOT NULL,
    [date_created]           datetime         NOT NULL,
    [date_modified]          datetime         NOT NULL,
    [version_number]         int              NOT NULL,
    CONSTRAINT [PK_sysschedules] PRIMARY KEY ([schedule_id])
);
