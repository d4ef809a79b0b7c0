-- Signature of tSQLt.ApplyConstraint (stub; never deployed).
CREATE PROCEDURE [tSQLt].[ApplyConstraint]
    @TableName nvarchar(max),
    @ConstraintName nvarchar(max),
    @SchemaName nvarchar(max) = NULL,
    @NoCascade bit = 0
AS
RETURN 0;
