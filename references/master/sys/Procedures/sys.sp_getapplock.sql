-- Signature of sys.sp_getapplock (SQL Server 2017). Stub body: never deployed. Returns 0/1 granted, -1 timeout,
-- -2 cancelled, -3 deadlock victim, -999 parameter error.
CREATE PROCEDURE [sys].[sp_getapplock]
    @Resource nvarchar(255),
    @LockMode varchar(32),
    @LockOwner varchar(32) = 'Transaction',
    @LockTimeout int = NULL,
    @DbPrincipal sysname = N'public'
AS
RETURN 0;
