-- Signature of tSQLt.ExpectException (stub; never deployed).
CREATE PROCEDURE [tSQLt].[ExpectException]
    @ExpectedMessage nvarchar(max) = NULL,
    @ExpectedSeverity int = NULL,
    @ExpectedState int = NULL,
    @Message nvarchar(max) = NULL,
    @ExpectedMessagePattern nvarchar(max) = NULL,
    @ExpectedErrorNumber int = NULL
AS
RETURN 0;
