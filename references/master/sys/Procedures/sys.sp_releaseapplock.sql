-- Signature of sys.sp_releaseapplock (SQL Server 2017). Stub body: never deployed. Returns 0 released, -999 error
-- (the lock was not held).
CREATE PROCEDURE [sys].[sp_releaseapplock]
    @Resource nvarchar(255),
    @LockOwner varchar(32) = 'Transaction',
    @DbPrincipal sysname = N'public'
AS
RETURN 0;
