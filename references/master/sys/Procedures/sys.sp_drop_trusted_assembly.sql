-- Signature of sys.sp_drop_trusted_assembly (SQL Server 2017; Microsoft's documentation). Stub body: never deployed.
CREATE PROCEDURE [sys].[sp_drop_trusted_assembly]
    @hash varbinary(8000)
AS
RETURN 0;
