-- An operator acknowledges open alerts: one (@AlertId), or every open alert of a class (@Code), optionally of one
-- store (@StoreId). Records who (ORIGINAL_LOGIN(), also through EXECUTE AS), when and why (@Reason: no personal data).
-- The same problem raised again afterwards makes a new alert (woo.usp_RaiseAlert), so an acknowledgement never hides
-- a problem that comes back. Every problem is reported at once; @Execute = 'N' lists the alerts it would acknowledge.
CREATE PROCEDURE [woo].[usp_AcknowledgeAlert]
    @AlertId bigint = NULL,
    @Code    varchar (40) = NULL,
    @StoreId varchar (10) = NULL,
    @Reason  nvarchar (400) = NULL,
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @AlertId IS NULL AND @Code IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'name the alerts: @AlertId, or @Code (with @StoreId for one store).');
    IF @Reason IS NULL OR LTRIM(RTRIM(@Reason)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required: say what was done (no personal data).');
    IF @AlertId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Alert AS a WHERE a.AlertId = @AlertId)
        INSERT INTO @Errors ([Message]) VALUES (N'alert ' + CONVERT(nvarchar (20), @AlertId) + N' does not exist.');
    ELSE IF @AlertId IS NOT NULL
        INSERT INTO @Errors ([Message])
        SELECT N'alert ' + CONVERT(nvarchar (20), a.AlertId) + N' was acknowledged already by ' + a.AcknowledgedBy + N' at '
               + CONVERT(nvarchar (30), a.AcknowledgedAtUtc, 120) + N' UTC.'
        FROM woo.Alert AS a WHERE a.AlertId = @AlertId AND a.AcknowledgedAtUtc IS NOT NULL;
    IF @AlertId IS NOT NULL AND (@Code IS NOT NULL OR @StoreId IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM woo.Alert AS a WHERE a.AlertId = @AlertId AND (@Code IS NULL OR a.Code = @Code) AND (@StoreId IS NULL OR a.StoreId = @StoreId))
        INSERT INTO @Errors ([Message]) VALUES (N'alert ' + CONVERT(nvarchar (20), @AlertId) + N' is not of the @Code / @StoreId given.');
    IF @AlertId IS NULL AND @Code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM woo.Alert AS a WHERE a.Code = @Code AND a.AcknowledgedAtUtc IS NULL AND (@StoreId IS NULL OR a.StoreId = @StoreId))
        INSERT INTO @Errors ([Message]) VALUES (N'no open alert of class ''' + @Code + N'''' + ISNULL(N' for store ''' + @StoreId + N'''', N'')
                                                + N' (SELECT Code, StoreId, COUNT(*) FROM woo.Alert WHERE AcknowledgedAtUtc IS NULL GROUP BY Code, StoreId;).');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_AcknowledgeAlert: nothing was acknowledged; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50621, @All, 1;
    END;

    SELECT a.AlertId, a.Severity, a.Code, a.StoreId, a.QueueId, a.Occurrences, a.RaisedAtUtc, a.LastRaisedAtUtc, a.[Message]
    FROM woo.Alert AS a
    WHERE a.AcknowledgedAtUtc IS NULL AND (@AlertId IS NULL OR a.AlertId = @AlertId) AND (@Code IS NULL OR a.Code = @Code)
      AND (@StoreId IS NULL OR a.StoreId = @StoreId)
    ORDER BY a.AlertId;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_AcknowledgeAlert: @Execute = ''N'' acknowledged nothing (the alerts are listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @Count int, @By sysname = ORIGINAL_LOGIN();
    UPDATE a
    SET AcknowledgedAtUtc = SYSUTCDATETIME(), AcknowledgedBy = @By, AcknowledgedReason = LTRIM(RTRIM(@Reason))
    FROM woo.Alert AS a
    WHERE a.AcknowledgedAtUtc IS NULL AND (@AlertId IS NULL OR a.AlertId = @AlertId) AND (@Code IS NULL OR a.Code = @Code)
      AND (@StoreId IS NULL OR a.StoreId = @StoreId);
    SET @Count = @@ROWCOUNT;
    RAISERROR (N'woo.usp_AcknowledgeAlert: %d alert(s) acknowledged by %s.', 10, 1, @Count, @By) WITH NOWAIT;
    RETURN 0;
END;
