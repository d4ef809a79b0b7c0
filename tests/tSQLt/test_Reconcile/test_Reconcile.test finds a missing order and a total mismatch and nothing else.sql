-- The shop shows, created on 2026-12-01: 601 (matches its document), 602 (26.00, its document says 25.00), 603 (a sale
-- CpOrders never queued), 604 (pending: not a sale), and 605 created the day before (outside the range). Exactly the
-- missing order and the total mismatch are found (602's line totals differ with its total), recorded under the run,
-- logged RECONCILE WARNING, and raised as one alert.
CREATE PROCEDURE [test_Reconcile].[test finds a missing order and a total mismatch and nothing else]
AS
BEGIN
    EXEC [test_Reconcile].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 605, N'processing', '2026-12-01T01:00:00', [test_Reconcile].[OrderJson](605, N'processing', N'9.00', N'2026-11-30T23:00:00', N'2026-12-01T01:00:00'), 1, 200),
           (2, N'order', 601, N'processing', '2026-12-01T09:00:00', [test_Reconcile].[OrderJson](601, N'processing', N'30.00', N'2026-12-01T08:00:00', N'2026-12-01T09:00:00'), 1, 200),
           (3, N'order', 602, N'processing', '2026-12-01T10:00:00', [test_Reconcile].[OrderJson](602, N'processing', N'26.00', N'2026-12-01T08:30:00', N'2026-12-01T10:00:00'), 1, 200),
           (4, N'order', 603, N'processing', '2026-12-01T11:00:00', [test_Reconcile].[OrderJson](603, N'processing', N'12.00', N'2026-12-01T11:00:00', N'2026-12-01T11:00:00'), 1, 200),
           (5, N'order', 604, N'pending', '2026-12-01T12:00:00', [test_Reconcile].[OrderJson](604, N'pending', N'5.00', N'2026-12-01T12:00:00', N'2026-12-01T12:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (6, N'end', 1, 200, 1, 0, '2026-12-02T12:30:00');

    EXEC woo.usp_Reconcile @StoreId = 'WEB', @FromUtc = '2026-12-01T00:00:00', @ToUtc = '2026-12-02T00:00:00';

    SELECT f.WooOrderId, f.Code, f.Severity, f.DocId, f.ShopValue, f.CounterpointValue INTO #Actual FROM woo.ReconcileFinding AS f;
    CREATE TABLE #Expected (WooOrderId bigint, Code varchar (40), Severity varchar (10), DocId bigint, ShopValue decimal (19, 4), CounterpointValue decimal (19, 4));
    INSERT INTO #Expected (WooOrderId, Code, Severity, DocId, ShopValue, CounterpointValue)
    VALUES (603, 'CPO-RECON-MISSING', 'WARNING', NULL, NULL, NULL),
           (602, 'CPO-RECON-TOTAL', 'WARNING', 915000000002, 26.00, 25.00),
           (602, 'CPO-RECON-LINES', 'WARNING', 915000000002, 26.00, 25.00);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    IF NOT EXISTS (SELECT 1 FROM woo.RunLog AS r JOIN woo.ReconcileFinding AS f ON f.RunId = r.RunId
                   WHERE r.Step = 'RECONCILE' AND r.Outcome = 'WARNING' AND r.OrdersRead = 4)
        EXEC tSQLt.Fail N'the run is not logged RECONCILE WARNING with the 4 orders created in the range, or the findings are not under it';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert WHERE Code = 'CPO-RECON-FINDINGS' AND StoreId = 'WEB');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one alert for the run';
    -- The spy's log table exists only at run time (tSQLt.SpyProcedure): read through dynamic SQL.
    CREATE TABLE #Spied (Calls int NOT NULL);
    EXEC (N'INSERT INTO #Spied (Calls) SELECT COUNT(*) FROM woo.usp_WooGetOrders_SpyProcedureLog WHERE ModifiedAfterUtc = ''2026-12-01T00:00:00'';');
    DECLARE @Spied int = (SELECT Calls FROM #Spied);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Spied, @Message = N'the shop is read once, from @FromUtc';
END;
