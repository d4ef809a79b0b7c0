-- Reads, for ONE of our orders no longer open in PS_DOC_HDR, whether Counterpoint's order history holds it (issue 15
-- point 2), and hands back its lines as JSON (@Facts). Internal to woo.usp_SyncFulfillment (granted to no role; reached
-- by ownership chaining); signed by the build like every module that names [$(CounterpointDb)]. A procedure of its own
-- because PS_ORD_HIST and PS_ORD_HIST_LIN are modelled from public evidence only and are OPTIONAL at deploy (like the
-- predecessor's USER_* tables): when they or a column read here differ on a server, only this procedure fails to
-- compile, and woo.usp_SyncFulfillment (which checks their columns first and calls this only when they are usable) keeps
-- following open orders.
-- Two narrow BUS_DAT ranges, each with DOC_ID and TKT_NO (a seek on the inferred (BUS_DAT, DOC_ID) key, never a scan):
-- around the order's entry (@AppliedAtUtc, in case BUS_DAT is the order's own business date, as PS_TKT_HIST.BUS_DAT is
-- the ticket's) and from the last run that saw it open until now (the posting's business date, back-dated postings
-- included), both two days either side (business dates are local). Lines: by the header's BUS_DAT and DOC_ID (ordered:
-- ORIG_QTY, which our writer sets; a line without it counts as shipped as recorded).
-- @Facts: {"docState":"HISTORY|GONE","lines":[{seq,item,descr,ordered,shipped}]}.
CREATE PROCEDURE [woo].[usp_ReadFulfillmentHistory]
    @DocId            bigint,
    @TktNo            varchar (15),
    @AppliedAtUtc     datetime2 (0),
    @LastSeenOpenUtc  datetime2 (0) = NULL,
    @Facts            nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @BusDat datetime, @From1 datetime, @To1 datetime, @From2 datetime, @To2 datetime;
    DECLARE @Lines TABLE (LinSeqNo int NOT NULL PRIMARY KEY, ItemNo varchar (20) NULL, Ordered decimal (15, 4) NOT NULL, Shipped decimal (15, 4) NOT NULL);
    SELECT @From1 = CONVERT(datetime, CONVERT(date, DATEADD(DAY, -2, @AppliedAtUtc))),
           @To1 = CONVERT(datetime, CONVERT(date, DATEADD(DAY, 2, @AppliedAtUtc))),
           @From2 = CONVERT(datetime, CONVERT(date, DATEADD(DAY, -2, ISNULL(@LastSeenOpenUtc, @AppliedAtUtc)))),
           @To2 = CONVERT(datetime, CONVERT(date, DATEADD(DAY, 2, SYSUTCDATETIME())));
    -- 1. From the last sighting open to now (the usual case: posted after we last saw it).
    SELECT TOP (1) @BusDat = oh.BUS_DAT
    FROM [$(CounterpointDb)].dbo.PS_ORD_HIST AS oh
    WHERE oh.BUS_DAT >= @From2 AND oh.BUS_DAT <= @To2 AND oh.DOC_ID = @DocId AND oh.TKT_NO = @TktNo
    ORDER BY oh.BUS_DAT DESC;
    -- 2. Around the order's entry (BUS_DAT may be the order's own business date).
    IF @BusDat IS NULL
        SELECT TOP (1) @BusDat = oh.BUS_DAT
        FROM [$(CounterpointDb)].dbo.PS_ORD_HIST AS oh
        WHERE oh.BUS_DAT >= @From1 AND oh.BUS_DAT <= @To1 AND oh.DOC_ID = @DocId AND oh.TKT_NO = @TktNo
        ORDER BY oh.BUS_DAT DESC;
    IF @BusDat IS NOT NULL
        INSERT INTO @Lines (LinSeqNo, ItemNo, Ordered, Shipped)
        SELECT hl.LIN_SEQ_NO, hl.ITEM_NO, CASE WHEN hl.ORIG_QTY > 0 THEN hl.ORIG_QTY ELSE hl.QTY_SHIPPED END, hl.QTY_SHIPPED
        FROM [$(CounterpointDb)].dbo.PS_ORD_HIST_LIN AS hl
        WHERE hl.BUS_DAT = @BusDat AND hl.DOC_ID = @DocId;

    SET @Facts = (
        SELECT CASE WHEN @BusDat IS NULL THEN 'GONE' ELSE 'HISTORY' END AS docState,
               JSON_QUERY(ISNULL((SELECT l.LinSeqNo AS seq, l.ItemNo AS item, CONVERT(nvarchar (250), NULL) AS descr, l.Ordered AS ordered, l.Shipped AS shipped
                                  FROM @Lines AS l ORDER BY l.LinSeqNo FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]')) AS lines
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
END;
