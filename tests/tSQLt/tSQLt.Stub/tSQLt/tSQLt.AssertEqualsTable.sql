-- Signature of tSQLt.AssertEqualsTable (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertEqualsTable]
    @Expected nvarchar(max),
    @Actual nvarchar(max),
    @Message nvarchar(max) = NULL,
    @FailMsg nvarchar(max) = 'Unexpected/missing resultset rows!'
AS
RETURN 0;
