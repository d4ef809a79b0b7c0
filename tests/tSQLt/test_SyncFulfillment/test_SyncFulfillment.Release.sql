-- Helper (not a test): what Counterpoint does when it releases order @DocId: a release ticket @ReleaseDocId (a new
-- document, DOC_TYP 'T', IS_REL_TKT 'Y', TKT_NO '<order number>-nn') linked to the order through PS_DOC_HDR_ORIG_DOC,
-- whose sale lines point back to the order lines through LINK_LIN_GUID, the order lines' QTY_SHIPPED grown by what
-- was released, and up to two tracking numbers on the release ticket (PS_DOC_PKG_TRK_NO), doc-model 1.4 and 14.
CREATE PROCEDURE [test_SyncFulfillment].[Release]
    @DocId         bigint,
    @ReleaseDocId  bigint,
    @QtyA          decimal (15, 4),
    @QtyB          decimal (15, 4),
    @Tracking1     varchar (25) = NULL,
    @Tracking2     varchar (25) = NULL
AS
BEGIN
    DECLARE @TktNo varchar (15) = (SELECT h.TKT_NO FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId);
    DECLARE @RelTktNo varchar (15) = @TktNo + '-0' + RIGHT(CONVERT(varchar (20), @ReleaseDocId), 1);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR (DOC_ID, STR_ID, STA_ID, TKT_NO, DOC_TYP, DOC_GUID, SAL_LINS, IS_REL_TKT, TKT_DT)
    VALUES (@ReleaseDocId, 'T15F', '1', @RelTktNo, 'T', NEWID(), 2, 'Y', '2026-12-02T09:00:00');
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR_ORIG_DOC (DOC_ID, ORIG_DOC_ID) VALUES (@ReleaseDocId, @DocId);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_LIN (DOC_ID, LIN_SEQ_NO, STR_ID, STA_ID, TKT_NO, LIN_TYP, ITEM_NO, DESCR, QTY_SOLD, PRC, EXT_PRC,
                                                    GROSS_EXT_PRC, CALC_EXT_PRC, LIN_GUID, LINK_LIN_GUID)
    SELECT @ReleaseDocId, l.LIN_SEQ_NO, 'T15F', '1', @RelTktNo, 'S', l.ITEM_NO, l.DESCR, x.Qty, l.PRC, CONVERT(decimal (15, 2), x.Qty * l.PRC),
           CONVERT(decimal (15, 2), x.Qty * l.PRC), CONVERT(decimal (15, 2), x.Qty * l.PRC), NEWID(), l.LIN_GUID
    FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l
    CROSS APPLY (SELECT CASE l.LIN_SEQ_NO WHEN 1 THEN @QtyA ELSE @QtyB END AS Qty) AS x
    WHERE l.DOC_ID = @DocId AND x.Qty > 0;
    UPDATE l SET l.QTY_SHIPPED = l.QTY_SHIPPED + CASE l.LIN_SEQ_NO WHEN 1 THEN @QtyA ELSE @QtyB END
    FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l
    WHERE l.DOC_ID = @DocId;
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_PKG_TRK_NO (DOC_ID, PKG_TRK_NO)
    SELECT @ReleaseDocId, t.No FROM (VALUES (@Tracking1), (@Tracking2)) AS t (No) WHERE t.No IS NOT NULL;
END;
