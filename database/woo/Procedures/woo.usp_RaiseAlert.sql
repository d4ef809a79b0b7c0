-- Raises an alert: a new row, or, when the same problem (Code, StoreId, QueueId) already has an open (unacknowledged)
-- alert, one more occurrence on that row (Occurrences, LastRaisedAtUtc, the latest message, the higher severity).
-- So a pull failing every 30 seconds is one open alert with a count, not 2,880 rows a day; an operator who acknowledges
-- it gets a new row on the next occurrence. Internal: callers are CpOrders procedures (ownership chaining), granted
-- to no role. Safe inside the caller's transaction (table writes only) and under concurrency (UPDLOCK, HOLDLOCK on the
-- lookup, so two sessions raising the same problem make one row). Contract: a caller that raises inside its own
-- transaction raises as the last statement before COMMIT (the lookup's range lock lasts until then).
CREATE PROCEDURE [woo].[usp_RaiseAlert]
    @Severity varchar (10),
    @Code     varchar (40),
    @Message  nvarchar (4000),
    @StoreId  varchar (10) = NULL,
    @QueueId  bigint = NULL,
    @RunId    bigint = NULL,
    @AlertId  bigint = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @Severity IS NULL OR @Severity NOT IN ('INFO', 'WARNING', 'CRITICAL') OR @Code IS NULL OR @Code = '' OR @Message IS NULL
        THROW 50190, N'CPO-PARAM: woo.usp_RaiseAlert needs @Severity INFO, WARNING or CRITICAL, a @Code and a @Message.', 1;

    DECLARE @Now datetime2 (3) = SYSUTCDATETIME();
    SET @AlertId = NULL;

    -- A transaction of its own only when the caller has none, so the lookup's range lock lasts until the insert.
    DECLARE @OwnTran bit = CASE WHEN @@TRANCOUNT = 0 THEN 1 ELSE 0 END;
    IF @OwnTran = 1
        BEGIN TRANSACTION;

    SELECT TOP (1) @AlertId = a.AlertId
    FROM woo.Alert AS a WITH (UPDLOCK, HOLDLOCK)
    WHERE a.Code = @Code
      AND a.AcknowledgedAtUtc IS NULL
      AND EXISTS (SELECT a.StoreId, a.QueueId INTERSECT SELECT @StoreId, @QueueId)   -- NULL-equal and seekable: locks only this problem's range (r15 finding 8)
    ORDER BY a.AlertId DESC;

    IF @AlertId IS NOT NULL
        UPDATE woo.Alert
        SET Occurrences = Occurrences + 1,
            LastRaisedAtUtc = @Now,
            [Message] = @Message,
            RunId = ISNULL(@RunId, RunId),
            Severity = CASE WHEN Severity = 'CRITICAL' OR @Severity = 'CRITICAL' THEN 'CRITICAL'
                            WHEN Severity = 'WARNING' OR @Severity = 'WARNING' THEN 'WARNING'
                            ELSE 'INFO' END
        WHERE AlertId = @AlertId;
    ELSE
    BEGIN
        INSERT INTO woo.Alert (RaisedAtUtc, LastRaisedAtUtc, Severity, Code, StoreId, QueueId, RunId, [Message])
        VALUES (@Now, @Now, @Severity, @Code, @StoreId, @QueueId, @RunId, @Message);
        SET @AlertId = CONVERT(bigint, SCOPE_IDENTITY());
    END;

    IF @OwnTran = 1
        COMMIT TRANSACTION;
    RETURN 0;
END;
