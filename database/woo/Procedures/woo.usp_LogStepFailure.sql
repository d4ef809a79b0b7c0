-- Records a failed run of a step, from the step's CATCH (after its ROLLBACK, before its THROW): the code is the first
-- 'CPO-…:' in the error message (else @DefaultCode), the run log row @RunId ends FAILED with the code and the message,
-- and one alert is raised (CRITICAL for CPO-SECRET*, else WARNING) saying what failed (@What), the error and @After
-- (what stays as it was). Internal: called by the step procedures, granted to no role.
CREATE PROCEDURE [woo].[usp_LogStepFailure]
    @RunId       bigint,
    @StoreId     varchar (10),
    @Error       nvarchar (4000),
    @DefaultCode varchar (40),
    @What        nvarchar (200),
    @After       nvarchar (400),
    @Code        varchar (40) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @Tail nvarchar (4000) = CASE WHEN CHARINDEX(N'CPO-', @Error) > 0 THEN SUBSTRING(@Error, CHARINDEX(N'CPO-', @Error), 4000) END;
    SET @Code = CASE WHEN CHARINDEX(N':', @Tail) BETWEEN 5 AND 41 THEN LEFT(@Tail, CHARINDEX(N':', @Tail) - 1) ELSE @DefaultCode END;
    IF @RunId IS NULL
        RETURN 0;
    UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = @Code, ErrorMessage = @Error
    FROM woo.RunLog AS r WHERE r.RunId = @RunId;
    DECLARE @Msg nvarchar (2048) = LEFT(CONCAT(@Code, N': store ', @StoreId, N': ', @What, N' failed: ', @Error, N' ', @After, N' See woo.RunLog ', @RunId, N'.'), 2048);
    DECLARE @Severity varchar (10) = CASE WHEN @Code LIKE 'CPO-SECRET%' THEN 'CRITICAL' ELSE 'WARNING' END;
    EXEC woo.usp_RaiseAlert @Severity = @Severity, @Code = @Code, @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
    RETURN 0;
END;
