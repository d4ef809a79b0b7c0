-- Signature of tSQLt.NewTestClass (stub; never deployed).
CREATE PROCEDURE [tSQLt].[NewTestClass]
    @ClassName nvarchar(max)
AS
RETURN 0;
