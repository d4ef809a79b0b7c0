-- Internal (granted to no role; reached from woo.usp_Reconcile by ownership chaining), signed like every module that
-- reads the Counterpoint database (design 1; the build derives its grants: SELECT on the three tables). Reads the
-- documents CpOrders wrote, by their DOC_ID only (point seeks on the primary keys, never a scan of PS_DOC_HDR): the
-- header's type and ticket, the order totals row 'O' and Σ of the payment rows. @DocIdsJson is [{"DocId":n},...];
-- @DocsJson comes back as [{"DOC_ID","DOC_TYP","TKT_NO","TOT","TAX_AMT","TOT_MISC","SUB_TOT","TOT_LIN_DISC",
-- "TOT_HDR_DISC","PAYMENTS"}] for the documents still in PS_DOC_HDR (a posted or voided one is absent).
CREATE PROCEDURE [woo].[usp_GatherReconcileDocs]
    @DocIdsJson nvarchar (max),
    @DocsJson   nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Docs TABLE (DocId bigint NOT NULL PRIMARY KEY);
    INSERT INTO @Docs (DocId)
    SELECT DISTINCT j.DocId FROM OPENJSON(ISNULL(@DocIdsJson, N'[]')) WITH (DocId bigint '$.DocId') AS j WHERE j.DocId IS NOT NULL;

    SET @DocsJson = ISNULL((
        SELECT h.DOC_ID, h.DOC_TYP, h.TKT_NO, t.TOT, t.TAX_AMT, t.TOT_MISC, t.SUB_TOT, t.TOT_LIN_DISC, t.TOT_HDR_DISC,
               (SELECT SUM(p.AMT) FROM [$(CounterpointDb)].dbo.PS_DOC_PMT AS p WHERE p.DOC_ID = h.DOC_ID) AS PAYMENTS
        FROM @Docs AS d
        JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = d.DocId
        LEFT JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t ON t.DOC_ID = h.DOC_ID AND t.TOT_TYP = 'O'
        ORDER BY h.DOC_ID
        FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]');
    RETURN 0;
END;
