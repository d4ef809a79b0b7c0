-- Operator: pulls one order or a range of orders again from WooCommerce and stages them through the one upsert path
-- (woo.usp_UpsertOrders, design 9) with the rules of every pull: a new order in a status the store imports is staged,
-- an applied order that changed is recorded and alerted (never applied), an unchanged one is left alone. The pull
-- watermark is never moved (a re-pull only looks back). One order by id uses the range path too (the transport reads
-- lists, not GET /orders/{id}): from @FromUtc, or from the order's last modification known to the queue, every order
-- modified since is read and only @WooOrderId is staged - a re-pull of an old order costs the pages since then (the
-- store's PullPageSize orders per request, at most @MaxCalls x PullMaxPages pages). @ToUtc limits a range (orders
-- modified before it). @Reason is logged in woo.RunLog (Step REPULL). @Execute = 'N' reads the shop, shows what it
-- read and the queue's state of each order, and writes nothing.
CREATE PROCEDURE [woo].[usp_RepullOrders]
    @StoreId    varchar (10),
    @WooOrderId bigint = NULL,
    @FromUtc    datetime2 (0) = NULL,
    @ToUtc      datetime2 (0) = NULL,
    @Reason     nvarchar (400) = NULL,
    @Execute    char (1) = 'Y',
    @MaxCalls   int = 20
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Found bit = 0, @Enabled char (1), @Known datetime2 (0);
    SELECT @Found = 1, @Enabled = s.IsEnabled FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @WooOrderId IS NOT NULL
        SELECT @Known = q.DateModifiedGmt FROM woo.OrderQueue AS q WHERE q.StoreId = @StoreId AND q.WooOrderId = @WooOrderId;
    IF @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @WooOrderId IS NULL AND @FromUtc IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'give @WooOrderId (one order) or @FromUtc (a range: orders modified at or after it).');
    IF @WooOrderId IS NOT NULL AND @FromUtc IS NULL AND @Known IS NULL AND @Found = 1
        INSERT INTO @Errors ([Message]) VALUES (N'order ' + CONVERT(nvarchar (20), @WooOrderId) + N' is not in the queue (or has no modification date): give @FromUtc, its creation date or earlier.');
    IF @WooOrderId IS NOT NULL AND @WooOrderId <= 0
        INSERT INTO @Errors ([Message]) VALUES (N'@WooOrderId must be positive.');
    IF @FromUtc IS NOT NULL AND @ToUtc IS NOT NULL AND @FromUtc >= @ToUtc
        INSERT INTO @Errors ([Message]) VALUES (N'@FromUtc must be before @ToUtc.');
    IF @Reason IS NULL OR LTRIM(RTRIM(@Reason)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required (it is logged; name no shopper''s personal data).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @MaxCalls IS NULL OR @MaxCalls NOT BETWEEN 1 AND 1000
        INSERT INTO @Errors ([Message]) VALUES (N'@MaxCalls must be 1 to 1000.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_RepullOrders: nothing was pulled; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50321, @All, 1;
    END;
    DECLARE @Start datetime2 (0) = ISNULL(@FromUtc, @Known);

    DECLARE @RunId bigint, @Msg nvarchar (2048), @LockResult int, @HoldsLock bit = 0;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, Outcome, IsDryRun, Details)
            VALUES ('REPULL', @StoreId, 'RUNNING', 'N', (SELECT @WooOrderId AS woo_order_id, @Start AS from_utc, @ToUtc AS to_utc, @Reason AS reason
                                                         FOR JSON PATH, WITHOUT_ARRAY_WRAPPER));
            SET @RunId = SCOPE_IDENTITY();
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult < 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock; nothing was pulled. Try again after the deploy.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
            SET @HoldsLock = 1;
        END;

        -- HTTP with no transaction open; the rows land in #pulled (the shape woo.usp_UpsertOrders reads back as JSON).
        CREATE TABLE #pulled (
            seq int IDENTITY (1, 1) NOT NULL PRIMARY KEY, row_kind nvarchar (10) COLLATE DATABASE_DEFAULT NULL, order_id bigint NULL,
            status nvarchar (40) COLLATE DATABASE_DEFAULT NULL, date_modified_gmt datetime2 NULL, order_json nvarchar (max) COLLATE DATABASE_DEFAULT NULL,
            [message] nvarchar (4000) COLLATE DATABASE_DEFAULT NULL, requests int NULL, complete_up_to_utc datetime2 NULL, call_no int NOT NULL);
        DECLARE @Cursor datetime2 (0) = @Start, @PulledJson nvarchar (max), @Calls int = 0, @Requests int = 0, @Done bit = 0,
                @FinalKind nvarchar (10), @FinalMessage nvarchar (4000), @Restart datetime2, @ReadNote nvarchar (4000);
        WHILE @Calls < @MaxCalls AND @Done = 0
        BEGIN
            SET @PulledJson = NULL;
            EXEC woo.usp_WooGetOrders @StoreId = @StoreId, @ModifiedAfterUtc = @Cursor, @PulledJson = @PulledJson OUTPUT;
            SET @Calls += 1;
            INSERT INTO #pulled (row_kind, order_id, status, date_modified_gmt, order_json, [message], requests, complete_up_to_utc, call_no)
            SELECT j.row_kind, j.order_id, j.status, j.date_modified_gmt, j.order_json, j.[message], j.requests, j.complete_up_to_utc, @Calls
            FROM OPENJSON(ISNULL(@PulledJson, N'[]')) WITH (row_kind nvarchar (10) '$.row_kind', order_id bigint '$.order_id', status nvarchar (40) '$.status',
                                                            date_modified_gmt datetime2 '$.date_modified_gmt', order_json nvarchar (max) '$.order_json',
                                                            [message] nvarchar (4000) '$.message', requests int '$.requests',
                                                            complete_up_to_utc datetime2 '$.complete_up_to_utc') AS j;
            SELECT @FinalKind = NULL, @FinalMessage = NULL, @Restart = NULL;
            SELECT TOP (1) @FinalKind = p.row_kind, @FinalMessage = p.[message], @Restart = p.complete_up_to_utc, @Requests += ISNULL(p.requests, 0)
            FROM #pulled AS p WHERE p.call_no = @Calls AND p.row_kind IN (N'end', N'error')
            ORDER BY CASE p.row_kind WHEN N'error' THEN 0 ELSE 1 END;
            IF @FinalKind = N'end' AND (ISNULL(@FinalMessage, N'') NOT LIKE N'Stopped after @MaxPages%' OR (@ToUtc IS NOT NULL AND @Restart >= @ToUtc))
                SET @Done = 1;
            ELSE IF @FinalKind = N'end' AND @Restart IS NOT NULL AND @Restart > @Cursor
                SET @Cursor = DATEADD(SECOND, DATEDIFF(SECOND, '20000101', @Restart), CONVERT(datetime2 (0), '20000101'));
            ELSE
            BEGIN
                SET @ReadNote = LEFT(N'the shop could not be read to the end: ' + ISNULL(@FinalKind + N': ' + @FinalMessage, N'no final row'), 4000);
                BREAK;
            END;
        END;
        IF @Done = 0 AND @ReadNote IS NULL
            SET @ReadNote = CONCAT(N'read in ', @Calls, N' call(s) (@MaxCalls) up to ', CONVERT(nvarchar (30), @Cursor, 126), N' UTC, not to the end');

        -- Only what was asked for: the one order, or the range's orders (modified before @ToUtc).
        DECLARE @OrdersJson nvarchar (max) = ISNULL((
            SELECT p.row_kind, p.order_id, p.status, p.date_modified_gmt, p.order_json
            FROM #pulled AS p
            WHERE p.row_kind = N'order'
              AND (@WooOrderId IS NULL OR p.order_id = @WooOrderId)
              AND (@ToUtc IS NULL OR p.date_modified_gmt < @ToUtc)
            ORDER BY p.seq
            FOR JSON PATH), N'[]');
        DECLARE @Selected int = (SELECT COUNT(*) FROM OPENJSON(@OrdersJson));

        IF @Execute = 'N'
        BEGIN
            SELECT p.order_id AS WooOrderId, p.status AS WooStatus, p.date_modified_gmt AS DateModifiedGmt, q.QueueId, q.[State] AS QueueState,
                   CASE WHEN q.QueueId IS NULL THEN 'not queued: staged if its status is imported'
                        WHEN q.ContentHash = HASHBYTES('SHA2_256', ISNULL(p.order_json, N'')) THEN 'unchanged'
                        WHEN q.[State] = 'APPLIED' THEN 'changed after apply: recorded and alerted, never applied'
                        ELSE 're-staged with its new content' END AS WouldDo
            FROM OPENJSON(@OrdersJson) WITH (order_id bigint '$.order_id', status nvarchar (40) '$.status', date_modified_gmt datetime2 '$.date_modified_gmt',
                                              order_json nvarchar (max) '$.order_json') AS p
            LEFT JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = p.order_id
            ORDER BY p.date_modified_gmt, p.order_id;
            SET @Msg = LEFT(CONCAT(N'woo.usp_RepullOrders: store ', @StoreId, N': ', @Selected, N' order(s) read', ISNULL(N'; ' + @ReadNote, N''),
                                   N'. @Execute = ''N'' wrote nothing.'), 2048);
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        DECLARE @Read int, @Staged int, @Restaged int, @Unchanged int, @Parked int, @Changed int, @Ignored int, @Withdrawn int;
        EXEC woo.usp_UpsertOrders @StoreId = @StoreId, @Source = 'PULL', @OrdersJson = @OrdersJson, @RunId = @RunId,
             @Read = @Read OUTPUT, @Staged = @Staged OUTPUT, @Restaged = @Restaged OUTPUT, @Unchanged = @Unchanged OUTPUT,
             @Parked = @Parked OUTPUT, @ChangedAfterApply = @Changed OUTPUT, @Ignored = @Ignored OUTPUT, @Withdrawn = @Withdrawn OUTPUT;
        DECLARE @Outcome varchar (10) = CASE WHEN @ReadNote IS NOT NULL OR (@WooOrderId IS NOT NULL AND @Selected = 0) OR @Parked + @Changed + @Withdrawn > 0
                                             THEN 'WARNING' ELSE 'OK' END;
        IF @WooOrderId IS NOT NULL AND @Selected = 0 AND @ReadNote IS NULL
            SET @ReadNote = N'order ' + CONVERT(nvarchar (20), @WooOrderId) + N' was not among the orders modified since ' + CONVERT(nvarchar (30), @Start, 126)
                          + N' UTC (trashed, deleted, or modified before: give an earlier @FromUtc)';
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, OrdersRead = @Read, OrdersStaged = @Staged + @Restaged, OrdersParked = @Parked,
            Requests = @Requests, ErrorCode = CASE WHEN @ReadNote IS NOT NULL THEN 'CPO-REPULL-INCOMPLETE' END, ErrorMessage = @ReadNote,
            Details = (SELECT @WooOrderId AS woo_order_id, @Start AS from_utc, @ToUtc AS to_utc, @Reason AS reason, @Staged AS staged_new,
                              @Restaged AS restaged, @Unchanged AS unchanged, @Parked AS parked, @Changed AS changed_after_apply, @Ignored AS ignored_status,
                              @Withdrawn AS withdrawn_status, @Calls AS calls, N'the pull watermark is not moved by a re-pull' AS note
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        SET @Msg = LEFT(CONCAT(N'woo.usp_RepullOrders: store ', @StoreId, N': ', @Outcome, N'; read ', @Read, N', new ', @Staged, N', re-staged ', @Restaged,
                               N', unchanged ', @Unchanged, N', parked ', @Parked, N', changed after apply ', @Changed, N', not imported ', @Ignored,
                               N', withdrawn ', @Withdrawn, ISNULL(N'; ' + @ReadNote, N''), N' (run ', @RunId, N'; the watermark is unchanged).'), 2048);
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsLock = 0;
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
                SET @HoldsLock = 0;
            END CATCH;
        END;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        IF @RunId IS NOT NULL
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-REPULL-ERROR', ErrorMessage = @Error
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    RETURN 0;
END;
