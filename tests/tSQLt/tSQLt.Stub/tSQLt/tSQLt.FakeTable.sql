-- Signature of tSQLt.FakeTable (stub; never deployed).
CREATE PROCEDURE [tSQLt].[FakeTable]
    @TableName nvarchar(max),
    @SchemaName nvarchar(max) = NULL,
    @Identity bit = NULL,
    @ComputedColumns bit = NULL,
    @Defaults bit = NULL
AS
RETURN 0;
