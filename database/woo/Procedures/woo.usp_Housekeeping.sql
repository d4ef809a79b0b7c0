-- Retention (design 10, issue 15): deletes woo.RunLog rows, woo.OrderEvent rows of finished orders (APPLIED, SKIPPED),
-- woo.Outbox messages SENT or SKIPPED of orders that can no longer change (woo.OrderFulfillment Closed = 'Y', or skipped
-- without a document: their Markers keep every announcement once while the order is followed), and acknowledged woo.Alert
-- rows older than their days in woo.AlertSettings, and
-- purges the raw order JSON past each store's woo.Store.RawJsonRetentionDays (woo.usp_PurgeOrderJson, its own PURGE
-- run log row). Deletes run in batches of @BatchSize rows, each its own short transaction, so the POS and the
-- pipeline never wait long. Orders, documents and open alerts are never deleted; events of orders still waiting for a
-- person (PARKED, DEAD, or APPLIED but changed after apply) stay. One woo.RunLog row (HOUSEKEEPING) per run. @Execute = 'N' counts what would go.
CREATE PROCEDURE [woo].[usp_Housekeeping]
    @Execute   char (1) = 'Y',
    @BatchSize int = 5000
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @BatchSize IS NULL OR @BatchSize NOT BETWEEN 100 AND 50000
        INSERT INTO @Errors ([Message]) VALUES (N'@BatchSize must be between 100 and 50000 rows per transaction.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_Housekeeping: nothing was deleted; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50641, @All, 1;
    END;

    DECLARE @Now datetime2 (3) = SYSUTCDATETIME();
    DECLARE @RunLogCut datetime2 (3), @EventCut datetime2 (3), @OutboxCut datetime2 (3), @AlertCut datetime2 (3);
    SELECT @RunLogCut = DATEADD(DAY, -s.RunLogRetentionDays, @Now), @EventCut = DATEADD(DAY, -s.OrderEventRetentionDays, @Now),
           @OutboxCut = DATEADD(DAY, -s.OutboxRetentionDays, @Now), @AlertCut = DATEADD(DAY, -s.AlertRetentionDays, @Now)
    FROM woo.AlertSettings AS s;

    IF @Execute = 'N'
    BEGIN
        SELECT x.[Table], x.OlderThanUtc, x.RowsToDelete
        FROM (VALUES (1, N'woo.RunLog', @RunLogCut, (SELECT COUNT_BIG(*) FROM woo.RunLog AS r WHERE r.StartedAtUtc < @RunLogCut)),
                     (2, N'woo.OrderEvent (APPLIED, SKIPPED orders not changed after apply)', @EventCut,
                      (SELECT COUNT_BIG(*) FROM woo.OrderEvent AS e JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId
                       WHERE e.EventAtUtc < @EventCut AND q.[State] IN ('APPLIED', 'SKIPPED') AND q.ChangedAfterApply = 'N')),
                     (3, N'woo.Outbox (SENT, SKIPPED; orders closed or skipped)', @OutboxCut,
                      (SELECT COUNT_BIG(*) FROM woo.Outbox AS o WHERE o.[State] IN ('SENT', 'SKIPPED') AND ISNULL(o.SentAtUtc, o.CreatedAtUtc) < @OutboxCut
                         AND (EXISTS (SELECT 1 FROM woo.OrderFulfillment AS f WHERE f.QueueId = o.QueueId AND f.Closed = 'Y')
                              OR EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.QueueId = o.QueueId AND q.[State] = 'SKIPPED' AND q.DocId IS NULL)))),
                     (4, N'woo.Alert (acknowledged)', @AlertCut, (SELECT COUNT_BIG(*) FROM woo.Alert AS a WHERE a.AcknowledgedAtUtc < @AlertCut))
             ) AS x (Ord, [Table], OlderThanUtc, RowsToDelete)
        ORDER BY x.Ord;
        EXEC woo.usp_PurgeOrderJson @Execute = 'N';
        RAISERROR (N'woo.usp_Housekeeping: @Execute = ''N'' deleted nothing (what would go is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @RunId bigint, @LockResult int, @HoldsLock bit = 0, @HoldsOwn bit = 0, @Msg nvarchar (2048), @Batch int,
            @RunLogs bigint = 0, @Events bigint = 0, @Messages bigint = 0, @Alerts bigint = 0;
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('HOUSEKEEPING', NULL, @Now, 'RUNNING', 'N');
    SET @RunId = SCOPE_IDENTITY();
    BEGIN TRY
        EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                             @LockTimeout = 0, @DbPrincipal = N'public';
        IF @LockResult >= 0
        BEGIN
            SET @HoldsLock = 1;
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Housekeeping', @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
                SET @HoldsOwn = 1;
        END;
        IF @HoldsOwn = 0
        BEGIN
            SET @Msg = N'CPO-PIPELINE-BUSY: a deploy or another housekeeping run holds its lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                     + N'); this run is skipped. The next scheduled run goes on.';
            UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        -- Each DELETE TOP is one short autocommit transaction (no BEGIN TRANSACTION around the loops).
        SET @Batch = 1;
        WHILE @Batch > 0
        BEGIN
            DELETE TOP (@BatchSize) r FROM woo.RunLog AS r WHERE r.StartedAtUtc < @RunLogCut AND r.RunId <> @RunId;
            SET @Batch = @@ROWCOUNT;
            SET @RunLogs += @Batch;
        END;
        SET @Batch = 1;
        WHILE @Batch > 0
        BEGIN
            DELETE TOP (@BatchSize) e
            FROM woo.OrderEvent AS e
            JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId
            WHERE e.EventAtUtc < @EventCut AND q.[State] IN ('APPLIED', 'SKIPPED')
              AND q.ChangedAfterApply = 'N';   -- an order changed after apply waits for a person: its events say what changed (r15 finding 10)
            SET @Batch = @@ROWCOUNT;
            SET @Events += @Batch;
        END;
        SET @Batch = 1;
        WHILE @Batch > 0
        BEGIN
            -- Only messages of orders that can no longer change: their (StoreId, WooOrderId, Kind, Marker) keys are what
            -- makes each announcement happen once (woo.OrderFulfillment, woo.usp_SyncFulfillment), so they stay while the
            -- order is followed (no OrderFulfillment row yet, or Closed = 'N'). Gone: those of a Closed order and of an
            -- order skipped without a document (r15 finding 9).
            DELETE TOP (@BatchSize) o FROM woo.Outbox AS o
            WHERE o.[State] IN ('SENT', 'SKIPPED') AND ISNULL(o.SentAtUtc, o.CreatedAtUtc) < @OutboxCut
              AND (EXISTS (SELECT 1 FROM woo.OrderFulfillment AS f WHERE f.QueueId = o.QueueId AND f.Closed = 'Y')
                   OR EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.QueueId = o.QueueId AND q.[State] = 'SKIPPED' AND q.DocId IS NULL));
            SET @Batch = @@ROWCOUNT;
            SET @Messages += @Batch;
        END;
        SET @Batch = 1;
        WHILE @Batch > 0
        BEGIN
            DELETE TOP (@BatchSize) a FROM woo.Alert AS a WHERE a.AcknowledgedAtUtc < @AlertCut;
            SET @Batch = @@ROWCOUNT;
            SET @Alerts += @Batch;
        END;
        RAISERROR (N'woo.usp_Housekeeping: deleted %I64d run log row(s), %I64d order event(s), %I64d outbox message(s), %I64d acknowledged alert(s); purging raw order JSON.',
                   10, 1, @RunLogs, @Events, @Messages, @Alerts) WITH NOWAIT;

        -- The raw JSON, per store's retention (its own run log row PURGE).
        EXEC woo.usp_PurgeOrderJson @Execute = 'Y';

        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'OK',
            Details = (SELECT @RunLogs AS run_log, @Events AS order_events, @Messages AS outbox_messages, @Alerts AS acknowledged_alerts,
                              @RunLogCut AS run_log_before, @EventCut AS order_events_before, @OutboxCut AS outbox_before, @AlertCut AS alerts_before
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Housekeeping', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsOwn = 0;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsLock = 0;
        RAISERROR (N'woo.usp_Housekeeping: done (run %I64d).', 10, 1, @RunId) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        BEGIN TRY
            IF @HoldsOwn = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Housekeeping', @LockOwner = N'Session', @DbPrincipal = N'public';
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        END TRY
        BEGIN CATCH
            SET @HoldsLock = 0; -- the connection's end releases them
        END CATCH;
        UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-HOUSEKEEPING-ERROR', ErrorMessage = @Error,
                     Details = (SELECT @RunLogs AS run_log, @Events AS order_events, @Messages AS outbox_messages, @Alerts AS acknowledged_alerts
                                FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    RETURN 0;
END;
