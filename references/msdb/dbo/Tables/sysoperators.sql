-- msdb.dbo.sysoperators (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[sysoperators] (
    [id]            int           NOT NULL,
    [name]          sysname       NOT NULL,
    [enabled]       tinyint       NOT NULL,
    [email_address] nvarchar(100) NULL,
    CONSTRAINT [PK_sysoperators] PRIMARY KEY ([id])
);
