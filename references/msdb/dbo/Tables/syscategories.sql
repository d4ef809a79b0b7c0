-- msdb.dbo.syscategories (SQL Server 2017), the columns CpOrders reads. Never deployed.
CREATE TABLE [dbo].[syscategories] (
    [category_id]    int     NOT NULL,
    [category_class] int     NOT NULL,
    [category_type]  tinyint NOT NULL,
    [name]           sysname NOT NULL,
    CONSTRAINT [PK_syscategories] PRIMARY KEY ([category_id])
);
