-- Helper (not a test): what Counterpoint's posting does to order @DocId once it is closed: its header and lines leave
-- the open tables (PS_DOC_HDR, PS_DOC_LIN) for order history (PS_ORD_HIST, PS_ORD_HIST_LIN, business date @BusDat),
-- keeping DOC_ID, TKT_NO, ORIG_QTY and QTY_SHIPPED (doc-model 1.1; references/Counterpoint PS_ORD_HIST*). @ToHistory = 0:
-- the document just disappears (a cancellation or void that leaves no history).
CREATE PROCEDURE [test_SyncFulfillment].[PostOrder]
    @DocId      bigint,
    @BusDat     datetime,
    @ToHistory  bit = 1
AS
BEGIN
    IF @ToHistory = 1
    BEGIN
        INSERT INTO [$(CounterpointDb)].dbo.PS_ORD_HIST (BUS_DAT, DOC_ID, STR_ID, TKT_NO, TKT_DT)
        SELECT @BusDat, h.DOC_ID, h.STR_ID, h.TKT_NO, h.TKT_DT FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId;
        INSERT INTO [$(CounterpointDb)].dbo.PS_ORD_HIST_LIN (BUS_DAT, DOC_ID, LIN_SEQ_NO, TKT_NO, ITEM_NO, ORIG_QTY, QTY_SHIPPED)
        SELECT @BusDat, l.DOC_ID, l.LIN_SEQ_NO, l.TKT_NO, l.ITEM_NO, l.ORIG_QTY, l.QTY_SHIPPED
        FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l WHERE l.DOC_ID = @DocId;
    END;
    DELETE FROM [$(CounterpointDb)].dbo.PS_DOC_LIN WHERE DOC_ID = @DocId;
    DELETE FROM [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG WHERE DOC_ID = @DocId;
    DELETE FROM [$(CounterpointDb)].dbo.PS_DOC_HDR WHERE DOC_ID = @DocId;
END;
