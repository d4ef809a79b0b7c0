-- Internal: stages a batch of WooCommerce orders into woo.OrderQueue, the one upsert path of woo.usp_PullOrders and
-- woo.usp_StageOrderJson (and the external runner of design 9). @OrdersJson is a JSON array of wooclr.GetOrders' rows
-- (row_kind, order_id, status, date_modified_gmt, order_json; rows whose row_kind is not 'order' are ignored).
-- Each order is checked with wooclr.OrderJsonCheck (an invalid one is parked with the parser's message; the others go
-- on), then written in its own short transaction under the queue row's lock, so an order being applied by the processor
-- (which holds that lock in its document transaction and re-checks ContentHash there) is waited for, never overtaken:
-- The pull reads every status (woo.usp_WooGetOrders), so a cancellation or refund of a known order is always seen:
--   new order, status not in woo.Store.StatusesToImport -> nothing (counted as @Ignored; no queue row)
--   new order created before woo.Store.CutoverUtc       -> PARKED CPO-PRE-CUTOVER (the predecessor may have written it)
--   new order                         -> PENDING (STAGED event), or PARKED (invalid JSON)
--   same ContentHash                  -> nothing (counted as unchanged; the boundary second of a pull comes again)
--   older than the queued content     -> nothing (DateModifiedGmt before the queue's: stale; UNCHANGED event)
--   other content, not applied        -> re-staged: PENDING with attempts reset and the lease cleared (SKIPPED stays
--                                        SKIPPED, a CPO-PRE-CUTOVER park stays parked), RESTAGED event saying what
--                                        changed (status, modified date, totals, lines, refunds, addresses); if the new
--                                        status is not importable: SKIPPED (cancelled, refunded, failed, trash,
--                                        checkout-draft) or PARKED CPO-ORDER-STATUS (another status), never applied
--   other content, applied            -> CHANGED_AFTER_APPLY event; an edit, cancellation or refund also sets
--                                        ChangedAfterApply = 'Y' and raises an Alert saying what changed. Never applied.
-- ContentHash = HASHBYTES('SHA2_256', order_json) over the raw nvarchar text as pulled; OrderJson is stored with
-- meta_data reduced to the store's allowed keys (woo.StoreMetaKey, woo.fn_FilterOrderMeta). No HTTP here (design 4).
CREATE PROCEDURE [woo].[usp_UpsertOrders]
    @StoreId           varchar (10),
    @Source            varchar (10),
    @OrdersJson        nvarchar (max),
    @RunId             bigint = NULL,
    @Read              int = NULL OUTPUT,
    @Staged            int = NULL OUTPUT,
    @Restaged          int = NULL OUTPUT,
    @Unchanged         int = NULL OUTPUT,
    @Parked            int = NULL OUTPUT,
    @ChangedAfterApply int = NULL OUTPUT,
    @Ignored           int = NULL OUTPUT,   -- new orders whose status is not imported (no queue row)
    @Withdrawn         int = NULL OUTPUT    -- known orders not applied, SKIPPED or PARKED because their status is not imported
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    -- Waiting for a processor's document transaction is expected (design 5: short); a lock held much longer is an
    -- error of this run (1222), which the caller logs, and the next run stages the order again.
    SET LOCK_TIMEOUT 30000;

    SELECT @Read = 0, @Staged = 0, @Restaged = 0, @Unchanged = 0, @Parked = 0, @ChangedAfterApply = 0, @Ignored = 0, @Withdrawn = 0;
    IF @Source IS NULL OR @Source NOT IN ('PULL', 'JSON')
        THROW 50130, N'CPO-PARAM: woo.usp_UpsertOrders: @Source must be PULL or JSON.', 1;
    DECLARE @Import nvarchar (400), @Cutover datetime2 (0);
    SELECT @Import = s.StatusesToImport, @Cutover = s.CutoverUtc FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @Import IS NULL
        THROW 50130, N'CPO-PARAM: woo.usp_UpsertOrders: @StoreId is not a store.', 1;
    IF @OrdersJson IS NULL OR ISJSON(@OrdersJson) = 0
        THROW 50130, N'CPO-PARAM: woo.usp_UpsertOrders: @OrdersJson must be a JSON array of order rows.', 1;

    CREATE TABLE #orders (
        Seq             int IDENTITY (1, 1) NOT NULL PRIMARY KEY,
        WooOrderId      bigint         NULL,
        WooStatus       nvarchar (40)  COLLATE DATABASE_DEFAULT NULL,
        DateModifiedGmt datetime2 (0)  NULL,
        OrderJson       nvarchar (max) COLLATE DATABASE_DEFAULT NULL,
        ContentHash     binary (32)    NULL,
        IsValid         bit            NULL,
        ParseError      nvarchar (4000) COLLATE DATABASE_DEFAULT NULL,
        IsLatest        bit            NOT NULL DEFAULT (1));
    INSERT INTO #orders (WooOrderId, WooStatus, DateModifiedGmt, OrderJson)
    SELECT j.order_id, j.status, j.date_modified_gmt, j.order_json
    FROM OPENJSON(@OrdersJson) WITH (row_kind nvarchar (10) '$.row_kind', order_id bigint '$.order_id', status nvarchar (40) '$.status',
                                     date_modified_gmt datetime2 (0) '$.date_modified_gmt', order_json nvarchar (max) '$.order_json') AS j
    WHERE j.row_kind = N'order';
    SET @Read = @@ROWCOUNT;

    -- Each order's own check (the parser returns its problem as a row, never an exception that would stop the batch).
    UPDATE o
    SET IsValid = ISNULL(c.is_valid, 0), ParseError = c.error, ContentHash = HASHBYTES('SHA2_256', ISNULL(o.OrderJson, N''))
    FROM #orders AS o
    OUTER APPLY wooclr.OrderJsonCheck(o.OrderJson) AS c;
    UPDATE #orders SET IsValid = 0, ParseError = N'the row has no order id or no order JSON'
    WHERE WooOrderId IS NULL OR OrderJson IS NULL;
    -- Design 10: the queue keeps the JSON with meta_data reduced to the store's allowed keys (woo.StoreMetaKey), while
    -- ContentHash above stays the hash of the raw text as pulled (de-duplication and woo.usp_PullOrders' UNCHANGED count
    -- are unchanged). From here on OrderJson is the filtered text: old (stored) and new contents are compared filtered.
    UPDATE #orders SET OrderJson = woo.fn_FilterOrderMeta(@StoreId, OrderJson) WHERE OrderJson IS NOT NULL;
    -- One content per order and run: the latest (by modification time, then position).
    UPDATE o SET IsLatest = 0
    FROM #orders AS o
    WHERE EXISTS (SELECT 1 FROM #orders AS n
                  WHERE n.WooOrderId = o.WooOrderId
                    AND (ISNULL(n.DateModifiedGmt, '19000101') > ISNULL(o.DateModifiedGmt, '19000101')
                         OR (ISNULL(n.DateModifiedGmt, '19000101') = ISNULL(o.DateModifiedGmt, '19000101') AND n.Seq > o.Seq)));

    DECLARE @Seq int, @Id bigint, @NewJson nvarchar (max), @NewHash binary (32), @NewValid bit, @ParseError nvarchar (4000),
            @QueueId bigint, @State varchar (10), @OldHash binary (32), @AppliedHash binary (32), @OldJson nvarchar (max),
            @OldStatus nvarchar (40), @OldModified datetime2 (0), @OldSource varchar (10), @What nvarchar (4000), @Kind nvarchar (100),
            @NewStatus nvarchar (40), @NewModified datetime2 (0), @NewNumber nvarchar (40), @Message nvarchar (4000),
            @NewCreated datetime2 (0), @Importable bit, @Terminal bit, @OldCode varchar (40), @NewState varchar (10), @NewCode varchar (40),
            @NewError nvarchar (4000);
    DECLARE @Old TABLE (WooStatus nvarchar (100), DateModifiedGmt datetime2, Currency nvarchar (100), Total decimal (19, 4), TotalTax decimal (19, 4),
                        ShippingTotal decimal (19, 4), DiscountTotal decimal (19, 4), LineCount int, LinesHash varbinary (32),
                        RefundCount int, RefundTotal decimal (19, 4), AddressHash varbinary (32), NoteHash varbinary (32));
    DECLARE @New TABLE (WooOrderNumber nvarchar (100), WooStatus nvarchar (100), DateModifiedGmt datetime2, DateCreatedGmt datetime2, Currency nvarchar (100), Total decimal (19, 4),
                        TotalTax decimal (19, 4), ShippingTotal decimal (19, 4), DiscountTotal decimal (19, 4), LineCount int, LinesHash varbinary (32),
                        RefundCount int, RefundTotal decimal (19, 4), AddressHash varbinary (32), NoteHash varbinary (32));

    DECLARE order_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT o.Seq FROM #orders AS o WHERE o.IsLatest = 1 ORDER BY o.DateModifiedGmt, o.Seq;
    OPEN order_cursor;
    FETCH NEXT FROM order_cursor INTO @Seq;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SELECT @Id = o.WooOrderId, @NewJson = o.OrderJson, @NewHash = o.ContentHash, @NewValid = o.IsValid, @ParseError = o.ParseError,
               @NewStatus = o.WooStatus, @NewModified = o.DateModifiedGmt, @NewNumber = NULL, @NewCreated = NULL
        FROM #orders AS o WHERE o.Seq = @Seq;
        DELETE FROM @New;
        IF @NewValid = 1
        BEGIN
            -- Parsed before the transaction: only the old content is read under the lock.
            INSERT INTO @New (WooOrderNumber, WooStatus, DateModifiedGmt, DateCreatedGmt, Currency, Total, TotalTax, ShippingTotal, DiscountTotal, LineCount, LinesHash,
                              RefundCount, RefundTotal, AddressHash, NoteHash)
            SELECT s.WooOrderNumber, s.WooStatus, s.DateModifiedGmt, s.DateCreatedGmt, s.Currency, s.Total, s.TotalTax, s.ShippingTotal, s.DiscountTotal, s.LineCount,
                   s.LinesHash, s.RefundCount, s.RefundTotal, s.AddressHash, s.NoteHash
            FROM woo.fn_OrderSummary(@NewJson) AS s;
            SELECT @NewNumber = LEFT(n.WooOrderNumber, 40), @NewStatus = ISNULL(LEFT(n.WooStatus, 40), @NewStatus),
                   @NewModified = ISNULL(CONVERT(datetime2 (0), n.DateModifiedGmt), @NewModified),
                   @NewCreated = CONVERT(datetime2 (0), n.DateCreatedGmt)
            FROM @New AS n;
        END;
        -- Importable: the status is one of the store's StatusesToImport (an unknown status, e.g. of invalid JSON, is
        -- treated as importable so the row is parked and seen). Terminal: the order will never be a sale.
        SET @Importable = CASE WHEN @NewStatus IS NULL OR EXISTS (SELECT 1 FROM STRING_SPLIT(@Import, N',') AS x WHERE LTRIM(RTRIM(x.value)) = @NewStatus)
                               THEN 1 ELSE 0 END;
        SET @Terminal = CASE WHEN @NewStatus IN (N'cancelled', N'refunded', N'failed', N'trash', N'checkout-draft') THEN 1 ELSE 0 END;
        IF @Id IS NULL
        BEGIN
            -- Nothing to key a queue row on: reported in the run's counts and details, never silently dropped.
            SET @Parked += 1;
            SET @Message = LEFT(N'CPO-ORDER-JSON: an order row without an id could not be staged: ' + ISNULL(@ParseError, N'?'), 4000);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-ORDER-JSON', @Message = @Message, @StoreId = @StoreId, @RunId = @RunId;
            FETCH NEXT FROM order_cursor INTO @Seq;
            CONTINUE;
        END;

        BEGIN TRANSACTION;
        SELECT @QueueId = NULL, @State = NULL, @OldHash = NULL, @AppliedHash = NULL, @OldJson = NULL, @OldStatus = NULL, @OldModified = NULL,
               @OldSource = NULL, @OldCode = NULL;
        SELECT @QueueId = q.QueueId, @State = q.[State], @OldHash = q.ContentHash, @AppliedHash = q.AppliedContentHash, @OldJson = q.OrderJson,
               @OldStatus = q.WooStatus, @OldModified = q.DateModifiedGmt, @OldSource = q.[Source], @OldCode = q.LastErrorCode
        FROM woo.OrderQueue AS q WITH (UPDLOCK, HOLDLOCK)
        WHERE q.StoreId = @StoreId AND q.WooOrderId = @Id;

        IF @QueueId IS NULL AND @Importable = 0
            -- Not an order to import (e.g. cancelled, failed, pending payment): no row; it is staged if it later
            -- reaches an imported status (its modification time moves, so the pull reads it again).
            SET @Ignored += 1;
        ELSE IF @QueueId IS NULL AND @NewValid = 1 AND @Cutover IS NOT NULL AND (@NewCreated IS NULL OR @NewCreated < @Cutover)
        BEGIN
            -- Created before the cutover and unknown to the queue: the predecessor may have written it and deleted its
            -- staging row (BLOCKER of a second document). A person checks Counterpoint, then requeues or skips it.
            INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source], [State],
                                        Attempts, LastErrorCode, LastError, StagedAtUtc, UpdatedAtUtc, ChangedAfterApply)
            VALUES (@StoreId, @Id, @NewNumber, @NewStatus, @NewModified, @NewHash, @NewJson, @Source, 'PARKED', 0, 'CPO-PRE-CUTOVER',
                    N'created ' + ISNULL(CONVERT(nvarchar (30), @NewCreated, 126), N'(no date_created_gmt)') + N' UTC, before the cutover ' + CONVERT(nvarchar (30), @Cutover, 126)
                    + N' UTC: the predecessor may have written it; check Counterpoint, then woo.usp_RequeueOrder or woo.usp_SkipOrder.',
                    SYSUTCDATETIME(), SYSUTCDATETIME(), 'N');
            SET @QueueId = SCOPE_IDENTITY();
            INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
            VALUES (@QueueId, 'PARKED', 'CPO-PRE-CUTOVER', N'staged from ' + @Source + N', created before the cutover: parked for a person', @RunId);
            SET @Parked += 1;
        END
        ELSE IF @QueueId IS NULL
        BEGIN
            INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source], [State],
                                        Attempts, LastErrorCode, LastError, StagedAtUtc, UpdatedAtUtc, ChangedAfterApply)
            VALUES (@StoreId, @Id, @NewNumber, @NewStatus, @NewModified, @NewHash, @NewJson, @Source,
                    CASE WHEN @NewValid = 1 THEN 'PENDING' ELSE 'PARKED' END, 0,
                    CASE WHEN @NewValid = 1 THEN NULL ELSE 'CPO-ORDER-JSON' END, CASE WHEN @NewValid = 1 THEN NULL ELSE @ParseError END,
                    SYSUTCDATETIME(), SYSUTCDATETIME(), 'N');
            SET @QueueId = SCOPE_IDENTITY();
            INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
            VALUES (@QueueId, CASE WHEN @NewValid = 1 THEN 'STAGED' ELSE 'PARKED' END, CASE WHEN @NewValid = 1 THEN NULL ELSE 'CPO-ORDER-JSON' END,
                    CASE WHEN @NewValid = 1 THEN N'staged from ' + @Source ELSE N'the order''s JSON is not valid: ' + ISNULL(@ParseError, N'?') END, @RunId);
            IF @NewValid = 1 SET @Staged += 1; ELSE SET @Parked += 1;
        END
        ELSE IF @OldHash = @NewHash
            SET @Unchanged += 1;
        ELSE IF @OldModified IS NOT NULL AND @NewModified < @OldModified
        BEGIN
            -- Stale: an older version than the one queued (a late page, a replayed JSON); never overwrites the newer.
            SET @Unchanged += 1;
            INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
            VALUES (@QueueId, 'UNCHANGED', NULL, N'an older version (modified ' + CONVERT(nvarchar (30), @NewModified, 126) + N' UTC, queued '
                    + CONVERT(nvarchar (30), @OldModified, 126) + N' UTC) from ' + @Source + N' was ignored', @RunId);
        END
        ELSE
        BEGIN
            -- What changed, old content against new (the old one parsed only if the parser accepts it; a purged or
            -- migrated row has no JSON and is compared by status and modification time only).
            DELETE FROM @Old;
            IF @OldJson IS NOT NULL AND EXISTS (SELECT 1 FROM wooclr.OrderJsonCheck(@OldJson) AS c WHERE c.is_valid = 1)
                INSERT INTO @Old (WooStatus, DateModifiedGmt, Currency, Total, TotalTax, ShippingTotal, DiscountTotal, LineCount, LinesHash, RefundCount,
                                  RefundTotal, AddressHash, NoteHash)
                SELECT s.WooStatus, s.DateModifiedGmt, s.Currency, s.Total, s.TotalTax, s.ShippingTotal, s.DiscountTotal, s.LineCount, s.LinesHash,
                       s.RefundCount, s.RefundTotal, s.AddressHash, s.NoteHash
                FROM woo.fn_OrderSummary(@OldJson) AS s;
            SET @What = NULLIF(CONCAT(
                CASE WHEN ISNULL(@OldStatus, N'') <> ISNULL(@NewStatus, N'') THEN N'; status ' + ISNULL(@OldStatus, N'?') + N' -> ' + ISNULL(@NewStatus, N'?') END,
                CASE WHEN ISNULL(@OldModified, '19000101') <> ISNULL(@NewModified, '19000101')
                     THEN N'; modified ' + ISNULL(CONVERT(nvarchar (30), @OldModified, 126), N'?') + N' -> ' + ISNULL(CONVERT(nvarchar (30), @NewModified, 126), N'?') + N' UTC' END,
                (SELECT CONCAT(
                    CASE WHEN o.Total <> n.Total THEN N'; total ' + CONVERT(nvarchar (30), o.Total) + N' -> ' + CONVERT(nvarchar (30), n.Total) END,
                    CASE WHEN o.TotalTax <> n.TotalTax THEN N'; total_tax ' + CONVERT(nvarchar (30), o.TotalTax) + N' -> ' + CONVERT(nvarchar (30), n.TotalTax) END,
                    CASE WHEN o.ShippingTotal <> n.ShippingTotal THEN N'; shipping_total ' + CONVERT(nvarchar (30), o.ShippingTotal) + N' -> ' + CONVERT(nvarchar (30), n.ShippingTotal) END,
                    CASE WHEN o.DiscountTotal <> n.DiscountTotal THEN N'; discount_total ' + CONVERT(nvarchar (30), o.DiscountTotal) + N' -> ' + CONVERT(nvarchar (30), n.DiscountTotal) END,
                    CASE WHEN ISNULL(o.Currency, N'') <> ISNULL(n.Currency, N'') THEN N'; currency ' + ISNULL(o.Currency, N'?') + N' -> ' + ISNULL(n.Currency, N'?') END,
                    CASE WHEN o.LineCount <> n.LineCount OR o.LinesHash <> n.LinesHash
                         THEN N'; line items changed (' + CONVERT(nvarchar (10), o.LineCount) + N' -> ' + CONVERT(nvarchar (10), n.LineCount) + N' lines)' END,
                    CASE WHEN o.RefundCount <> n.RefundCount OR o.RefundTotal <> n.RefundTotal
                         THEN N'; refunds ' + CONVERT(nvarchar (10), o.RefundCount) + N' (' + CONVERT(nvarchar (30), o.RefundTotal) + N') -> '
                              + CONVERT(nvarchar (10), n.RefundCount) + N' (' + CONVERT(nvarchar (30), n.RefundTotal) + N')' END,
                    CASE WHEN o.AddressHash <> n.AddressHash THEN N'; billing or shipping address changed' END,
                    CASE WHEN o.NoteHash <> n.NoteHash THEN N'; customer note changed' END)
                 FROM @Old AS o CROSS JOIN @New AS n),
                CASE WHEN @NewValid = 0 THEN N'; the new content is not valid JSON: ' + ISNULL(@ParseError, N'?') END,
                CASE WHEN @OldJson IS NULL THEN N'; the previous content was not kept (purged or migrated), so only status and time are compared' END), N'');
            SET @What = ISNULL(STUFF(@What, 1, 2, N''), N'content changed (fields the queue does not compare, e.g. meta_data)');

            IF @State = 'APPLIED' OR @AppliedHash IS NOT NULL
            BEGIN
                -- Never applied silently: recorded, and alerted when Counterpoint's document no longer matches the shop.
                SET @Kind = NULLIF(CONCAT(
                    CASE WHEN @NewStatus IN (N'cancelled', N'refunded', N'failed', N'trash') AND ISNULL(@OldStatus, N'') <> @NewStatus THEN N', cancellation' END,
                    CASE WHEN EXISTS (SELECT 1 FROM @Old AS o CROSS JOIN @New AS n WHERE o.RefundCount <> n.RefundCount OR o.RefundTotal <> n.RefundTotal)
                              OR (NOT EXISTS (SELECT 1 FROM @Old) AND EXISTS (SELECT 1 FROM @New AS n WHERE n.RefundCount > 0)) THEN N', refund' END,
                    CASE WHEN EXISTS (SELECT 1 FROM @Old AS o CROSS JOIN @New AS n
                                      WHERE o.Total <> n.Total OR o.TotalTax <> n.TotalTax OR o.ShippingTotal <> n.ShippingTotal OR o.DiscountTotal <> n.DiscountTotal
                                         OR ISNULL(o.Currency, N'') <> ISNULL(n.Currency, N'') OR o.LineCount <> n.LineCount OR o.LinesHash <> n.LinesHash
                                         OR o.AddressHash <> n.AddressHash OR o.NoteHash <> n.NoteHash)
                              OR @NewValid = 0 THEN N', edit' END), N'');
                SET @Kind = STUFF(@Kind, 1, 2, N'');
                UPDATE q
                SET OrderJson = @NewJson, ContentHash = @NewHash, WooStatus = @NewStatus, DateModifiedGmt = @NewModified,
                    WooOrderNumber = ISNULL(@NewNumber, q.WooOrderNumber), UpdatedAtUtc = SYSUTCDATETIME(),
                    ChangedAfterApply = CASE WHEN @Kind IS NOT NULL THEN 'Y' ELSE q.ChangedAfterApply END
                FROM woo.OrderQueue AS q
                WHERE q.QueueId = @QueueId;
                SET @Message = LEFT(CASE WHEN @Kind IS NULL THEN N'changed in WooCommerce after apply, nothing the document depends on: '
                                         ELSE N'changed in WooCommerce after apply (' + @Kind + N'): ' END + @What, 4000);
                INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
                VALUES (@QueueId, 'CHANGED_AFTER_APPLY', CASE WHEN @Kind IS NOT NULL THEN 'CPO-ORDER-CHANGED-AFTER-APPLY' END, @Message, @RunId);
                IF @Kind IS NOT NULL
                BEGIN
                    SET @Message = LEFT(N'CPO-ORDER-CHANGED-AFTER-APPLY: store ' + @StoreId + N', WooCommerce order ' + CONVERT(nvarchar (20), @Id)
                        + N' (queue ' + CONVERT(nvarchar (20), @QueueId) + N') was changed in the shop after its Counterpoint document was written ('
                        + @Kind + N'): ' + @What + N'. CpOrders does not change the document: correct it in Counterpoint (void, edit or return), '
                        + N'then acknowledge this alert.', 4000);
                    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-ORDER-CHANGED-AFTER-APPLY', @Message = @Message,
                                            @StoreId = @StoreId, @QueueId = @QueueId, @RunId = @RunId;
                    SET @ChangedAfterApply += 1;
                END
                ELSE
                    SET @Unchanged += 1;
            END
            ELSE
            BEGIN
                -- Before apply: the newest content is the one to process; fresh attempts and no lease (a processor still
                -- working on the old content re-checks ContentHash under this row's lock and writes nothing). SKIPPED stays
                -- an operator's decision; a CPO-PRE-CUTOVER park stays parked for a person; a status that is not imported
                -- withdraws the order: SKIPPED (cancelled, refunded, failed...) or PARKED CPO-ORDER-STATUS (it may return).
                SELECT @NewState = CASE WHEN @State = 'SKIPPED' THEN 'SKIPPED'
                                        WHEN @State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER' THEN 'PARKED'
                                        WHEN @NewValid = 0 THEN 'PARKED'
                                        WHEN @Importable = 0 AND @Terminal = 1 THEN 'SKIPPED'
                                        WHEN @Importable = 0 THEN 'PARKED'
                                        ELSE 'PENDING' END,
                       @NewCode = CASE WHEN @State = 'SKIPPED' OR (@State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER') THEN @OldCode
                                       WHEN @NewValid = 0 THEN 'CPO-ORDER-JSON'
                                       WHEN @Importable = 0 AND @Terminal = 1 THEN 'CPO-ORDER-CANCELLED'
                                       WHEN @Importable = 0 THEN 'CPO-ORDER-STATUS' END,
                       @NewError = CASE WHEN @NewValid = 0 AND @State <> 'SKIPPED' AND NOT (@State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER') THEN @ParseError
                                        WHEN @Importable = 0 AND @State <> 'SKIPPED' AND NOT (@State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER')
                                        THEN N'WooCommerce status ''' + @NewStatus + N''' is not imported (woo.Store.StatusesToImport): '
                                             + CASE WHEN @Terminal = 1 THEN N'the order was withdrawn in the shop and is never applied.'
                                                    ELSE N'it waits here; it is re-staged when the shop moves it to an imported status.' END END;
                UPDATE q
                SET OrderJson = @NewJson, ContentHash = @NewHash, WooStatus = @NewStatus, DateModifiedGmt = @NewModified,
                    WooOrderNumber = ISNULL(@NewNumber, q.WooOrderNumber), UpdatedAtUtc = SYSUTCDATETIME(), StagedAtUtc = SYSUTCDATETIME(),
                    [State] = @NewState,
                    Attempts = CASE WHEN @State = 'SKIPPED' OR (@State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER') THEN q.Attempts ELSE 0 END,
                    NextAttemptUtc = CASE WHEN @State = 'SKIPPED' THEN q.NextAttemptUtc END,
                    LastErrorCode = @NewCode,
                    LastError = CASE WHEN @State = 'SKIPPED' OR (@State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER') THEN q.LastError ELSE @NewError END,
                    LeaseOwner = NULL, LeaseExpiresUtc = NULL
                FROM woo.OrderQueue AS q
                WHERE q.QueueId = @QueueId;
                SET @Message = LEFT(CASE WHEN @State = 'SKIPPED' THEN N'new content (the order stays SKIPPED): '
                                         WHEN @State = 'PARKED' AND @OldCode = 'CPO-PRE-CUTOVER' THEN N'new content (the order stays parked, pre-cutover): '
                                         WHEN @NewCode IN ('CPO-ORDER-CANCELLED', 'CPO-ORDER-STATUS') THEN ISNULL(@NewError, N'') + N' '
                                         ELSE N're-staged: ' END + @What, 4000);
                INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
                VALUES (@QueueId, CASE WHEN @State = 'SKIPPED' OR @NewState = 'PENDING' THEN 'RESTAGED' WHEN @NewState = 'SKIPPED' THEN 'SKIPPED' ELSE 'PARKED' END,
                        CASE WHEN @State <> 'SKIPPED' THEN @NewCode END, @Message, @RunId);
                IF @State = 'SKIPPED' OR @NewState = 'PENDING' SET @Restaged += 1;
                ELSE IF @NewCode IN ('CPO-ORDER-CANCELLED', 'CPO-ORDER-STATUS') SET @Withdrawn += 1;
                ELSE SET @Parked += 1;
            END;
        END;
        COMMIT TRANSACTION;
        FETCH NEXT FROM order_cursor INTO @Seq;
    END;
    CLOSE order_cursor;
    DEALLOCATE order_cursor;
    -- Superseded contents of an order within this batch count as read, not as changes.
    SET @Unchanged += (SELECT COUNT(*) FROM #orders WHERE IsLatest = 0);
    RETURN 0;
END;
