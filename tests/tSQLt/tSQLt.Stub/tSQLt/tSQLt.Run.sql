-- Signature of tSQLt.Run (stub; never deployed).
CREATE PROCEDURE [tSQLt].[Run]
    @TestName nvarchar(max) = NULL,
    @TestResultFormatter nvarchar(max) = NULL
AS
RETURN 0;
