-- Reads, for ONE of our orders, what Counterpoint has recorded of its fulfillment (issue 15 point 2), and hands it back
-- as JSON (@Facts). Internal to woo.usp_SyncFulfillment (granted to no role; reached by ownership chaining); signed by
-- the build like every module that names [$(CounterpointDb)] (its SELECT grants are derived from this code). A
-- procedure of its own, so that a Counterpoint table or column dropped by an NCR update fails here, inside the
-- caller's TRY, and not when the caller is compiled (as woo.usp_WriteOrderDocument does for the writer).
-- Only seeks by keys we stored; never a scan of PS_DOC_HDR or of history (reads are READ COMMITTED, statement-long
-- shared locks only, no hints; the caller's LOCK_TIMEOUT makes a read that meets a POS lock fail fast and retry later):
--   1. PS_DOC_HDR by DOC_ID (PK) and DOC_GUID: the order is still open. A DOC_ID's day-of-year part repeats every
--      100 days (design 6), so a row with our DOC_ID and another DOC_GUID is another document: ours is gone. An order
--      migrated from the predecessor has no DOC_GUID stored (@DocGuid NULL): it is sought by DOC_ID, TKT_NO and
--      DOC_TYP 'O', and the GUID found is handed back (docGuid) for the caller to keep; not found: GONE.
--   2. Open (a header DOC_TYP 'V' is a void mark): its lines by DOC_ID (PK prefix): ordered (ORIG_QTY, or QTY_SOLD when ORIG_QTY is 0) and QTY_SHIPPED, which
--      grows when Counterpoint releases the order (doc-model 1.4); its audit log by DOC_ID (PK prefix) for a void
--      (DOC_TYP 'V') or a cancellation (ACTIV 'C') [obs public SQL that excludes voided orders by an audit row with
--      DOC_TYP 'V'; doc-model 3: RIV uses ACTIV C for cancel]. Only LOG_SEQ_NO, DOC_TYP and ACTIV are handed back:
--      LOG_ENTRY is free text a clerk or connector wrote (it may name the customer) and never reaches an alert (design 10).
--   3. Release tickets, only when QTY_SHIPPED grew past @QtyAnnounced, or is still more than the release tickets found
--      so far cover (@ReleaseCoveredQty: a release ticket not yet confirmable when the quantity grew - its lines
--      committed later - is looked for again on the following runs): the documents
--      PS_DOC_HDR_ORIG_DOC links to the order (ORIG_DOC_ID = our DOC_ID; doc-model 14: release -> original). Why not
--      PS_DOC_LIN.LINK_LIN_GUID = our LIN_GUID: LINK_LIN_GUID has no index (reference PK is DOC_ID, LIN_SEQ_NO), so
--      finding lines by it scans every open line. ORIG_DOC holds links of open documents only; the reference declares
--      no index on it (none is known), so on a server without one this read scans that small table - once per
--      shipment, never per run. Each candidate is confirmed by its own lines (by DOC_ID): a release ticket's lines
--      point back through LINK_LIN_GUID = our LIN_GUID (deposit-ticket mirror lines, LIN_TYP 'U', do not count).
--      @WatchReleases: release tickets found earlier and still open, re-read by DOC_ID for late tracking numbers.
--   4. Tracking numbers: PS_DOC_PKG_TRK_NO of the order and of its open release tickets, by DOC_ID, only when more
--      shipped (3) or a release ticket is watched.
--   Not open: GONE here; the caller looks in order history through woo.usp_ReadFulfillmentHistory (a procedure of its
--      own: the history tables are optional, README "Fulfillment back to the shop").
-- @Facts: {"docState":"OPEN|GONE","docGuid":...,"voidMark":...,"lines":[{seq,item,descr,ordered,shipped}],
--          "releases":[{docId,tktNo,isOpen,qty}],"tracking":[{no,docId}]}.
CREATE PROCEDURE [woo].[usp_ReadFulfillment]
    @DocId           bigint,
    @DocGuid         uniqueidentifier,
    @TktNo           varchar (15),
    @QtyAnnounced    decimal (15, 4) = 0,
    @ReleaseCoveredQty decimal (15, 4) = 0,   -- Σ QtyShipped of the release tickets already found (woo.OrderFulfillmentRelease)
    @WatchReleases   nvarchar (max) = NULL,   -- JSON array of release DOC_IDs still watched
    @Facts           nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @State varchar (10) = 'GONE', @VoidMark nvarchar (400), @ShippedMore bit = 0, @Uncovered bit = 0;
    DECLARE @Lines TABLE (LinSeqNo int NOT NULL PRIMARY KEY, LinGuid uniqueidentifier NULL, ItemNo varchar (20) NULL,
                          Descr varchar (250) NULL, Ordered decimal (15, 4) NOT NULL, Shipped decimal (15, 4) NOT NULL);
    DECLARE @Rel TABLE (DocId bigint NOT NULL PRIMARY KEY, TktNo varchar (15) NULL, IsOpen bit NOT NULL DEFAULT (0),
                        Qty decimal (15, 4) NOT NULL DEFAULT (0), Watched bit NOT NULL DEFAULT (0));
    DECLARE @Trk TABLE (TrackingNo varchar (25) NOT NULL, DocId bigint NOT NULL, PRIMARY KEY (TrackingNo, DocId));

    -- 1. Open? (DOC_TYP 'V': fnGenDocId knows a void document type, doc-model 3 - taken as a void mark too.)
    DECLARE @DocTyp varchar (1);
    IF @DocGuid IS NOT NULL
        SELECT @DocTyp = h.DOC_TYP FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId AND h.DOC_GUID = @DocGuid;
    ELSE IF @TktNo IS NOT NULL
        -- A migrated order (no DOC_GUID stored): our DOC_ID, our ticket number, an order document.
        SELECT @DocTyp = h.DOC_TYP, @DocGuid = h.DOC_GUID
        FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId AND h.TKT_NO = @TktNo AND h.DOC_TYP = 'O';
    IF @DocTyp IS NOT NULL
    BEGIN
        SET @State = 'OPEN';
        IF @DocTyp = 'V'
            SET @VoidMark = N'PS_DOC_HDR.DOC_TYP V';
        -- 2. Lines and void marks.
        INSERT INTO @Lines (LinSeqNo, LinGuid, ItemNo, Descr, Ordered, Shipped)
        SELECT l.LIN_SEQ_NO, l.LIN_GUID, l.ITEM_NO, l.DESCR,
               CASE WHEN l.ORIG_QTY > 0 THEN l.ORIG_QTY ELSE l.QTY_SOLD END, l.QTY_SHIPPED
        FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l
        WHERE l.DOC_ID = @DocId;
        SELECT TOP (1) @VoidMark = ISNULL(@VoidMark + N'; ', N'') + N'audit log LOG_SEQ_NO ' + CONVERT(nvarchar (10), a.LOG_SEQ_NO)
                                   + N' (DOC_TYP ' + ISNULL(a.DOC_TYP, N'?') + N', ACTIV ' + ISNULL(a.ACTIV, N'?') + N')'
        FROM [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG AS a
        WHERE a.DOC_ID = @DocId AND (a.DOC_TYP = 'V' OR a.ACTIV = 'C')
        ORDER BY a.LOG_SEQ_NO DESC;

        -- 3. Release tickets (only when something new shipped), plus the ones still watched.
        DECLARE @ShippedNow decimal (15, 4) = (SELECT ISNULL(SUM(CASE WHEN l.Shipped > l.Ordered THEN l.Ordered ELSE l.Shipped END), 0) FROM @Lines AS l);
        SELECT @ShippedMore = CASE WHEN @ShippedNow > ISNULL(@QtyAnnounced, 0) THEN 1 ELSE 0 END,
               @Uncovered = CASE WHEN @ShippedNow > ISNULL(@ReleaseCoveredQty, 0) THEN 1 ELSE 0 END;
        IF @ShippedMore = 1 OR @Uncovered = 1
            INSERT INTO @Rel (DocId)
            SELECT DISTINCT o.DOC_ID
            FROM [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC AS o
            WHERE o.ORIG_DOC_ID = @DocId AND o.DOC_ID <> @DocId;
        INSERT INTO @Rel (DocId, Watched)
        SELECT DISTINCT w.DocId, 1
        FROM OPENJSON(ISNULL(@WatchReleases, N'[]')) WITH (DocId bigint N'$') AS w
        WHERE w.DocId IS NOT NULL AND w.DocId <> @DocId AND NOT EXISTS (SELECT 1 FROM @Rel AS r WHERE r.DocId = w.DocId);
        UPDATE r SET r.Watched = 1
        FROM @Rel AS r
        WHERE EXISTS (SELECT 1 FROM OPENJSON(ISNULL(@WatchReleases, N'[]')) WITH (DocId bigint N'$') AS w WHERE w.DocId = r.DocId);

        -- Each candidate by its DOC_ID: still open, and what its lines linked to ours shipped.
        UPDATE r SET r.IsOpen = 1, r.TktNo = h.TKT_NO
        FROM @Rel AS r
        JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = r.DocId;
        UPDATE r SET r.Qty = ISNULL(x.Qty, 0)
        FROM @Rel AS r
        CROSS APPLY (SELECT SUM(l.QTY_SOLD) AS Qty
                     FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l
                     WHERE l.DOC_ID = r.DocId AND l.LIN_TYP <> 'U'
                       AND l.LINK_LIN_GUID IN (SELECT o.LinGuid FROM @Lines AS o WHERE o.LinGuid IS NOT NULL)) AS x
        WHERE r.IsOpen = 1;
        -- Not a release of this order (a deposit ticket, a return), or a watched one that is posted now: kept only
        -- when watched, so the caller can close it.
        DELETE r FROM @Rel AS r WHERE r.Watched = 0 AND (r.IsOpen = 0 OR r.Qty <= 0);

        -- 4. Tracking numbers of the order and of its open release tickets (when a shipment is to be announced, or a
        --    release ticket is open: never on a run where nothing moved).
        IF @ShippedMore = 1 OR EXISTS (SELECT 1 FROM @Rel AS r WHERE r.IsOpen = 1)
            INSERT INTO @Trk (TrackingNo, DocId)
            SELECT DISTINCT LTRIM(RTRIM(t.PKG_TRK_NO)), t.DOC_ID
            FROM [$(CounterpointDb)].dbo.PS_DOC_PKG_TRK_NO AS t
            WHERE (t.DOC_ID = @DocId OR t.DOC_ID IN (SELECT r.DocId FROM @Rel AS r WHERE r.IsOpen = 1))
              AND t.PKG_TRK_NO IS NOT NULL AND LTRIM(RTRIM(t.PKG_TRK_NO)) <> '';
    END
    ELSE
        -- Not open (posted, voided or gone): watched release tickets are posted or gone with it, handed back closed.
        INSERT INTO @Rel (DocId, Watched)
        SELECT DISTINCT w.DocId, 1
        FROM OPENJSON(ISNULL(@WatchReleases, N'[]')) WITH (DocId bigint N'$') AS w
        WHERE w.DocId IS NOT NULL;

    SET @Facts = (
        SELECT @State AS docState, CASE WHEN @State = 'OPEN' THEN @DocGuid END AS docGuid, @VoidMark AS voidMark,
               JSON_QUERY(ISNULL((SELECT l.LinSeqNo AS seq, l.ItemNo AS item, l.Descr AS descr, l.Ordered AS ordered, l.Shipped AS shipped
                                  FROM @Lines AS l ORDER BY l.LinSeqNo FOR JSON PATH), N'[]')) AS lines,
               JSON_QUERY(ISNULL((SELECT r.DocId AS docId, r.TktNo AS tktNo, CONVERT(bit, r.IsOpen) AS isOpen, r.Qty AS qty
                                  FROM @Rel AS r ORDER BY r.DocId FOR JSON PATH), N'[]')) AS releases,
               JSON_QUERY(ISNULL((SELECT t.TrackingNo AS [no], t.DocId AS docId
                                  FROM @Trk AS t ORDER BY t.DocId, t.TrackingNo FOR JSON PATH), N'[]')) AS tracking
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
END;
