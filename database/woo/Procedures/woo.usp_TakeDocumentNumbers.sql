-- Takes the numbers of one web order inside its transaction (design 6): a new CUST_NO when a customer is to be made,
-- TKT_NO, DOC_ID, and for a deposit (payments, issue 15) the deposit ticket's TKT_NO and DOC_ID. @Peek = 'Y'
-- (validation before the transaction, and the dry run) reads the same values without locks and changes nothing. Raises CPO-NUMBER-* (50450-50459: park the order) when no number can be taken.
-- Locks, in the order of design 5 (the caller holds the queue row): the web drawer's session row (a deposit only) -> EC_CTL (customer counter) -> AR_CUST key probe ->
-- the order counter row (PS_STR_CFG_PS or PS_STA_CFG_PS) -> PS_DOC_HDR key probe. Every probe of a key is a point
-- seek under UPDLOCK, HOLDLOCK (a key-range lock on one key, held to commit): the next candidate is taken before the
-- INSERT, because under XACT_ABORT a key violation cannot be retried (design 6).
-- TKT_NO uniqueness per store: PS_DOC_HDR has no (STR_ID, TKT_NO) index, so that check is a plain committed read
-- (no range or table lock on a POS table, design 5) of the next 1000 candidates at once - one scan of PS_DOC_HDR per
-- order, not one per candidate (review MAJOR 5); it is serialised by the counter row's UPDLOCK, which every
-- Counterpoint writer of that series takes too. UseWebNumberAsTicket: the web number is checked the same way, but no
-- counter serialises it: the store must be one whose own order counter nobody uses (README, Processing orders).
-- DOC_ID: design 6 calls Counterpoint's dbo.fnGenDocId where the database has it; it is not in the reference schema
-- (a static call cannot be built) and a call by name through dynamic SQL would run an unseen body inside the order's
-- transaction, unchecked by the build, so the layout comes from wooclr.GenDocId: the same composition, proven in C#
-- against native ids (README, Processing orders and SQL surface: numbering; an open point).
CREATE PROCEDURE [woo].[usp_TakeDocumentNumbers]
    @StrId            varchar (10),
    @StaId            varchar (10),
    @TktDt            datetime,
    @UseWebNumber     char (1),
    @WebOrderNumber   nvarchar (40) = NULL,
    @NeedCustNo       char (1) = 'N',
    @Peek             char (1) = 'N',
    @CustNo           varchar (15) = NULL OUTPUT,
    @TktNo            varchar (15) = NULL OUTPUT,
    @DocId            bigint = NULL OUTPUT,
    -- Payments (issue 15): a deposit ticket's numbers too (the ticket counter, a type-T DOC_ID), in the drawer session
    -- the plan was made with, which must still be open.
    @NeedDepositTicket char (1) = 'N',
    @DrwId            varchar (10) = NULL,
    @DrwSessionId     bigint = NULL,
    @DepTktNo         varchar (15) = NULL OUTPUT,
    @DepDocId         bigint = NULL OUTPUT,
    -- The deposit ticket's TKT_DT (store-local write time; its DOC_ID is made from it); NULL = @TktDt.
    @DepTktDt         datetime = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Msg nvarchar (2048), @Tries int, @Current varchar (15), @Method varchar (1),
            @StrNo smallint, @StaNo smallint, @Candidate bigint;
    DECLARE @Candidates TABLE (Seq int NOT NULL PRIMARY KEY, TktNo varchar (15) NOT NULL);

    IF @Peek IS NULL OR @Peek NOT IN ('Y', 'N') OR @NeedCustNo IS NULL OR @NeedCustNo NOT IN ('Y', 'N')
       OR @UseWebNumber IS NULL OR @UseWebNumber NOT IN ('Y', 'N') OR @StrId IS NULL OR @StaId IS NULL OR @TktDt IS NULL
       OR @NeedDepositTicket IS NULL OR @NeedDepositTicket NOT IN ('Y', 'N')
        THROW 50440, N'CPO-PARAM: woo.usp_TakeDocumentNumbers needs @StrId, @StaId, @TktDt and Y/N flags.', 1;
    -- Numbers are taken only inside the order's transaction: a number taken and committed alone would be lost if the
    -- document then failed (a second series, the predecessor's bug).
    IF @Peek = 'N' AND @@TRANCOUNT = 0
        THROW 50441, N'CPO-PARAM: woo.usp_TakeDocumentNumbers takes numbers only inside the order''s transaction (@Peek = ''N'').', 1;

    -- Only the counters of a Counterpoint store and station configured for a web store are ever advanced (review of
    -- issue 13, MAJOR 2: never another store's or the POS stations' numbers).
    IF @Peek = 'N' AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.CpStrId = @StrId AND s.CpStaId = @StaId)
    BEGIN
        SET @Msg = N'CPO-PARAM: woo.usp_TakeDocumentNumbers takes numbers only for a store and station of a woo.Store row (' + @StrId + N'/' + @StaId + N' is none).';
        THROW 50444, @Msg, 1;
    END;

    SELECT @CustNo = NULL, @TktNo = NULL, @DocId = NULL, @DepTktNo = NULL, @DepDocId = NULL;

    -- 0. A deposit ticket belongs to the web drawer's open session (CDM 4, 7.3). Inside the order's transaction the one
    -- session row is read under UPDLOCK, ROWLOCK and no HOLDLOCK (review r15 MAJOR 1): a U lock on that row, held to
    -- commit, so Counterpoint's close of the drawer (an UPDATE of its STAT) waits the few milliseconds until the order
    -- and its ticket are committed, and a ticket can never land in a session that was closed meanwhile. No range or
    -- table lock on a POS table (design 5): without HOLDLOCK no key-range lock is taken, and no key is known on
    -- PS_DRW_SESSION (references/Counterpoint declares none), so where Counterpoint has no index leading with
    -- DRW_SESSION_ID the read is a scan of that small table that waits at most LOCK_TIMEOUT for a row being written
    -- (1222: retried, transient). The peek (before the transaction, and the dry run) reads without a lock. A drawer
    -- closed since the plan was made is caught here, and the order waits (50490: retried soon, no attempt counted;
    -- README, Payments).
    IF @NeedDepositTicket = 'Y'
    BEGIN
        DECLARE @SessionStat varchar (1) = NULL;
        IF @Peek = 'Y'
            SELECT @SessionStat = d.STAT FROM [$(CounterpointDb)].dbo.PS_DRW_SESSION AS d
            WHERE d.DRW_SESSION_ID = @DrwSessionId AND d.STR_ID = @StrId AND d.DRW_ID = @DrwId AND d.STAT = 'A';
        ELSE
            SELECT @SessionStat = d.STAT FROM [$(CounterpointDb)].dbo.PS_DRW_SESSION AS d WITH (UPDLOCK, ROWLOCK)
            WHERE d.DRW_SESSION_ID = @DrwSessionId AND d.STR_ID = @StrId AND d.DRW_ID = @DrwId AND d.STAT = 'A';
        IF @SessionStat IS NULL
        BEGIN
            SET @Msg = N'CPO-DRAWER-CLOSED: drawer ' + ISNULL(@DrwId, N'(none)') + N' of store ' + @StrId + N' has no open session '
                     + ISNULL(CONVERT(nvarchar (20), @DrwSessionId), N'') + N' (PS_DRW_SESSION STAT ''A''); the deposit ticket waits until the drawer is opened in Counterpoint.';
            THROW 50490, @Msg, 1;
        END;
    END;

    -- 1. Customer number: Counterpoint's e-commerce import counter (EC_CTL.NXT_CUST_NO), incremented by its rule.
    IF @NeedCustNo = 'Y'
    BEGIN
        IF @Peek = 'Y'
            SELECT TOP (1) @Current = c.NXT_CUST_NO FROM [$(CounterpointDb)].dbo.EC_CTL AS c ORDER BY c.KEY_ID;
        ELSE
            SELECT TOP (1) @Current = c.NXT_CUST_NO FROM [$(CounterpointDb)].dbo.EC_CTL AS c WITH (UPDLOCK, ROWLOCK) ORDER BY c.KEY_ID;
        IF @Current IS NULL OR LTRIM(RTRIM(@Current)) = ''
            THROW 50450, N'CPO-NUMBER-CUSTOMER: Counterpoint has no next e-commerce customer number (EC_CTL.NXT_CUST_NO is missing or empty). Set it in Counterpoint''s e-commerce control, then requeue the order.', 1;
        SET @Tries = 0;
        WHILE 1 = 1
        BEGIN
            IF @Peek = 'Y'
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @Current) BREAK;
            END
            ELSE IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS a WITH (UPDLOCK, HOLDLOCK) WHERE a.CUST_NO = @Current) BREAK;
            SET @Tries += 1;
            IF @Tries >= 1000
            BEGIN
                SET @Msg = N'CPO-NUMBER-CUSTOMER: 1000 customer numbers from EC_CTL.NXT_CUST_NO onwards (up to ' + @Current + N') already exist in AR_CUST. Set EC_CTL.NXT_CUST_NO past the used range, then requeue the order.';
                THROW 50451, @Msg, 1;
            END;
            SET @Current = CONVERT(varchar (15), wooclr.NextDocNumber(@Current, 15));
        END;
        SET @CustNo = @Current;
        IF @Peek = 'N'
            UPDATE c SET c.NXT_CUST_NO = CONVERT(varchar (15), wooclr.NextDocNumber(@CustNo, 15))
            FROM [$(CounterpointDb)].dbo.EC_CTL AS c
            WHERE c.KEY_ID = (SELECT MIN(k.KEY_ID) FROM [$(CounterpointDb)].dbo.EC_CTL AS k);
    END;

    -- 2. Ticket (order) number.
    IF @UseWebNumber = 'Y'
    BEGIN
        SET @Msg = wooclr.OrderNumberProblems(@WebOrderNumber);
        IF @Msg IS NOT NULL
        BEGIN
            SET @Msg = LEFT(N'CPO-NUMBER-WEB: the WooCommerce order number ''' + ISNULL(@WebOrderNumber, N'(none)') + N''' cannot be the ticket number: ' + @Msg
                     + N'. Turn off woo.Store.UseWebNumberAsTicket or fix the shop''s order numbers.', 2048);
            THROW 50452, @Msg, 1;
        END;
        SET @TktNo = CONVERT(varchar (15), @WebOrderNumber);
        IF EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = @StrId AND h.TKT_NO = @TktNo)
        BEGIN
            SET @Msg = N'CPO-NUMBER-TAKEN: store ' + @StrId + N' already has an open document with ticket number ' + @TktNo
                     + N' (the WooCommerce order number). Check whether this order was already entered in Counterpoint; skip it or renumber.';
            THROW 50453, @Msg, 1;
        END;
    END
    ELSE
    BEGIN
        -- ORD_NO_METH 'S': the store's counter (PS_STR_CFG_PS.NXT_ORD_NO); any other method: the station's
        -- (PS_STA_CFG_PS.NXT_ORD_NO) - the dedicated web station numbers its own orders (design 6).
        SELECT @Method = s.ORD_NO_METH FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
        IF @Method IS NULL
        BEGIN
            SET @Msg = N'CPO-NUMBER-CONFIG: Counterpoint store ' + @StrId + N' has no PS_STR_CFG_PS row. Configure the store in Counterpoint, or set woo.Store.CpStrId to a configured store.';
            THROW 50454, @Msg, 1;
        END;
        IF @Method = 'S'
        BEGIN
            IF @Peek = 'Y'
                SELECT @Current = s.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
            ELSE
                SELECT @Current = s.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WITH (UPDLOCK, ROWLOCK) WHERE s.STR_ID = @StrId;
        END
        ELSE
        BEGIN
            IF @Peek = 'Y'
                SELECT @Current = s.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
            ELSE
                SELECT @Current = s.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WITH (UPDLOCK, ROWLOCK) WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
        END;
        IF @Current IS NULL OR LTRIM(RTRIM(@Current)) = ''
        BEGIN
            SET @Msg = N'CPO-NUMBER-NONE: no next order number for store ' + @StrId + N' station ' + @StaId + N' ('
                     + CASE WHEN @Method = 'S' THEN N'PS_STR_CFG_PS.NXT_ORD_NO, ORD_NO_METH S' ELSE N'PS_STA_CFG_PS.NXT_ORD_NO, ORD_NO_METH ' + @Method END
                     + N' is empty). Set the next order number in Counterpoint, then requeue.';
            THROW 50455, @Msg, 1;
        END;
        -- The next 1000 numbers by the counter's rule, then ONE read of PS_DOC_HDR for those of them the store has used
        -- (no (STR_ID, TKT_NO) index: a probe per candidate would scan the table up to 1000 times while the counter row
        -- is held). RECOMPILE gives the optimiser the candidate count, HASH JOIN keeps it to one scan. Cost: one scan
        -- of PS_DOC_HDR (open documents only: Counterpoint moves posted tickets to its history tables) per order.
        DELETE FROM @Candidates;
        SET @Tries = 0;
        WHILE @Tries < 1000
        BEGIN
            INSERT INTO @Candidates (Seq, TktNo) VALUES (@Tries, @Current);
            SET @Tries += 1;
            IF @Tries < 1000
                SET @Current = CONVERT(varchar (15), wooclr.NextDocNumber(@Current, 15));
        END;
        SET @TktNo = NULL;
        SELECT TOP (1) @TktNo = c.TktNo
        FROM @Candidates AS c
        WHERE NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = @StrId AND h.TKT_NO = c.TktNo)
        ORDER BY c.Seq
        OPTION (RECOMPILE, HASH JOIN);
        IF @TktNo IS NULL
        BEGIN
            SET @Msg = N'CPO-NUMBER-TAKEN: 1000 order numbers from the next order number onwards (up to ' + @Current + N') are already used in store ' + @StrId + N'. Set the next order number past the used range.';
            THROW 50456, @Msg, 1;
        END;
        IF @Peek = 'N'
        BEGIN
            IF @Method = 'S'
                UPDATE s SET s.NXT_ORD_NO = CONVERT(varchar (15), wooclr.NextDocNumber(@TktNo, 15))
                FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
            ELSE
                UPDATE s SET s.NXT_ORD_NO = CONVERT(varchar (15), wooclr.NextDocNumber(@TktNo, 15))
                FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
        END;
    END;

    -- 2b. The deposit ticket's number: TKT_NO_METH 'S' the store's ticket counter (PS_STR_CFG_PS.NXT_TKT_NO), any other
    -- method the station's (PS_STA_CFG_PS.NXT_TKT_NO); taken like the order number (1000 candidates, one read of PS_DOC_HDR),
    -- after it (design 5's lock order: the order counter row, then the ticket counter row - the same row when both are the store's).
    IF @NeedDepositTicket = 'Y'
    BEGIN
        SELECT @Method = s.TKT_NO_METH FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
        SET @Current = NULL;
        IF @Method = 'S'
        BEGIN
            IF @Peek = 'Y'
                SELECT @Current = s.NXT_TKT_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
            ELSE
                SELECT @Current = s.NXT_TKT_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WITH (UPDLOCK, ROWLOCK) WHERE s.STR_ID = @StrId;
        END
        ELSE
        BEGIN
            IF @Peek = 'Y'
                SELECT @Current = s.NXT_TKT_NO FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
            ELSE
                SELECT @Current = s.NXT_TKT_NO FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WITH (UPDLOCK, ROWLOCK) WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
        END;
        IF @Current IS NULL OR LTRIM(RTRIM(@Current)) = ''
        BEGIN
            SET @Msg = N'CPO-NUMBER-NONE: no next ticket number for the deposit ticket of store ' + @StrId + N' station ' + @StaId + N' ('
                     + CASE WHEN @Method = 'S' THEN N'PS_STR_CFG_PS.NXT_TKT_NO, TKT_NO_METH S' ELSE N'PS_STA_CFG_PS.NXT_TKT_NO, TKT_NO_METH ' + ISNULL(@Method, N'(no PS_STR_CFG_PS row)') END
                     + N' is empty). Set the next ticket number in Counterpoint, then requeue.';
            THROW 50459, @Msg, 1;
        END;
        DELETE FROM @Candidates;
        SET @Tries = 0;
        WHILE @Tries < 1000
        BEGIN
            INSERT INTO @Candidates (Seq, TktNo) VALUES (@Tries, @Current);
            SET @Tries += 1;
            IF @Tries < 1000
                SET @Current = CONVERT(varchar (15), wooclr.NextDocNumber(@Current, 15));
        END;
        SELECT TOP (1) @DepTktNo = c.TktNo
        FROM @Candidates AS c
        WHERE c.TktNo <> @TktNo
          AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = @StrId AND h.TKT_NO = c.TktNo)
        ORDER BY c.Seq
        OPTION (RECOMPILE, HASH JOIN);
        IF @DepTktNo IS NULL
        BEGIN
            SET @Msg = N'CPO-NUMBER-TAKEN: 1000 ticket numbers from the next ticket number onwards (up to ' + @Current + N') are already used in store ' + @StrId + N'. Set the next ticket number past the used range.';
            THROW 50459, @Msg, 1;
        END;
        IF @Peek = 'N'
        BEGIN
            IF @Method = 'S'
                UPDATE s SET s.NXT_TKT_NO = CONVERT(varchar (15), wooclr.NextDocNumber(@DepTktNo, 15))
                FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS s WHERE s.STR_ID = @StrId;
            ELSE
                UPDATE s SET s.NXT_TKT_NO = CONVERT(varchar (15), wooclr.NextDocNumber(@DepTktNo, 15))
                FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS s WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
        END;
    END;

    -- 3. DOC_ID: fnGenDocId's layout for this store, station, type O and TKT_DT; a taken id advances the variant digit.
    SELECT @StrNo = s.STR_NO FROM [$(CounterpointDb)].dbo.PS_STR AS s WHERE s.STR_ID = @StrId;
    SELECT @StaNo = s.STA_NO FROM [$(CounterpointDb)].dbo.PS_STA AS s WHERE s.STR_ID = @StrId AND s.STA_ID = @StaId;
    IF @StrNo IS NULL OR @StaNo IS NULL
    BEGIN
        SET @Msg = N'CPO-NUMBER-CONFIG: Counterpoint store ' + @StrId + N' or its station ' + @StaId + N' is missing (PS_STR.STR_NO, PS_STA.STA_NO make the DOC_ID). Fix woo.Store.CpStrId/CpStaId.';
        THROW 50457, @Msg, 1;
    END;
    SET @Candidate = wooclr.GenDocId(@StrNo, @StaNo, 'O', @TktDt, 0);
    SET @Tries = 0;
    WHILE 1 = 1
    BEGIN
        IF @Peek = 'Y'
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @Candidate) BREAK;
        END
        ELSE IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WITH (UPDLOCK, HOLDLOCK) WHERE h.DOC_ID = @Candidate) BREAK;
        SET @Tries += 1;
        IF @Tries >= 10000
            THROW 50458, N'CPO-NUMBER-DOCID: 10000 DOC_ID candidates in a row are taken (store, station, day and time); this needs a person: look at PS_DOC_HDR for this station.', 1;
        SET @Candidate = wooclr.NextDocIdCandidate(@Candidate);
    END;
    SET @DocId = @Candidate;

    -- 3b. The deposit ticket's DOC_ID: the same layout with type T (CDM 2.1: order …631 and its deposit ticket …630 share
    -- store, station, day and time and differ in the type digit), from the ticket's own TKT_DT (@DepTktDt: the write time,
    -- which after a wait for the drawer is later than the order's).
    IF @NeedDepositTicket = 'Y'
    BEGIN
        SET @Candidate = wooclr.GenDocId(@StrNo, @StaNo, 'T', ISNULL(@DepTktDt, @TktDt), 0);
        SET @Tries = 0;
        WHILE 1 = 1
        BEGIN
            IF @Peek = 'Y'
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @Candidate) BREAK;
            END
            ELSE IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WITH (UPDLOCK, HOLDLOCK) WHERE h.DOC_ID = @Candidate) BREAK;
            SET @Tries += 1;
            IF @Tries >= 10000
                THROW 50458, N'CPO-NUMBER-DOCID: 10000 deposit-ticket DOC_ID candidates in a row are taken (store, station, day and time); this needs a person: look at PS_DOC_HDR for this station.', 1;
            SET @Candidate = wooclr.NextDocIdCandidate(@Candidate);
        END;
        SET @DepDocId = @Candidate;
    END;
END;
