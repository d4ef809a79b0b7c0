-- Design 10: the raw order JSON is kept for woo.Store.RawJsonRetentionDays, then purged. Clears OrderJson of queue rows
-- that are finished (APPLIED, SKIPPED, DEAD) and unchanged for longer than their store's retention, in short batches
-- (1,000 rows per transaction), with a PURGED event per row. ContentHash, WooStatus and DateModifiedGmt stay, so a
-- later pull still de-duplicates and compares status and time (woo.usp_UpsertOrders copes with a NULL OrderJson);
-- woo.usp_RequeueOrder refuses a row without JSON (the next pull or woo.usp_StageOrderJson brings it back).
-- @StoreId NULL = every store. @Execute = 'N' (the default) shows how many rows per store would be purged, writes nothing.
-- One woo.RunLog row (PURGE) per executed run.
CREATE PROCEDURE [woo].[usp_PurgeOrderJson]
    @StoreId varchar (10) = NULL,
    @Execute char (1) = 'N'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @StoreId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + @StoreId + N''' is not a store (NULL = every store).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_PurgeOrderJson: nothing was purged; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50136, @All, 1;
    END;

    DECLARE @Now datetime2 (0) = SYSUTCDATETIME();
    IF @Execute = 'N'
    BEGIN
        SELECT s.StoreId, s.RawJsonRetentionDays, COUNT(q.QueueId) AS RowsToPurge
        FROM woo.Store AS s
        LEFT JOIN woo.OrderQueue AS q ON q.StoreId = s.StoreId AND q.[State] IN ('APPLIED', 'SKIPPED', 'DEAD') AND q.OrderJson IS NOT NULL
                                      AND q.UpdatedAtUtc < DATEADD(DAY, -s.RawJsonRetentionDays, @Now)
        WHERE @StoreId IS NULL OR s.StoreId = @StoreId
        GROUP BY s.StoreId, s.RawJsonRetentionDays
        ORDER BY s.StoreId;
        RAISERROR (N'woo.usp_PurgeOrderJson: @Execute = ''N'' wrote nothing.', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @RunId bigint, @Total int = 0, @Batch int = 1;
    DECLARE @Purged TABLE (QueueId bigint NOT NULL);
    INSERT INTO woo.RunLog (Step, StoreId, Outcome, IsDryRun) VALUES ('PURGE', @StoreId, 'RUNNING', 'N');
    SET @RunId = SCOPE_IDENTITY();
    BEGIN TRY
        WHILE @Batch > 0
        BEGIN
            DELETE FROM @Purged;
            BEGIN TRANSACTION;
            UPDATE TOP (1000) q
            SET OrderJson = NULL
            OUTPUT inserted.QueueId INTO @Purged (QueueId)
            FROM woo.OrderQueue AS q
            JOIN woo.Store AS s ON s.StoreId = q.StoreId
            WHERE (@StoreId IS NULL OR q.StoreId = @StoreId) AND q.[State] IN ('APPLIED', 'SKIPPED', 'DEAD') AND q.OrderJson IS NOT NULL
              AND q.UpdatedAtUtc < DATEADD(DAY, -s.RawJsonRetentionDays, @Now);
            SET @Batch = @@ROWCOUNT;
            INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
            SELECT p.QueueId, 'PURGED', NULL, N'raw order JSON purged after the store''s retention (woo.Store.RawJsonRetentionDays)', @RunId
            FROM @Purged AS p;
            COMMIT TRANSACTION;
            SET @Total += @Batch;
        END;
        UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'OK', OrdersRead = @Total,
                     Details = (SELECT @Total AS purged FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-PURGE-ERROR', ErrorMessage = @Error,
                     Details = (SELECT @Total AS purged_before_the_error FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    RAISERROR (N'woo.usp_PurgeOrderJson: purged the raw JSON of %d finished order(s) (run %I64d).', 10, 1, @Total, @RunId) WITH NOWAIT;
    RETURN 0;
END;
