-- Signature of tSQLt.SpyProcedure (stub; never deployed).
CREATE PROCEDURE [tSQLt].[SpyProcedure]
    @ProcedureName nvarchar(max),
    @CommandToExecute nvarchar(max) = NULL,
    @CallOriginal bit = 0
AS
RETURN 0;
