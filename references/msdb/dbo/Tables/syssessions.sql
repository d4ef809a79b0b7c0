-- msdb.dbo.syssessions (SQL Server 2017), the columns CpOrders reads: the current SQL Agent session, so that
-- woo.usp_CheckAlerts reads only its rows of sysjobactivity (rows of earlier sessions never ended). Never deployed.
CREATE TABLE [dbo].[syssessions] (
    [session_id]       int      NOT NULL,
    [agent_start_date] datetime NOT NULL,
    CONSTRAINT [PK_syssessions] PRIMARY KEY ([session_id])
);
