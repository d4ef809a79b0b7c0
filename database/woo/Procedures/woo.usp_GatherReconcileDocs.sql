-- Internal (granted to no role; reached from woo.usp_Reconcile by ownership chaining), signed like every module that
-- reads the Counterpoint database (design 1; the build derives its grants: SELECT on the three tables). Reads the
-- documents CpOrders wrote, by DOC_ID (point seeks on the primary keys, never a scan of PS_DOC_HDR) AND their identity:
-- a DOC_ID's day-of-year part repeats every 100 days (design 6), so the header must also carry our DOC_GUID, or - for a
-- row migrated without one - our TKT_NO and DOC_TYP 'O'; another document under our DOC_ID is never compared. The
-- header's type and ticket, the order totals row 'O' and Σ of the payment rows. @DocIdsJson is
-- [{"DocId":n,"DocGuid":g,"TktNo":t},...]; @DocsJson comes back as [{"DOC_ID","DOC_TYP","TKT_NO","TOT","TAX_AMT",
-- "TOT_MISC","SUB_TOT","TOT_LIN_DISC","TOT_HDR_DISC","PAYMENTS"}] for our documents still in PS_DOC_HDR (a posted or
-- voided one is absent). The caller sets LOCK_TIMEOUT and DEADLOCK_PRIORITY LOW (they carry into this procedure).
CREATE PROCEDURE [woo].[usp_GatherReconcileDocs]
    @DocIdsJson nvarchar (max),
    @DocsJson   nvarchar (max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Docs TABLE (DocId bigint NOT NULL PRIMARY KEY, DocGuid uniqueidentifier NULL, TktNo varchar (15) NULL);
    INSERT INTO @Docs (DocId, DocGuid, TktNo)
    SELECT j.DocId, MAX(j.DocGuid), MAX(j.TktNo)
    FROM OPENJSON(ISNULL(@DocIdsJson, N'[]')) WITH (DocId bigint '$.DocId', DocGuid uniqueidentifier '$.DocGuid', TktNo varchar (15) '$.TktNo') AS j
    WHERE j.DocId IS NOT NULL
    GROUP BY j.DocId;

    SET @DocsJson = ISNULL((
        SELECT h.DOC_ID, h.DOC_TYP, h.TKT_NO, t.TOT, t.TAX_AMT, t.TOT_MISC, t.SUB_TOT, t.TOT_LIN_DISC, t.TOT_HDR_DISC,
               (SELECT SUM(p.AMT) FROM [$(CounterpointDb)].dbo.PS_DOC_PMT AS p WHERE p.DOC_ID = h.DOC_ID) AS PAYMENTS
        FROM @Docs AS d
        JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h
          ON h.DOC_ID = d.DocId
         AND (h.DOC_GUID = d.DocGuid OR (d.DocGuid IS NULL AND h.TKT_NO = d.TktNo AND h.DOC_TYP = 'O'))
        LEFT JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT AS t ON t.DOC_ID = h.DOC_ID AND t.TOT_TYP = 'O'
        ORDER BY h.DOC_ID
        FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]');
    RETURN 0;
END;
