-- Review r15 findings 6 and 8. The store's pull watermark (10:30 on 2026-12-01) is behind the end of the range: the
-- sale 603 (modified 11:00, not in the queue) is listed INFO CPO-RECON-NOT-YET-PULLED, not MISSING, and the run is
-- WARNING with a note naming the watermark (the old code ended OK-or-findings with the note absent and 603 silently
-- excluded). Order 602's queue row carries a DOC_GUID that is not the one of the document now holding its DOC_ID (a
-- DOC_ID reused 100 days later): its totals are NOT compared with that other document (old code: CPO-RECON-TOTAL and
-- -LINES against it); it reads as no longer open.
CREATE PROCEDURE [test_Reconcile].[test a pull watermark behind the range makes the run incomplete and another document under our DOC_ID is not compared]
AS
BEGIN
    EXEC [test_Reconcile].[Arrange];
    UPDATE woo.Store SET PullWatermarkUtc = '2026-12-01T10:30:00' WHERE StoreId = 'WEB';
    UPDATE woo.OrderQueue SET DocGuid = NEWID() WHERE WooOrderId = 602;
    UPDATE q SET q.DocGuid = h.DOC_GUID
    FROM woo.OrderQueue AS q JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = q.DocId
    WHERE q.WooOrderId = 601;
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 601, N'processing', '2026-12-01T09:00:00', [test_Reconcile].[OrderJson](601, N'processing', N'30.00', N'2026-12-01T08:00:00', N'2026-12-01T09:00:00'), 1, 200),
           (2, N'order', 602, N'processing', '2026-12-01T10:00:00', [test_Reconcile].[OrderJson](602, N'processing', N'26.00', N'2026-12-01T08:30:00', N'2026-12-01T10:00:00'), 1, 200),
           (3, N'order', 603, N'processing', '2026-12-01T11:00:00', [test_Reconcile].[OrderJson](603, N'processing', N'12.00', N'2026-12-01T11:00:00', N'2026-12-01T11:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (4, N'end', 1, 200, 1, 0, '2026-12-02T12:30:00');

    EXEC woo.usp_Reconcile @StoreId = 'WEB', @FromUtc = '2026-12-01T00:00:00', @ToUtc = '2026-12-02T00:00:00';

    SELECT f.WooOrderId, f.Code, f.Severity INTO #Actual FROM woo.ReconcileFinding AS f;
    CREATE TABLE #Expected (WooOrderId bigint, Code varchar (40), Severity varchar (10));
    INSERT INTO #Expected (WooOrderId, Code, Severity)
    VALUES (603, 'CPO-RECON-NOT-YET-PULLED', 'INFO'),
           (602, 'CPO-RECON-DOC-NOT-OPEN', 'INFO');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog AS r WHERE r.Step = 'RECONCILE' AND r.Outcome = 'WARNING' AND r.ErrorCode = 'CPO-RECON-INCOMPLETE'
                                                     AND r.ErrorMessage LIKE N'%pull watermark is at 2026-12-01T10:30:00%')
        EXEC tSQLt.Fail N'the run is not logged RECONCILE WARNING CPO-RECON-INCOMPLETE with the watermark named';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-RECON-INCOMPLETE' AND StoreId = 'WEB');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one alert for the run';
END;
