-- Processes due WooCommerce orders into Counterpoint documents (issue 13, design 5, 6, 10, 11). Per run: the schema
-- drift check (woo.usp_CheckCounterpointSchema; a mismatch stops the run before any claim, RunLog FAILED), then the due orders of enabled
-- stores (PENDING, or RETRY whose NextAttemptUtc has come; no live lease) are claimed oldest first (QueueId) with a
-- lease owned by this run. Per order, BEFORE any transaction: the customer is resolved (woo.usp_ResolveCustomer), the
-- planner input gathered (woo.usp_GatherPlanInput) and wooclr.PlanOrderDocument called without numbers: problems
-- park the order with every problem; the numbers are peeked (woo.usp_TakeDocumentNumbers @Peek = 'Y') so a number
-- problem parks it too. Then ONE short transaction per order: the queue row under UPDLOCK (content hash and lease
-- still ours), the customer, the numbers, the planner again with them, every table written set-based from the plan
-- and IM_INV (woo.usp_WriteOrderDocument: a procedure of its own, so a Counterpoint column dropped by an NCR update is a
-- compile error caught here, never one that stops this procedure before its drift check), and the queue row APPLIED
-- with an APPLIED event - so a crash can neither lose nor double an order.
-- Failures (TRY/CATCH per order; other orders go on):
--   transient (deadlock 1205, lock timeout 1222, CPO-CUSTOMER-RACE): RETRY without counting an attempt;
--   WAIT (CPO-DRAWER-CLOSED, payments: a deposit needs the web drawer open): RETRY without counting an attempt, one
--     event per wait, one WARNING alert per store after woo.StorePaymentRule.DrawerWaitAlertMinutes;
--   PARKED (a person or a shop edit must act): planner problems, CPO-NUMBER-*, an unknown time zone (9820),
--     schema drift;
--   DEAD at once (the same input fails the same way; an operator may still requeue after fixing the cause):
--     no order JSON (purged), planner codes CPO-ORDER and CPO-ORDER-REFUNDED, and SQL errors 515, 547, 2628, 8152,
--     245, 8114, 220, 232, 241, 242 (NULL, constraint, truncation, conversion);
--   anything else: RETRY with Attempts + 1 and NextAttemptUtc = now + RetryBaseSeconds x 2^(Attempts - 1), capped at
--     one day; DEAD once Attempts reaches woo.Store.MaxAttempts.
-- @Execute = 'N' (dry run) does every read, the drift check and both planner calls (numbers peeked, not taken) and
-- returns, per order, one result set per table with exactly the rows it would write; it writes nothing at all: no
-- lease, no run log row, no alert, no event (design conventions). One woo.RunLog row per real run. Neither a real run
-- nor a dry run may be called inside a transaction (CPO-TRANSACTION). @Outcomes returns the per-order outcomes (the
-- JSON written to woo.RunLog.Details; WOULD-APPLY for a dry run's good orders).
CREATE PROCEDURE [woo].[usp_ProcessStagedOrders]
    @StoreId    varchar (10) = NULL,
    @MaxOrders  int = 100,
    @QueueId    bigint = NULL,
    @Execute    char (1) = 'Y',
    @Outcomes   nvarchar (max) = NULL OUTPUT   -- per order: QueueId, WooOrderId, Outcome, Code, DocId, TktNo, CustNo (JSON, as RunLog.Details)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Msg nvarchar (4000), @StartedAt datetime2 (3) = SYSUTCDATETIME(), @Now datetime2 (0) = SYSUTCDATETIME(),
            @Owner uniqueidentifier = NEWID(), @RunId bigint, @LeaseSeconds int = 900,
            @RunErrNo int, @RunErrMsg nvarchar (4000), @RunErrCode varchar (40), @LockResult int, @HoldsLock bit = 0,
            @LeaseRenewedAt datetime2 (0), @TransientAlertAt int = 10;

    -- 1. Every parameter and setting problem at once.
    DECLARE @Errors TABLE (Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors VALUES ('CPO-PARAM', N'@Execute must be Y (process) or N (dry run: show the rows, write nothing).');
    IF @MaxOrders IS NULL OR @MaxOrders NOT BETWEEN 1 AND 10000
        INSERT INTO @Errors VALUES ('CPO-PARAM', N'@MaxOrders must be 1-10000.');
    IF @StoreId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors VALUES ('CPO-STORE-UNKNOWN', N'@StoreId ' + @StoreId + N' is not a store (woo.StoreSettings lists them).');
    ELSE IF EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId AND s.IsEnabled <> 'Y')
        INSERT INTO @Errors VALUES ('CPO-STORE-DISABLED', N'store ' + @StoreId + N' is disabled; enable it first (woo.usp_SetStore).');
    IF @QueueId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId AND (@StoreId IS NULL OR q.StoreId = @StoreId))
        INSERT INTO @Errors VALUES ('CPO-QUEUE-UNKNOWN', N'@QueueId ' + CONVERT(nvarchar (20), @QueueId) + N' is not in woo.OrderQueue' + ISNULL(N' for store ' + @StoreId, N'') + N'.');
    -- Never inside a caller's transaction, a dry run neither: its steps run with XACT_ABORT ON, and any error they raise
    -- (a parked order is one) would doom the caller's transaction (review of issue 13, MINOR 6).
    IF @@TRANCOUNT > 0
        INSERT INTO @Errors VALUES ('CPO-TRANSACTION', N'woo.usp_ProcessStagedOrders runs one short transaction per order (design 5); call it outside a transaction, the dry run (@Execute = ''N'') too.');
    IF (SELECT d.compatibility_level FROM sys.databases AS d WHERE d.database_id = DB_ID()) < 130
        INSERT INTO @Errors VALUES ('CPO-COMPATIBILITY', N'the CpOrders database''s compatibility level is below 130; OPENJSON and FOR JSON need 130 or higher: a DBA raises it (140 on SQL Server 2017).');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        SET @Msg = LEFT((SELECT STRING_AGG(CONVERT(nvarchar (max), e.Code + N': ' + e.[Message]), N' | ') FROM @Errors AS e), 2000);
        THROW 50400, @Msg, 1;
    END;

    SET LOCK_TIMEOUT 5000;          -- a few seconds: the POS waits for nobody
    SET DEADLOCK_PRIORITY LOW;      -- and wins every deadlock (design 5)

    DECLARE @Claimed TABLE (QueueId bigint NOT NULL PRIMARY KEY, StoreId varchar (10) NOT NULL);
    DECLARE @Done TABLE (QueueId bigint NOT NULL PRIMARY KEY, WooOrderId bigint NULL, Outcome varchar (20) NOT NULL,
                             Code varchar (40) NULL, [Message] nvarchar (4000) NULL, DocId bigint NULL, TktNo varchar (15) NULL,
                             CustNo varchar (15) NULL);
    DECLARE @Inventory TABLE (ITEM_NO varchar (20) NOT NULL, LOC_ID varchar (10) NOT NULL, QTY_COMMIT decimal (15, 4) NOT NULL,
                              QTY_ON_ORD decimal (15, 4) NOT NULL, PRIMARY KEY (ITEM_NO, LOC_ID));
    DECLARE @Created int = 0, @Parked int = 0, @Retried int = 0, @Dead int = 0, @DriftCount int, @Drift nvarchar (max);

    SET @Msg = N'woo.usp_ProcessStagedOrders: ' + CASE WHEN @Execute = 'N' THEN N'DRY RUN (writes nothing), ' ELSE N'' END
             + N'store ' + ISNULL(@StoreId, N'(all enabled)') + ISNULL(N', queue id ' + CONVERT(nvarchar (20), @QueueId), N'')
             + N', at most ' + CONVERT(nvarchar (10), @MaxOrders) + N' orders.';
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

    IF @Execute = 'Y'
    BEGIN
        INSERT INTO woo.RunLog (Step, StoreId, IsDryRun) VALUES ('PROCESS', @StoreId, 'N');
        SET @RunId = SCOPE_IDENTITY();
        -- The pipeline lock (PreDeploy/20.PipelineLock.sql takes it Exclusive and waits for running steps): Shared, so
        -- pipeline steps do not exclude one another, only a deploy; never waited for (@LockTimeout = 0): a run that
        -- finds a deploy under way is skipped and logged. Session-owned (the run's transactions are per order), released
        -- at the end and in the CATCH; the connection's end releases it too.
        EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                             @LockTimeout = 0, @DbPrincipal = N'public';
        IF @LockResult < 0
        BEGIN
            SET @Msg = N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                     + N'); this run is skipped and processes nothing. The next scheduled run goes on.';
            UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            SET @Outcomes = N'[]';
            RETURN 0;
        END;
        SET @HoldsLock = 1;
    END;

    BEGIN TRY
        -- 2. Schema drift first (design 7).
        EXEC woo.usp_CheckCounterpointSchema @RunId = @RunId, @RaiseAlert = @Execute, @Show = 'N',
             @ProblemCount = @DriftCount OUTPUT, @Problems = @Drift OUTPUT;

        -- On drift nothing is claimed: every order stays as it is (PENDING or RETRY, no attempt counted) and the run stops,
        -- recorded FAILED; the check's CRITICAL alert is raised once until acknowledged (review of issue 13, MINOR 9).
        -- After the fix the next run simply goes on: no order needs a requeue.
        IF @DriftCount > 0
        BEGIN
            SET @Msg = LEFT(N'CPO-SCHEMA-DRIFT: processing stopped, no order touched: ' + @Drift, 4000);
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            SET @Outcomes = N'[]';
            IF @Execute = 'Y'
            BEGIN
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'FAILED', r.ErrorCode = 'CPO-SCHEMA-DRIFT', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                SET @HoldsLock = 0;
            END;
            RETURN 0;
        END;

        -- 3. Claim the due orders, oldest first, with this run's lease (READPAST: another run's claims are skipped).
        IF @Execute = 'Y'
        BEGIN
            WITH due AS (
                SELECT TOP (@MaxOrders) q.QueueId, q.StoreId, q.LeaseOwner, q.LeaseExpiresUtc
                FROM woo.OrderQueue AS q WITH (UPDLOCK, READPAST, ROWLOCK)
                JOIN woo.Store AS s ON s.StoreId = q.StoreId
                WHERE q.[State] IN ('PENDING', 'RETRY')
                  AND (q.[State] = 'PENDING' OR q.NextAttemptUtc IS NULL OR q.NextAttemptUtc <= @Now)
                  AND (q.LeaseExpiresUtc IS NULL OR q.LeaseExpiresUtc <= @Now)
                  AND s.IsEnabled = 'Y' AND (@StoreId IS NULL OR q.StoreId = @StoreId) AND (@QueueId IS NULL OR q.QueueId = @QueueId)
                ORDER BY q.QueueId)
            UPDATE due
            SET LeaseOwner = @Owner, LeaseExpiresUtc = DATEADD(SECOND, @LeaseSeconds, @Now)
            OUTPUT inserted.QueueId, inserted.StoreId INTO @Claimed (QueueId, StoreId);
        END
        ELSE
            INSERT INTO @Claimed (QueueId, StoreId)
            SELECT TOP (@MaxOrders) q.QueueId, q.StoreId
            FROM woo.OrderQueue AS q
            JOIN woo.Store AS s ON s.StoreId = q.StoreId
            WHERE q.[State] IN ('PENDING', 'RETRY')
              AND (q.[State] = 'PENDING' OR q.NextAttemptUtc IS NULL OR q.NextAttemptUtc <= @Now)
              AND (q.LeaseExpiresUtc IS NULL OR q.LeaseExpiresUtc <= @Now)
              AND s.IsEnabled = 'Y' AND (@StoreId IS NULL OR q.StoreId = @StoreId) AND (@QueueId IS NULL OR q.QueueId = @QueueId)
            ORDER BY q.QueueId;

        SET @Msg = CONVERT(nvarchar (10), (SELECT COUNT(*) FROM @Claimed)) + N' due order(s) '
                 + CASE WHEN @Execute = 'Y' THEN N'claimed.' ELSE N'found.' END;
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

        -- 4. One order at a time.
        DECLARE @Q bigint = (SELECT MIN(c.QueueId) FROM @Claimed AS c);
        DECLARE @S varchar (10), @WooOrderId bigint, @WebNumber nvarchar (40), @Hash binary (32), @OrderJson nvarchar (max),
                @StrId varchar (10), @StaId varchar (10), @UseWeb char (1), @TimeZone nvarchar (100), @MaxAttempts int,
                @RetryBase int, @Attempts int, @TktDt datetime, @Mode varchar (10), @CustNo varchar (15), @TemplateCustNo varchar (15),
                @MapKey nvarchar (200), @MapHow varchar (10), @Reason nvarchar (1000), @ProblemCode varchar (40), @Problem nvarchar (1000),
                @Input nvarchar (max), @Plan nvarchar (max), @Numbers nvarchar (max), @NewCustNo varchar (15), @TktNo varchar (15),
                @DocId bigint, @DocGuid uniqueidentifier, @NowUtc datetime2 (3), @LockedHash binary (32), @LockedOwner uniqueidentifier,
                @LockedState varchar (10), @ErrNo int, @ErrMsg nvarchar (4000), @Code varchar (40), @Kind varchar (10),
                @NewState varchar (10), @NewAttempts int, @Next datetime2 (0), @Backoff bigint, @Problems nvarchar (max),
                @Held varchar (15), @NeedCust char (1), @SchemaError nvarchar (4000);
        -- Payments (issue 15): a deposit ticket's numbers, when the plan holds one.
        DECLARE @NeedTicket char (1), @DrwId varchar (10), @DrwSessionId bigint, @DepTktNo varchar (15), @DepDocId bigint, @DepDocGuid uniqueidentifier;
        -- The drawer-wait alert (review r15 MAJOR 2): once per store and run.
        DECLARE @DrawerAlerted TABLE (StoreId varchar (10) NOT NULL PRIMARY KEY);
        DECLARE @WaitSince datetime2 (3), @WaitLimit int, @WaitDrw varchar (10), @WaitStr varchar (10);
        DECLARE @DepTktDt datetime;   -- the deposit ticket's TKT_DT: store-local write time (review r15 MINOR 4)
        WHILE @Q IS NOT NULL
        BEGIN
            SELECT @S = NULL, @WooOrderId = NULL, @WebNumber = NULL, @Hash = NULL, @OrderJson = NULL, @Mode = NULL, @CustNo = NULL,
                   @TemplateCustNo = NULL, @MapKey = NULL, @MapHow = NULL, @Reason = NULL, @ProblemCode = NULL, @Problem = NULL,
                   @Input = NULL, @Plan = NULL, @NewCustNo = NULL, @TktNo = NULL, @DocId = NULL, @DocGuid = NULL, @Problems = NULL,
                   @TktDt = NULL, @Code = NULL, @Attempts = NULL, @MaxAttempts = NULL, @RetryBase = NULL, @Numbers = NULL,
                   @LockedHash = NULL, @LockedOwner = NULL, @LockedState = NULL, @Held = NULL, @NeedCust = NULL, @StrId = NULL,
                   @StaId = NULL, @UseWeb = NULL, @TimeZone = NULL, @Kind = NULL, @NewState = NULL, @ErrNo = NULL, @ErrMsg = NULL;
            SELECT @NeedTicket = 'N', @DrwId = NULL, @DrwSessionId = NULL, @DepTktNo = NULL, @DepDocId = NULL, @DepDocGuid = NULL, @DepTktDt = NULL;
            BEGIN TRY
                -- The lease: renewed for this order before its work, and for every order still to come once a third of
                -- the lease has passed (a run of many orders outlives one lease: review MINOR 11).
                IF @Execute = 'Y'
                BEGIN
                    IF @LeaseRenewedAt IS NULL OR DATEDIFF(SECOND, @LeaseRenewedAt, SYSUTCDATETIME()) >= @LeaseSeconds / 3
                    BEGIN
                        UPDATE q SET q.LeaseExpiresUtc = DATEADD(SECOND, @LeaseSeconds, SYSUTCDATETIME())
                        FROM woo.OrderQueue AS q JOIN @Claimed AS c ON c.QueueId = q.QueueId
                        WHERE c.QueueId >= @Q AND q.LeaseOwner = @Owner;
                        SET @LeaseRenewedAt = SYSUTCDATETIME();
                    END
                    ELSE
                        UPDATE q SET q.LeaseExpiresUtc = DATEADD(SECOND, @LeaseSeconds, SYSUTCDATETIME())
                        FROM woo.OrderQueue AS q WHERE q.QueueId = @Q AND q.LeaseOwner = @Owner;
                END;
                SELECT @S = q.StoreId, @WooOrderId = q.WooOrderId, @WebNumber = q.WooOrderNumber, @Hash = q.ContentHash,
                       @OrderJson = q.OrderJson, @Attempts = q.Attempts, @StrId = s.CpStrId, @StaId = s.CpStaId,
                       @UseWeb = s.UseWebNumberAsTicket, @TimeZone = s.TimeZoneName, @MaxAttempts = s.MaxAttempts, @RetryBase = s.RetryBaseSeconds
                FROM woo.OrderQueue AS q JOIN woo.Store AS s ON s.StoreId = q.StoreId
                WHERE q.QueueId = @Q;
                SET @Msg = N'Order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q) + N', store ' + @S + N')';
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                IF ISJSON(@OrderJson) IS NULL OR ISJSON(@OrderJson) = 0
                    THROW 50470, N'CPO-ORDER-JSON: the queue row holds no readable order JSON (purged after the retention days?). Re-stage the order from the shop (woo.usp_StageOrderJson or the next pull after an edit) or skip it.', 1;

                -- TKT_DT: the store-local time of the order's creation (design 10: *_gmt fields, AT TIME ZONE).
                SET @TktDt = CONVERT(datetime, ISNULL(TRY_CONVERT(datetime2 (0), JSON_VALUE(@OrderJson, N'$.date_created_gmt'), 126), @Now)
                                               AT TIME ZONE 'UTC' AT TIME ZONE @TimeZone);

                -- 4a. Before any transaction: customer, input, validation, numbers peeked.
                EXEC woo.usp_ResolveCustomer @StoreId = @S, @OrderJson = @OrderJson, @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT,
                     @TemplateCustNo = @TemplateCustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
                     @ProblemCode = @ProblemCode OUTPUT, @Problem = @Problem OUTPUT;
                IF @Problem IS NOT NULL
                    THROW 50460, @Problem, 1;
                SELECT @Held = CASE WHEN @Mode = 'CREATE' THEN @TemplateCustNo ELSE @CustNo END,
                       @NeedCust = CASE WHEN @Mode = 'CREATE' THEN 'Y' ELSE 'N' END;
                EXEC woo.usp_GatherPlanInput @QueueId = @Q, @Mode = @Mode, @CustNo = @Held, @Input = @Input OUTPUT;
                SET @Plan = wooclr.PlanOrderDocument(@Input);
                IF ISNULL(JSON_VALUE(@Plan, N'$.ok'), N'false') <> N'true'
                BEGIN
                    SELECT @Problems = STRING_AGG(CONVERT(nvarchar (max), p.code + N': ' + p.[message]
                                                  + ISNULL(N' (line ' + CONVERT(nvarchar (10), p.line) + N')', N'')), N'; ')
                    FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code', [message] nvarchar (2000) N'$.message', line int N'$.line') AS p;
                    SET @Code = ISNULL((SELECT TOP (1) p.code FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code') AS p), 'CPO-PLAN');
                    SET @Problems = LEFT(ISNULL(@Problems, N'CPO-PLAN: the planner returned no plan.'), 4000);
                    SET @Msg = LEFT(@Problems, 2048);   -- THROW carries 2048 characters; LastError gets all of @Problems
                    IF EXISTS (SELECT 1 FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code') AS p WHERE p.code IN ('CPO-ORDER', 'CPO-ORDER-REFUNDED'))
                        THROW 50471, @Msg, 1;   -- DEAD at once
                    -- Only the web drawer is closed: the order waits (payments, README). A plan that is unreadable, or
                    -- not ok with no problem listed, is no wait: it parks (review r15 MINOR 3).
                    IF EXISTS (SELECT 1 FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code') AS p WHERE p.code = 'CPO-DRAWER-CLOSED')
                       AND NOT EXISTS (SELECT 1 FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code') AS p WHERE ISNULL(p.code, '') <> 'CPO-DRAWER-CLOSED')
                        THROW 50490, @Msg, 1;
                    THROW 50461, @Msg, 1;       -- PARKED
                END;
                IF JSON_VALUE(@Plan, N'$.payment.depositTicket') = N'true'
                    SELECT @NeedTicket = 'Y', @DrwId = s.CpDrwId, @DrwSessionId = TRY_CONVERT(bigint, JSON_VALUE(@Input, N'$.counterpoint.PS_DRW_SESSION.DRW_SESSION_ID'))
                    FROM woo.Store AS s WHERE s.StoreId = @S;
                SET @DepTktDt = CASE WHEN @NeedTicket = 'Y' THEN CONVERT(datetime, SYSUTCDATETIME() AT TIME ZONE 'UTC' AT TIME ZONE @TimeZone) END;
                EXEC woo.usp_TakeDocumentNumbers @StrId = @StrId, @StaId = @StaId, @TktDt = @TktDt, @UseWebNumber = @UseWeb,
                     @WebOrderNumber = @WebNumber, @NeedCustNo = @NeedCust, @Peek = 'Y',
                     @CustNo = @NewCustNo OUTPUT, @TktNo = @TktNo OUTPUT, @DocId = @DocId OUTPUT,
                     @NeedDepositTicket = @NeedTicket, @DrwId = @DrwId, @DrwSessionId = @DrwSessionId, @DepTktNo = @DepTktNo OUTPUT, @DepDocId = @DepDocId OUTPUT,
                     @DepTktDt = @DepTktDt;

                IF @Execute = 'N'
                BEGIN
                    -- Dry run: the plan with the numbers the order would get now, and the rows it would write.
                    SELECT @DocGuid = NEWID(), @NowUtc = SYSUTCDATETIME(), @DepDocGuid = CASE WHEN @NeedTicket = 'Y' THEN NEWID() END;
                    SET @Numbers = (SELECT @DocId AS DOC_ID, @TktNo AS TKT_NO, @DocGuid AS DOC_GUID, @NewCustNo AS CUST_NO,
                                           CONVERT(varchar (23), @TktDt, 126) AS TKT_DT, CONVERT(varchar (23), CONVERT(datetime, @NowUtc), 126) AS nowUtc,
                                           @DepDocId AS DEP_DOC_ID, @DepTktNo AS DEP_TKT_NO, @DepDocGuid AS DEP_DOC_GUID,
                                           CONVERT(varchar (23), @DepTktDt, 126) AS DEP_TKT_DT
                                    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
                    SET @Plan = wooclr.PlanOrderDocument(JSON_MODIFY(@Input, N'$.numbers', JSON_QUERY(@Numbers)));
                    IF ISNULL(JSON_VALUE(@Plan, N'$.ok'), N'false') <> N'true'
                    BEGIN
                        SET @Problems = LEFT(N'CPO-PLAN: with numbers the planner found: ' + ISNULL(JSON_QUERY(@Plan, N'$.problems'), N'(no plan)'), 3900);
                        THROW 50462, @Problems, 1;
                    END;
                    DELETE FROM @Inventory;
                    INSERT INTO @Inventory (ITEM_NO, LOC_ID, QTY_COMMIT, QTY_ON_ORD)
                    SELECT p.ITEM_NO, p.LOC_ID, SUM(ISNULL(p.QTY_COMMIT, 0)), SUM(ISNULL(p.QTY_ON_ORD, 0))
                    FROM woo.fn_Plan_IM_INV(@Plan) AS p GROUP BY p.ITEM_NO, p.LOC_ID;
                    SELECT N'AR_CUST' AS [Table], p.[CUST_NO], p.[NAM], p.[NAM_UPR], p.[FST_NAM], p.[FST_NAM_UPR], p.[LST_NAM], p.[LST_NAM_UPR], p.[CUST_TYP], p.[ADRS_1], p.[ADRS_2], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[EMAIL_ADRS_1], p.[PROMPT_NAM_ADRS], p.[SLS_REP], p.[CATEG_COD], p.[SHIP_VIA_COD], p.[SHIP_ZONE_COD], p.[STR_ID], p.[STMNT_COD], p.[TAX_COD], p.[TERMS_COD], p.[ALLOW_AR_CHRG], p.[ALLOW_TKTS], p.[NO_CR_LIM], p.[CR_LIM], p.[BAL_METH], p.[AR_ACCT_NO], p.[ALLOW_ORDS], p.[ALLOW_LWYS], p.[IS_ECOMM_CUST], p.[CUST_NAM_TYP], p.[INCLUDE_IN_MARKETING_MAILOUTS], p.[EMAIL_STATEMENT], p.[LST_MAINT_DT], p.[LST_MAINT_USR_ID] FROM woo.fn_Plan_AR_CUST(@Plan) AS p;
                    SELECT N'PS_DOC_HDR' AS [Table], p.[DOC_ID], p.[STR_ID], p.[STA_ID], p.[TKT_NO], p.[DOC_TYP], p.[SAL_LINS], p.[ORD_LINS], p.[SAL_LIN_TOT], p.[GFC_LINS], p.[BO_LINS], p.[SO_LINS], p.[DRW_ID], p.[DRW_SESSION_ID], p.[CUST_NO], p.[RET_LINS], p.[SHIP_VIA_COD], p.[RET_LIN_TOT], p.[SHIP_ZONE_COD], p.[TAX_COD], p.[TERMS_COD], p.[CUST_PO_NO], p.[TKT_TYP], p.[USR_ID], p.[SLS_REP], p.[STK_LOC_ID], p.[PRC_LOC_ID], p.[SVC_LINS], p.[PFT_CTR], p.[VOID_USR_ID], p.[VOID_REAS], p.[TAX_EXEMPT_NO], p.[TAX_OVRD_REAS], p.[DOC_GUID], p.[BILL_TO_CONTACT_ID], p.[SHIP_TO_CONTACT_ID], p.[REQ_REPRICE], p.[SHIP_DAT], p.[RS_UTC_DT], p.[IS_DOC_COMMITTED], p.[LST_FRM_GRP_PRTD], p.[LST_FRM_PRTD], p.[FOOD_STMP_AMT], p.[FOOD_STMP_LINS], p.[FOOD_STMP_TAX_AMT], p.[TIMES_PRTD], p.[ERR_REF], p.[TKT_DT], p.[IS_REL_TKT], p.[FOOD_STMP_NORM_TAX_AMT], p.[LOY_PGM_COD], p.[NORM_TAX_COD], p.[DATA_UPGRADE_STAT], p.[REF], p.[HAS_ENTD_LINS], p.[HAS_PCKD_LINS], p.[HAS_PCKVRFD_LINS], p.[HAS_INVCD_LINS], p.[HAS_RLSD_LINS], p.[TO_REL_LINS], p.[TO_LEAVE_LINS], p.[LST_MAINT_DT], p.[LST_MAINT_USR_ID], p.[IS_OFFLINE], p.[RS_STAT], p.[DS_LINS], p.[LST_LCK_DT] FROM woo.fn_Plan_PS_DOC_HDR(@Plan) AS p;
                    SELECT N'PS_DOC_HDR_TOT' AS [Table], p.[DOC_ID], p.[TOT_TYP], p.[INITIAL_MIN_DUE], p.[HAS_TAX_OVRD], p.[TAX_AMT_SHIPPED], p.[LINS], p.[TOT_GFC_AMT], p.[TOT_SVC_AMT], p.[SUB_TOT], p.[TAX_OVRD_LINS], p.[TOT_EXT_COST], p.[TOT_MISC], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TOT_TND], p.[TOT_CHNG], p.[TOT_WEIGHT], p.[TOT_CUBE], p.[TOT], p.[AMT_DUE], p.[TOT_HDR_DISC], p.[TOT_LIN_DISC], p.[TOT_HDR_DISCNTBL_AMT], p.[TOT_TIP_AMT] FROM woo.fn_Plan_PS_DOC_HDR_TOT(@Plan) AS p;
                    SELECT N'PS_DOC_CONTACT' AS [Table], p.[DOC_ID], p.[CONTACT_ID], p.[NAM], p.[FST_NAM], p.[LST_NAM], p.[SALUTATION], p.[ADRS_1], p.[ADRS_2], p.[ADRS_3], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[PHONE_2], p.[ADRS_ID], p.[NAM_TYP], p.[EMAIL_ADRS_1], p.[EMAIL_ADRS_2], p.[CONTCT_1], p.[CONTCT_2], p.[FAX_1], p.[FAX_2] FROM woo.fn_Plan_PS_DOC_CONTACT(@Plan) AS p;
                    SELECT N'PS_DOC_LIN' AS [Table], p.[DOC_ID], p.[LIN_SEQ_NO], p.[STR_ID], p.[STA_ID], p.[TKT_NO], p.[LIN_TYP], p.[CELL_DESCR], p.[PRC], p.[ITEM_NO], p.[UNIT_RETL_VAL], p.[NO_OF_SERS_ENTD], p.[CALC_PRC], p.[EXT_COST], p.[STK_LOC_ID], p.[REG_PRC], p.[PRC_LOC_ID], p.[DESCR], p.[CATEG_COD], p.[SUBCAT_COD], p.[ITEM_VEND_NO], p.[QTY_SOLD], p.[QTY_NUMER], p.[QTY_DENOM], p.[QTY_UNIT], p.[SELL_UNIT], p.[RET_REAS], p.[EXT_PRC], p.[IS_TXBL], p.[PFT_CTR], p.[SLS_REP], p.[REF], p.[ITEM_TYP], p.[PRC_1], p.[QTY_DECS], p.[PRC_DECS], p.[BARCOD], p.[IS_SINGLE_CELL], p.[EC_SEQ_NO], p.[RNDM_WEIGHT_BARCOD], p.[NORM_TAX_CATEG], p.[TAX_CATEG], p.[NORM_IS_TXBL], p.[TARE_COD], p.[TRK_METH], p.[TARE_COD_IDX], p.[ORIG_QTY], p.[QTY_SHIPPED], p.[IS_FOOD_STMP_ELIG], p.[EC_ORD_TOT_QTY_EXPECTD], p.[TARE_WEIGHT], p.[UNIT_WEIGHT], p.[UNIT_CUBE], p.[LINK_LIN_GUID], p.[DIM_1_UPR], p.[DIM_2_UPR], p.[DIM_3_UPR], p.[UNIT_COST], p.[SER_NO], p.[QTY_RET], p.[IS_VAL_RET], p.[GFT_RGSTRY_ID], p.[GROSS_EXT_PRC], p.[DISP_EXT_PRC], p.[PAR_LIN_GUID], p.[IS_KIT_PAR], p.[HAS_PRC_OVRD], p.[PRC_OVRD_REAS], p.[COST_ENTD], p.[PRESUMED_COST], p.[COST_OF_SLS_PCT], p.[MIX_MATCH_COD], p.[MIX_MATCH_CONTRIB], p.[MIX_MATCH_PRC_BASED_ON], p.[USR_ENTD_PRC], p.[GROSS_DISP_EXT_PRC], p.[IS_DISCNTBL], p.[CALC_EXT_PRC], p.[QTY_ENTD], p.[QTY_PCKD], p.[QTY_PCKVRFD], p.[QTY_INVCD], p.[QTY_TO_FILL], p.[QTY_TO_REL], p.[QTY_TO_LEAVE], p.[LIN_GRP_GUID], p.[IS_MAN_ENTD_WGHT], p.[IS_WEIGHED], p.[TAX_AMT_ALLOC], p.[NORM_TAX_AMT_ALLOC] FROM woo.fn_Plan_PS_DOC_LIN(@Plan) AS p;
                    SELECT N'PS_DOC_LIN_PRICE' AS [Table], p.[DOC_ID], p.[LIN_SEQ_NO], p.[PRC_JUST_STR], p.[PRC_GRP_COD], p.[PRC_GRP_DESCR], p.[PRC_RUL_DESCR], p.[PRC_GRP_TYP], p.[PRC_RUL_SEQ_NO], p.[PRC_BRK_DESCR], p.[PRC_SEQ_NO], p.[QTY_PRCD], p.[UNIT_PRC], p.[DIM_1_UPR], p.[DIM_2_UPR], p.[DIM_3_UPR] FROM woo.fn_Plan_PS_DOC_LIN_PRICE(@Plan) AS p;
                    SELECT N'PS_DOC_DISC' AS [Table], p.[DOC_ID], p.[DISC_SEQ_NO], p.[LIN_SEQ_NO], p.[DISC_ID], p.[APPLY_TO], p.[DISC_TYP], p.[DISC_AMT], p.[DISC_PCT], p.[DISC_AMT_SHIPPED] FROM woo.fn_Plan_PS_DOC_DISC(@Plan) AS p;
                    SELECT N'PS_DOC_HDR_MISC_CHRG' AS [Table], p.[DOC_ID], p.[TOT_TYP], p.[MISC_CHRG_NO], p.[MISC_TYP], p.[MISC_AMT], p.[MISC_PCT], p.[MISC_AMT_SHIPPED], p.[MISC_TAX_AMT_ALLOC], p.[MISC_NORM_TAX_AMT_ALLOC] FROM woo.fn_Plan_PS_DOC_HDR_MISC_CHRG(@Plan) AS p;
                    SELECT N'PS_DOC_TAX' AS [Table], p.[DOC_ID], p.[AUTH_COD], p.[RUL_COD], p.[TAX_DOC_PART], p.[LIN_AMT], p.[TXBL_LIN_AMT], p.[TXBL_MISC_CHG_AMT_1], p.[TXBL_MISC_CHG_AMT_2], p.[TXBL_MISC_CHG_AMT_3], p.[TXBL_MISC_CHG_AMT_4], p.[TXBL_MISC_CHG_AMT_5], p.[TXBL_GFC_AMT], p.[TXBL_SVC_AMT], p.[TXBL_TAX_AMT], p.[TXBL_QTY], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TAX_AMT_EXACT], p.[NORM_TAX_AMT_EXACT], p.[TOT_TXBL_AMT] FROM woo.fn_Plan_PS_DOC_TAX(@Plan) AS p;
                    SELECT N'PS_DOC_NOTE' AS [Table], p.[DOC_ID], p.[NOTE_SEQ_NO], p.[NOTE_ID], p.[NOTE_DAT], p.[USR_ID], p.[NOTE], p.[NOTE_TXT], p.[LIN_GUID] FROM woo.fn_Plan_PS_DOC_NOTE(@Plan) AS p;
                    SELECT N'PS_DOC_AUDIT_LOG' AS [Table], p.[DOC_ID], p.[LOG_SEQ_NO], p.[DOC_TYP], p.[DOC_GUID], p.[CURR_DT], p.[CURR_STR_ID], p.[CURR_STA_ID], p.[CURR_DRW_ID], p.[CURR_USR_ID], p.[CURR_WKSTN_NAM], p.[CURR_SERV_NAM], p.[CURR_DB_NAM], p.[ACTIV], p.[LINK_STR_ID], p.[LINK_STA_ID], p.[LINK_DOC_NO], p.[LINK_DOC_GUID], p.[LOG_ENTRY] FROM woo.fn_Plan_PS_DOC_AUDIT_LOG(@Plan) AS p;
                    SELECT N'PS_DOC_AUDIT_LOG_TOT' AS [Table], p.[DOC_ID], p.[LOG_SEQ_NO], p.[TOT_TYP], p.[TOT_GFC_AMT], p.[LINS], p.[SUB_TOT], p.[TOT_MISC], p.[NORM_TAX_AMT], p.[TAX_AMT], p.[TOT_EXT_COST], p.[TOT_TND], p.[TOT_CHNG], p.[AMT_DUE], p.[TOT_SVC_AMT], p.[DEP_NET_CHANGE], p.[TOT] FROM woo.fn_Plan_PS_DOC_AUDIT_LOG_TOT(@Plan) AS p;
                    SELECT N'PS_DOC_HDR_DOC_STAT' AS [Table], p.[DOC_ID], p.[LST_DOC_ACTIV], p.[DOC_AS_TKT_SEQ_NO], p.[DOC_STAT], p.[LST_CANCEL_DEP_REFUNDED], p.[LST_CANCEL_DEP_FORFEIT], p.[TOT_DEP_RECEIVED], p.[TOT_DEP_APPLIED], p.[TOT_DEP_REFUNDED], p.[TOT_DEP_FORFEIT], p.[LST_DOC_EDIT_DT], p.[LST_DOC_EDIT_USR_ID], p.[LST_DOC_PRT_DT], p.[LST_DOC_PRT_USR_ID], p.[LST_DOC_PICK_DT], p.[LST_DOC_PICK_USR_ID], p.[LST_DOC_REL_DT], p.[LST_DOC_REL_USR_ID], p.[LST_DOC_INVCD_DT], p.[LST_DOC_INVCD_USR_ID], p.[LST_DOC_PCKVRFD_DT], p.[LST_DOC_PCKVRFD_USR_ID], p.[IS_SUSPENDED], p.[LST_DOC_SUSPENDED_DT], p.[LST_DOC_SUSPENDED_USR_ID], p.[PREQ_WRKGRP_ID] FROM woo.fn_Plan_PS_DOC_HDR_DOC_STAT(@Plan) AS p;
                    SELECT N'PS_DOC_PMT' AS [Table], p.[DOC_ID], p.[PMT_SEQ_NO], p.[PAY_COD_TYP], p.[AMT], p.[STR_ID], p.[FINAL_PMT], p.[STA_ID], p.[CARD_IS_NEW], p.[TKT_NO], p.[SECURE_ECOMM_TRX], p.[PMT_LIN_TYP], p.[PAY_COD], p.[PAY_DAT], p.[DEP_LIN_COPIED_TO_REL_DOC], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS], p.[SWIPED], p.[DESCR], p.[EDC_AUTH_FLG], p.[CURNCY_COD], p.[EXCH_RATE_NUMER], p.[EXCH_RATE_DENOM], p.[ROUND_GAIN_LOSS], p.[HOME_CURNCY_ROUND_GAIN_LOSS], p.[TIP_AMT], p.[GFC_AUTHED] FROM woo.fn_Plan_PS_DOC_PMT(@Plan) AS p;
                    SELECT N'PS_DOC_PMT_APPLY' AS [Table], p.[DOC_ID], p.[PMT_SEQ_NO], p.[APPL_TYP], p.[AMT], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS] FROM woo.fn_Plan_PS_DOC_PMT_APPLY(@Plan) AS p;
                    SELECT N'PS_DOC_HDR_ORIG_DOC' AS [Table], p.[DOC_ID], p.[ORIG_DOC_ID] FROM woo.fn_Plan_PS_DOC_HDR_ORIG_DOC(@Plan) AS p;
                    SELECT N'AR_CUST (added)' AS [Table], p.[CUST_NO], p.[NO_OF_ORDS], p.[ORD_BAL] FROM woo.fn_Plan_AR_CUST_ORD(@Plan) AS p;
                    SELECT N'IM_INV (added)' AS [Table], i.ITEM_NO, i.LOC_ID, i.QTY_COMMIT, i.QTY_ON_ORD,
                           CASE WHEN EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.ITEM_NO = i.ITEM_NO AND v.LOC_ID = i.LOC_ID)
                                THEN 'UPDATE' ELSE 'INSERT' END AS [Action]
                    FROM @Inventory AS i ORDER BY i.ITEM_NO, i.LOC_ID;
                    INSERT INTO @Done (QueueId, WooOrderId, Outcome, Code, [Message], DocId, TktNo, CustNo)
                    VALUES (@Q, @WooOrderId, 'WOULD-APPLY', NULL, @Reason, @DocId, @TktNo, ISNULL(@NewCustNo, @CustNo));
                END
                ELSE
                BEGIN
                    -- 4b. The order's transaction. Locks in design 5's order: queue row, customer, number rows, document
                    --     tables, IM_INV (per item and location, key order).
                    BEGIN TRANSACTION;
                    SELECT @LockedHash = q.ContentHash, @LockedOwner = q.LeaseOwner, @LockedState = q.[State]
                    FROM woo.OrderQueue AS q WITH (UPDLOCK, ROWLOCK)
                    WHERE q.QueueId = @Q;
                    IF @LockedOwner IS NULL OR @LockedOwner <> @Owner OR @LockedState NOT IN ('PENDING', 'RETRY')
                        THROW 50411, N'CPO-QUEUE-LEASE: this run no longer holds the order''s lease (another run or an operator took it); left alone.', 1;
                    IF @LockedHash <> @Hash
                        THROW 50412, N'CPO-QUEUE-CHANGED: the order was re-staged with new content while it was planned; it is planned again from the new content.', 1;
                    IF @Mode = 'EXISTING'
                    BEGIN
                        SET @Held = NULL;
                        SELECT @Held = a.CUST_NO FROM [$(CounterpointDb)].dbo.AR_CUST AS a WITH (UPDLOCK, ROWLOCK) WHERE a.CUST_NO = @CustNo;
                        IF @Held IS NULL
                            THROW 50410, N'CPO-CUSTOMER-RACE: the order''s customer disappeared since it was resolved; resolved again next run.', 1;
                    END
                    ELSE IF @MapKey IS NOT NULL
                         AND EXISTS (SELECT 1 FROM woo.StoreCustomerMap AS m WITH (UPDLOCK, HOLDLOCK) WHERE m.StoreId = @S AND m.WooCustomerKey = @MapKey)
                        THROW 50410, N'CPO-CUSTOMER-RACE: another order made this shopper''s customer since this one was resolved; resolved again next run (it finds the map row).', 1;
                    SET @DepTktDt = CASE WHEN @NeedTicket = 'Y' THEN CONVERT(datetime, SYSUTCDATETIME() AT TIME ZONE 'UTC' AT TIME ZONE @TimeZone) END;
                    EXEC woo.usp_TakeDocumentNumbers @StrId = @StrId, @StaId = @StaId, @TktDt = @TktDt, @UseWebNumber = @UseWeb,
                         @WebOrderNumber = @WebNumber, @NeedCustNo = @NeedCust, @Peek = 'N',
                         @CustNo = @NewCustNo OUTPUT, @TktNo = @TktNo OUTPUT, @DocId = @DocId OUTPUT,
                         @NeedDepositTicket = @NeedTicket, @DrwId = @DrwId, @DrwSessionId = @DrwSessionId, @DepTktNo = @DepTktNo OUTPUT, @DepDocId = @DepDocId OUTPUT,
                         @DepTktDt = @DepTktDt;
                    SELECT @DocGuid = NEWID(), @NowUtc = SYSUTCDATETIME(), @DepDocGuid = CASE WHEN @NeedTicket = 'Y' THEN NEWID() END;
                    SET @Numbers = (SELECT @DocId AS DOC_ID, @TktNo AS TKT_NO, @DocGuid AS DOC_GUID, @NewCustNo AS CUST_NO,
                                           CONVERT(varchar (23), @TktDt, 126) AS TKT_DT, CONVERT(varchar (23), CONVERT(datetime, @NowUtc), 126) AS nowUtc,
                                           @DepDocId AS DEP_DOC_ID, @DepTktNo AS DEP_TKT_NO, @DepDocGuid AS DEP_DOC_GUID,
                                           CONVERT(varchar (23), @DepTktDt, 126) AS DEP_TKT_DT
                                    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
                    SET @Plan = wooclr.PlanOrderDocument(JSON_MODIFY(@Input, N'$.numbers', JSON_QUERY(@Numbers)));
                    IF ISNULL(JSON_VALUE(@Plan, N'$.ok'), N'false') <> N'true'
                    BEGIN
                        SET @Problems = LEFT(N'CPO-PLAN: with numbers the planner found: ' + ISNULL(JSON_QUERY(@Plan, N'$.problems'), N'(no plan)'), 3900);
                        THROW 50462, @Problems, 1;
                    END;
                    IF @MapHow IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM woo.StoreCustomerMap AS m WITH (UPDLOCK, HOLDLOCK) WHERE m.StoreId = @S AND m.WooCustomerKey = @MapKey)
                        INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped)
                        VALUES (@S, @MapKey, ISNULL(@NewCustNo, @CustNo), @MapHow);

                    -- The document, every table from the plan, and IM_INV: woo.usp_WriteOrderDocument (a procedure of its
                    -- own so that a Counterpoint column dropped by an NCR update fails there, inside this TRY, design 7).
                    EXEC woo.usp_WriteOrderDocument @Plan = @Plan;

                    -- Applied, in the same transaction as the document.
                    UPDATE q
                    SET q.[State] = 'APPLIED', q.AppliedAtUtc = SYSUTCDATETIME(), q.AppliedContentHash = @Hash, q.DocId = @DocId,
                        q.DocGuid = @DocGuid, q.TktNo = @TktNo, q.CustNo = ISNULL(@NewCustNo, @CustNo), q.LeaseOwner = NULL,
                        q.LeaseExpiresUtc = NULL, q.LastErrorCode = NULL, q.LastError = NULL, q.NextAttemptUtc = NULL,
                        q.UpdatedAtUtc = SYSUTCDATETIME()
                    FROM woo.OrderQueue AS q
                    WHERE q.QueueId = @Q AND q.LeaseOwner = @Owner AND q.ContentHash = @Hash;
                    IF @@ROWCOUNT <> 1   -- held under UPDLOCK since the check above: cannot happen; never commit a document without its mark
                        THROW 50413, N'CPO-QUEUE-LEASE: the queue row could not be marked APPLIED (lease or content changed); the document is rolled back.', 1;
                    INSERT INTO woo.OrderEvent (QueueId, EventType, Detail, RunId)
                    VALUES (@Q, 'APPLIED', N'DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + @TktNo + N', customer '
                                           + ISNULL(@NewCustNo, @CustNo) + N' (' + ISNULL(@Reason, N'') + N')'
                                           + ISNULL(N'; planner notes: ' + NULLIF(JSON_QUERY(@Plan, N'$.notes'), N'[]'), N''), @RunId);
                    -- What the shop is told (status, notes: woo.StoreStatusRule), queued with the document; woo.usp_PushUpdates sends it.
                    EXEC woo.usp_EnqueueAfterCreate @QueueId = @Q, @DocId = @DocId, @TktNo = @TktNo;
                    COMMIT TRANSACTION;

                    SET @Created += 1;
                    INSERT INTO @Done (QueueId, WooOrderId, Outcome, Code, [Message], DocId, TktNo, CustNo)
                    VALUES (@Q, @WooOrderId, 'APPLIED', NULL, @Reason, @DocId, @TktNo, ISNULL(@NewCustNo, @CustNo));
                    SET @Msg = N'  applied: DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', TKT_NO ' + @TktNo + N'.';
                    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                END;
            END TRY
            BEGIN CATCH
                SELECT @ErrNo = ERROR_NUMBER(), @ErrMsg = ERROR_MESSAGE();
                IF XACT_STATE() <> 0
                    ROLLBACK TRANSACTION;   -- the order's own transaction (no caller's: refused above)
                SET @Code = CASE WHEN @ErrMsg LIKE N'CPO-%' THEN LEFT(LEFT(@ErrMsg, CHARINDEX(N':', @ErrMsg + N':') - 1), 40)
                                 WHEN @ErrNo = 6522 AND @ErrMsg LIKE N'%CPO-NEXT-NUMBER%' THEN 'CPO-NEXT-NUMBER'
                                 ELSE 'SQL-' + CONVERT(varchar (10), @ErrNo) END;
                -- 207/208/213/4104: a Counterpoint column or table the writer binds is gone (woo.usp_WriteOrderDocument
                -- failed to compile: schema drift the check did not see). The order is left as it was (lease released, no
                -- attempt counted) and the run stops: every other order would fail the same way (design 7).
                SET @Kind = CASE WHEN @ErrNo IN (1205, 1222, 50410) THEN 'TRANSIENT'
                                 WHEN @ErrNo = 50490 THEN 'WAIT'   -- the web drawer is closed (payments): retried, no attempt counted
                                 WHEN @ErrNo IN (207, 208, 213, 4104) THEN 'SCHEMA'
                                 WHEN @ErrNo IN (50411, 50412, 50413) THEN 'RELEASE'
                                 WHEN @ErrNo BETWEEN 50450 AND 50469 OR @ErrNo = 9820 OR (@ErrNo = 6522 AND @ErrMsg LIKE N'%CPO-NEXT-NUMBER%') THEN 'PARK'
                                 WHEN @ErrNo IN (50470, 50471, 515, 547, 2628, 8152, 245, 8114, 220, 232, 241, 242) THEN 'DEAD'
                                 ELSE 'RETRY' END;
                SELECT @NewAttempts = @Attempts, @Next = NULL;
                IF @Kind = 'TRANSIENT'
                    SELECT @NewState = 'RETRY', @Next = DATEADD(SECOND, ISNULL(@RetryBase, 60), SYSUTCDATETIME());
                -- WAIT (the web drawer is closed): every 15 minutes until the drawer opens, with one alert per store once
                -- an order has waited DrawerWaitAlertMinutes (below). A session found closed by numbering after a good
                -- plan (closed, perhaps reopened with a new session, since the gather) is tried again after RetryBaseSeconds:
                -- the next run gathers the new session (review r15 MINOR 5).
                ELSE IF @Kind = 'WAIT'
                    SELECT @NewState = 'RETRY',
                           @Next = CASE WHEN ISNULL(JSON_VALUE(@Plan, N'$.ok'), N'false') = N'true'
                                        THEN DATEADD(SECOND, ISNULL(@RetryBase, 60), SYSUTCDATETIME())
                                        ELSE DATEADD(MINUTE, 15, SYSUTCDATETIME()) END;
                ELSE IF @Kind = 'PARK'
                    SET @NewState = 'PARKED';
                ELSE IF @Kind = 'DEAD'
                    SET @NewState = 'DEAD';
                ELSE IF @Kind = 'RETRY'
                BEGIN
                    SET @NewAttempts = ISNULL(@Attempts, 0) + 1;
                    IF @NewAttempts >= ISNULL(@MaxAttempts, 1)
                        SET @NewState = 'DEAD';
                    ELSE
                    BEGIN
                        SET @Backoff = CONVERT(bigint, ISNULL(@RetryBase, 60)) * POWER(CONVERT(bigint, 2), CASE WHEN @NewAttempts - 1 > 16 THEN 16 ELSE @NewAttempts - 1 END);
                        SELECT @NewState = 'RETRY', @Next = DATEADD(SECOND, CONVERT(int, CASE WHEN @Backoff > 86400 THEN 86400 ELSE @Backoff END), SYSUTCDATETIME());
                    END;
                END
                ELSE
                    SET @NewState = NULL;   -- RELEASE / SCHEMA: someone else's now, re-staged, or drift; only our lease goes
                IF @Kind = 'SCHEMA'
                    SELECT @SchemaError = LEFT(N'CPO-SCHEMA-DRIFT: writing order ' + ISNULL(CONVERT(nvarchar (20), @WooOrderId), N'?')
                                               + N' failed to compile against Counterpoint (Msg ' + CONVERT(nvarchar (10), @ErrNo) + N': ' + @ErrMsg
                                               + N'). The run stopped; no order was changed. Run woo.usp_CheckCounterpointSchema @Show = ''Y'' and see README, Counterpoint updates.', 4000),
                           @Code = 'CPO-SCHEMA-DRIFT';
                IF @Execute = 'Y'
                BEGIN
                    IF @NewState IS NULL
                        UPDATE q SET q.LeaseOwner = NULL, q.LeaseExpiresUtc = NULL
                        FROM woo.OrderQueue AS q WHERE q.QueueId = @Q AND q.LeaseOwner = @Owner;
                    ELSE
                    BEGIN
                        UPDATE q
                        SET q.[State] = @NewState, q.Attempts = @NewAttempts, q.NextAttemptUtc = @Next, q.LastErrorCode = @Code,
                            q.LastError = CASE WHEN @ErrNo IN (50461, 50471) THEN @Problems ELSE LEFT(@ErrMsg, 4000) END, q.LeaseOwner = NULL, q.LeaseExpiresUtc = NULL, q.UpdatedAtUtc = SYSUTCDATETIME()
                        FROM woo.OrderQueue AS q
                        WHERE q.QueueId = @Q AND q.LeaseOwner = @Owner
                          AND q.ContentHash = @Hash;   -- a failure found on old content never parks a row re-staged meanwhile (Q4)
                        IF @@ROWCOUNT = 1
                        BEGIN
                            -- A wait for the drawer is one event when it starts, not one per retry (review r15 MAJOR 2).
                            IF @Kind <> 'WAIT'
                               OR NOT EXISTS (SELECT 1 FROM (SELECT TOP (1) e.EventType, e.Code FROM woo.OrderEvent AS e
                                                             WHERE e.QueueId = @Q ORDER BY e.EventId DESC) AS l
                                              WHERE l.EventType = 'RETRY' AND l.Code = 'CPO-DRAWER-CLOSED')
                                INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
                                VALUES (@Q, @NewState, @Code, CASE WHEN @ErrNo IN (50461, 50471) THEN JSON_QUERY(@Plan, N'$.problems') ELSE @ErrMsg END, @RunId);
                            -- An order waiting for a closed web drawer counts no attempt and keeps moving its NextAttemptUtc,
                            -- so neither DEAD nor CPO-QUEUE-STALE can ever show it (review r15 MAJOR 2): once it has waited
                            -- the store's DrawerWaitAlertMinutes (woo.StorePaymentRule, default 720) since its first wait
                            -- (after its last requeue, skip, park or apply), one WARNING CPO-DRAWER-CLOSED per store and run
                            -- (woo.usp_RaiseAlert counts repeats on the one open alert).
                            IF @Kind = 'WAIT' AND NOT EXISTS (SELECT 1 FROM @DrawerAlerted AS a WHERE a.StoreId = @S)
                            BEGIN
                                SELECT @WaitSince = MIN(e.EventAtUtc)
                                FROM woo.OrderEvent AS e
                                WHERE e.QueueId = @Q AND e.EventType = 'RETRY' AND e.Code = 'CPO-DRAWER-CLOSED'
                                  AND e.EventId > ISNULL((SELECT MAX(o.EventId) FROM woo.OrderEvent AS o
                                                          WHERE o.QueueId = @Q AND o.EventType IN ('REQUEUED', 'SKIPPED', 'PARKED', 'DEAD', 'APPLIED')), 0);
                                SELECT @WaitLimit = ISNULL(r.DrawerWaitAlertMinutes, 720), @WaitDrw = s.CpDrwId, @WaitStr = s.CpStrId
                                FROM woo.Store AS s LEFT JOIN woo.StorePaymentRule AS r ON r.StoreId = s.StoreId
                                WHERE s.StoreId = @S;
                                IF @WaitSince IS NOT NULL AND DATEDIFF(MINUTE, @WaitSince, SYSUTCDATETIME()) >= @WaitLimit
                                BEGIN
                                    INSERT INTO @DrawerAlerted (StoreId) VALUES (@S);
                                    SET @Msg = LEFT(N'Store ' + @S + N': deposit orders wait because web drawer ' + ISNULL(@WaitDrw, N'(none)') + N' of Counterpoint store '
                                                 + ISNULL(@WaitStr, N'?') + N' has no open session (PS_DRW_SESSION STAT ''A''); order ' + CONVERT(nvarchar (20), @WooOrderId)
                                                 + N' (queue id ' + CONVERT(nvarchar (20), @Q) + N') has waited since ' + CONVERT(nvarchar (30), @WaitSince, 120) + N' UTC, '
                                                 + CONVERT(nvarchar (10), (SELECT COUNT(*) FROM woo.OrderQueue AS w WHERE w.StoreId = @S AND w.[State] = 'RETRY' AND w.LastErrorCode = 'CPO-DRAWER-CLOSED'))
                                                 + N' order(s) wait in all. Open that drawer in Counterpoint (or point woo.Store.CpDrwId at the web drawer with woo.usp_SetStore); '
                                                 + N'the orders are written at their next try. Limit: ' + CONVERT(nvarchar (10), @WaitLimit) + N' minutes (woo.usp_SetPaymentRule @DrawerWaitAlertMinutes).', 4000);
                                    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-DRAWER-CLOSED', @Message = @Msg, @StoreId = @S, @RunId = @RunId;
                                END;
                            END;
                            -- Transient retries count no attempt, so they could go on for ever unseen (review MINOR 13): they
                            -- are counted from the order's events (since its last requeue or skip by an operator) and one
                            -- WARNING alert is raised when they reach @TransientAlertAt.
                            IF @Kind = 'TRANSIENT'
                               AND (SELECT COUNT(*) FROM woo.OrderEvent AS e
                                    WHERE e.QueueId = @Q AND e.EventType = 'RETRY' AND e.Code IN ('SQL-1205', 'SQL-1222', 'CPO-CUSTOMER-RACE')
                                      AND e.EventId > ISNULL((SELECT MAX(o.EventId) FROM woo.OrderEvent AS o
                                                              WHERE o.QueueId = @Q AND o.EventType IN ('REQUEUED', 'SKIPPED')), 0)) = @TransientAlertAt
                            BEGIN
                                SET @Msg = LEFT(N'Order ' + CONVERT(nvarchar (20), @WooOrderId) + N' (queue id ' + CONVERT(nvarchar (20), @Q) + N') has been retried '
                                             + CONVERT(nvarchar (10), @TransientAlertAt) + N' times for deadlocks, lock timeouts or customer races (last: '
                                             + @ErrMsg + N'). Look for a blocking session or a long POS transaction on the tables named; the order keeps being retried.', 4000);
                                EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-TRANSIENT-RETRIES', @Message = @Msg, @StoreId = @S, @QueueId = @Q, @RunId = @RunId;
                            END;
                        END;
                    END;
                END;
                IF @NewState = 'PARKED' SET @Parked += 1;
                ELSE IF @NewState = 'DEAD' SET @Dead += 1;
                ELSE IF @NewState = 'RETRY' SET @Retried += 1;
                INSERT INTO @Done (QueueId, WooOrderId, Outcome, Code, [Message])
                VALUES (@Q, @WooOrderId, ISNULL(@NewState, 'RELEASED'), @Code, CASE WHEN @ErrNo IN (50461, 50471) THEN @Problems ELSE LEFT(@ErrMsg, 4000) END);
                SET @Msg = N'  ' + ISNULL(@NewState, N'RELEASED') + N': ' + LEFT(@ErrMsg, 3000);
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            END CATCH;
            SET @Q = (SELECT MIN(c.QueueId) FROM @Claimed AS c WHERE c.QueueId > @Q);
            IF @SchemaError IS NOT NULL
                SET @Q = NULL;
        END;
        IF @SchemaError IS NOT NULL
        BEGIN
            IF @Execute = 'Y'
                UPDATE q SET q.LeaseOwner = NULL, q.LeaseExpiresUtc = NULL FROM woo.OrderQueue AS q WHERE q.LeaseOwner = @Owner;
            THROW 50480, @SchemaError, 1;   -- the run's CATCH records it FAILED and alerts
        END;

        -- 5. The record of the run.
        SET @Outcomes = (SELECT o.QueueId, o.WooOrderId, o.Outcome, o.Code, o.DocId, o.TktNo, o.CustNo FROM @Done AS o
                         ORDER BY o.QueueId FOR JSON PATH);
        IF @Execute = 'Y'
            UPDATE r
            SET r.EndedAtUtc = SYSUTCDATETIME(),
                r.Outcome = CASE WHEN @Parked + @Dead + @Retried > 0 THEN 'WARNING' ELSE 'OK' END,
                r.OrdersRead = (SELECT COUNT(*) FROM @Done), r.OrdersCreated = @Created, r.OrdersRetried = @Retried,
                r.OrdersParked = @Parked, r.OrdersDead = @Dead,
                r.Details = @Outcomes
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        IF @HoldsLock = 1
        BEGIN
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsLock = 0;
        END;
        SELECT o.QueueId, o.WooOrderId, o.Outcome, o.Code, o.[Message], o.DocId, o.TktNo, o.CustNo FROM @Done AS o ORDER BY o.QueueId;
        SET @Msg = N'Done in ' + CONVERT(nvarchar (20), DATEDIFF(MILLISECOND, @StartedAt, SYSUTCDATETIME())) + N' ms: '
                 + CONVERT(nvarchar (10), (SELECT COUNT(*) FROM @Done)) + N' read, '
                 + CONVERT(nvarchar (10), @Created) + N' applied, ' + CONVERT(nvarchar (10), @Retried) + N' to retry, '
                 + CONVERT(nvarchar (10), @Parked) + N' parked, ' + CONVERT(nvarchar (10), @Dead) + N' dead'
                 + CASE WHEN @Execute = 'N' THEN N' (dry run: nothing written).' ELSE N'.' END;
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        -- Not an order's failure (those are handled above): the run itself failed. Record it, give the leases back, re-raise.
        IF XACT_STATE() <> 0
            ROLLBACK TRANSACTION;
        SET @Outcomes = (SELECT o.QueueId, o.WooOrderId, o.Outcome, o.Code, o.DocId, o.TktNo, o.CustNo FROM @Done AS o
                         ORDER BY o.QueueId FOR JSON PATH);
        IF @Execute = 'Y'
        BEGIN
            SELECT @RunErrNo = ERROR_NUMBER(), @RunErrMsg = LEFT(ERROR_MESSAGE(), 4000);
            SET @RunErrCode = CASE WHEN @RunErrMsg LIKE N'CPO-%' THEN LEFT(LEFT(@RunErrMsg, CHARINDEX(N':', @RunErrMsg + N':') - 1), 40)
                                   ELSE 'SQL-' + CONVERT(varchar (10), @RunErrNo) END;
            -- The bookkeeping may itself hit a lock timeout or deadlock: caught, so the run's own error is the one raised.
            BEGIN TRY
                UPDATE q SET q.LeaseOwner = NULL, q.LeaseExpiresUtc = NULL FROM woo.OrderQueue AS q WHERE q.LeaseOwner = @Owner;
                UPDATE r
                SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'FAILED', r.ErrorCode = @RunErrCode,
                    r.ErrorMessage = @RunErrMsg, r.OrdersCreated = @Created, r.OrdersRetried = @Retried,
                    r.OrdersParked = @Parked, r.OrdersDead = @Dead,
                    r.Details = @Outcomes
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            END TRY
            BEGIN CATCH
                SET @RunErrMsg = LEFT(@RunErrMsg + N' (recording the run failed too: ' + ERROR_MESSAGE() + N')', 4000);
            END CATCH;
            -- A failed run is always alerted (the job's failure alone may go unseen).
            BEGIN TRY
                DECLARE @RunAlertCode varchar (40) = CASE WHEN @RunErrCode = 'CPO-SCHEMA-DRIFT' THEN 'CPO-SCHEMA-DRIFT' ELSE 'CPO-RUN-FAILED' END;
                SET @Msg = LEFT(N'woo.usp_ProcessStagedOrders run ' + ISNULL(CONVERT(nvarchar (20), @RunId), N'?') + N' failed (' + @RunErrCode + N'): ' + @RunErrMsg
                                + N' Orders this run did not apply wait in the queue; the next run tries again. If it repeats, fix the cause named here (woo.RunLog has the run).', 4000);
                EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = @RunAlertCode, @Message = @Msg, @StoreId = @StoreId, @RunId = @RunId;
            END TRY
            BEGIN CATCH
                RAISERROR (N'woo.usp_ProcessStagedOrders: the run failed and its alert could not be written either.', 10, 1) WITH NOWAIT;
            END CATCH;
        END;
        IF @HoldsLock = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                RAISERROR (N'woo.usp_ProcessStagedOrders: the pipeline lock could not be released; the connection''s end releases it.', 10, 1) WITH NOWAIT;
            END CATCH;
        END;
        THROW;
    END CATCH;
END;
