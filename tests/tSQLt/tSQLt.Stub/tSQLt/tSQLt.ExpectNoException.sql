-- Signature of tSQLt.ExpectNoException (stub; never deployed).
CREATE PROCEDURE [tSQLt].[ExpectNoException]
    @Message nvarchar(max) = NULL
AS
RETURN 0;
