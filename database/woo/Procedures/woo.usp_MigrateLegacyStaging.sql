-- One-time, idempotent import of the predecessor's queue [$(CounterpointDb)].dbo.USER_ORDER_STAGING into woo.OrderQueue
-- for one store (design 1). It only reads the predecessor's table, never changes it. Per WooCommerce order (the old
-- table has no unique key, so an order can have several rows):
--   applied with a document (IS_APPLIED = 1, CP_DOC_ID numeric) -> APPLIED history with DocId and TktNo (from
--       PS_DOC_HDR when the document is still there), so the order is never written again; the first such row wins;
--   applied without a usable CP_DOC_ID                           -> SKIPPED, with the reason (check it by hand);
--   not applied                                                  -> PARKED 'CPO-MIGRATED-AWAITING-PULL': the old table
--       keeps no WooCommerce order JSON, so nothing can be planned from it; the next pull (the watermark is lowered
--       to the day before the oldest such order when it is later) brings the order and re-stages it as PENDING;
--   already in the queue                                         -> left alone, except a not-yet-applied queue row of
--       an order the predecessor applied: it becomes APPLIED with the old document (adopted), so it is never doubled.
-- Other rows of the same order are reported as duplicates (two applied documents for one order also raise an Alert).
-- A second run imports nothing. One woo.RunLog row (MIGRATE) per run, also when there is no legacy table (then with a
-- WARNING alert); result sets: the summary, then every decision per row. @Execute = 'N' shows the same and writes nothing.
-- The legacy table has no store column: once one store holds MIGRATION rows, the migration refuses every other store.
-- It sets woo.Store.CutoverUtc (when not set) to the run's time: a new order created before it is parked
-- CPO-PRE-CUTOVER by woo.usp_UpsertOrders (the predecessor deleted the staging rows of orders it applied long ago).
-- APPLIED_DT is the predecessor server's local time, read as the store's time zone (woo.Store.TimeZoneName) into UTC.
CREATE PROCEDURE [woo].[usp_MigrateLegacyStaging]
    @StoreId varchar (10),
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @TimeZone nvarchar (100) = (SELECT s.TimeZoneName FROM woo.Store AS s WHERE s.StoreId = @StoreId);
    IF @TimeZone IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    DECLARE @OtherStore varchar (10) = (SELECT TOP (1) q.StoreId FROM woo.OrderQueue AS q WHERE q.[Source] = 'MIGRATION' AND q.StoreId <> @StoreId ORDER BY q.StoreId);
    IF @OtherStore IS NOT NULL
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @OtherStore + N' already holds the predecessor''s rows (dbo.USER_ORDER_STAGING has no store column: they would be imported twice).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_MigrateLegacyStaging: nothing was imported; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50135, @All, 1;
    END;

    -- The predecessor's table is optional: a company that never ran it has none, and post-deploy then grants nothing on
    -- it (PostDeploy/20). Its existence is read in the Counterpoint database through this signed module; without a grant
    -- on it the table is invisible there too (metadata visibility), which is the same answer: nothing to read.
    DECLARE @LegacyVisible bit = 0, @CpExec nvarchar (300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    EXEC @CpExec N'SET @V = CASE WHEN OBJECT_ID(N''dbo.USER_ORDER_STAGING'', N''U'') IS NULL THEN 0 ELSE 1 END;',
                 N'@V bit OUTPUT', @V = @LegacyVisible OUTPUT;
    -- The deploy saw the table and granted it (woo.CounterpointGrant), yet this module cannot see it: its signature did not
    -- carry (altered after signing, or a certificate problem). That is an error, never "nothing to import".
    IF @LegacyVisible = 0 AND EXISTS (SELECT 1 FROM woo.CounterpointGrant AS g WHERE g.SchemaName = N'dbo' AND g.ObjectName = N'USER_ORDER_STAGING')
        THROW 50135, N'CPO-MIGRATE-NOT-VISIBLE: woo.CounterpointGrant lists a grant on dbo.USER_ORDER_STAGING (the deploy saw the table) but woo.usp_MigrateLegacyStaging cannot see it: its signature is missing or broken. Run woo.usp_CheckInstall and deploy again; nothing was imported.', 1;
    IF @LegacyVisible = 0
    BEGIN
        DECLARE @NoLegacy nvarchar (2048) = N'CPO-MIGRATE-NO-LEGACY: store ' + @StoreId + N': the Counterpoint database has no dbo.USER_ORDER_STAGING that CpOrders may read (the predecessor never ran here, or the table was created after CpOrders was deployed: deploy again to grant it). Nothing to import.';
        IF @Execute = 'Y'
        BEGIN
            DECLARE @NoLegacyRun bigint;
            INSERT INTO woo.RunLog (Step, StoreId, EndedAtUtc, Outcome, IsDryRun, OrdersRead, ErrorCode, ErrorMessage)
            VALUES ('MIGRATE', @StoreId, SYSUTCDATETIME(), 'WARNING', 'N', 0, 'CPO-MIGRATE-NO-LEGACY', @NoLegacy);
            SET @NoLegacyRun = SCOPE_IDENTITY();
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-MIGRATE-NO-LEGACY', @Message = @NoLegacy, @StoreId = @StoreId, @RunId = @NoLegacyRun;
        END;
        RAISERROR (N'woo.usp_MigrateLegacyStaging: %s', 10, 1, @NoLegacy) WITH NOWAIT;
        SELECT CONVERT(varchar (40), 'CPO-MIGRATE-NO-LEGACY') AS Outcome, 0 AS RowsRead;
        RETURN 0;
    END;

    -- The predecessor's rows, read once before any transaction.
    CREATE TABLE #legacy (
        StagingId     int            NOT NULL PRIMARY KEY,
        WooOrderId    bigint         NOT NULL,
        WooOrderNo    varchar (50)   COLLATE DATABASE_DEFAULT NULL,
        OrdStatus     varchar (20)   COLLATE DATABASE_DEFAULT NULL,
        OrdDat        date           NULL,
        CustNo        varchar (15)   COLLATE DATABASE_DEFAULT NULL,
        IsApplied     bit            NOT NULL,
        CpDocId       varchar (15)   COLLATE DATABASE_DEFAULT NULL,
        DocId         bigint         NULL,
        TktNo         varchar (15)   COLLATE DATABASE_DEFAULT NULL,
        AppliedDt     datetime2      NULL,
        ValidationErr nvarchar (500) COLLATE DATABASE_DEFAULT NULL,
        Rnk           int            NULL,
        Decision      varchar (20)   COLLATE DATABASE_DEFAULT NULL,
        Detail        nvarchar (1000) COLLATE DATABASE_DEFAULT NULL);
    INSERT INTO #legacy (StagingId, WooOrderId, WooOrderNo, OrdStatus, OrdDat, CustNo, IsApplied, CpDocId, DocId, TktNo, AppliedDt, ValidationErr)
    SELECT u.STAGING_ID, u.WOO_ORDER_ID, u.WOO_ORDER_NO, u.ORD_STATUS, u.ORD_DAT, u.CUST_NO, ISNULL(u.IS_APPLIED, 0), u.CP_DOC_ID,
           TRY_CONVERT(bigint, u.CP_DOC_ID), h.TKT_NO, u.APPLIED_DT, u.VALIDATION_ERROR
    FROM [$(CounterpointDb)].dbo.USER_ORDER_STAGING AS u
    LEFT JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = TRY_CONVERT(bigint, u.CP_DOC_ID);

    -- One row per order wins: an applied one with a document (the first), else an applied one, else the latest.
    UPDATE l SET Rnk = r.Rnk
    FROM #legacy AS l
    JOIN (SELECT x.StagingId, ROW_NUMBER() OVER (PARTITION BY x.WooOrderId
                                                 ORDER BY CASE WHEN x.IsApplied = 1 AND x.DocId IS NOT NULL THEN 0 WHEN x.IsApplied = 1 THEN 1 ELSE 2 END,
                                                          CASE WHEN x.IsApplied = 1 THEN x.StagingId ELSE -x.StagingId END) AS Rnk
          FROM #legacy AS x) AS r ON r.StagingId = l.StagingId;

    UPDATE l
    SET Decision = CASE WHEN l.Rnk > 1 THEN 'DUPLICATE'
                        WHEN q.QueueId IS NOT NULL AND q.[State] <> 'APPLIED' AND q.AppliedContentHash IS NULL AND l.IsApplied = 1 AND l.DocId IS NOT NULL
                             AND (q.LeaseExpiresUtc IS NULL OR q.LeaseExpiresUtc <= SYSUTCDATETIME()) THEN 'ADOPT'
                        WHEN q.QueueId IS NOT NULL THEN 'ALREADY_QUEUED'
                        WHEN l.IsApplied = 1 AND l.DocId IS NOT NULL THEN 'APPLIED'
                        WHEN l.IsApplied = 1 THEN 'SKIPPED'
                        ELSE 'PARKED' END,
        Detail = CASE WHEN l.Rnk > 1 THEN N'another row of this WooCommerce order was taken (STAGING_ID ' + CONVERT(nvarchar (20), w.StagingId) + N')'
                          + CASE WHEN l.IsApplied = 1 AND l.DocId IS NOT NULL AND w.IsApplied = 1 AND w.DocId IS NOT NULL AND l.DocId <> w.DocId
                                 THEN N'; this row was ALSO applied, as document ' + CONVERT(nvarchar (20), l.DocId) + N': two documents for one order' ELSE N'' END
                      WHEN q.QueueId IS NOT NULL AND q.LegacyStagingId = l.StagingId THEN N'imported by an earlier run (queue ' + CONVERT(nvarchar (20), q.QueueId) + N')'
                      WHEN q.QueueId IS NOT NULL AND q.[State] <> 'APPLIED' AND q.AppliedContentHash IS NULL AND l.IsApplied = 1 AND l.DocId IS NOT NULL
                           AND q.LeaseExpiresUtc > SYSUTCDATETIME() THEN N'queued (queue ' + CONVERT(nvarchar (20), q.QueueId) + N') and being processed now although the predecessor applied it as document '
                           + CONVERT(nvarchar (20), l.DocId) + N': check for a second document and run the migration again'
                      WHEN q.QueueId IS NOT NULL AND q.[State] <> 'APPLIED' AND q.AppliedContentHash IS NULL AND l.IsApplied = 1 AND l.DocId IS NOT NULL
                           THEN N'queue ' + CONVERT(nvarchar (20), q.QueueId) + N' (' + q.[State] + N') adopts the predecessor''s document ' + CONVERT(nvarchar (20), l.DocId)
                      WHEN q.QueueId IS NOT NULL THEN N'already in the queue (queue ' + CONVERT(nvarchar (20), q.QueueId) + N', ' + q.[State] + N', source ' + q.[Source] + N')'
                      WHEN l.IsApplied = 1 AND l.DocId IS NOT NULL THEN N'applied by the predecessor as document ' + CONVERT(nvarchar (20), l.DocId)
                           + ISNULL(N', ticket ' + l.TktNo, N' (not found in PS_DOC_HDR: posted or deleted)')
                      WHEN l.IsApplied = 1 THEN N'marked applied by the predecessor, but CP_DOC_ID ''' + ISNULL(l.CpDocId, N'NULL') + N''' is no document id: check Counterpoint by hand'
                      ELSE N'not applied by the predecessor' + ISNULL(N' (its last error: ' + LEFT(l.ValidationErr, 300) + N')', N'')
                           + N'; the next pull brings the WooCommerce order and re-stages it' END
    FROM #legacy AS l
    JOIN #legacy AS w ON w.WooOrderId = l.WooOrderId AND w.Rnk = 1
    LEFT JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = l.WooOrderId;

    DECLARE @Watermark datetime2 (0) = (SELECT s.PullWatermarkUtc FROM woo.Store AS s WHERE s.StoreId = @StoreId);
    DECLARE @Earliest date = (SELECT MIN(l.OrdDat) FROM #legacy AS l WHERE l.Decision = 'PARKED');
    -- ORD_DAT is a local date without time (seed 2.1): the day before it is safely earlier in UTC.
    DECLARE @NewWatermark datetime2 (0) = CASE WHEN @Earliest IS NOT NULL THEN CONVERT(datetime2 (0), DATEADD(DAY, -1, @Earliest)) END;
    IF @NewWatermark IS NOT NULL AND @Watermark IS NOT NULL AND @Watermark <= @NewWatermark
        SET @NewWatermark = NULL;

    DECLARE @Applied int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'APPLIED'),
            @Skipped int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'SKIPPED'),
            @Parked int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'PARKED'),
            @Adopted int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'ADOPT'),
            @Already int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'ALREADY_QUEUED'),
            @Duplicates int = (SELECT COUNT(*) FROM #legacy WHERE Decision = 'DUPLICATE'),
            @DoubleDocs int = (SELECT COUNT(*) FROM #legacy AS d JOIN #legacy AS w ON w.WooOrderId = d.WooOrderId AND w.Rnk = 1
                               WHERE d.Decision = 'DUPLICATE' AND d.IsApplied = 1 AND d.DocId IS NOT NULL AND w.IsApplied = 1 AND w.DocId IS NOT NULL
                                 AND d.DocId <> w.DocId),
            -- Orders CpOrders already applied itself as another document than the predecessor's: two documents.
            @OursToo int = (SELECT COUNT(*) FROM #legacy AS l JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = l.WooOrderId
                            WHERE l.Rnk = 1 AND l.IsApplied = 1 AND l.DocId IS NOT NULL AND q.DocId IS NOT NULL AND q.DocId <> l.DocId
                              AND q.[Source] <> 'MIGRATION'),
            @Msg nvarchar (2048), @RunId bigint;

    IF @Execute = 'Y'
    BEGIN
        INSERT INTO woo.RunLog (Step, StoreId, Outcome, IsDryRun) VALUES ('MIGRATE', @StoreId, 'RUNNING', 'N');
        SET @RunId = SCOPE_IDENTITY();
        DECLARE @Inserted TABLE (QueueId bigint NOT NULL, LegacyStagingId int NOT NULL);

        BEGIN TRY
        BEGIN TRANSACTION;
        INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source], [State], Attempts,
                                    LastErrorCode, LastError, StagedAtUtc, UpdatedAtUtc, AppliedAtUtc, AppliedContentHash, ChangedAfterApply,
                                    DocId, TktNo, CustNo, LegacyStagingId)
        OUTPUT inserted.QueueId, inserted.LegacyStagingId INTO @Inserted (QueueId, LegacyStagingId)
        SELECT @StoreId, l.WooOrderId, CONVERT(nvarchar (40), LEFT(l.WooOrderNo, 40)), CONVERT(nvarchar (40), l.OrdStatus), NULL,
               c.Hash, NULL, 'MIGRATION', l.Decision, 0,
               CASE l.Decision WHEN 'SKIPPED' THEN 'CPO-MIGRATED-NO-DOC' WHEN 'PARKED' THEN 'CPO-MIGRATED-AWAITING-PULL' END,
               CASE WHEN l.Decision IN ('SKIPPED', 'PARKED') THEN l.Detail END,
               SYSUTCDATETIME(), SYSUTCDATETIME(),
               CASE WHEN l.Decision = 'APPLIED' THEN CONVERT(datetime2 (0), (l.AppliedDt AT TIME ZONE @TimeZone) AT TIME ZONE 'UTC') END,
               CASE WHEN l.Decision = 'APPLIED' THEN c.Hash END, 'N',
               CASE WHEN l.Decision = 'APPLIED' THEN l.DocId END, CASE WHEN l.Decision = 'APPLIED' THEN l.TktNo END, l.CustNo, l.StagingId
        FROM #legacy AS l
        CROSS APPLY (SELECT HASHBYTES('SHA2_256', N'legacy:USER_ORDER_STAGING:' + CONVERT(nvarchar (20), l.StagingId)) AS Hash) AS c
        WHERE l.Decision IN ('APPLIED', 'SKIPPED', 'PARKED');

        -- Adoption: the queue row takes the predecessor's document; its current content counts as the applied one.
        UPDATE q
        SET [State] = 'APPLIED', DocId = l.DocId, TktNo = l.TktNo, CustNo = ISNULL(q.CustNo, l.CustNo), AppliedAtUtc = CONVERT(datetime2 (0), (l.AppliedDt AT TIME ZONE @TimeZone) AT TIME ZONE 'UTC'),
            AppliedContentHash = q.ContentHash, LegacyStagingId = l.StagingId, LeaseOwner = NULL, LeaseExpiresUtc = NULL, NextAttemptUtc = NULL,
            UpdatedAtUtc = SYSUTCDATETIME()
        OUTPUT inserted.QueueId, inserted.LegacyStagingId INTO @Inserted (QueueId, LegacyStagingId)
        FROM woo.OrderQueue AS q WITH (UPDLOCK, HOLDLOCK)
        JOIN #legacy AS l ON l.WooOrderId = q.WooOrderId AND l.Decision = 'ADOPT'
        WHERE q.StoreId = @StoreId AND q.[State] <> 'APPLIED' AND q.AppliedContentHash IS NULL;

        INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
        SELECT i.QueueId, 'MIGRATED', CASE l.Decision WHEN 'SKIPPED' THEN 'CPO-MIGRATED-NO-DOC' WHEN 'PARKED' THEN 'CPO-MIGRATED-AWAITING-PULL' END,
               CONCAT(N'from dbo.USER_ORDER_STAGING row ', l.StagingId, N': ', l.Detail,
                      (SELECT N'; duplicate rows: ' + STUFF((SELECT N', ' + CONVERT(nvarchar (20), d.StagingId) FROM #legacy AS d
                                                            WHERE d.WooOrderId = l.WooOrderId AND d.Decision = 'DUPLICATE' ORDER BY d.StagingId
                                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 1, 2, N''))),
               @RunId
        FROM @Inserted AS i
        JOIN #legacy AS l ON l.StagingId = i.LegacyStagingId;

        -- Per order and one-time (a re-run of the migration finds the alert, acknowledged or not, and adds none), so these
        -- two stay set-based INSERTs instead of woo.usp_RaiseAlert calls; one row per order (its documents aggregated).
        INSERT INTO woo.Alert (Severity, Code, StoreId, QueueId, RunId, [Message])
        SELECT 'WARNING', 'CPO-MIGRATED-TWO-DOCUMENTS', @StoreId, q.QueueId, @RunId,
               LEFT(CONCAT(N'CPO-MIGRATED-TWO-DOCUMENTS: WooCommerce order ', w.WooOrderId, N': the predecessor wrote document ', w.DocId,
                           N' (USER_ORDER_STAGING row ', w.StagingId, N') and again ',
                           STRING_AGG(CONVERT(nvarchar (max), CONCAT(N'document ', d.DocId, N' (row ', d.StagingId, N')')), N', '),
                           N'. CpOrders keeps the first; void the others in Counterpoint if they are doubles.'), 4000)
        FROM #legacy AS d
        JOIN #legacy AS w ON w.WooOrderId = d.WooOrderId AND w.Rnk = 1
        LEFT JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = d.WooOrderId
        WHERE d.Decision = 'DUPLICATE' AND d.IsApplied = 1 AND d.DocId IS NOT NULL AND w.IsApplied = 1 AND w.DocId IS NOT NULL AND d.DocId <> w.DocId
          AND NOT EXISTS (SELECT 1 FROM woo.Alert AS a WHERE a.Code = 'CPO-MIGRATED-TWO-DOCUMENTS' AND a.StoreId = @StoreId AND a.QueueId = q.QueueId)
        GROUP BY w.WooOrderId, w.DocId, w.StagingId, q.QueueId;

        INSERT INTO woo.Alert (Severity, Code, StoreId, QueueId, RunId, [Message])
        SELECT 'CRITICAL', 'CPO-MIGRATED-TWO-DOCUMENTS', @StoreId, q.QueueId, @RunId,
               LEFT(CONCAT(N'CPO-MIGRATED-TWO-DOCUMENTS: WooCommerce order ', l.WooOrderId, N': the predecessor wrote document ', l.DocId,
                           N' (USER_ORDER_STAGING row ', l.StagingId, N') and CpOrders wrote document ', q.DocId, N' (queue ', q.QueueId,
                           N'). Void one of them in Counterpoint.'), 4000)
        FROM #legacy AS l
        JOIN woo.OrderQueue AS q ON q.StoreId = @StoreId AND q.WooOrderId = l.WooOrderId
        WHERE l.Rnk = 1 AND l.IsApplied = 1 AND l.DocId IS NOT NULL AND q.DocId IS NOT NULL AND q.DocId <> l.DocId AND q.[Source] <> 'MIGRATION'
          AND NOT EXISTS (SELECT 1 FROM woo.Alert AS a WHERE a.Code = 'CPO-MIGRATED-TWO-DOCUMENTS' AND a.StoreId = @StoreId AND a.QueueId = q.QueueId);

        -- The watermark moves back only if nobody moved it since it was read; the cutover is set once.
        IF @NewWatermark IS NOT NULL
            UPDATE s SET PullWatermarkUtc = @NewWatermark FROM woo.Store AS s
            WHERE s.StoreId = @StoreId AND (s.PullWatermarkUtc = @Watermark OR (s.PullWatermarkUtc IS NULL AND @Watermark IS NULL));
        UPDATE s SET CutoverUtc = SYSUTCDATETIME() FROM woo.Store AS s WHERE s.StoreId = @StoreId AND s.CutoverUtc IS NULL;

        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = CASE WHEN @Skipped + @DoubleDocs + @OursToo > 0 THEN 'WARNING' ELSE 'OK' END,
            OrdersRead = (SELECT COUNT(*) FROM #legacy), OrdersStaged = @Applied + @Skipped + @Parked, OrdersParked = @Parked,
            Details = (SELECT @Applied AS applied_history, @Adopted AS adopted, @Skipped AS skipped_no_document, @Parked AS parked_awaiting_pull,
                              @Already AS already_queued, @Duplicates AS duplicate_rows, @DoubleDocs + @OursToo AS orders_with_two_documents,
                              @Watermark AS watermark_before, ISNULL(@NewWatermark, @Watermark) AS watermark_after
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        COMMIT TRANSACTION;
        END TRY
        BEGIN CATCH
            IF @@TRANCOUNT > 0
                ROLLBACK TRANSACTION;
            DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-MIGRATE-ERROR', ErrorMessage = @Error
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            THROW;
        END CATCH;
    END;

    SELECT (SELECT COUNT(*) FROM #legacy) AS LegacyRows, @Applied AS ImportedAsApplied, @Adopted AS QueueRowsAdopted, @Skipped AS ImportedAsSkipped,
           @Parked AS ImportedAsParkedAwaitingPull, @Already AS AlreadyQueued, @Duplicates AS DuplicateRows, @DoubleDocs + @OursToo AS OrdersWithTwoDocuments,
           @Watermark AS WatermarkBefore, ISNULL(@NewWatermark, @Watermark) AS WatermarkAfter, @RunId AS RunId;
    SELECT l.StagingId, l.WooOrderId, l.IsApplied, l.CpDocId, l.TktNo, l.Decision, l.Detail
    FROM #legacy AS l ORDER BY l.WooOrderId, l.StagingId;
    SET @Msg = CONCAT(N'woo.usp_MigrateLegacyStaging: store ', @StoreId, N': ', CASE WHEN @Execute = 'N' THEN N'would import ' ELSE N'imported ' END,
                      @Applied, N' applied (history), ', @Skipped, N' skipped (no document id), ', @Parked, N' parked until the next pull; adopted ',
                      @Adopted, N' queued order(s); ', @Already, N' already queued; ', @Duplicates, N' duplicate row(s) reported',
                      CASE WHEN @NewWatermark IS NOT NULL THEN N'; watermark ' + CASE WHEN @Execute = 'N' THEN N'would move' ELSE N'moved' END
                           + N' back to ' + CONVERT(nvarchar (30), @NewWatermark, 126) + N' UTC so the next pull brings the parked orders' ELSE N'' END,
                      CASE WHEN @Execute = 'N' THEN N'. @Execute = ''N'' wrote nothing.' ELSE N'.' END);
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    RETURN 0;
END;
