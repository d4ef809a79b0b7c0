-- Pulls one store's orders from WooCommerce into the queue (design 4): the transport procedure woo.usp_WooGetOrders is
-- called with no transaction open, its rows land in #pulled, then woo.usp_UpsertOrders stages them in short
-- transactions (each order checked with wooclr.OrderJsonCheck: an invalid one is parked with the parser's message, the
-- others go on). The watermark moves only to the pull's complete_up_to_utc, and only when the pull ended with 'end'; an
-- 'error' row (or a failed call) leaves it where it was, logs the run FAILED and raises an Alert (the orders before the
-- error are still staged: they are valid). One woo.RunLog row per run. @Execute = 'N' pulls (reads the shop), shows what
-- would be staged and writes nothing.
CREATE PROCEDURE [woo].[usp_PullOrders]
    @StoreId varchar (10),
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Enabled char (1), @Watermark datetime2 (0), @Found bit = 0;
    SELECT @Enabled = s.IsEnabled, @Watermark = s.PullWatermarkUtc, @Found = 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @Found = 1 AND @Watermark IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' has no watermark yet: set the first one with woo.usp_SetStore @PullWatermarkUtc (README, cutover).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_PullOrders: nothing was pulled; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50131, @All, 1;
    END;

    -- Two pulls of one store at once are harmless (each order is upserted under its row lock, by content hash and
    -- modification time, and the watermark moves only forward from the value the pull started with). A deploy is not:
    -- a real pull holds the pipeline lock Shared, as woo.usp_ProcessStagedOrders does (PreDeploy/20.PipelineLock.sql
    -- takes it Exclusive and waits for running steps); never waited for: a pull that finds a deploy under way is
    -- skipped and logged. Session-owned, released at the end and in the CATCH.
    DECLARE @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @PulledJson nvarchar (max), @Msg nvarchar (2048),
            @LockResult int, @HoldsLock bit = 0;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('PULL', @StoreId, @Started, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult < 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                         + N'); this pull is skipped and reads nothing. The next scheduled run goes on.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
            SET @HoldsLock = 1;
        END;
        SET @Msg = CONVERT(nvarchar (30), @Watermark, 126);
        RAISERROR (N'woo.usp_PullOrders: store %s: pulling orders modified at or after %s UTC.', 10, 1, @StoreId, @Msg) WITH NOWAIT;

        -- HTTP: no transaction open here (the transport procedure refuses one), and no write around it.
        EXEC woo.usp_WooGetOrders @StoreId = @StoreId, @ModifiedAfterUtc = @Watermark, @PulledJson = @PulledJson OUTPUT;

        CREATE TABLE #pulled (
            row_kind nvarchar (10) COLLATE DATABASE_DEFAULT NULL, order_id bigint NULL, status nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            date_modified_gmt datetime2 NULL, order_json nvarchar (max) COLLATE DATABASE_DEFAULT NULL, page_no int NULL, http_status int NULL,
            [message] nvarchar (4000) COLLATE DATABASE_DEFAULT NULL,
            requests int NULL, retries int NULL, complete_up_to_utc datetime2 NULL);
        INSERT INTO #pulled (row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status, [message], requests, retries, complete_up_to_utc)
        SELECT j.row_kind, j.order_id, j.status, j.date_modified_gmt, j.order_json, j.page_no, j.http_status, j.[message], j.requests, j.retries, j.complete_up_to_utc
        FROM OPENJSON(ISNULL(@PulledJson, N'[]')) WITH (row_kind nvarchar (10) '$.row_kind', order_id bigint '$.order_id', status nvarchar (40) '$.status',
                                                        date_modified_gmt datetime2 '$.date_modified_gmt', order_json nvarchar (max) '$.order_json',
                                                        page_no int '$.page_no', http_status int '$.http_status', [message] nvarchar (4000) '$.message',
                                                        requests int '$.requests', retries int '$.retries', complete_up_to_utc datetime2 '$.complete_up_to_utc') AS j;

        DECLARE @FinalKind nvarchar (10), @FinalMessage nvarchar (4000), @Complete datetime2, @Requests int, @HttpStatus int,
                @OrderRows int = (SELECT COUNT(*) FROM #pulled WHERE row_kind = N'order');
        SELECT TOP (1) @FinalKind = p.row_kind, @FinalMessage = p.[message], @Complete = p.complete_up_to_utc, @Requests = p.requests, @HttpStatus = p.http_status
        FROM #pulled AS p
        WHERE p.row_kind IN (N'end', N'error')
        ORDER BY CASE p.row_kind WHEN N'error' THEN 0 ELSE 1 END;
        IF @FinalKind IS NULL
            SELECT @FinalKind = N'error', @FinalMessage = N'CPO-PULL-NO-END: the pull returned no final end or error row; nothing after the watermark is known complete.';

        IF @Execute = 'N'
        BEGIN
            -- The rules of woo.usp_UpsertOrders, read-only (StatusesToImport, cutover, stale, withdrawn).
            DECLARE @Import nvarchar (400), @Cutover datetime2 (0);
            SELECT @Import = s.StatusesToImport, @Cutover = s.CutoverUtc FROM woo.Store AS s WHERE s.StoreId = @StoreId;
            SELECT p.order_id AS WooOrderId, p.status AS WooStatus, p.date_modified_gmt AS DateModifiedGmt,
                   CASE WHEN q.QueueId IS NULL AND i.Importable = 0 THEN 'IGNORE (status not imported)'
                        WHEN q.QueueId IS NULL AND c.is_valid = 0 THEN 'PARK (invalid JSON)'
                        WHEN q.QueueId IS NULL AND @Cutover IS NOT NULL
                             AND ISNULL(TRY_CONVERT(datetime2 (0), JSON_VALUE(p.order_json, N'$.date_created_gmt'), 126), '19000101') < @Cutover
                        THEN 'PARK (CPO-PRE-CUTOVER)'
                        WHEN q.QueueId IS NULL THEN 'STAGE (new)'
                        WHEN q.ContentHash = HASHBYTES('SHA2_256', ISNULL(p.order_json, N'')) THEN 'UNCHANGED'
                        WHEN q.DateModifiedGmt IS NOT NULL AND p.date_modified_gmt < q.DateModifiedGmt THEN 'UNCHANGED (older than the queued version)'
                        WHEN q.[State] = 'APPLIED' OR q.AppliedContentHash IS NOT NULL THEN 'CHANGED AFTER APPLY (recorded, never applied)'
                        WHEN c.is_valid = 0 AND q.[State] <> 'SKIPPED' THEN 'PARK (invalid JSON)'
                        WHEN i.Importable = 0 AND q.[State] <> 'SKIPPED' AND NOT (q.[State] = 'PARKED' AND q.LastErrorCode = 'CPO-PRE-CUTOVER')
                        THEN 'WITHDRAW (status not imported: SKIPPED or PARKED)'
                        ELSE 'RESTAGE' END AS WouldDo,
                   c.error AS ParserMessage
            FROM #pulled AS p
            OUTER APPLY wooclr.OrderJsonCheck(p.order_json) AS c
            CROSS APPLY (SELECT CASE WHEN p.status IS NULL OR EXISTS (SELECT 1 FROM STRING_SPLIT(@Import, N',') AS x WHERE LTRIM(RTRIM(x.value)) = p.status)
                                     THEN 1 ELSE 0 END AS Importable) AS i
            LEFT JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = p.order_id
            WHERE p.row_kind = N'order'
            ORDER BY p.date_modified_gmt, p.order_id;
            SET @Msg = LEFT(CONCAT(N'woo.usp_PullOrders: store ', @StoreId, N': ', @OrderRows, N' order(s) read, final row ', @FinalKind,
                                   N' (', ISNULL(@FinalMessage, N'-'), N'); watermark would move to ',
                                   CASE WHEN @FinalKind = N'end' THEN CONVERT(nvarchar (30), @Complete, 126) ELSE N'nowhere (unchanged)' END,
                                   N'. @Execute = ''N'' wrote nothing.'), 2048);
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        DECLARE @Read int, @Staged int, @Restaged int, @Unchanged int, @Parked int, @Changed int, @Ignored int, @Withdrawn int;
        -- A pull that handed back nothing at all is logged below as CPO-PULL-NO-END (an empty batch stages nothing).
        SET @PulledJson = ISNULL(@PulledJson, N'[]');
        EXEC woo.usp_UpsertOrders @StoreId = @StoreId, @Source = 'PULL', @OrdersJson = @PulledJson, @RunId = @RunId,
             @Read = @Read OUTPUT, @Staged = @Staged OUTPUT, @Restaged = @Restaged OUTPUT, @Unchanged = @Unchanged OUTPUT,
             @Parked = @Parked OUTPUT, @ChangedAfterApply = @Changed OUTPUT, @Ignored = @Ignored OUTPUT, @Withdrawn = @Withdrawn OUTPUT;

        -- The watermark: only to an 'end' row's complete_up_to_utc, cut to the second (an order modified in that second
        -- comes again and is found unchanged), only forward, and only if nobody moved it while the pull ran.
        DECLARE @NewWatermark datetime2 (0) = CASE WHEN @FinalKind = N'end' AND @Complete IS NOT NULL
                                                   THEN DATEADD(SECOND, DATEDIFF(SECOND, '20000101', @Complete), CONVERT(datetime2 (0), '20000101')) END;
        DECLARE @Moved int = 0;
        IF @NewWatermark IS NOT NULL
        BEGIN
            UPDATE s SET PullWatermarkUtc = @NewWatermark
            FROM woo.Store AS s
            WHERE s.StoreId = @StoreId AND s.PullWatermarkUtc = @Watermark AND @NewWatermark > s.PullWatermarkUtc;
            SET @Moved = @@ROWCOUNT;
        END;

        DECLARE @Outcome varchar (10) = CASE WHEN @FinalKind <> N'end' THEN 'FAILED' WHEN @Parked + @Changed + @Withdrawn > 0 THEN 'WARNING' ELSE 'OK' END;
        DECLARE @ErrorCode varchar (40) = CASE WHEN @FinalKind = N'end' THEN NULL
                                               WHEN LEFT(@FinalMessage, 4) = N'CPO-' AND CHARINDEX(N':', @FinalMessage) BETWEEN 5 AND 41
                                               THEN LEFT(@FinalMessage, CHARINDEX(N':', @FinalMessage) - 1)
                                               ELSE 'CPO-PULL-ERROR' END;
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, OrdersRead = @Read, OrdersStaged = @Staged + @Restaged, OrdersParked = @Parked,
            Requests = ISNULL(@Requests, 0), ErrorCode = @ErrorCode, ErrorMessage = CASE WHEN @FinalKind <> N'end' THEN @FinalMessage END,
            Details = (SELECT @Staged AS staged_new, @Restaged AS restaged, @Unchanged AS unchanged, @Parked AS parked,
                              @Changed AS changed_after_apply, @Ignored AS ignored_status, @Withdrawn AS withdrawn_status,
                              @Watermark AS watermark_before,
                              CASE WHEN @Moved = 1 THEN @NewWatermark ELSE @Watermark END AS watermark_after,
                              CASE WHEN @NewWatermark IS NOT NULL AND @Moved = 0 THEN N'the watermark was changed during the pull, or would have moved back; left as set' END AS note,
                              @FinalKind AS final_row, @FinalMessage AS final_message, @HttpStatus AS http_status
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        IF @FinalKind <> N'end'
        BEGIN
            SET @Msg = LEFT(N'CPO-PULL-FAILED: store ' + @StoreId + N': the pull stopped with: ' + ISNULL(@FinalMessage, N'?')
                            + N' The watermark stays at ' + CONVERT(nvarchar (30), @Watermark, 126) + N' UTC; orders read before the error were staged. '
                            + N'The next run tries again; see woo.RunLog ' + CONVERT(nvarchar (20), @RunId) + N'.', 2048);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        SET @Msg = CONCAT(N'woo.usp_PullOrders: store ', @StoreId, N': ', @Outcome, N'; read ', @Read, N', new ', @Staged, N', re-staged ', @Restaged,
                          N', unchanged ', @Unchanged, N', parked ', @Parked, N', changed after apply ', @Changed,
                          N', not imported ', @Ignored, N', withdrawn ', @Withdrawn, N'; watermark ',
                          CASE WHEN @Moved = 1 THEN CONVERT(nvarchar (30), @NewWatermark, 126) ELSE N'unchanged' END, N' (run ', @RunId, N').');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
        IF @HoldsLock = 1
        BEGIN
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsLock = 0;
        END;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        IF @HoldsLock = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                SET @HoldsLock = 0; -- the connection's end releases it
            END CATCH;
        END;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        -- The error's own CPO- code when it has one (e.g. CPO-SECRET-DECRYPT from the transport procedure).
        DECLARE @Tail nvarchar (4000) = CASE WHEN CHARINDEX(N'CPO-', @Error) > 0 THEN SUBSTRING(@Error, CHARINDEX(N'CPO-', @Error), 4000) END;
        DECLARE @Code varchar (40) = CASE WHEN CHARINDEX(N':', @Tail) BETWEEN 5 AND 41 THEN LEFT(@Tail, CHARINDEX(N':', @Tail) - 1) ELSE 'CPO-PULL-ERROR' END;
        IF @RunId IS NOT NULL
        BEGIN
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = @Code, ErrorMessage = @Error
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            SET @Msg = LEFT(CONCAT(@Code, N': store ', @StoreId, N': the pull failed: ', @Error, N' The watermark is unchanged; see woo.RunLog ', @RunId, N'.'), 2048);
            DECLARE @Severity varchar (10) = CASE WHEN @Code LIKE 'CPO-SECRET%' THEN 'CRITICAL' ELSE 'WARNING' END;
            EXEC woo.usp_RaiseAlert @Severity = @Severity, @Code = @Code, @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        THROW;
    END CATCH;
    RETURN 0;
END;
