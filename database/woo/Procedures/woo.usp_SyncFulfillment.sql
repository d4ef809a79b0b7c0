-- Follows each of our orders in Counterpoint and tells the shop what happened to it, once (issue 15 point 2; README
-- "Fulfillment back to the shop"). Orders: woo.OrderQueue rows APPLIED with a document, of enabled stores whose
-- woo.StoreStatusRule is enabled (a store without a rule row uses the column defaults), not yet closed in
-- woo.OrderFulfillment; least recently checked first, at most @MaxOrders per run.
-- Per order, BEFORE any transaction: woo.usp_ReadFulfillment reads Counterpoint by the keys we stored (DOC_ID, DOC_GUID,
-- TKT_NO; its header says which seeks and why). Then ONE short transaction per order (design 5: XACT_ABORT,
-- LOCK_TIMEOUT 5 s, DEADLOCK_PRIORITY LOW) writes the woo.Outbox messages and woo.OrderFulfillment* state together:
--   every line shipped      -> STATUS StoreStatusRule.StatusWhenShipped + NOTE with what shipped and the tracking
--                              numbers (Cause SHIPPED, Marker 'cpo:shipped:<DOC_ID>');
--   more shipped, not all   -> NOTE with what shipped so far (NoteWhenPartlyShipped; Cause PARTIAL, Marker
--                              'cpo:partial:<DOC_ID>:<release DOC_ID>', or ':s<shipped quantity>' when no new release
--                              ticket was found);
--   new tracking numbers    -> NOTE (Marker 'cpo:tracking:<DOC_ID>:<16 hex of SHA-256 of the first new number>');
--   voided or cancelled     -> STATUS StatusWhenVoided when set (Cause VOIDED, Marker 'cpo:voided:<DOC_ID>') and a
--                              WARNING alert CPO-FULFIL-VOIDED through woo.usp_RaiseAlert, ONLY while nothing has
--                              shipped (nothing read, nothing announced). Counterpoint marks: an audit row with
--                              DOC_TYP 'V' or ACTIV 'C' on the open order; the order posted to history with nothing
--                              shipped; or - only where woo.StoreStatusRule.VoidWhenGone = 'Y' - the document gone
--                              without history for @GoneGraceMinutes (two sightings). A mark after something shipped is
--                              alerted only (CPO-FULFIL-VOID-AFTER-SHIP); a document gone without history is alerted
--                              only by default (CPO-FULFIL-GONE: an absence may be a posting the lookup missed).
-- Shipment notes are customer notes when CustomerSeesShipNotes = 'Y'. BASELINE (state recorded, nothing announced, a
-- document no longer open closed silently) on the first check of: an order applied before woo.Store.FulfillmentFromUtc
-- (the deploy that brought fulfillment, or the store's creation: orders an earlier version applied are never announced
-- as new), an order migrated from the predecessor, and an order that already has fulfillment messages in woo.Outbox (its
-- state row was deleted to check it afresh). A migrated order without DOC_GUID is sought by DOC_ID, TKT_NO and DOC_TYP
-- 'O' (the GUID found is kept in woo.OrderFulfillment.DocGuid); one with no TKT_NO either is closed UNTRACKED with
-- the reason. The Outbox key (StoreId, WooOrderId, Kind, Marker) makes a repeat a no-op; the state makes it never
-- tried. Failures are per order (other orders go on): a deadlock or lock timeout leaves the order for the next run
-- (its LastCheckedUtc moves, so other orders get their turn); another error is recorded on its state row and alerted
-- (CPO-FULFIL-ORDER). A Counterpoint table or column of the OPEN documents missing (checked first, and errors 207/208
-- while reading) stops the run: RunLog FAILED and a CRITICAL alert CPO-FULFIL-SCHEMA. Order history (PS_ORD_HIST,
-- PS_ORD_HIST_LIN: inferred, optional at deploy) missing or different disables only the history lookup (one WARNING
-- alert CPO-FULFIL-HISTORY per run, folded): open orders are still followed, and an order that leaves the open
-- documents is then alerted, never announced.
-- Pipeline lock Shared (like woo.usp_PullOrders) and its own lock 'CpOrders.SyncFulfillment' Exclusive, both timeout 0
-- (logged SKIPPED). One woo.RunLog row per real run (Step FULFILLMENT). @Execute = 'N' reads everything and returns
-- what it would announce; it writes nothing (no run log, no state, no outbox, no alert). @Outcomes returns the result
-- set as JSON (per order: outcome and each message announced, or that would be in a dry run).
CREATE PROCEDURE [woo].[usp_SyncFulfillment]
    @StoreId            varchar (10) = NULL,
    @MaxOrders          int = 500,
    @Execute            char (1) = 'Y',
    @QueueId            bigint = NULL,      -- one order only (an operator's check)
    @GoneGraceMinutes   int = 10,
    @Outcomes           nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Msg nvarchar (4000), @StartedAt datetime2 (3) = SYSUTCDATETIME(), @Now datetime2 (0) = SYSUTCDATETIME(),
            @RunId bigint, @LockResult int, @HoldsPipeline bit = 0, @HoldsOwn bit = 0;

    -- 1. Every parameter problem at once.
    DECLARE @Errors TABLE (Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors VALUES ('CPO-PARAM', N'@Execute must be Y (announce) or N (dry run: show what would be announced, write nothing).');
    IF @MaxOrders IS NULL OR @MaxOrders NOT BETWEEN 1 AND 100000
        INSERT INTO @Errors VALUES ('CPO-PARAM', N'@MaxOrders must be 1-100000.');
    IF @GoneGraceMinutes IS NULL OR @GoneGraceMinutes NOT BETWEEN 0 AND 10080
        INSERT INTO @Errors VALUES ('CPO-PARAM', N'@GoneGraceMinutes must be 0-10080 (a week).');
    IF @StoreId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors VALUES ('CPO-STORE-UNKNOWN', N'@StoreId ' + @StoreId + N' is not a store (woo.StoreSettings lists them).');
    IF @QueueId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId AND q.[State] = 'APPLIED' AND q.DocId IS NOT NULL
                                                                             AND (@StoreId IS NULL OR q.StoreId = @StoreId))
        INSERT INTO @Errors VALUES ('CPO-QUEUE-UNKNOWN', N'@QueueId ' + CONVERT(nvarchar (20), @QueueId) + N' is not an APPLIED order with a document' + ISNULL(N' of store ' + @StoreId, N'') + N'.');
    IF @@TRANCOUNT > 0
        INSERT INTO @Errors VALUES ('CPO-TRANSACTION', N'woo.usp_SyncFulfillment runs one short transaction per order (design 5); call it outside a transaction, the dry run too.');
    IF (SELECT d.compatibility_level FROM sys.databases AS d WHERE d.database_id = DB_ID()) < 130
        INSERT INTO @Errors VALUES ('CPO-COMPATIBILITY', N'the CpOrders database''s compatibility level is below 130; OPENJSON and FOR JSON need 130 or higher: a DBA raises it (140 on SQL Server 2017).');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        SET @Msg = LEFT(N'woo.usp_SyncFulfillment: nothing was done; fix every problem: '
                        + (SELECT STRING_AGG(CONVERT(nvarchar (max), e.Code + N': ' + e.[Message]), N' | ') FROM @Errors AS e), 2000);
        THROW 50500, @Msg, 1;
    END;

    SET LOCK_TIMEOUT 5000;          -- a few seconds: the POS waits for nobody
    SET DEADLOCK_PRIORITY LOW;      -- and wins every deadlock (design 5)

    SET @Msg = N'woo.usp_SyncFulfillment: ' + CASE WHEN @Execute = 'N' THEN N'DRY RUN (writes nothing), ' ELSE N'' END
             + N'store ' + ISNULL(@StoreId, N'(all enabled)') + ISNULL(N', queue id ' + CONVERT(nvarchar (20), @QueueId), N'')
             + N', at most ' + CONVERT(nvarchar (10), @MaxOrders) + N' orders.';
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

    -- 2. Run log and locks: the pipeline lock Shared (a deploy holds it Exclusive), and this step's own lock Exclusive
    --    (two fulfillment runs at once would read the same orders; harmless, but wasted). Never waited for.
    IF @Execute = 'Y'
    BEGIN
        INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('FULFILLMENT', @StoreId, @StartedAt, 'RUNNING', 'N');
        SET @RunId = SCOPE_IDENTITY();
        EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                             @LockTimeout = 0, @DbPrincipal = N'public';
        IF @LockResult >= 0
        BEGIN
            SET @HoldsPipeline = 1;
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.SyncFulfillment', @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
                SET @HoldsOwn = 1;
        END;
        IF @HoldsOwn = 0
        BEGIN
            SET @Msg = CASE WHEN @HoldsPipeline = 0
                            THEN N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock; this fulfillment run is skipped. The next scheduled run goes on.'
                            ELSE N'CPO-FULFIL-BUSY: another woo.usp_SyncFulfillment run is under way; this one is skipped.' END;
            IF @HoldsPipeline = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsPipeline = 0;
            UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = LEFT(@Msg, CHARINDEX(N':', @Msg) - 1), r.ErrorMessage = @Msg
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            SET @Outcomes = N'[]';
            RETURN 0;
        END;
    END;

    DECLARE @Done TABLE (QueueId bigint NOT NULL PRIMARY KEY, WooOrderId bigint NULL, DocId bigint NULL, DocState varchar (10) NULL,
                         Outcome varchar (20) NOT NULL, Code varchar (40) NULL, [Message] nvarchar (2000) NULL);
    DECLARE @Announce TABLE (Id int IDENTITY (1, 1) NOT NULL PRIMARY KEY, QueueId bigint NOT NULL, StoreId varchar (10) NOT NULL,
                             WooOrderId bigint NOT NULL, Kind varchar (10) NOT NULL, Cause varchar (20) NOT NULL, Marker varchar (100) NOT NULL,
                             WooStatus varchar (40) NULL, NoteText nvarchar (2000) NULL, IsCustomerNote char (1) NOT NULL);
    DECLARE @Checked int = 0, @Shipped int = 0, @Partial int = 0, @Voided int = 0, @Tracking int = 0, @Baselined int = 0,
            @Failed int = 0, @Transient int = 0, @Messages int = 0, @SchemaError nvarchar (4000);

    BEGIN TRY
        -- 3. The Counterpoint columns this step reads (woo.usp_ReadFulfillment) must exist: the history tables are not in
        --    every reference we hold, and an NCR update may change them (design 7). Read in the Counterpoint database
        --    through its sp_executesql from this signed module (metadata visible through the derived SELECT grants).
        DECLARE @Need TABLE (TableName sysname NOT NULL, ColumnName sysname NOT NULL, PRIMARY KEY (TableName, ColumnName));
        INSERT INTO @Need (TableName, ColumnName)
        VALUES (N'PS_DOC_HDR', N'DOC_ID'), (N'PS_DOC_HDR', N'DOC_GUID'), (N'PS_DOC_HDR', N'DOC_TYP'), (N'PS_DOC_HDR', N'TKT_NO'),
               (N'PS_DOC_LIN', N'DOC_ID'), (N'PS_DOC_LIN', N'LIN_SEQ_NO'), (N'PS_DOC_LIN', N'LIN_GUID'), (N'PS_DOC_LIN', N'LINK_LIN_GUID'),
               (N'PS_DOC_LIN', N'LIN_TYP'), (N'PS_DOC_LIN', N'ITEM_NO'), (N'PS_DOC_LIN', N'DESCR'), (N'PS_DOC_LIN', N'QTY_SOLD'),
               (N'PS_DOC_LIN', N'ORIG_QTY'), (N'PS_DOC_LIN', N'QTY_SHIPPED'),
               (N'PS_DOC_AUDIT_LOG', N'DOC_ID'), (N'PS_DOC_AUDIT_LOG', N'LOG_SEQ_NO'), (N'PS_DOC_AUDIT_LOG', N'DOC_TYP'),
               (N'PS_DOC_AUDIT_LOG', N'ACTIV'),
               (N'PS_DOC_HDR_ORIG_DOC', N'DOC_ID'), (N'PS_DOC_HDR_ORIG_DOC', N'ORIG_DOC_ID'),
               (N'PS_DOC_PKG_TRK_NO', N'DOC_ID'), (N'PS_DOC_PKG_TRK_NO', N'PKG_TRK_NO');
        -- Order history (woo.usp_ReadFulfillmentHistory): optional. Missing: only the history lookup is off.
        DECLARE @NeedHistory TABLE (TableName sysname NOT NULL, ColumnName sysname NOT NULL, PRIMARY KEY (TableName, ColumnName));
        INSERT INTO @NeedHistory (TableName, ColumnName)
        VALUES (N'PS_ORD_HIST', N'BUS_DAT'), (N'PS_ORD_HIST', N'DOC_ID'), (N'PS_ORD_HIST', N'TKT_NO'),
               (N'PS_ORD_HIST_LIN', N'BUS_DAT'), (N'PS_ORD_HIST_LIN', N'DOC_ID'), (N'PS_ORD_HIST_LIN', N'LIN_SEQ_NO'),
               (N'PS_ORD_HIST_LIN', N'ITEM_NO'), (N'PS_ORD_HIST_LIN', N'ORIG_QTY'), (N'PS_ORD_HIST_LIN', N'QTY_SHIPPED');
        DECLARE @CpExec nvarchar (300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql', @LiveXml xml, @Probe int, @Missing nvarchar (max),
                @HistoryOk bit = 1, @HistoryProblem nvarchar (2000);
        -- A static read (a seek that finds nothing): it makes this module one the build signs, and fails here, plainly,
        -- without the signature.
        SELECT @Probe = COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = -1;
        EXEC @CpExec N'SET @X = (SELECT t.name AS t, c.name AS c
                                 FROM sys.tables AS t JOIN sys.columns AS c ON c.object_id = t.object_id
                                 WHERE t.schema_id = SCHEMA_ID(N''dbo'')
                                   AND t.name IN (N''PS_DOC_HDR'', N''PS_DOC_LIN'', N''PS_DOC_AUDIT_LOG'', N''PS_DOC_HDR_ORIG_DOC'',
                                                  N''PS_DOC_PKG_TRK_NO'', N''PS_ORD_HIST'', N''PS_ORD_HIST_LIN'')
                                 FOR XML RAW(''c''), TYPE);',
             N'@X xml OUTPUT', @X = @LiveXml OUTPUT;
        SET @Missing = (SELECT STRING_AGG(CONVERT(nvarchar (max), n.TableName + N'.' + n.ColumnName), N', ') WITHIN GROUP (ORDER BY n.TableName, n.ColumnName)
                        FROM @Need AS n
                        WHERE NOT EXISTS (SELECT 1 FROM @LiveXml.nodes(N'/c') AS x(c)
                                          WHERE x.c.value(N'@t', N'sysname') COLLATE Latin1_General_100_CI_AS = n.TableName COLLATE Latin1_General_100_CI_AS
                                            AND x.c.value(N'@c', N'sysname') COLLATE Latin1_General_100_CI_AS = n.ColumnName COLLATE Latin1_General_100_CI_AS));
        IF @Missing IS NOT NULL
        BEGIN
            SET @SchemaError = LEFT(N'CPO-FULFIL-SCHEMA: the Counterpoint database lacks (or the signing certificate''s user cannot see) what fulfillment reads: '
                                    + @Missing + N'. No order was checked and nothing was announced. Compare with sys.columns there and deploy a CpOrders '
                                    + N'built for this Counterpoint version (README, Fulfillment back to the shop).', 4000);
            THROW 50501, @SchemaError, 1;
        END;
        SET @Missing = (SELECT STRING_AGG(CONVERT(nvarchar (max), n.TableName + N'.' + n.ColumnName), N', ') WITHIN GROUP (ORDER BY n.TableName, n.ColumnName)
                        FROM @NeedHistory AS n
                        WHERE NOT EXISTS (SELECT 1 FROM @LiveXml.nodes(N'/c') AS x(c)
                                          WHERE x.c.value(N'@t', N'sysname') COLLATE Latin1_General_100_CI_AS = n.TableName COLLATE Latin1_General_100_CI_AS
                                            AND x.c.value(N'@c', N'sysname') COLLATE Latin1_General_100_CI_AS = n.ColumnName COLLATE Latin1_General_100_CI_AS));
        IF @Missing IS NOT NULL
            SELECT @HistoryOk = 0,
                   @HistoryProblem = LEFT(N'the Counterpoint database lacks (or the signing certificate''s user cannot see) ' + @Missing, 2000);
-- 4. The orders to check.
        DECLARE @Orders TABLE (Seq int IDENTITY (1, 1) NOT NULL PRIMARY KEY, QueueId bigint NOT NULL);
        INSERT INTO @Orders (QueueId)
        SELECT TOP (@MaxOrders) q.QueueId
        FROM woo.OrderQueue AS q
        JOIN woo.Store AS s ON s.StoreId = q.StoreId
        LEFT JOIN woo.StoreStatusRule AS r ON r.StoreId = q.StoreId
        LEFT JOIN woo.OrderFulfillment AS f ON f.QueueId = q.QueueId
        WHERE q.[State] = 'APPLIED' AND q.DocId IS NOT NULL     -- a migrated row without DOC_GUID too (sought by TKT_NO, or closed UNTRACKED)
          AND s.IsEnabled = 'Y' AND ISNULL(r.IsEnabled, 'Y') = 'Y'
          AND ISNULL(f.Closed, 'N') = 'N'
          AND (@StoreId IS NULL OR q.StoreId = @StoreId) AND (@QueueId IS NULL OR q.QueueId = @QueueId)
        ORDER BY CASE WHEN f.QueueId IS NULL THEN 0 ELSE 1 END, f.LastCheckedUtc, q.QueueId;
        SET @Msg = CONVERT(nvarchar (10), (SELECT COUNT(*) FROM @Orders)) + N' order(s) to check.';
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

        -- 5. One order at a time.
        DECLARE @Seq int = (SELECT MIN(o.Seq) FROM @Orders AS o);
        DECLARE @Q bigint, @S varchar (10), @WooOrderId bigint, @DocId bigint, @DocGuid uniqueidentifier, @TktNo varchar (15),
                @Source varchar (10), @AppliedAt datetime2 (0), @HasState bit, @FQtyAnn decimal (15, 4), @FShippedAnn char (1),
                @FVoidAnn char (1), @FLastSeenOpen datetime2 (0), @FGoneSince datetime2 (0), @StatusShipped varchar (40),
                @NotePartly char (1), @CustSees char (1), @StatusVoided varchar (40), @Watch nvarchar (max), @Facts nvarchar (max),
                @DocState varchar (10), @VoidMark nvarchar (400), @Ordered decimal (15, 4), @ShippedQty decimal (15, 4),
                @LineCount int, @Full bit, @IsVoid bit, @Baseline bit, @ShippedText nvarchar (1500), @NewTrk nvarchar (1000),
                @FirstNewTrk varchar (25), @AllTrk nvarchar (1000), @NewReleaseId bigint, @Closed char (1), @NewShippedAnn char (1),
                @NewVoidAnn char (1), @NewQtyAnn decimal (15, 4), @NewGoneSince datetime2 (0), @NewLastSeenOpen datetime2 (0),
                @AlertCode varchar (40), @AlertMsg nvarchar (4000), @ErrNo int, @ErrMsg nvarchar (4000), @Code varchar (40),
                @Outcome varchar (20), @FirstAnnounce int, @TrkRecord bit, @HistoryFrom datetime2 (0), @FQtySeen decimal (15, 4), @GoneLong bit,
                @FromUtc datetime2 (0), @VoidGone char (1), @FDocGuid uniqueidentifier, @FoundGuid uniqueidentifier, @RelCovered decimal (15, 4),
                @PriorMessages bit, @HistFacts nvarchar (max), @HistoryRead bit, @VoidAfterShip bit, @Untracked bit;
        DECLARE @Facts_Lines TABLE (Seq int NOT NULL PRIMARY KEY, Item varchar (20) NULL, Descr nvarchar (250) NULL, Ordered decimal (15, 4) NOT NULL, Shipped decimal (15, 4) NOT NULL);
        DECLARE @Facts_Rel TABLE (DocId bigint NOT NULL PRIMARY KEY, TktNo varchar (15) NULL, IsOpen bit NOT NULL, Qty decimal (15, 4) NOT NULL);
        DECLARE @Facts_Trk TABLE (TrackingNo varchar (25) NOT NULL PRIMARY KEY, DocId bigint NOT NULL);
        WHILE @Seq IS NOT NULL
        BEGIN
            SELECT @Q = o.QueueId FROM @Orders AS o WHERE o.Seq = @Seq;
            SELECT @S = NULL, @WooOrderId = NULL, @DocId = NULL, @DocGuid = NULL, @TktNo = NULL, @Source = NULL, @AppliedAt = NULL,
                   @HasState = 0, @FQtyAnn = 0, @FShippedAnn = 'N', @FVoidAnn = 'N', @FLastSeenOpen = NULL, @FGoneSince = NULL, @FQtySeen = 0,
                   @Facts = NULL, @DocState = NULL, @VoidMark = NULL, @AlertCode = NULL, @AlertMsg = NULL, @ErrNo = NULL, @ErrMsg = NULL,
                   @Outcome = NULL, @NewReleaseId = NULL, @NewTrk = NULL, @FirstNewTrk = NULL, @AllTrk = NULL, @ShippedText = NULL,
                   @FromUtc = NULL, @VoidGone = 'N', @FDocGuid = NULL, @FoundGuid = NULL, @RelCovered = 0, @PriorMessages = 0,
                   @HistFacts = NULL, @HistoryRead = 0, @VoidAfterShip = 0, @Untracked = 0;
            DELETE FROM @Facts_Lines;
            DELETE FROM @Facts_Rel;
            DELETE FROM @Facts_Trk;
            SET @FirstAnnounce = ISNULL((SELECT MAX(a.Id) FROM @Announce AS a), 0);
            BEGIN TRY
                SELECT @S = q.StoreId, @WooOrderId = q.WooOrderId, @DocId = q.DocId, @DocGuid = q.DocGuid, @TktNo = q.TktNo,
                       @Source = q.[Source], @AppliedAt = ISNULL(q.AppliedAtUtc, q.UpdatedAtUtc),
                       @StatusShipped = ISNULL(r.StatusWhenShipped, 'completed'), @NotePartly = ISNULL(r.NoteWhenPartlyShipped, 'Y'),
                       @CustSees = ISNULL(r.CustomerSeesShipNotes, 'Y'), @StatusVoided = r.StatusWhenVoided,
                       @VoidGone = ISNULL(r.VoidWhenGone, 'N'), @FromUtc = s.FulfillmentFromUtc
                FROM woo.OrderQueue AS q
                JOIN woo.Store AS s ON s.StoreId = q.StoreId
                LEFT JOIN woo.StoreStatusRule AS r ON r.StoreId = q.StoreId
                WHERE q.QueueId = @Q;
                SELECT @HasState = 1, @FQtyAnn = f.QtyAnnounced, @FShippedAnn = f.ShippedAnnounced, @FVoidAnn = f.VoidAnnounced,
                       @FLastSeenOpen = f.LastSeenOpenUtc, @FGoneSince = f.GoneSinceUtc, @FQtySeen = f.QtyShipped, @FDocGuid = f.DocGuid
                FROM woo.OrderFulfillment AS f WHERE f.QueueId = @Q;
                SET @DocGuid = ISNULL(@DocGuid, @FDocGuid);
                SET @RelCovered = ISNULL((SELECT SUM(r.QtyShipped) FROM woo.OrderFulfillmentRelease AS r WHERE r.QueueId = @Q), 0);
                -- Fulfillment messages already queued for this order (its state row was deleted to check it afresh).
                IF @HasState = 0 AND EXISTS (SELECT 1 FROM woo.Outbox AS o WHERE o.StoreId = @S AND o.WooOrderId = @WooOrderId
                                                                          AND o.Cause IN ('SHIPPED', 'PARTIAL', 'VOIDED'))
                    SET @PriorMessages = 1;
                -- Baseline on the first check (see the header): recorded, never announced.
                SET @Baseline = CASE WHEN @HasState = 0 AND (@Source = 'MIGRATION' OR @AppliedAt < @FromUtc OR @PriorMessages = 1) THEN 1 ELSE 0 END;
                SET @Untracked = CASE WHEN @DocGuid IS NULL AND @TktNo IS NULL THEN 1 ELSE 0 END;
                -- Release tickets still watched, as a JSON array of DOC_IDs.
                SET @Watch = (SELECT N'[' + STRING_AGG(CONVERT(nvarchar (max), CONVERT(nvarchar (20), r.ReleaseDocId)), N',') + N']'
                              FROM woo.OrderFulfillmentRelease AS r WHERE r.QueueId = @Q AND r.IsOpen = 'Y');

                -- 5a. Read Counterpoint (no transaction open: statement-long shared locks only).
                SET @HistoryFrom = ISNULL(@FLastSeenOpen, @AppliedAt);
                IF @Untracked = 1
                    SET @Facts = N'{"docState":"UNTRACKED","lines":[],"releases":[],"tracking":[]}';
                ELSE
                    EXEC woo.usp_ReadFulfillment @DocId = @DocId, @DocGuid = @DocGuid, @TktNo = @TktNo, @QtyAnnounced = @FQtyAnn,
                                                 @ReleaseCoveredQty = @RelCovered, @WatchReleases = @Watch, @Facts = @Facts OUTPUT;
                SELECT @DocState = JSON_VALUE(@Facts, N'$.docState'), @VoidMark = JSON_VALUE(@Facts, N'$.voidMark'),
                       @FoundGuid = TRY_CONVERT(uniqueidentifier, JSON_VALUE(@Facts, N'$.docGuid'));
                -- Not open: order history, searched around the order's entry and from the last sighting open (two narrow
                -- ranges; woo.usp_ReadFulfillmentHistory). Not for a baseline (a document no longer open is closed
                -- silently), nor when history is unusable on this server.
                IF @DocState = 'GONE' AND @Baseline = 0 AND @HistoryOk = 1 AND @TktNo IS NOT NULL
                BEGIN
                    BEGIN TRY
                        EXEC woo.usp_ReadFulfillmentHistory @DocId = @DocId, @TktNo = @TktNo, @AppliedAtUtc = @AppliedAt,
                                                            @LastSeenOpenUtc = @FLastSeenOpen, @Facts = @HistFacts OUTPUT;
                        SET @HistoryRead = 1;
                    END TRY
                    BEGIN CATCH
                        IF ERROR_NUMBER() NOT IN (207, 208, 213, 4104)
                            THROW;
                        -- History differs from the model on this server: only the history lookup is off (the order
                        -- stays GONE: alerted, never announced).
                        SELECT @HistoryOk = 0, @HistoryProblem = LEFT(N'reading PS_ORD_HIST failed to compile (Msg ' + CONVERT(nvarchar (10), ERROR_NUMBER())
                                                                      + N': ' + ERROR_MESSAGE() + N')', 2000);
                    END CATCH;
                    IF @HistoryRead = 1 AND JSON_VALUE(@HistFacts, N'$.docState') = 'HISTORY'
                        SET @Facts = JSON_MODIFY(JSON_MODIFY(@Facts, N'$.docState', N'HISTORY'), N'$.lines', JSON_QUERY(@HistFacts, N'$.lines'));
                    SET @DocState = JSON_VALUE(@Facts, N'$.docState');
                END;
                INSERT INTO @Facts_Lines (Seq, Item, Descr, Ordered, Shipped)
                SELECT l.seq, l.item, l.descr, l.ordered, CASE WHEN l.shipped > l.ordered THEN l.ordered WHEN l.shipped < 0 THEN 0 ELSE l.shipped END
                FROM OPENJSON(@Facts, N'$.lines') WITH (seq int, item varchar (20), descr nvarchar (250), ordered decimal (15, 4), shipped decimal (15, 4)) AS l;
                INSERT INTO @Facts_Rel (DocId, TktNo, IsOpen, Qty)
                SELECT r.docId, r.tktNo, r.isOpen, r.qty
                FROM OPENJSON(@Facts, N'$.releases') WITH (docId bigint, tktNo varchar (15), isOpen bit, qty decimal (15, 4)) AS r;
                -- A number read from two documents counts once (the order's own copy and the release ticket's).
                INSERT INTO @Facts_Trk (TrackingNo, DocId)
                SELECT t.[no], MIN(t.docId)
                FROM OPENJSON(@Facts, N'$.tracking') WITH ([no] varchar (25), docId bigint) AS t
                WHERE t.[no] IS NOT NULL
                GROUP BY t.[no];

                -- 5b. Decide.
                SELECT @Ordered = ISNULL(SUM(l.Ordered), 0), @ShippedQty = ISNULL(SUM(l.Shipped), 0), @LineCount = COUNT(*),
                       @Full = CASE WHEN COUNT(*) > 0 AND MIN(CASE WHEN l.Shipped >= l.Ordered THEN 1 ELSE 0 END) = 1 THEN 1 ELSE 0 END
                FROM @Facts_Lines AS l;
                SELECT @NewGoneSince = CASE WHEN @DocState = 'GONE' THEN ISNULL(@FGoneSince, @Now) END,
                       @NewLastSeenOpen = CASE WHEN @DocState = 'OPEN' THEN @Now ELSE @FLastSeenOpen END;
                -- Gone (neither open nor found in history) past the grace period: an absence alone. By default only an
                -- alert (CPO-FULFIL-GONE): a posting the history lookup missed is as likely as a cancellation. A void
                -- status only where the store chose VoidWhenGone = 'Y', and never after something shipped.
                SET @GoneLong = CASE WHEN @DocState = 'GONE' AND @FGoneSince IS NOT NULL AND DATEDIFF(MINUTE, @FGoneSince, @Now) >= @GoneGraceMinutes THEN 1 ELSE 0 END;
                -- A void is announced only while nothing has shipped: nothing read now, before, or announced. A mark
                -- after a shipment (the rest cancelled? history keeping QTY_SHIPPED differently?) is alerted only.
                SET @IsVoid = CASE WHEN @FQtyAnn > 0 OR @FQtySeen > 0 OR @ShippedQty > 0 OR @Baseline = 1 THEN 0
                                   WHEN @DocState = 'OPEN' AND @VoidMark IS NOT NULL THEN 1
                                   WHEN @DocState = 'HISTORY' AND @LineCount > 0 THEN 1
                                   WHEN @GoneLong = 1 AND @VoidGone = 'Y' THEN 1
                                   ELSE 0 END;
                SET @VoidAfterShip = CASE WHEN @Baseline = 0 AND (@FQtyAnn > 0 OR @FQtySeen > 0 OR @ShippedQty > 0)
                                               AND ((@DocState = 'OPEN' AND @VoidMark IS NOT NULL)
                                                    OR (@DocState = 'HISTORY' AND @LineCount > 0 AND @ShippedQty = 0))
                                          THEN 1 ELSE 0 END;
                SET @NewReleaseId = (SELECT MAX(r.DocId) FROM @Facts_Rel AS r WHERE r.IsOpen = 1 AND r.Qty > 0
                                     AND NOT EXISTS (SELECT 1 FROM woo.OrderFulfillmentRelease AS k WHERE k.QueueId = @Q AND k.ReleaseDocId = r.DocId));
                SELECT @NewTrk = STRING_AGG(CONVERT(nvarchar (max), t.TrackingNo), N', ') WITHIN GROUP (ORDER BY t.TrackingNo),
                       @FirstNewTrk = MIN(t.TrackingNo)
                FROM @Facts_Trk AS t
                WHERE NOT EXISTS (SELECT 1 FROM woo.OrderFulfillmentTracking AS k WHERE k.QueueId = @Q AND k.TrackingNo = t.TrackingNo);
                SET @ShippedText = LEFT((SELECT STRING_AGG(CONVERT(nvarchar (max),
                                                   CONVERT(nvarchar (30), CONVERT(float, l.Shipped)) + N' of ' + CONVERT(nvarchar (30), CONVERT(float, l.Ordered))
                                                   + N' x ' + ISNULL(CONVERT(nvarchar (20), l.Item), N'?') + ISNULL(N' ' + NULLIF(LTRIM(RTRIM(l.Descr)), N''), N'')), N'; ')
                                                   WITHIN GROUP (ORDER BY l.Seq)
                                         FROM @Facts_Lines AS l WHERE l.Shipped > 0), 1500);
                SELECT @NewShippedAnn = @FShippedAnn, @NewVoidAnn = @FVoidAnn, @NewQtyAnn = @FQtyAnn, @Closed = 'N', @TrkRecord = 0;

                IF @Baseline = 1
                    -- A baseline (an order applied before fulfillment existed, migrated, or re-checked): what Counterpoint
                    -- shows now is recorded, not announced (the shop already knew it, or was told); later changes are announced.
                    SELECT @NewShippedAnn = CASE WHEN @Full = 1 THEN 'Y' ELSE 'N' END,
                           @NewVoidAnn = CASE WHEN @DocState = 'OPEN' AND @VoidMark IS NOT NULL THEN 'Y' ELSE 'N' END,   -- a void already there is known, not news
                           @NewQtyAnn = @ShippedQty, @TrkRecord = 1, @Outcome = 'BASELINED';
                ELSE IF @IsVoid = 1 AND @FVoidAnn = 'N' AND @FShippedAnn = 'N'
                BEGIN
                    IF @StatusVoided IS NOT NULL
                        INSERT INTO @Announce (QueueId, StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
                        VALUES (@Q, @S, @WooOrderId, 'STATUS', 'VOIDED', 'cpo:voided:' + CONVERT(varchar (20), @DocId), @StatusVoided, NULL, 'N');
                    SELECT @NewVoidAnn = 'Y', @Outcome = 'VOIDED', @AlertCode = 'CPO-FULFIL-VOIDED',
                           @AlertMsg = LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q)
                                       + N'): Counterpoint document DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + @TktNo + N' was '
                                       + CASE WHEN @DocState = 'OPEN' THEN N'voided or cancelled (' + @VoidMark + N')'
                                              WHEN @DocState = 'HISTORY' THEN N'closed in Counterpoint''s history with nothing shipped'
                                              ELSE N'removed without reaching Counterpoint''s history (cancelled or voided), first missed at '
                                                   + CONVERT(nvarchar (30), @FGoneSince, 126) + N' UTC' END
                                       + N'. ' + CASE WHEN @StatusVoided IS NULL THEN N'No status is sent (woo.StoreStatusRule.StatusWhenVoided is not set). '
                                                      ELSE N'The shop is told status ''' + @StatusVoided + N'''. ' END
                                       + N'Check the order in Counterpoint and refund or cancel it in the shop as the store decides.', 4000);
                END
                ELSE IF @Full = 1 AND @FShippedAnn = 'N' AND @FVoidAnn = 'N'
                BEGIN
                    SELECT @AllTrk = STRING_AGG(CONVERT(nvarchar (max), t.TrackingNo), N', ') WITHIN GROUP (ORDER BY t.TrackingNo) FROM @Facts_Trk AS t;
                    INSERT INTO @Announce (QueueId, StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
                    VALUES (@Q, @S, @WooOrderId, 'STATUS', 'SHIPPED', 'cpo:shipped:' + CONVERT(varchar (20), @DocId), @StatusShipped, NULL, 'N'),
                           (@Q, @S, @WooOrderId, 'NOTE', 'SHIPPED', 'cpo:shipped:' + CONVERT(varchar (20), @DocId), NULL,
                            LEFT(N'Shipped in full: ' + ISNULL(@ShippedText, N'-') + N'.'
                                 + ISNULL(N' Tracking number(s): ' + @AllTrk + N'.', N' No tracking number was recorded in Counterpoint.'), 2000), @CustSees);
                    SELECT @NewShippedAnn = 'Y', @NewQtyAnn = @ShippedQty, @TrkRecord = 1, @Outcome = 'SHIPPED';
                END
                ELSE IF @Full = 0 AND @ShippedQty > @FQtyAnn AND @FVoidAnn = 'N'
                BEGIN
                    IF @NotePartly = 'Y'
                    BEGIN
                        INSERT INTO @Announce (QueueId, StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
                        VALUES (@Q, @S, @WooOrderId, 'NOTE', 'PARTIAL',
                                'cpo:partial:' + CONVERT(varchar (20), @DocId) + ':'
                                + ISNULL(CONVERT(varchar (20), @NewReleaseId), 's' + CONVERT(varchar (30), CONVERT(float, @ShippedQty))), NULL,
                                LEFT(N'Partly shipped (' + CONVERT(nvarchar (30), CONVERT(float, @ShippedQty)) + N' of ' + CONVERT(nvarchar (30), CONVERT(float, @Ordered))
                                     + N' so far): ' + ISNULL(@ShippedText, N'-') + N'.' + ISNULL(N' Tracking number(s): ' + @NewTrk + N'.', N''), 2000), @CustSees);
                        SET @TrkRecord = 1;   -- only numbers that went out in a note are recorded as announced
                    END;
                    SELECT @NewQtyAnn = @ShippedQty, @Outcome = 'PARTIAL';
                END
                ELSE IF @NewTrk IS NOT NULL AND @FVoidAnn = 'N' AND (@FShippedAnn = 'Y' OR @NotePartly = 'Y')
                BEGIN
                    -- Tracking numbers added after the shipment was announced (written to the release ticket later).
                    INSERT INTO @Announce (QueueId, StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
                    VALUES (@Q, @S, @WooOrderId, 'NOTE', CASE WHEN @FShippedAnn = 'Y' THEN 'SHIPPED' ELSE 'PARTIAL' END,
                            'cpo:tracking:' + CONVERT(varchar (20), @DocId) + ':' + LOWER(CONVERT(varchar (16), HASHBYTES('SHA2_256', @FirstNewTrk), 2)), NULL,
                            LEFT(N'Tracking number(s): ' + @NewTrk + N'.', 2000), @CustSees);
                    SELECT @TrkRecord = 1, @Outcome = 'TRACKING';
                END;

                -- Closed: no longer followed. Voided; or no longer open and nothing left to watch (a release ticket still
                -- open keeps the order followed for its tracking numbers).
                IF @NewVoidAnn = 'Y'
                   OR (@DocState IN ('HISTORY', 'UNTRACKED'))
                   OR (@DocState = 'GONE' AND (@NewShippedAnn = 'Y' OR @Baseline = 1))
                   OR (@GoneLong = 1)
                    SET @Closed = 'Y';
                IF @GoneLong = 1 AND @IsVoid = 0 AND @NewShippedAnn = 'N' AND @Baseline = 0
                    SELECT @AlertCode = 'CPO-FULFIL-GONE',
                           @AlertMsg = LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q)
                                            + N'): order DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + ISNULL(@TktNo, N'?') + N' left Counterpoint''s open documents ('
                                            + CONVERT(nvarchar (30), CONVERT(float, @FQtySeen)) + N' had shipped) and '
                                            + CASE WHEN @HistoryOk = 1 THEN N'was not found in PS_ORD_HIST (searched by BUS_DAT around '
                                                                            + CONVERT(nvarchar (30), @AppliedAt, 126) + N' and from ' + CONVERT(nvarchar (30), @HistoryFrom, 126) + N', DOC_ID, TKT_NO)'
                                                   ELSE N'order history could not be read (CPO-FULFIL-HISTORY)' END
                                            + N'. Nothing was announced (a void is announced from an absence only where woo.usp_SetStatusRule @VoidWhenGone = ''Y'') '
                                            + N'and it is no longer followed: find it in Counterpoint and tell the shop by hand whether it shipped or was cancelled.', 4000);
                IF @VoidAfterShip = 1
                    SELECT @AlertCode = 'CPO-FULFIL-VOID-AFTER-SHIP',
                           @AlertMsg = LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q)
                                            + N'): order DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + ISNULL(@TktNo, N'?') + N' '
                                            + CASE WHEN @DocState = 'OPEN' THEN N'carries a void or cancel mark (' + @VoidMark + N')'
                                                   ELSE N'was closed in Counterpoint''s history with 0 shipped' END
                                            + N' after ' + CONVERT(nvarchar (30), CONVERT(float, CASE WHEN @ShippedQty > @FQtySeen THEN @ShippedQty ELSE @FQtySeen END))
                                            + N' had shipped. No void status was sent: settle the rest (refund, status) in the shop by hand.', 4000);
                IF @Untracked = 1
                    SET @Outcome = 'UNTRACKED';
                IF @DocState = 'HISTORY' AND @Full = 0 AND @ShippedQty > 0 AND @Baseline = 0 AND @FVoidAnn = 'N' AND @VoidAfterShip = 0
                    SELECT @AlertCode = 'CPO-FULFIL-CLOSED-SHORT',
                           @AlertMsg = LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q)
                                       + N'): Counterpoint closed order DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + @TktNo + N' with '
                                       + CONVERT(nvarchar (30), CONVERT(float, @ShippedQty)) + N' of ' + CONVERT(nvarchar (30), CONVERT(float, @Ordered))
                                       + N' shipped; the rest was not shipped. The shop was told only what shipped: settle the rest (refund, status) in the shop.', 4000);
                -- Posted, but no history lines under the header's BUS_DAT and DOC_ID (the inferred history key does not hold
                -- on this database?): nothing is guessed - no void, no shipment - the operator is told.
                IF @DocState = 'HISTORY' AND @LineCount = 0 AND @Baseline = 0
                    SELECT @AlertCode = 'CPO-FULFIL-NO-LINES',
                           @AlertMsg = LEFT(N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q)
                                       + N'): order DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + @TktNo + N' is in PS_ORD_HIST but no line was found in '
                                       + N'PS_ORD_HIST_LIN with its BUS_DAT and DOC_ID. Nothing was announced and the order is no longer followed: tell the shop by hand '
                                       + N'what shipped, and report the history table''s key (README, Fulfillment back to the shop).', 4000);
                IF @Outcome IS NULL
                    SET @Outcome = CASE WHEN @Closed = 'Y' THEN 'CLOSED' ELSE 'UNCHANGED' END;

                -- 5c. Write: one short transaction (none in a dry run).
                IF @Execute = 'Y'
                BEGIN
                    BEGIN TRANSACTION;
                    -- The state row first, under lock: if another session announced for this order meanwhile, nothing here
                    -- is written twice (the Outbox key also refuses a repeat).
                    IF EXISTS (SELECT 1 FROM woo.OrderFulfillment AS f WITH (UPDLOCK, HOLDLOCK) WHERE f.QueueId = @Q
                                 AND (f.QtyAnnounced <> @FQtyAnn OR f.ShippedAnnounced <> @FShippedAnn OR f.VoidAnnounced <> @FVoidAnn))
                        THROW 50502, N'CPO-FULFIL-RACE: the order''s fulfillment state changed while it was read; it is checked again next run.', 1;
                    IF NOT EXISTS (SELECT 1 FROM woo.OrderFulfillment AS f WITH (UPDLOCK, HOLDLOCK) WHERE f.QueueId = @Q)
                        INSERT INTO woo.OrderFulfillment (QueueId, StoreId, DocId, DocState, Baselined, FirstCheckedUtc, LastCheckedUtc)
                        VALUES (@Q, @S, @DocId, CASE WHEN @IsVoid = 1 THEN 'VOIDED' ELSE @DocState END, CASE WHEN @Baseline = 1 OR @Untracked = 1 THEN 'Y' ELSE 'N' END, @Now, @Now);

                    INSERT INTO woo.Outbox (StoreId, WooOrderId, QueueId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
                    SELECT a.StoreId, a.WooOrderId, a.QueueId, a.Kind, a.Cause, a.Marker, a.WooStatus, a.NoteText, a.IsCustomerNote
                    FROM @Announce AS a
                    WHERE a.Id > @FirstAnnounce
                      AND NOT EXISTS (SELECT 1 FROM woo.Outbox AS o WITH (UPDLOCK, HOLDLOCK)
                                      WHERE o.StoreId = a.StoreId AND o.WooOrderId = a.WooOrderId AND o.Kind = a.Kind AND o.Marker = a.Marker);
                    SET @Messages += @@ROWCOUNT;

                    IF @TrkRecord = 1
                        INSERT INTO woo.OrderFulfillmentTracking (QueueId, TrackingNo, SourceDocId, AnnouncedAtUtc)
                        SELECT @Q, t.TrackingNo, t.DocId, @Now FROM @Facts_Trk AS t
                        WHERE NOT EXISTS (SELECT 1 FROM woo.OrderFulfillmentTracking AS k WHERE k.QueueId = @Q AND k.TrackingNo = t.TrackingNo);
                    INSERT INTO woo.OrderFulfillmentRelease (QueueId, ReleaseDocId, ReleaseTktNo, QtyShipped, IsOpen, FirstSeenUtc, LastSeenUtc)
                    SELECT @Q, r.DocId, r.TktNo, r.Qty, 'Y', @Now, @Now FROM @Facts_Rel AS r
                    WHERE r.IsOpen = 1 AND r.Qty > 0
                      AND NOT EXISTS (SELECT 1 FROM woo.OrderFulfillmentRelease AS k WHERE k.QueueId = @Q AND k.ReleaseDocId = r.DocId);
                    UPDATE k
                    SET k.IsOpen = CASE WHEN r.IsOpen = 1 THEN 'Y' ELSE 'N' END, k.QtyShipped = CASE WHEN r.IsOpen = 1 THEN r.Qty ELSE k.QtyShipped END,
                        k.LastSeenUtc = CASE WHEN r.IsOpen = 1 THEN @Now ELSE k.LastSeenUtc END
                    FROM woo.OrderFulfillmentRelease AS k
                    JOIN @Facts_Rel AS r ON r.DocId = k.ReleaseDocId
                    WHERE k.QueueId = @Q;
                    -- Once the order is no longer open, its release tickets are not watched any more.
                    IF @DocState <> 'OPEN'
                        UPDATE woo.OrderFulfillmentRelease SET IsOpen = 'N' WHERE QueueId = @Q AND IsOpen = 'Y';

                    UPDATE f
                    SET f.DocState = CASE WHEN @IsVoid = 1 THEN 'VOIDED' ELSE @DocState END,
                        -- quantities as last read from lines (a document that is gone has none: the last reading stays)
                        f.QtyOrdered = CASE WHEN @LineCount > 0 THEN @Ordered ELSE f.QtyOrdered END,
                        f.QtyShipped = CASE WHEN @LineCount > 0 THEN @ShippedQty ELSE f.QtyShipped END,
                        f.QtyAnnounced = @NewQtyAnn, f.ShippedAnnounced = @NewShippedAnn, f.VoidAnnounced = @NewVoidAnn, f.Closed = @Closed,
                        f.LastSeenOpenUtc = @NewLastSeenOpen, f.GoneSinceUtc = @NewGoneSince, f.LastCheckedUtc = @Now,
                        f.LastChangeUtc = CASE WHEN @Outcome IN ('SHIPPED', 'PARTIAL', 'TRACKING', 'VOIDED') THEN @Now ELSE f.LastChangeUtc END,
                        f.LastErrorCode = CASE WHEN @Untracked = 1 THEN 'CPO-FULFIL-UNTRACKED' END,
                        f.LastError = CASE WHEN @Untracked = 1 THEN N'Not followed: the queue row (migrated from the predecessor) has neither DOC_GUID nor TKT_NO, so its document cannot be told from another with the same DOC_ID.' END,
                        f.DocGuid = ISNULL(f.DocGuid, @FoundGuid)
                    FROM woo.OrderFulfillment AS f
                    WHERE f.QueueId = @Q;

                    IF @AlertCode IS NOT NULL
                        EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = @AlertCode, @Message = @AlertMsg, @StoreId = @S, @QueueId = @Q, @RunId = @RunId;
                    COMMIT TRANSACTION;
                END;

                SET @Checked += 1;
                IF @Outcome = 'SHIPPED' SET @Shipped += 1;
                ELSE IF @Outcome = 'PARTIAL' SET @Partial += 1;
                ELSE IF @Outcome = 'VOIDED' SET @Voided += 1;
                ELSE IF @Outcome = 'TRACKING' SET @Tracking += 1;
                ELSE IF @Outcome = 'BASELINED' SET @Baselined += 1;
                INSERT INTO @Done (QueueId, WooOrderId, DocId, DocState, Outcome, Code, [Message])
                VALUES (@Q, @WooOrderId, @DocId, @DocState, @Outcome, @AlertCode, @AlertMsg);
            END TRY
            BEGIN CATCH
                SELECT @ErrNo = ERROR_NUMBER(), @ErrMsg = ERROR_MESSAGE();
                IF XACT_STATE() <> 0
                    ROLLBACK TRANSACTION;   -- the order's own transaction (no caller's: refused above)
                DELETE FROM @Announce WHERE Id > @FirstAnnounce;
                SET @Code = CASE WHEN @ErrMsg LIKE N'CPO-%' THEN LEFT(LEFT(@ErrMsg, CHARINDEX(N':', @ErrMsg + N':') - 1), 40)
                                 ELSE 'SQL-' + CONVERT(varchar (10), @ErrNo) END;
                IF @ErrNo IN (207, 208, 213, 4104)
                    -- A Counterpoint table or column the reader binds is gone: every order would fail alike (design 7).
                    SET @SchemaError = LEFT(N'CPO-FULFIL-SCHEMA: reading order ' + ISNULL(CONVERT(nvarchar (20), @WooOrderId), N'?')
                                            + N' failed to compile against Counterpoint (Msg ' + CONVERT(nvarchar (10), @ErrNo) + N': ' + @ErrMsg
                                            + N'). The run stopped; see README, Fulfillment back to the shop.', 4000);
                ELSE IF @ErrNo IN (1205, 1222, 50502)
                BEGIN
                    -- Transient (a POS lock, a deadlock it won, a race): the order keeps its place for the next run.
                    SET @Transient += 1;
                    -- Its LastCheckedUtc moves (no transaction is open here), so a few orders that keep meeting POS
                    -- locks never starve the rest of the queue (an order with no state row yet stays first).
                    IF @Execute = 'Y'
                        UPDATE f SET f.LastCheckedUtc = @Now FROM woo.OrderFulfillment AS f WHERE f.QueueId = @Q;
                    INSERT INTO @Done (QueueId, WooOrderId, DocId, DocState, Outcome, Code, [Message])
                    VALUES (@Q, @WooOrderId, @DocId, @DocState, 'RETRY-NEXT-RUN', @Code, LEFT(@ErrMsg, 2000));
                END
                ELSE
                BEGIN
                    SET @Failed += 1;
                    INSERT INTO @Done (QueueId, WooOrderId, DocId, DocState, Outcome, Code, [Message])
                    VALUES (@Q, @WooOrderId, @DocId, @DocState, 'FAILED', @Code, LEFT(@ErrMsg, 2000));
                    IF @Execute = 'Y'
                    BEGIN
                        -- Recorded on the order's state (its LastCheckedUtc moves, so the next orders get their turn) and
                        -- alerted once per order while open (woo.usp_RaiseAlert folds repeats).
                        UPDATE f SET f.LastCheckedUtc = @Now, f.LastErrorCode = @Code, f.LastError = LEFT(@ErrMsg, 2000)
                        FROM woo.OrderFulfillment AS f WHERE f.QueueId = @Q;
                        SET @AlertMsg = LEFT(N'Fulfillment of WooCommerce order ' + ISNULL(CONVERT(nvarchar (20), @WooOrderId), N'?') + N' (queue id '
                                             + CONVERT(nvarchar (20), @Q) + N', DOC_ID ' + ISNULL(CONVERT(nvarchar (20), @DocId), N'?') + N') could not be checked: '
                                             + @ErrMsg + N' Nothing was announced for it; the next run tries again.', 4000);
                        EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-FULFIL-ORDER', @Message = @AlertMsg, @StoreId = @S, @QueueId = @Q, @RunId = @RunId;
                    END;
                END;
                SET @Msg = N'  ' + CONVERT(nvarchar (20), @Q) + N': ' + LEFT(@ErrMsg, 3000);
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            END CATCH;
            SET @Seq = (SELECT MIN(o.Seq) FROM @Orders AS o WHERE o.Seq > @Seq);
            IF @SchemaError IS NOT NULL
                SET @Seq = NULL;
        END;
        IF @SchemaError IS NOT NULL
            THROW 50501, @SchemaError, 1;   -- the run's CATCH records it FAILED and alerts

        -- Order history unusable on this server: one alert per run (woo.usp_RaiseAlert folds repeats).
        IF @HistoryOk = 0 AND @Execute = 'Y'
        BEGIN
            SET @Msg = LEFT(N'Fulfillment cannot read Counterpoint''s order history: ' + ISNULL(@HistoryProblem, N'?')
                            + N'. Open orders are still followed (shipments, tracking numbers, voids); an order that leaves the open documents is '
                            + N'alerted (CPO-FULFIL-GONE), never announced. PS_ORD_HIST and PS_ORD_HIST_LIN are modelled from public evidence only: '
                            + N'compare them with this Counterpoint version (README, Fulfillment back to the shop).', 4000);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-FULFIL-HISTORY', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;

        -- 6. What was (or would be) announced, and the record of the run.
        SET @Outcomes = (SELECT d.QueueId, d.WooOrderId, d.DocId, d.DocState, d.Outcome, a.Kind, a.Cause, a.Marker, a.WooStatus, a.NoteText,
                                a.IsCustomerNote, d.Code
                         FROM @Done AS d LEFT JOIN @Announce AS a ON a.QueueId = d.QueueId
                         ORDER BY d.QueueId, a.Id FOR JSON PATH, INCLUDE_NULL_VALUES);
        SELECT d.QueueId, d.WooOrderId, d.DocId, d.DocState, d.Outcome, a.Kind, a.Cause, a.Marker, a.WooStatus, a.NoteText, a.IsCustomerNote,
               d.Code, d.[Message]
        FROM @Done AS d
        LEFT JOIN @Announce AS a ON a.QueueId = d.QueueId
        ORDER BY d.QueueId, a.Id;
        IF @Execute = 'Y'
        BEGIN
            UPDATE r
            SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = CASE WHEN @Failed > 0 OR @HistoryOk = 0 THEN 'WARNING' ELSE 'OK' END,
                r.OrdersRead = @Checked + @Failed + @Transient, r.OrdersCreated = @Messages, r.OrdersRetried = @Transient,
                r.Details = (SELECT @Checked AS checked, @Shipped AS shipped, @Partial AS partial, @Voided AS voided, @Tracking AS tracking_notes,
                                    @Baselined AS baselined, @Failed AS failed, @Transient AS retry_next_run, @Messages AS outbox_messages
                             FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.SyncFulfillment', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsOwn = 0;
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsPipeline = 0;
        END;
        SET @Msg = N'Done in ' + CONVERT(nvarchar (20), DATEDIFF(MILLISECOND, @StartedAt, SYSUTCDATETIME())) + N' ms: '
                 + CONVERT(nvarchar (10), @Checked) + N' checked, ' + CONVERT(nvarchar (10), @Shipped) + N' shipped, '
                 + CONVERT(nvarchar (10), @Partial) + N' partly shipped, ' + CONVERT(nvarchar (10), @Tracking) + N' tracking notes, '
                 + CONVERT(nvarchar (10), @Voided) + N' voided, ' + CONVERT(nvarchar (10), @Baselined) + N' baselined, '
                 + CONVERT(nvarchar (10), @Failed) + N' failed, ' + CONVERT(nvarchar (10), @Transient) + N' left for the next run; '
                 + CONVERT(nvarchar (10), CASE WHEN @Execute = 'Y' THEN @Messages ELSE (SELECT COUNT(*) FROM @Announce) END)
                 + CASE WHEN @Execute = 'N' THEN N' message(s) would be queued (dry run: nothing written).' ELSE N' message(s) queued.' END;
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0
            ROLLBACK TRANSACTION;
        DECLARE @RunErrMsg nvarchar (4000) = LEFT(ERROR_MESSAGE(), 4000), @RunErrNo int = ERROR_NUMBER();
        DECLARE @RunErrCode varchar (40) = CASE WHEN @RunErrMsg LIKE N'CPO-%' THEN LEFT(LEFT(@RunErrMsg, CHARINDEX(N':', @RunErrMsg + N':') - 1), 40)
                                                ELSE 'SQL-' + CONVERT(varchar (10), @RunErrNo) END;
        IF @Execute = 'Y'
        BEGIN
            BEGIN TRY
                UPDATE r
                SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'FAILED', r.ErrorCode = @RunErrCode, r.ErrorMessage = @RunErrMsg,
                    r.OrdersRead = @Checked + @Failed + @Transient, r.OrdersCreated = @Messages
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                SET @RunErrMsg = LEFT(N'woo.usp_SyncFulfillment run ' + ISNULL(CONVERT(nvarchar (20), @RunId), N'?') + N' failed: ' + @RunErrMsg, 4000);
                EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = @RunErrCode, @Message = @RunErrMsg, @StoreId = @StoreId, @RunId = @RunId;
            END TRY
            BEGIN CATCH
                RAISERROR (N'woo.usp_SyncFulfillment: the run failed and its record or alert could not be written either.', 10, 1) WITH NOWAIT;
            END CATCH;
        END;
        IF @HoldsOwn = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.SyncFulfillment', @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                SET @HoldsOwn = 0;  -- the connection's end releases it
            END CATCH;
        END;
        IF @HoldsPipeline = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                SET @HoldsPipeline = 0;
            END CATCH;
        END;
        THROW;
    END CATCH;
    RETURN 0;
END;
