-- Sends the outbound messages (woo.Outbox) of a store to WooCommerce (issue 15, design 4; README "Status back to the
-- shop"). @StoreId NULL: every enabled store with open messages, one run (and one woo.RunLog row) each; a store's
-- failure does not stop the others, and is raised at the end. Per store:
--   1. locks: the pipeline lock Shared (a deploy excludes it) and 'CpOrders.PushUpdates:<StoreId>' Exclusive, both
--      Session-owned, timeout 0: a run that finds either taken is logged SKIPPED; a store whose woo.StoreStatusRule is
--      disabled is logged SKIPPED too (its messages wait);
--   2. claim: due messages (PENDING, or RETRY whose NextAttemptUtc has come), oldest first, at most @MaxMessages, with
--      this run's lease (operators leave leased messages alone; the store lock makes any older lease a dead run's);
--   3. decide, before any request: of an order's open STATUS messages only the one that goes furthest is sent (the
--      others SKIPPED CPO-OUTBOX-SUPERSEDED); a status ranks by woo.fn_StatusRank over StoreStatusRule.StatusOrder.
--      What CpOrders last saw (the later of the queue's WooStatus from the last pull and the shop's last answer,
--      Outbox.ShopStatus) only decides what need not be asked: at or past the wanted status: SKIPPED
--      CPO-STATUS-NOT-FORWARD; an unranked status: SKIPPED CPO-STATUS-UNRANKED (a WARNING alert per store). Every other
--      status is a checked update (woo.usp_WooUpdateOrder with @OnlyIfStatusIn = the statuses ranked below): the shop's
--      CURRENT status is read right before the PUT, so a cancel or a completion made in the shop since the pull is never
--      undone (the batch endpoint has no precondition and is not used for statuses); the PUT is checked against
--      WooCommerce's status list, so a slug the shop does not register is refused (400 rest_invalid_param);
--   4. send, with no transaction open, one request at a time: STATUS (GET + PUT orders/<id>); NOTE through
--      woo.usp_WooAddOrderNote (the text gets a trailing [Marker]); a NOTE with an earlier attempt (it may have reached
--      the shop) first lists the order's notes (woo.usp_WooListOrderNotes) and is SENT without posting when a note
--      carries its [Marker];
--   5. record each request's result in a short transaction of its own: SENT; RETRY (Attempts + 1, NextAttemptUtc =
--      now + RetryBaseSeconds x 2^(Attempts - 1), at most a day); DEAD once Attempts reaches woo.Store.MaxAttempts, or
--      at once when no retry can help: WooCommerce's own codes for a gone order or a refused value
--      (woocommerce_rest_shop_order_invalid_id, rest_invalid_param ...; never a bare 400/404 page), a shop answering
--      another status than the one sent (CPO-WOO-NOT-APPLIED: e.g. 'pending' for a slug it does not register), an
--      unranked wanted status - one WARNING alert per store (CPO-OUTBOX-DEAD, woo.usp_RaiseAlert folds repeats).
--      A request that fails as a whole (no answer, 401/403/404/429/5xx, CPO-HTTP-*): no attempt is counted, the store's
--      run stops, its claimed messages wait RetryBaseSeconds (FAILED, WARNING alert CPO-PUSH-SHOP-UNREACHABLE): an
--      outage never makes a message DEAD. Credentials that do not decrypt stop the run (FAILED, CRITICAL alert; no
--      attempt counted).
-- @Execute = 'N' does every read and decision and returns, per message, exactly what would be sent (request number,
-- payload) and what would be skipped; it sends nothing and writes nothing (no lease, no run log, no alert). Call it
-- with no transaction open: the transport procedures refuse one (CPO-HTTP-IN-TRANSACTION), which stops the run.
CREATE PROCEDURE [woo].[usp_PushUpdates]
    @StoreId     varchar (10) = NULL,
    @MaxMessages int = 500,
    @Execute     char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    -- With IMPLICIT_TRANSACTIONS ON, the run log insert would open a transaction that the first request then refuses.
    SET IMPLICIT_TRANSACTIONS OFF;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y (send) or N (dry run: show what would be sent, write nothing).');
    IF @MaxMessages IS NULL OR @MaxMessages NOT BETWEEN 1 AND 10000
        INSERT INTO @Errors ([Message]) VALUES (N'@MaxMessages must be 1-10000.');
    IF @StoreId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + @StoreId + N''' is not a store (woo.usp_SetStore).');
    ELSE IF EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId AND s.IsEnabled <> 'Y')
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_PushUpdates: nothing was sent; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50540, @All, 1;
    END;

    DECLARE @Msg nvarchar (2048);

    -- Every enabled store with open messages: one run each.
    IF @StoreId IS NULL
    BEGIN
        DECLARE @Each varchar (10), @Failures nvarchar (2048);
        DECLARE stores CURSOR LOCAL FAST_FORWARD FOR
            SELECT s.StoreId FROM woo.Store AS s
            WHERE s.IsEnabled = 'Y' AND EXISTS (SELECT 1 FROM woo.Outbox AS o WHERE o.StoreId = s.StoreId AND o.[State] IN ('PENDING', 'RETRY'))
            ORDER BY s.StoreId;
        OPEN stores;
        FETCH NEXT FROM stores INTO @Each;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            BEGIN TRY
                EXEC woo.usp_PushUpdates @StoreId = @Each, @MaxMessages = @MaxMessages, @Execute = @Execute;
            END TRY
            BEGIN CATCH
                SET @Failures = LEFT(CONCAT(@Failures, NCHAR(10), N'store ', @Each, N': ', ERROR_MESSAGE()), 2048);
            END CATCH;
            FETCH NEXT FROM stores INTO @Each;
        END;
        CLOSE stores;
        DEALLOCATE stores;
        IF @Failures IS NOT NULL
        BEGIN
            SET @Msg = LEFT(N'CPO-PUSH-FAILED: woo.usp_PushUpdates failed for some stores (the others were pushed; see woo.RunLog):' + @Failures, 2048);
            THROW 50541, @Msg, 1;
        END;
        RETURN 0;
    END;

    DECLARE @MaxAttempts int, @RetryBase int, @RuleEnabled char (1), @StatusOrder varchar (400);
    SELECT @MaxAttempts = s.MaxAttempts, @RetryBase = s.RetryBaseSeconds, @RuleEnabled = ISNULL(r.IsEnabled, 'Y'),
           @StatusOrder = ISNULL(r.StatusOrder, 'pending,on-hold,processing,completed')
    FROM woo.Store AS s
    LEFT JOIN woo.StoreStatusRule AS r ON r.StoreId = s.StoreId
    WHERE s.StoreId = @StoreId;

    DECLARE @Now datetime2 (0) = SYSUTCDATETIME(), @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @Owner uniqueidentifier = NEWID(),
            @LockResult int, @HoldsPipeline bit = 0, @HoldsStore bit = 0, @StoreLock nvarchar (255) = N'CpOrders.PushUpdates:' + @StoreId;
    DECLARE @Claimed int = 0, @Sent int = 0, @Found int = 0, @NotForward int = 0, @Unranked int = 0, @Superseded int = 0, @Retried int = 0,
            @Dead int = 0, @TotalRequests int = 0, @Calls int = 0;
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('PUSH_UPDATES', @StoreId, @Started, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            IF @RuleEnabled = 'N'
            BEGIN
                SET @Msg = N'CPO-PUSH-DISABLED: store ' + @StoreId + N' sends nothing to the shop (woo.usp_SetStatusRule @IsEnabled = ''N''); its open messages wait.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PUSH-DISABLED', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
            -- The pipeline lock (a deploy takes it Exclusive), then this store's push lock: two pushes of one store at once
            -- would send the same messages twice. Never waited for; the connection's end releases both.
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
                SET @HoldsPipeline = 1;
            ELSE
                SET @Msg = N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                         + N'); this push is skipped and sends nothing. The next scheduled run goes on.';
            IF @HoldsPipeline = 1
            BEGIN
                EXEC @LockResult = sys.sp_getapplock @Resource = @StoreLock, @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                     @LockTimeout = 0, @DbPrincipal = N'public';
                IF @LockResult >= 0
                    SET @HoldsStore = 1;
                ELSE
                    SET @Msg = N'CPO-PUSH-BUSY: another woo.usp_PushUpdates of store ' + @StoreId + N' is running (sp_getapplock returned '
                             + CONVERT(nvarchar (10), @LockResult) + N'); this one is skipped and sends nothing.';
            END;
            IF @HoldsStore = 0
            BEGIN
                IF @HoldsPipeline = 1
                    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                SET @HoldsPipeline = 0;
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = LEFT(@Msg, CHARINDEX(N':', @Msg) - 1), r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
        END
        ELSE IF @RuleEnabled = 'N'
            RAISERROR (N'woo.usp_PushUpdates: store %s sends nothing while woo.StoreStatusRule.IsEnabled = ''N''; the dry run shows what would be sent once enabled.', 10, 1, @StoreId) WITH NOWAIT;

        -- 2. The due messages, oldest first.
        CREATE TABLE #msg (
            MessageId bigint NOT NULL PRIMARY KEY, WooOrderId bigint NOT NULL, Kind varchar (10) COLLATE DATABASE_DEFAULT NOT NULL,
            Cause varchar (20) COLLATE DATABASE_DEFAULT NOT NULL, Marker varchar (100) COLLATE DATABASE_DEFAULT NOT NULL,
            WooStatus varchar (40) COLLATE DATABASE_DEFAULT NULL, NoteText nvarchar (2000) COLLATE DATABASE_DEFAULT NULL,
            IsCustomerNote char (1) COLLATE DATABASE_DEFAULT NOT NULL, Attempts int NOT NULL, LastErrorCode varchar (40) COLLATE DATABASE_DEFAULT NULL,
            WantedRank int NULL, KnownStatus varchar (40) COLLATE DATABASE_DEFAULT NULL, KnownFrom varchar (10) COLLATE DATABASE_DEFAULT NULL,
            KnownRank int NULL, OnlyIfStatusIn varchar (400) COLLATE DATABASE_DEFAULT NULL,
            [Action] varchar (20) COLLATE DATABASE_DEFAULT NULL,       -- UPDATE | NOTE | SKIPPED | DEAD
            Code varchar (40) COLLATE DATABASE_DEFAULT NULL, Reason nvarchar (2000) COLLATE DATABASE_DEFAULT NULL, CallNo int NULL);
        IF @Execute = 'Y'
        BEGIN
            WITH due AS (
                SELECT TOP (@MaxMessages) o.MessageId, o.WooOrderId, o.Kind, o.Cause, o.Marker, o.WooStatus, o.NoteText, o.IsCustomerNote, o.Attempts,
                       o.LastErrorCode, o.LeaseOwner, o.LeaseExpiresUtc
                FROM woo.Outbox AS o WITH (UPDLOCK, ROWLOCK)
                WHERE o.StoreId = @StoreId AND o.[State] IN ('PENDING', 'RETRY') AND o.NextAttemptUtc <= @Now
                ORDER BY o.MessageId)
            UPDATE due
            SET LeaseOwner = @Owner, LeaseExpiresUtc = DATEADD(HOUR, 1, @Now)
            OUTPUT inserted.MessageId, inserted.WooOrderId, inserted.Kind, inserted.Cause, inserted.Marker, inserted.WooStatus, inserted.NoteText,
                   inserted.IsCustomerNote, inserted.Attempts, inserted.LastErrorCode
            INTO #msg (MessageId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote, Attempts, LastErrorCode);
        END
        ELSE
            INSERT INTO #msg (MessageId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote, Attempts, LastErrorCode)
            SELECT TOP (@MaxMessages) o.MessageId, o.WooOrderId, o.Kind, o.Cause, o.Marker, o.WooStatus, o.NoteText, o.IsCustomerNote, o.Attempts, o.LastErrorCode
            FROM woo.Outbox AS o
            WHERE o.StoreId = @StoreId AND o.[State] IN ('PENDING', 'RETRY') AND o.NextAttemptUtc <= @Now
            ORDER BY o.MessageId;
        SET @Claimed = (SELECT COUNT(*) FROM #msg);

        -- 3. Decisions. Of an order's open STATUS messages, the one that goes furthest (the latest on a tie) replaces the rest.
        UPDATE m
        SET [Action] = 'SKIPPED', Code = 'CPO-OUTBOX-SUPERSEDED',
            Reason = N'replaced by message ' + CONVERT(nvarchar (20), b.MessageId) + N' (status ' + b.WooStatus + N') for the same order.'
        FROM #msg AS m
        CROSS APPLY (SELECT TOP (1) o.MessageId, o.WooStatus
                     FROM woo.Outbox AS o
                     OUTER APPLY woo.fn_StatusRank(@StatusOrder, o.WooStatus) AS rk
                     WHERE o.StoreId = @StoreId AND o.WooOrderId = m.WooOrderId AND o.Kind = 'STATUS' AND o.[State] IN ('PENDING', 'RETRY')
                     ORDER BY ISNULL(rk.StatusRank, 0) DESC, o.MessageId DESC) AS b
        WHERE m.Kind = 'STATUS' AND b.MessageId <> m.MessageId;

        -- The best knowledge of the order's status in the shop: the later of the last pull and the shop's last answer.
        UPDATE m
        SET WantedRank = w.StatusRank, KnownStatus = k.S, KnownFrom = k.Src, KnownRank = kr.StatusRank,
            OnlyIfStatusIn = (SELECT STRING_AGG(CONVERT(varchar (400), x.[value]), ',') WITHIN GROUP (ORDER BY xr.StatusRank) FROM STRING_SPLIT(@StatusOrder, ',') AS x
                              CROSS APPLY woo.fn_StatusRank(@StatusOrder, CONVERT(varchar (40), x.[value])) AS xr
                              WHERE xr.StatusRank < w.StatusRank)
        FROM #msg AS m
        OUTER APPLY woo.fn_StatusRank(@StatusOrder, m.WooStatus) AS w
        OUTER APPLY (SELECT TOP (1) z.S, z.Src
                     FROM (SELECT CONVERT(varchar (40), q.WooStatus) AS S, 'PULL' AS Src, ISNULL(q.DateModifiedGmt, '19000101') AS [At], 0 AS Pref
                           FROM woo.OrderQueue AS q
                           WHERE q.StoreId = @StoreId AND q.WooOrderId = m.WooOrderId AND q.WooStatus IS NOT NULL
                           UNION ALL
                           SELECT o.ShopStatus, 'ANSWER', ISNULL(o.ShopStatusAtUtc, '19000101'), 1
                           FROM woo.Outbox AS o
                           WHERE o.StoreId = @StoreId AND o.WooOrderId = m.WooOrderId AND o.Kind = 'STATUS' AND o.ShopStatus IS NOT NULL) AS z
                     ORDER BY z.[At] DESC, z.Pref DESC) AS k
        OUTER APPLY woo.fn_StatusRank(@StatusOrder, k.S) AS kr
        WHERE m.Kind = 'STATUS' AND m.[Action] IS NULL;

        UPDATE m
        SET [Action] = CASE WHEN m.Kind = 'NOTE' THEN 'NOTE'
                            WHEN m.WantedRank IS NULL THEN 'DEAD'
                            WHEN m.KnownStatus IS NULL AND m.OnlyIfStatusIn IS NULL THEN 'SKIPPED'
                            WHEN m.KnownStatus IS NULL THEN 'UPDATE'
                            WHEN m.KnownRank IS NULL THEN 'SKIPPED'
                            WHEN m.KnownRank >= m.WantedRank THEN 'SKIPPED'
                            ELSE 'UPDATE' END,
            Code = CASE WHEN m.Kind = 'NOTE' THEN NULL
                        WHEN m.WantedRank IS NULL THEN 'CPO-OUTBOX-STATUS-UNRANKED'
                        WHEN m.KnownStatus IS NULL AND m.OnlyIfStatusIn IS NULL THEN 'CPO-STATUS-NOT-FORWARD'
                        WHEN m.KnownStatus IS NULL THEN NULL
                        WHEN m.KnownRank IS NULL THEN 'CPO-STATUS-UNRANKED'
                        WHEN m.KnownRank >= m.WantedRank THEN 'CPO-STATUS-NOT-FORWARD' END,
            Reason = CASE WHEN m.Kind = 'NOTE' THEN CASE WHEN m.Attempts > 0 OR m.LastErrorCode IS NOT NULL
                                                         THEN N'an earlier attempt may have reached the shop: its notes are listed first, and the note is posted only when none carries [' + m.Marker + N'].' END
                          WHEN m.WantedRank IS NULL THEN N'status ''' + m.WooStatus + N''' is not in the store''s status order (' + @StatusOrder
                                                         + N'): forward cannot be told from backwards. Add it with woo.usp_SetStatusRule @StatusOrder, then woo.usp_RequeueMessage.'
                          WHEN m.KnownStatus IS NULL AND m.OnlyIfStatusIn IS NULL THEN N'''' + m.WooStatus + N''' is the first status of the store''s order: nothing ranks below it.'
                          WHEN m.KnownStatus IS NULL THEN N'the order''s status in the shop is not known: checked update, only if it is one of ' + m.OnlyIfStatusIn + N'.'
                          WHEN m.KnownRank IS NULL THEN N'the shop shows ''' + m.KnownStatus + N''' (' + m.KnownFrom + N'), a status the store''s order (' + @StatusOrder
                                                        + N') does not rank: left alone. Rank it with woo.usp_SetStatusRule @StatusOrder if CpOrders may move the order on from it.'
                          WHEN m.KnownRank >= m.WantedRank THEN N'the shop shows ''' + m.KnownStatus + N''' (' + m.KnownFrom + N'), at or past ''' + m.WooStatus + N''': never moved backwards.'
                          ELSE N'the shop showed ''' + m.KnownStatus + N''' (' + m.KnownFrom + N'): checked update, only if the shop''s status now is one of '
                               + m.OnlyIfStatusIn + N'.' END
        FROM #msg AS m
        WHERE m.[Action] IS NULL;

        -- Requests: checked updates first, then notes, one by one. Never a status through orders/batch: the batch has no
        -- precondition, and what CpOrders last saw may be stale (a cancel in the shop since the pull would be undone).
        UPDATE m SET CallNo = n.CallNo
        FROM #msg AS m
        JOIN (SELECT x.MessageId, CONVERT(int, ROW_NUMBER() OVER (ORDER BY CASE x.[Action] WHEN 'UPDATE' THEN 0 ELSE 1 END, x.MessageId)) AS CallNo
              FROM #msg AS x WHERE x.[Action] IN ('UPDATE', 'NOTE')) AS n
          ON n.MessageId = m.MessageId;
        SET @Calls = ISNULL((SELECT MAX(m.CallNo) FROM #msg AS m), 0);

        -- 5 (dry run). Exactly what would be sent, and what would not.
        IF @Execute = 'N'
        BEGIN
            SELECT m.CallNo AS RequestNo, m.MessageId, m.WooOrderId, m.Kind, m.Cause, m.Marker,
                   CASE m.[Action] WHEN 'UPDATE' THEN 'SEND (GET + PUT orders/' + CONVERT(varchar (20), m.WooOrderId) + ', checked)'
                                   WHEN 'NOTE' THEN CASE WHEN m.Reason IS NOT NULL THEN 'LIST NOTES, then POST if missing' ELSE 'POST orders/' + CONVERT(varchar (20), m.WooOrderId) + '/notes' END
                                   ELSE m.[Action] END AS WouldDo,
                   m.WooStatus AS WantedStatus, m.KnownStatus, m.KnownFrom,
                   CASE m.[Action] WHEN 'UPDATE' THEN N'{"status":"' + m.WooStatus + N'"} only if the status is one of ' + m.OnlyIfStatusIn
                                   WHEN 'NOTE' THEN m.NoteText + NCHAR(10) + N'[' + m.Marker + N']' + CASE WHEN m.IsCustomerNote = 'Y' THEN N'  (customer note: shown and mailed to the shopper)' ELSE N'  (private note)' END
                   END AS Payload,
                   m.Code, m.Reason
            FROM #msg AS m
            ORDER BY CASE WHEN m.CallNo IS NULL THEN 1 ELSE 0 END, m.CallNo, m.MessageId;
            SET @Msg = CONCAT(N'woo.usp_PushUpdates: store ', @StoreId, N': ', @Claimed, N' due message(s); ', @Calls, N' request(s) would be made, ',
                              (SELECT COUNT(*) FROM #msg AS m WHERE m.[Action] = 'SKIPPED'), N' message(s) skipped, ',
                              (SELECT COUNT(*) FROM #msg AS m WHERE m.[Action] = 'DEAD'), N' dead. @Execute = ''N'' sent and wrote nothing.');
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;

        -- 5. The messages decided without a request, in one short transaction.
        CREATE TABLE #res (
            MessageId bigint NOT NULL PRIMARY KEY, Applied bit NOT NULL, ShopStatus varchar (40) COLLATE DATABASE_DEFAULT NULL, NoteId bigint NULL,
            Final varchar (10) COLLATE DATABASE_DEFAULT NULL, ErrorCode nvarchar (100) COLLATE DATABASE_DEFAULT NULL,
            ErrorMessage nvarchar (2000) COLLATE DATABASE_DEFAULT NULL, NewState varchar (10) COLLATE DATABASE_DEFAULT NULL);
        INSERT INTO #res (MessageId, Applied, Final, ErrorCode, ErrorMessage, NewState)
        SELECT m.MessageId, 0, m.[Action], m.Code, m.Reason, m.[Action] FROM #msg AS m WHERE m.[Action] IN ('SKIPPED', 'DEAD');
        BEGIN TRANSACTION;
        UPDATE o
        SET [State] = r.NewState, LastErrorCode = r.ErrorCode, LastError = r.ErrorMessage, LeaseOwner = NULL, LeaseExpiresUtc = NULL,
            UpdatedAtUtc = SYSUTCDATETIME()
        FROM woo.Outbox AS o
        JOIN #res AS r ON r.MessageId = o.MessageId
        WHERE o.LeaseOwner = @Owner;
        SELECT @Superseded = COUNT(CASE WHEN m.Code = 'CPO-OUTBOX-SUPERSEDED' THEN 1 END),
               @NotForward = COUNT(CASE WHEN m.Code = 'CPO-STATUS-NOT-FORWARD' THEN 1 END),
               @Unranked = COUNT(CASE WHEN m.Code = 'CPO-STATUS-UNRANKED' THEN 1 END),
               @Dead = COUNT(CASE WHEN m.[Action] = 'DEAD' THEN 1 END)
        FROM #msg AS m;
        IF @Unranked > 0
        BEGIN
            SET @Msg = LEFT(CONCAT(N'CPO-STATUS-UNRANKED: store ', @StoreId, N': ', @Unranked, N' status message(s) were not sent because the shop shows the order in a status ',
                                   N'the store''s status order (', @StatusOrder, N') does not rank; CpOrders leaves such orders alone. If CpOrders may move orders on ',
                                   N'from that status, rank it with woo.usp_SetStatusRule @StatusOrder and re-push with woo.usp_RepushOrderStatus. See woo.Outbox.LastError.'), 2048);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-STATUS-UNRANKED', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        IF @Dead > 0
        BEGIN
            SET @Msg = LEFT(CONCAT(N'CPO-OUTBOX-DEAD: store ', @StoreId, N': ', @Dead, N' message(s) to the shop were given up (woo.Outbox State DEAD, LastError says why). ',
                                   N'Fix the cause, then woo.usp_RequeueMessage, or woo.usp_SkipMessage with a reason.'), 2048);
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-OUTBOX-DEAD', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
        END;
        COMMIT TRANSACTION;

        -- 4 and 5. One request at a time, with no transaction open; its results recorded in a short transaction of its own.
        DECLARE @CallNo int = 1, @CallKind varchar (20), @MessageId bigint, @OrderId bigint, @Wanted nvarchar (40), @OnlyIf nvarchar (400),
                @NoteText nvarchar (2000), @IsCustomer bit, @Marker nvarchar (100), @ListFirst bit, @Outage bit = 0,
                @Applied bit, @Current nvarchar (40), @Response nvarchar (max), @NotesJson nvarchar (max), @NoteId bigint, @Already bit,
                @HttpStatus int, @ErrorCode nvarchar (100), @ErrorMessage nvarchar (4000), @Requests int, @CallRequests int, @CallError nvarchar (4000),
                @CallDead int, @OutageMessage nvarchar (2048);
        WHILE @CallNo <= @Calls
        BEGIN
            SELECT @CallKind = NULL, @MessageId = NULL, @OrderId = NULL, @Wanted = NULL, @OnlyIf = NULL, @NoteText = NULL, @IsCustomer = NULL,
                   @Marker = NULL, @ListFirst = NULL, @Applied = NULL, @Current = NULL, @Response = NULL,
                   @NotesJson = NULL, @NoteId = NULL, @Already = NULL, @HttpStatus = NULL, @ErrorCode = NULL, @ErrorMessage = NULL,
                   @Requests = NULL, @CallRequests = 0, @CallError = NULL;
            SELECT TOP (1) @CallKind = m.[Action], @MessageId = m.MessageId, @OrderId = m.WooOrderId, @Wanted = m.WooStatus, @OnlyIf = m.OnlyIfStatusIn,
                   @NoteText = m.NoteText, @IsCustomer = CASE WHEN m.IsCustomerNote = 'Y' THEN 1 ELSE 0 END, @Marker = m.Marker,
                   @ListFirst = CASE WHEN m.Attempts > 0 OR m.LastErrorCode IS NOT NULL THEN 1 ELSE 0 END
            FROM #msg AS m WHERE m.CallNo = @CallNo ORDER BY m.MessageId;

            -- HTTP: no transaction open here (the transport procedures refuse one), and no write around it.
            BEGIN TRY
                IF @CallKind = 'UPDATE'
                BEGIN
                    EXEC woo.usp_WooUpdateOrder @StoreId = @StoreId, @OrderId = @OrderId, @Status = @Wanted, @OnlyIfStatusIn = @OnlyIf,
                         @Applied = @Applied OUTPUT, @CurrentStatus = @Current OUTPUT, @ResponseJson = @Response OUTPUT, @HttpStatus = @HttpStatus OUTPUT,
                         @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
                    SET @CallRequests += ISNULL(@Requests, 1);
                END
                ELSE
                BEGIN
                    -- A note whose earlier attempt may have reached the shop (a timeout, an unknown answer): look for its marker first.
                    IF @ListFirst = 1
                    BEGIN
                        EXEC woo.usp_WooListOrderNotes @StoreId = @StoreId, @OrderId = @OrderId, @NotesJson = @NotesJson OUTPUT, @HttpStatus = @HttpStatus OUTPUT,
                             @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
                        SET @CallRequests += ISNULL(@Requests, 1);
                        IF @ErrorCode IS NULL
                            SELECT TOP (1) @NoteId = n.id
                            FROM wooclr.OrderNotes(@NotesJson) AS n
                            WHERE CHARINDEX(N'[' + @Marker + N']', n.note) > 0
                            ORDER BY n.id;
                        IF @NoteId IS NOT NULL
                            SET @Already = 1;
                    END;
                    IF @ErrorCode IS NULL AND @NoteId IS NULL
                    BEGIN
                        SET @Requests = NULL;
                        EXEC woo.usp_WooAddOrderNote @StoreId = @StoreId, @OrderId = @OrderId, @Note = @NoteText, @CustomerNote = @IsCustomer, @Marker = @Marker,
                             @NoteId = @NoteId OUTPUT, @AlreadyPresent = @Already OUTPUT, @HttpStatus = @HttpStatus OUTPUT, @ErrorCode = @ErrorCode OUTPUT,
                             @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
                        SET @CallRequests += ISNULL(@Requests, 1);
                    END;
                END;
            END TRY
            BEGIN CATCH
                SET @CallError = ERROR_MESSAGE();
                -- Credentials that do not decrypt (or a transaction opened around HTTP) fail every request alike: stop the run.
                IF @CallError LIKE N'%CPO-SECRET%' OR @CallError LIKE N'%CPO-HTTP-IN-TRANSACTION%'
                    THROW;
                SET @CallRequests += 1;
            END CATCH;
            SET @TotalRequests += @CallRequests;

            -- A failure of the request as a whole (the shop or the way to it is down, refuses the key, throttles, or is
            -- not the REST API): it says nothing about this message, so no attempt is counted and nothing goes DEAD; the
            -- store's run stops here and its open messages wait RetryBaseSeconds (one request per retry while it lasts).
            -- A bare 400/404 page (no WooCommerce code) counts as this too when it is a 404; WooCommerce's own codes
            -- for a gone order or a refused value are per message (below).
            SET @Outage = CASE WHEN @CallError IS NOT NULL THEN CASE WHEN @CallError LIKE N'%CPO-PARAM%' THEN 0 ELSE 1 END
                               WHEN @ErrorCode IS NULL THEN 0
                               WHEN @ErrorCode IN (N'woocommerce_rest_shop_order_invalid_id', N'woocommerce_rest_order_invalid_id', N'woocommerce_rest_invalid_id',
                                                   N'rest_invalid_param', N'rest_post_invalid_id', N'CPO-PARAM', N'CPO-WOO-NOT-APPLIED') THEN 0
                               -- The shop answered, about this order (not an order, another status): per message.
                               WHEN @ErrorCode LIKE N'CPO-WOO-%' THEN 0
                               WHEN ISNULL(@HttpStatus, 0) = 0 OR @HttpStatus IN (401, 403, 404, 405, 407, 408, 429) OR @HttpStatus >= 500 THEN 1
                               WHEN @ErrorCode LIKE N'CPO-HTTP-%' AND @ErrorCode <> N'CPO-HTTP-CLIENT-ERROR' THEN 1
                               WHEN @ErrorCode = N'rest_no_route' THEN 1
                               ELSE 0 END;

            -- The result of this request's message.
            TRUNCATE TABLE #res;
            INSERT INTO #res (MessageId, Applied, ShopStatus, NoteId, Final, ErrorCode, ErrorMessage)
            SELECT @MessageId,
                   CASE WHEN @CallError IS NULL AND @ErrorCode IS NULL AND (@CallKind = 'NOTE' OR @Applied = 1 OR @Current = @Wanted) THEN 1 ELSE 0 END,
                   CONVERT(varchar (40), @Current), @NoteId,
                   -- A checked update the shop refused by its precondition: the order is at or past the wanted status.
                   CASE WHEN @CallKind = 'UPDATE' AND @CallError IS NULL AND @ErrorCode IS NULL AND ISNULL(@Applied, 0) = 0 AND ISNULL(@Current, N'') <> @Wanted
                        THEN 'SKIPPED' END,
                   CASE WHEN @CallError IS NOT NULL THEN N'CPO-PUSH-CALL'
                        WHEN @ErrorCode IS NOT NULL THEN @ErrorCode
                        WHEN @CallKind = 'UPDATE' AND ISNULL(@Applied, 0) = 0 AND ISNULL(@Current, N'') <> @Wanted THEN N'CPO-STATUS-NOT-FORWARD'
                        WHEN @Already = 1 THEN N'CPO-NOTE-ALREADY-PRESENT' END,
                   LEFT(CASE WHEN @CallError IS NOT NULL THEN @CallError
                             WHEN @ErrorCode IS NOT NULL THEN @ErrorMessage
                             WHEN @CallKind = 'UPDATE' AND ISNULL(@Applied, 0) = 0 AND ISNULL(@Current, N'') <> @Wanted
                             THEN N'the shop shows ''' + ISNULL(@Current, N'?') + N''', not one of ' + @OnlyIf + N': never moved backwards.'
                             WHEN @Already = 1 THEN N'the shop already had the note (note ' + CONVERT(nvarchar (20), @NoteId) + N' carries [' + @Marker + N']): not posted again.' END, 2000);

            UPDATE r
            SET NewState = CASE WHEN r.Final IS NOT NULL THEN r.Final
                                WHEN r.Applied = 1 THEN 'SENT'
                                WHEN @Outage = 1 THEN 'RETRY'
                                -- No retry can help: the order is gone, or the shop refuses the value (WooCommerce's own codes
                                -- only, never a bare 400/404 page); or the shop answered another status than the one sent (an
                                -- unregistered slug becomes 'pending', a plugin refused it): a person must look, it is not resent.
                                WHEN r.ErrorCode IN (N'woocommerce_rest_shop_order_invalid_id', N'woocommerce_rest_order_invalid_id', N'woocommerce_rest_invalid_id',
                                                     N'rest_invalid_param', N'rest_post_invalid_id', N'CPO-PARAM', N'CPO-WOO-NOT-APPLIED')
                                  OR r.ErrorMessage LIKE N'CPO-PARAM%' OR r.ErrorMessage LIKE N'%: CPO-PARAM%' THEN 'DEAD'
                                WHEN m.Attempts + 1 >= @MaxAttempts THEN 'DEAD'
                                ELSE 'RETRY' END
            FROM #res AS r
            JOIN #msg AS m ON m.MessageId = r.MessageId;

            BEGIN TRANSACTION;
            UPDATE o
            SET [State] = r.NewState,
                Attempts = CASE WHEN r.NewState IN ('RETRY', 'DEAD') AND r.Final IS NULL AND @Outage = 0 THEN o.Attempts + 1 ELSE o.Attempts END,
                NextAttemptUtc = CASE WHEN @Outage = 1 THEN DATEADD(SECOND, @RetryBase, SYSUTCDATETIME())
                                      WHEN r.NewState = 'RETRY'
                                      THEN DATEADD(SECOND, CASE WHEN o.Attempts >= 16 THEN 86400
                                                                ELSE CONVERT(int, CASE WHEN @RetryBase * POWER(CONVERT(bigint, 2), o.Attempts) > 86400 THEN 86400
                                                                                       ELSE @RetryBase * POWER(CONVERT(bigint, 2), o.Attempts) END) END, SYSUTCDATETIME())
                                      ELSE o.NextAttemptUtc END,
                LastErrorCode = CASE WHEN r.NewState = 'SENT' AND r.ErrorCode IS NULL THEN NULL ELSE CONVERT(varchar (40), LEFT(r.ErrorCode, 40)) END,
                LastError = CASE WHEN r.NewState = 'SENT' AND r.ErrorCode IS NULL THEN NULL ELSE r.ErrorMessage END,
                ShopStatus = ISNULL(r.ShopStatus, o.ShopStatus),
                ShopStatusAtUtc = CASE WHEN r.ShopStatus IS NOT NULL THEN SYSUTCDATETIME() ELSE o.ShopStatusAtUtc END,
                WooNoteId = ISNULL(r.NoteId, o.WooNoteId),
                SentAtUtc = CASE WHEN r.NewState = 'SENT' THEN SYSUTCDATETIME() ELSE o.SentAtUtc END,
                LeaseOwner = NULL, LeaseExpiresUtc = NULL, UpdatedAtUtc = SYSUTCDATETIME()
            FROM woo.Outbox AS o
            JOIN #res AS r ON r.MessageId = o.MessageId
            WHERE o.LeaseOwner = @Owner;
            SELECT @Sent += COUNT(CASE WHEN r.NewState = 'SENT' THEN 1 END),
                   @Found += COUNT(CASE WHEN r.ErrorCode = N'CPO-NOTE-ALREADY-PRESENT' THEN 1 END),
                   @NotForward += COUNT(CASE WHEN r.NewState = 'SKIPPED' THEN 1 END),
                   @Retried += COUNT(CASE WHEN r.NewState = 'RETRY' THEN 1 END),
                   @CallDead = COUNT(CASE WHEN r.NewState = 'DEAD' THEN 1 END)
            FROM #res AS r;
            SET @Dead += @CallDead;
            IF @CallDead > 0
            BEGIN
                SET @Msg = LEFT(CONCAT(N'CPO-OUTBOX-DEAD: store ', @StoreId, N': message(s) to the shop were given up (woo.Outbox State DEAD; last: ',
                                       (SELECT TOP (1) CONCAT(N'order ', m.WooOrderId, N' ', m.Kind, N' ', r.ErrorCode, N' ', r.ErrorMessage)
                                        FROM #res AS r JOIN #msg AS m ON m.MessageId = r.MessageId WHERE r.NewState = 'DEAD' ORDER BY r.MessageId),
                                       N'). Fix the cause, then woo.usp_RequeueMessage, or woo.usp_SkipMessage with a reason.'), 2048);
                EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-OUTBOX-DEAD', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
            END;
            -- The shop is unreachable as a whole: the rest of the run's messages are not tried (each would fail alike and
            -- cost a request); they keep their attempts and wait RetryBaseSeconds with this one. One alert per store,
            -- folded by woo.usp_RaiseAlert while the outage lasts.
            IF @Outage = 1
            BEGIN
                UPDATE o
                SET NextAttemptUtc = CASE WHEN o.NextAttemptUtc > DATEADD(SECOND, @RetryBase, SYSUTCDATETIME()) THEN o.NextAttemptUtc
                                          ELSE DATEADD(SECOND, @RetryBase, SYSUTCDATETIME()) END,
                    LeaseOwner = NULL, LeaseExpiresUtc = NULL, UpdatedAtUtc = SYSUTCDATETIME()
                FROM woo.Outbox AS o
                WHERE o.LeaseOwner = @Owner;
                SET @OutageMessage = LEFT(CONCAT(N'CPO-PUSH-SHOP-UNREACHABLE: store ', @StoreId, N': the shop did not take a request (HTTP ', ISNULL(@HttpStatus, 0), N', ',
                                                 ISNULL(@ErrorCode, N'CPO-PUSH-CALL'), N': ', ISNULL(@CallError, @ErrorMessage), N'). No message was charged an attempt; ',
                                                 @Calls - @CallNo, N' request(s) of this run were not tried and wait ', @RetryBase,
                                                 N' s. Check the site, its REST API (permalinks), the key (woo.usp_CheckStoreSecrets) and its firewall.'), 2048);
                EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PUSH-SHOP-UNREACHABLE', @Message = @OutageMessage, @StoreId = @StoreId, @RunId = @RunId;
            END;
            COMMIT TRANSACTION;

            IF @Outage = 1
                BREAK;
            SET @CallNo += 1;
        END;

        DECLARE @Outcome varchar (10) = CASE WHEN @OutageMessage IS NOT NULL THEN 'FAILED'
                                             WHEN @Retried + @Dead + @Unranked = 0 THEN 'OK'
                                             WHEN @Sent = 0 AND @Calls > 0 AND @Retried + @Dead > 0 THEN 'FAILED'
                                             ELSE 'WARNING' END;
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @Outcome, OrdersRead = @Claimed, OrdersRetried = @Retried, OrdersDead = @Dead, Requests = @TotalRequests,
            ErrorCode = CASE WHEN @OutageMessage IS NOT NULL THEN 'CPO-PUSH-SHOP-UNREACHABLE' WHEN @Dead > 0 THEN 'CPO-OUTBOX-DEAD' WHEN @Retried > 0 THEN 'CPO-OUTBOX-RETRY' WHEN @Unranked > 0 THEN 'CPO-STATUS-UNRANKED' END,
            ErrorMessage = CASE WHEN @OutageMessage IS NOT NULL THEN @OutageMessage
                                WHEN @Retried + @Dead + @Unranked > 0
                                THEN CONCAT(@Retried, N' message(s) wait for a retry, ', @Dead, N' dead, ', @Unranked, N' not sent for an unranked shop status (woo.Outbox.LastError).') END,
            Details = (SELECT @Claimed AS claimed, @Calls AS calls, @TotalRequests AS requests, @Sent AS sent, @Found AS notes_already_present,
                              @Superseded AS superseded, @NotForward AS not_forward, @Unranked AS unranked, @Retried AS retried, @Dead AS dead
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r
        WHERE r.RunId = @RunId;
        EXEC sys.sp_releaseapplock @Resource = @StoreLock, @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsStore = 0;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsPipeline = 0;
        SET @Msg = CONCAT(N'woo.usp_PushUpdates: store ', @StoreId, N': ', @Outcome, N'; ', @Claimed, N' message(s), ', @Sent, N' sent (', @Found,
                          N' notes found already posted), ', @Superseded, N' superseded, ', @NotForward, N' not forward, ', @Unranked, N' unranked, ',
                          @Retried, N' to retry, ', @Dead, N' dead; ', @TotalRequests, N' request(s) in ', DATEDIFF(MILLISECOND, @Started, SYSUTCDATETIME()),
                          N' ms (run ', @RunId, N').');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        DECLARE @Tail nvarchar (4000) = CASE WHEN CHARINDEX(N'CPO-', @Error) > 0 THEN SUBSTRING(@Error, CHARINDEX(N'CPO-', @Error), 4000) END;
        DECLARE @Code varchar (40) = CASE WHEN CHARINDEX(N':', @Tail) BETWEEN 5 AND 41 THEN LEFT(@Tail, CHARINDEX(N':', @Tail) - 1) ELSE 'CPO-PUSH-ERROR' END;
        IF @RunId IS NOT NULL
        BEGIN
            -- The bookkeeping may fail too: caught, so the run's own error is the one raised.
            BEGIN TRY
                UPDATE o SET LeaseOwner = NULL, LeaseExpiresUtc = NULL FROM woo.Outbox AS o WHERE o.LeaseOwner = @Owner;
                UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = @Code, ErrorMessage = @Error, OrdersRead = @Claimed,
                             OrdersRetried = @Retried, OrdersDead = @Dead, Requests = @TotalRequests
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                SET @Msg = LEFT(CONCAT(@Code, N': store ', @StoreId, N': the push to the shop failed: ', @Error,
                                       N' Results recorded before the error stay; the other messages are sent by the next run (see woo.RunLog ', @RunId, N').'), 2048);
                DECLARE @Severity varchar (10) = CASE WHEN @Code LIKE 'CPO-SECRET%' THEN 'CRITICAL' ELSE 'WARNING' END;
                EXEC woo.usp_RaiseAlert @Severity = @Severity, @Code = 'CPO-PUSH-FAILED', @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
            END TRY
            BEGIN CATCH
                RAISERROR (N'woo.usp_PushUpdates: the run failed and recording it failed too.', 10, 1) WITH NOWAIT;
            END CATCH;
        END;
        IF @HoldsStore = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = @StoreLock, @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                SET @HoldsStore = 0;   -- the connection's end releases it
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
