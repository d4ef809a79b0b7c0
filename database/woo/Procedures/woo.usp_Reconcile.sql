-- Reconciliation for one store and a date range (issue 15 point 4; the daily report: woo.ReconcileReport). Reads the
-- shop's orders through the transport procedure woo.usp_WooGetOrders (no transaction open, design 4; every status but
-- trash, modified at or after @FromUtc, which covers every order CREATED in [@FromUtc, @ToUtc): modified >= created),
-- repeating the call while it stops at the store's PullMaxPages (at most @MaxCalls calls), and compares the orders
-- created in the range with the queue and with the Counterpoint documents CpOrders wrote (read by DOC_ID through the
-- signed woo.usp_GatherReconcileDocs; totals and payments compared by the pure wooclr.ReconcileOrder, design 11).
-- Findings (woo.ReconcileFinding codes): a sale in the shop (status the store imports, or completed) missing from the
-- queue or not applied - only when the pull has had its chance (modified before the store's watermark; a sale modified
-- after it is listed INFO CPO-RECON-NOT-YET-PULLED, and a watermark behind the end of the range makes the run WARNING
-- CPO-RECON-INCOMPLETE: a stuck pull is never reported OK); a document (matched by DOC_ID and DOC_GUID, never another
-- document that reuses the DOC_ID; a type other than 'O' is reported, not compared)
-- whose totals or payments differ; an applied order the shop still shows unprocessed while the store's status rule
-- says which status it should have; a document no longer open (INFO). A read that did not reach the end (an error
-- row, or @MaxCalls spent) finds nothing "missing" beyond what it read and makes the run WARNING with the reason.
-- @FromUtc NULL = yesterday 00:00 UTC, @ToUtc NULL = @FromUtc + 1 day: EXEC woo.usp_Reconcile @StoreId = 'WEB' is the
-- daily run. One woo.RunLog row (Step RECONCILE); findings with a WARNING raise one alert (woo.usp_RaiseAlert,
-- CPO-RECON-FINDINGS). @Execute = 'N' reads the shop and Counterpoint, shows the findings and writes nothing.
-- Counterpoint is read with LOCK_TIMEOUT 5 s and DEADLOCK_PRIORITY LOW (design 5: the POS waits for nobody); a lock
-- timeout or deadlock there (1222/1205) compares no document and makes the run WARNING CPO-RECON-INCOMPLETE.
CREATE PROCEDURE [woo].[usp_Reconcile]
    @StoreId  varchar (10),
    @FromUtc  datetime2 (0) = NULL,
    @ToUtc    datetime2 (0) = NULL,
    @Execute  char (1) = 'Y',
    @MaxCalls int = 20
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @FromUtc IS NULL
        SET @FromUtc = DATEADD(DAY, -1, CONVERT(datetime2 (0), CONVERT(date, SYSUTCDATETIME())));
    IF @ToUtc IS NULL
        SET @ToUtc = DATEADD(DAY, 1, @FromUtc);

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Found bit = 0, @Enabled char (1), @Watermark datetime2 (0), @Import nvarchar (400);
    SELECT @Found = 1, @Enabled = s.IsEnabled, @Watermark = s.PullWatermarkUtc, @Import = s.StatusesToImport
    FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @Found = 1 AND @Watermark IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' has no watermark yet: nothing was ever pulled to reconcile (woo.usp_SetStore @PullWatermarkUtc, README cutover).');
    IF @FromUtc >= @ToUtc
        INSERT INTO @Errors ([Message]) VALUES (N'@FromUtc must be before @ToUtc.');
    IF DATEDIFF(DAY, @FromUtc, @ToUtc) > 31
        INSERT INTO @Errors ([Message]) VALUES (N'the range is longer than 31 days: reconcile a month at most per run.');
    IF @FromUtc > SYSUTCDATETIME()
        INSERT INTO @Errors ([Message]) VALUES (N'@FromUtc is in the future.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @MaxCalls IS NULL OR @MaxCalls NOT BETWEEN 1 AND 1000
        INSERT INTO @Errors ([Message]) VALUES (N'@MaxCalls must be 1 to 1000.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_Reconcile: nothing was read; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50311, @All, 1;
    END;

    DECLARE @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @Msg nvarchar (2048), @LockResult int, @HoldsLock bit = 0,
            @HoldsOwnLock bit = 0, @OwnLock nvarchar (255) = N'CpOrders.Reconcile:' + @StoreId;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('RECONCILE', @StoreId, @Started, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            -- The pipeline lock Shared (a deploy holds it Exclusive), and one reconciliation per store at a time.
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
            BEGIN
                SET @HoldsLock = 1;
                EXEC @LockResult = sys.sp_getapplock @Resource = @OwnLock, @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                     @LockTimeout = 0, @DbPrincipal = N'public';
                IF @LockResult >= 0
                    SET @HoldsOwnLock = 1;
            END;
            IF @HoldsOwnLock = 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-BUSY: ' + CASE WHEN @HoldsLock = 0 THEN N'a deploy holds the CpOrders pipeline lock'
                                                         ELSE N'another reconciliation of store ' + @StoreId + N' is running' END
                         + N'; this reconciliation is skipped and reads nothing.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                IF @HoldsLock = 1
                    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                SET @HoldsLock = 0;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
        END;
        SET @Msg = CONCAT(N'woo.usp_Reconcile: store ', @StoreId, N': orders created from ', CONVERT(nvarchar (30), @FromUtc, 126), N' to ',
                          CONVERT(nvarchar (30), @ToUtc, 126), N' UTC; reading the shop.');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

        -- 1. The shop: HTTP with no transaction open (the transport procedure refuses one), nothing written around it.
        CREATE TABLE #shop (
            order_id bigint NOT NULL PRIMARY KEY, status nvarchar (40) COLLATE DATABASE_DEFAULT NULL, date_modified_gmt datetime2 NULL,
            order_json nvarchar (max) COLLATE DATABASE_DEFAULT NULL, date_created_gmt datetime2 (0) NULL, number nvarchar (40) COLLATE DATABASE_DEFAULT NULL);
        CREATE TABLE #page (
            row_kind nvarchar (10) COLLATE DATABASE_DEFAULT NULL, order_id bigint NULL, status nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            date_modified_gmt datetime2 NULL, order_json nvarchar (max) COLLATE DATABASE_DEFAULT NULL, [message] nvarchar (4000) COLLATE DATABASE_DEFAULT NULL,
            requests int NULL, complete_up_to_utc datetime2 NULL);
        DECLARE @Cursor datetime2 (0) = @FromUtc, @PulledJson nvarchar (max), @Calls int = 0, @Requests int = 0, @Complete bit = 0,
                @FinalKind nvarchar (10), @FinalMessage nvarchar (4000), @Restart datetime2, @ReadNote nvarchar (4000);
        WHILE @Calls < @MaxCalls AND @Complete = 0
        BEGIN
            SET @PulledJson = NULL;
            EXEC woo.usp_WooGetOrders @StoreId = @StoreId, @ModifiedAfterUtc = @Cursor, @PulledJson = @PulledJson OUTPUT;
            SET @Calls += 1;
            TRUNCATE TABLE #page;
            INSERT INTO #page (row_kind, order_id, status, date_modified_gmt, order_json, [message], requests, complete_up_to_utc)
            SELECT j.row_kind, j.order_id, j.status, j.date_modified_gmt, j.order_json, j.[message], j.requests, j.complete_up_to_utc
            FROM OPENJSON(ISNULL(@PulledJson, N'[]')) WITH (row_kind nvarchar (10) '$.row_kind', order_id bigint '$.order_id', status nvarchar (40) '$.status',
                                                            date_modified_gmt datetime2 '$.date_modified_gmt', order_json nvarchar (max) '$.order_json',
                                                            [message] nvarchar (4000) '$.message', requests int '$.requests',
                                                            complete_up_to_utc datetime2 '$.complete_up_to_utc') AS j;
            -- The latest version of each order wins (a boundary second may come again).
            MERGE #shop AS t
            USING (SELECT p.order_id, p.status, p.date_modified_gmt, p.order_json
                   FROM (SELECT x.order_id, x.status, x.date_modified_gmt, x.order_json,
                                ROW_NUMBER() OVER (PARTITION BY x.order_id ORDER BY x.date_modified_gmt DESC) AS rn
                         FROM #page AS x WHERE x.row_kind = N'order' AND x.order_id IS NOT NULL) AS p
                   WHERE p.rn = 1) AS s
            ON t.order_id = s.order_id
            WHEN MATCHED AND ISNULL(s.date_modified_gmt, '19000101') >= ISNULL(t.date_modified_gmt, '19000101')
                THEN UPDATE SET status = s.status, date_modified_gmt = s.date_modified_gmt, order_json = s.order_json
            WHEN NOT MATCHED
                THEN INSERT (order_id, status, date_modified_gmt, order_json) VALUES (s.order_id, s.status, s.date_modified_gmt, s.order_json);
            SELECT @FinalKind = NULL, @FinalMessage = NULL, @Restart = NULL;
            SELECT TOP (1) @FinalKind = p.row_kind, @FinalMessage = p.[message], @Restart = p.complete_up_to_utc, @Requests += ISNULL(p.requests, 0)
            FROM #page AS p WHERE p.row_kind IN (N'end', N'error')
            ORDER BY CASE p.row_kind WHEN N'error' THEN 0 ELSE 1 END;
            IF @FinalKind = N'end' AND ISNULL(@FinalMessage, N'') NOT LIKE N'Stopped after @MaxPages%'
                SET @Complete = 1;
            ELSE IF @FinalKind = N'end' AND @Restart IS NOT NULL AND @Restart > @Cursor
                SET @Cursor = DATEADD(SECOND, DATEDIFF(SECOND, '20000101', @Restart), CONVERT(datetime2 (0), '20000101'));
            ELSE
            BEGIN
                SET @ReadNote = LEFT(N'the shop could not be read to the end: ' + ISNULL(@FinalKind + N': ' + @FinalMessage, N'no final row (CPO-PULL-NO-END)'), 4000);
                BREAK;
            END;
        END;
        IF @Complete = 0 AND @ReadNote IS NULL
            SET @ReadNote = CONCAT(N'the shop was read in ', @Calls, N' call(s) (@MaxCalls) up to ', CONVERT(nvarchar (30), @Cursor, 126),
                                   N' UTC, not to the end: raise @MaxCalls or the store''s PullMaxPages');
        UPDATE s
        SET date_created_gmt = TRY_CONVERT(datetime2 (0), JSON_VALUE(s.order_json, N'$.date_created_gmt'), 126),
            number = LEFT(JSON_VALUE(s.order_json, N'$.number'), 40)
        FROM #shop AS s;

        -- 2. The queue and the documents of the orders created in the range.
        CREATE TABLE #orders (
            order_id bigint NOT NULL PRIMARY KEY, status nvarchar (40) COLLATE DATABASE_DEFAULT NULL, number nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            date_created_gmt datetime2 (0) NULL, date_modified_gmt datetime2 NULL, order_json nvarchar (max) COLLATE DATABASE_DEFAULT NULL,
            is_sale bit NOT NULL, QueueId bigint NULL, QueueState varchar (10) COLLATE DATABASE_DEFAULT NULL, LastErrorCode varchar (40) COLLATE DATABASE_DEFAULT NULL,
            DocId bigint NULL, TktNo varchar (15) COLLATE DATABASE_DEFAULT NULL, DocGuid uniqueidentifier NULL);
        INSERT INTO #orders (order_id, status, number, date_created_gmt, date_modified_gmt, order_json, is_sale, QueueId, QueueState, LastErrorCode, DocId, TktNo, DocGuid)
        SELECT s.order_id, s.status, s.number, s.date_created_gmt, s.date_modified_gmt, s.order_json,
               CASE WHEN s.status = N'completed' OR EXISTS (SELECT 1 FROM STRING_SPLIT(@Import, N',') AS x WHERE LTRIM(RTRIM(x.value)) = s.status) THEN 1 ELSE 0 END,
               q.QueueId, q.[State], q.LastErrorCode, q.DocId, q.TktNo, q.DocGuid
        FROM #shop AS s
        LEFT JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = s.order_id
        WHERE s.date_created_gmt >= @FromUtc AND s.date_created_gmt < @ToUtc;

        DECLARE @DocIdsJson nvarchar (max) = (SELECT o.DocId AS DocId, o.DocGuid AS DocGuid, o.TktNo AS TktNo
                                              FROM #orders AS o WHERE o.QueueState = 'APPLIED' AND o.DocId IS NOT NULL FOR JSON PATH),
                @DocsJson nvarchar (max), @DocsRead bit = 0;
        -- Counterpoint politely (design 5): a POS lock or a deadlock makes this read give up, not wait.
        SET LOCK_TIMEOUT 5000;
        SET DEADLOCK_PRIORITY LOW;
        BEGIN TRY
            EXEC woo.usp_GatherReconcileDocs @DocIdsJson = @DocIdsJson, @DocsJson = @DocsJson OUTPUT;
            SET @DocsRead = 1;
        END TRY
        BEGIN CATCH
            IF ERROR_NUMBER() NOT IN (1205, 1222)
                THROW;
            SET @ReadNote = LEFT(ISNULL(@ReadNote + N'; ', N'') + N'Counterpoint''s documents could not be read (Msg ' + CONVERT(nvarchar (10), ERROR_NUMBER())
                                 + N', a POS lock or deadlock): no document was compared; run it again', 4000);
        END CATCH;
        SET LOCK_TIMEOUT -1;
        SET DEADLOCK_PRIORITY NORMAL;
        -- The pull's watermark behind the end of the range: sales modified after it were not judged (the pull may be
        -- stuck, which is exactly what a reconciliation must not report as OK).
        IF @Watermark < @ToUtc
        BEGIN
            DECLARE @NotJudged int = (SELECT COUNT(*) FROM #orders AS o
                                      WHERE o.is_sale = 1 AND (o.QueueId IS NULL OR o.QueueState IN ('PENDING', 'RETRY', 'PARKED', 'DEAD'))
                                        AND (o.date_modified_gmt >= @Watermark OR o.date_modified_gmt IS NULL));
            SET @ReadNote = LEFT(ISNULL(@ReadNote + N'; ', N'') + N'the store''s pull watermark is at ' + CONVERT(nvarchar (30), @Watermark, 126)
                                 + N' UTC, before the end of the range: ' + CONVERT(nvarchar (20), @NotJudged)
                                 + N' sale(s) modified after it were not judged (CPO-RECON-NOT-YET-PULLED); is the pull running? (woo.HealthStore)', 4000);
        END;
        CREATE TABLE #docs (
            DOC_ID bigint NOT NULL PRIMARY KEY, DOC_TYP varchar (1) COLLATE DATABASE_DEFAULT NULL, TKT_NO varchar (15) COLLATE DATABASE_DEFAULT NULL,
            TOT decimal (15, 2) NULL, TAX_AMT decimal (15, 2) NULL, TOT_MISC decimal (15, 2) NULL, SUB_TOT decimal (15, 2) NULL,
            TOT_LIN_DISC decimal (15, 2) NULL, TOT_HDR_DISC decimal (15, 2) NULL, PAYMENTS decimal (19, 2) NULL);
        INSERT INTO #docs (DOC_ID, DOC_TYP, TKT_NO, TOT, TAX_AMT, TOT_MISC, SUB_TOT, TOT_LIN_DISC, TOT_HDR_DISC, PAYMENTS)
        SELECT d.DOC_ID, d.DOC_TYP, d.TKT_NO, d.TOT, d.TAX_AMT, d.TOT_MISC, d.SUB_TOT, d.TOT_LIN_DISC, d.TOT_HDR_DISC, d.PAYMENTS
        FROM OPENJSON(ISNULL(@DocsJson, N'[]')) WITH (DOC_ID bigint, DOC_TYP varchar (1), TKT_NO varchar (15), TOT decimal (15, 2), TAX_AMT decimal (15, 2),
                                                      TOT_MISC decimal (15, 2), SUB_TOT decimal (15, 2), TOT_LIN_DISC decimal (15, 2),
                                                      TOT_HDR_DISC decimal (15, 2), PAYMENTS decimal (19, 2)) AS d
        WHERE d.DOC_ID IS NOT NULL;

        -- 3. Findings.
        CREATE TABLE #findings (
            Seq int IDENTITY (1, 1) NOT NULL PRIMARY KEY, WooOrderId bigint NOT NULL, WooOrderNumber nvarchar (40) COLLATE DATABASE_DEFAULT NULL,
            WooStatus nvarchar (40) COLLATE DATABASE_DEFAULT NULL, DateCreatedGmt datetime2 (0) NULL, QueueId bigint NULL,
            QueueState varchar (10) COLLATE DATABASE_DEFAULT NULL, DocId bigint NULL, TktNo varchar (15) COLLATE DATABASE_DEFAULT NULL,
            Severity varchar (10) COLLATE DATABASE_DEFAULT NOT NULL, Code varchar (40) COLLATE DATABASE_DEFAULT NOT NULL,
            Field nvarchar (100) COLLATE DATABASE_DEFAULT NULL, ShopValue decimal (19, 4) NULL, CounterpointValue decimal (19, 4) NULL,
            [Difference] decimal (19, 4) NULL, [Message] nvarchar (2000) COLLATE DATABASE_DEFAULT NOT NULL);
        -- Missing or not applied: sales only, and only once the pull has had its chance (modified before the watermark).
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, o.TktNo, 'WARNING',
               CASE WHEN o.QueueId IS NULL THEN 'CPO-RECON-MISSING' ELSE 'CPO-RECON-NOT-APPLIED' END,
               LEFT(CASE WHEN o.QueueId IS NULL
                         THEN N'WooCommerce order ' + CONVERT(nvarchar (20), o.order_id) + N' (' + ISNULL(o.status, N'?') + N') is not in CpOrders'' queue'
                              + CASE WHEN o.status = N'completed' AND NOT EXISTS (SELECT 1 FROM STRING_SPLIT(@Import, N',') AS x WHERE LTRIM(RTRIM(x.value)) = o.status)
                                     THEN N' (it reached completed before a pull saw it in a status the store imports)' ELSE N'' END
                              + N' and not in Counterpoint: check Counterpoint, then stage it (woo.usp_RepullOrders; a status the store does not import needs woo.usp_StageOrderJson or StatusesToImport).'
                         ELSE N'WooCommerce order ' + CONVERT(nvarchar (20), o.order_id) + N' is queued (' + CONVERT(nvarchar (20), o.QueueId) + N') but '
                              + o.QueueState + ISNULL(N' (' + o.LastErrorCode + N')', N'') + N', not in Counterpoint: SELECT * FROM woo.OrderEvent WHERE QueueId = '
                              + CONVERT(nvarchar (20), o.QueueId) + N';' END, 2000)
        FROM #orders AS o
        WHERE o.is_sale = 1
          AND (o.QueueId IS NULL OR o.QueueState IN ('PENDING', 'RETRY', 'PARKED', 'DEAD'))
          AND o.date_modified_gmt < @Watermark;
        -- Not yet judged: a sale not in Counterpoint, modified after the watermark (the pull has not had its chance).
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, o.TktNo, 'INFO', 'CPO-RECON-NOT-YET-PULLED',
               LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), o.order_id) + N' was modified at ' + ISNULL(CONVERT(nvarchar (30), o.date_modified_gmt, 126), N'?')
                    + N' UTC, after the store''s pull watermark ' + CONVERT(nvarchar (30), @Watermark, 126) + N' UTC, and is not in Counterpoint yet: not judged.', 2000)
        FROM #orders AS o
        WHERE o.is_sale = 1
          AND (o.QueueId IS NULL OR o.QueueState IN ('PENDING', 'RETRY', 'PARKED', 'DEAD'))
          AND (o.date_modified_gmt >= @Watermark OR o.date_modified_gmt IS NULL);
        -- Applied, but the document is not open any more: not compared here (nor when Counterpoint could not be read).
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, o.TktNo, 'INFO', 'CPO-RECON-DOC-NOT-OPEN',
               N'document ' + CONVERT(nvarchar (20), o.DocId) + N' (ticket ' + ISNULL(o.TktNo, N'?') + N') is no longer in PS_DOC_HDR (posted or voided): totals not compared.'
        FROM #orders AS o
        WHERE o.QueueState = 'APPLIED' AND @DocsRead = 1 AND NOT EXISTS (SELECT 1 FROM #docs AS d WHERE d.DOC_ID = o.DocId);
        -- Our document, but no longer an order (DOC_TYP other than 'O'): reported, not compared with the shop's order.
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, d.TKT_NO, 'INFO', 'CPO-RECON-DOC-TYPE',
               N'document ' + CONVERT(nvarchar (20), o.DocId) + N' (ticket ' + ISNULL(d.TKT_NO, N'?') + N') has DOC_TYP ''' + ISNULL(d.DOC_TYP, N'?')
               + N''', not ''O'' (an order): totals not compared.'
        FROM #orders AS o
        JOIN #docs AS d ON d.DOC_ID = o.DocId
        WHERE o.QueueState = 'APPLIED' AND ISNULL(d.DOC_TYP, '') <> 'O';
        -- Totals and payments, to the cent (wooclr.ReconcileOrder: pure, design 11).
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, Field, ShopValue,
                               CounterpointValue, [Difference], [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, d.TKT_NO, 'WARNING', LEFT(c.code, 40), c.field,
               c.shop_value, c.counterpoint_value, c.[difference],
               LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), o.order_id) + N', document ' + CONVERT(nvarchar (20), d.DOC_ID) + N' (ticket ' + ISNULL(d.TKT_NO, N'?') + N'): '
                    + ISNULL(c.[message], N''), 2000)
        FROM #orders AS o
        JOIN #docs AS d ON d.DOC_ID = o.DocId
        CROSS APPLY wooclr.ReconcileOrder(o.order_json, ISNULL(d.TOT, 0), d.TAX_AMT, d.TOT_MISC, d.SUB_TOT, d.TOT_LIN_DISC, d.TOT_HDR_DISC, d.PAYMENTS) AS c
        WHERE o.QueueState = 'APPLIED' AND d.DOC_TYP = 'O';
        -- Applied, while the shop still shows it unprocessed and the store's rule names the status it should have by now.
        INSERT INTO #findings (WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo, Severity, Code, [Message])
        SELECT o.order_id, o.number, o.status, o.date_created_gmt, o.QueueId, o.QueueState, o.DocId, o.TktNo, 'WARNING', 'CPO-RECON-SHOP-UNPROCESSED',
               LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), o.order_id) + N' is in Counterpoint (document ' + CONVERT(nvarchar (20), o.DocId)
                    + N') but the shop still shows ''' + o.status + N''', not ''' + r.StatusAfterCreate + N''': the status message is '
                    + ISNULL((SELECT TOP (1) m.[State] + ISNULL(N' (' + m.LastErrorCode + N')', N'') FROM woo.Outbox AS m
                              WHERE m.StoreId = @StoreId AND m.WooOrderId = o.order_id AND m.Kind = 'STATUS' ORDER BY m.MessageId DESC), N'not in woo.Outbox')
                    + N' (SELECT * FROM woo.Outbox WHERE StoreId = ''' + @StoreId + N''' AND WooOrderId = ' + CONVERT(nvarchar (20), o.order_id) + N').', 2000)
        FROM #orders AS o
        JOIN woo.StoreStatusRule AS r ON r.StoreId = @StoreId
        WHERE o.QueueState = 'APPLIED' AND r.IsEnabled = 'Y' AND r.StatusAfterCreate IS NOT NULL
          AND o.status IN (N'pending', N'on-hold', N'processing') AND o.status <> r.StatusAfterCreate;

        DECLARE @Orders int = (SELECT COUNT(*) FROM #orders),
                @Warnings int = (SELECT COUNT(*) FROM #findings WHERE Severity = 'WARNING'),
                @Infos int = (SELECT COUNT(*) FROM #findings WHERE Severity = 'INFO'),
                @Applied int = (SELECT COUNT(*) FROM #orders WHERE QueueState = 'APPLIED');

        SELECT f.Severity, f.Code, f.WooOrderId, f.WooOrderNumber, f.WooStatus, f.DateCreatedGmt, f.QueueId, f.QueueState, f.DocId, f.TktNo, f.Field,
               f.ShopValue, f.CounterpointValue, f.[Difference], f.[Message]
        FROM #findings AS f
        ORDER BY CASE f.Severity WHEN 'WARNING' THEN 0 ELSE 1 END, f.Code, f.WooOrderId;

        SET @Msg = LEFT(CONCAT(N'woo.usp_Reconcile: store ', @StoreId, N': ', @Orders, N' order(s) created in the range read from the shop (', @Applied,
                               N' applied), ', @Warnings, N' finding(s) to act on, ', @Infos, N' for information; ', @Calls, N' call(s), ', @Requests, N' request(s)',
                               ISNULL(N'; ' + @ReadNote, N''), CASE WHEN @Execute = 'N' THEN N'. @Execute = ''N'' wrote nothing.' ELSE N'.' END), 2048);
        IF @Execute = 'N'
        BEGIN
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        DECLARE @Outcome varchar (10) = CASE WHEN @Warnings > 0 OR @ReadNote IS NOT NULL THEN 'WARNING' ELSE 'OK' END;
        BEGIN TRANSACTION;
        INSERT INTO woo.ReconcileFinding (RunId, StoreId, FromUtc, ToUtc, WooOrderId, WooOrderNumber, WooStatus, DateCreatedGmt, QueueId, QueueState, DocId, TktNo,
                                          Severity, Code, Field, ShopValue, CounterpointValue, [Difference], [Message])
        SELECT @RunId, @StoreId, @FromUtc, @ToUtc, f.WooOrderId, f.WooOrderNumber, f.WooStatus, f.DateCreatedGmt, f.QueueId, f.QueueState, f.DocId, f.TktNo,
               f.Severity, f.Code, f.Field, f.ShopValue, f.CounterpointValue, f.[Difference], f.[Message]
        FROM #findings AS f
        ORDER BY f.Seq;
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, OrdersRead = @Orders, Requests = @Requests,
            ErrorCode = CASE WHEN @Warnings > 0 THEN 'CPO-RECON-FINDINGS' WHEN @ReadNote IS NOT NULL THEN 'CPO-RECON-INCOMPLETE' END,
            ErrorMessage = @ReadNote,
            Details = (SELECT @FromUtc AS from_utc, @ToUtc AS to_utc, @Orders AS orders_created_in_range, @Applied AS applied,
                              @Warnings AS findings, @Infos AS info_findings, @Calls AS calls, CASE WHEN @Complete = 1 THEN 'Y' ELSE 'N' END AS read_to_end
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        IF @Warnings > 0 OR @ReadNote IS NOT NULL
        BEGIN
            DECLARE @AlertMessage nvarchar (4000) = LEFT(CONCAT(CASE WHEN @Warnings > 0 THEN N'CPO-RECON-FINDINGS: ' ELSE N'CPO-RECON-INCOMPLETE: ' END,
                N'store ', @StoreId, N': the reconciliation of orders created from ', CONVERT(nvarchar (30), @FromUtc, 126), N' to ', CONVERT(nvarchar (30), @ToUtc, 126),
                N' UTC found ', @Warnings, N' difference(s) between the shop and Counterpoint', ISNULL(N'; ' + @ReadNote, N''),
                N'. Read them: SELECT * FROM woo.ReconcileFinding WHERE RunId = ', @RunId, N'; (README, Reconciliation).'), 4000);
            DECLARE @AlertCode varchar (40) = CASE WHEN @Warnings > 0 THEN 'CPO-RECON-FINDINGS' ELSE 'CPO-RECON-INCOMPLETE' END;
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = @AlertCode, @Message = @AlertMessage, @StoreId = @StoreId, @RunId = @RunId;
        END;
        COMMIT TRANSACTION;
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

        EXEC sys.sp_releaseapplock @Resource = @OwnLock, @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsOwnLock = 0;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsLock = 0;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        BEGIN TRY
            IF @HoldsOwnLock = 1
                EXEC sys.sp_releaseapplock @Resource = @OwnLock, @LockOwner = N'Session', @DbPrincipal = N'public';
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        END TRY
        BEGIN CATCH
            SET @HoldsLock = 0; -- the connection's end releases them
        END CATCH;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        DECLARE @Tail nvarchar (4000) = CASE WHEN CHARINDEX(N'CPO-', @Error) > 0 THEN SUBSTRING(@Error, CHARINDEX(N'CPO-', @Error), 4000) END;
        DECLARE @Code varchar (40) = CASE WHEN CHARINDEX(N':', @Tail) BETWEEN 5 AND 41 THEN LEFT(@Tail, CHARINDEX(N':', @Tail) - 1) ELSE 'CPO-RECON-ERROR' END;
        IF @RunId IS NOT NULL
        BEGIN
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = @Code, ErrorMessage = @Error
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            SET @Msg = LEFT(CONCAT(@Code, N': store ', @StoreId, N': the reconciliation failed: ', @Error, N' See woo.RunLog ', @RunId, N'.'), 2048);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-RECON-FAILED', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        THROW;
    END CATCH;
    RETURN 0;
END;
