-- Health (issue 15 point 6): every health check as one row (Area, CheckName, StoreId, Status, Reason); Status is OK,
-- INFO (nothing to do), WARNING (look today), CRITICAL (orders or messages are stuck or lost until someone acts) or
-- UNKNOWN (this caller cannot see it and no valid record exists: never reported as OK). woo.HealthSummary folds it into
-- one row. Limits (minutes; the same for every install, README "Health"):
--   pull watermark lag > 30 WARNING, > 1440 CRITICAL (enabled stores); due orders overdue > 15 WARNING, > 240 CRITICAL;
--   stock sync (enabled rule) no success > 60 WARNING, > 1440 CRITICAL; catalog read > 180, full read > 2880 WARNING;
--   dead orders or dead outbound messages CRITICAL; parked orders, SKU problems, failed stock items, outbox overdue > 60
--   WARNING; open CRITICAL / WARNING alerts as such; steps as woo.HealthStep; server facts as woo.HealthServer.
CREATE VIEW [woo].[HealthCheck]
AS
SELECT 'STEP' AS Area, st.Step AS CheckName, CONVERT(varchar (10), NULL) AS StoreId,
       CASE WHEN st.[Status] = 'NEVER RUN' THEN 'INFO' ELSE st.[Status] END AS [Status], st.Reason
FROM woo.HealthStep AS st
UNION ALL
SELECT 'STORE', c.CheckName, s.StoreId, c.[Status], c.Reason
FROM woo.HealthStore AS s
CROSS APPLY (VALUES
    ('pull_watermark',
     CASE WHEN s.IsEnabled = 'N' THEN 'INFO' WHEN s.PullWatermarkUtc IS NULL THEN 'WARNING'
          WHEN s.WatermarkLagMinutes > 1440 THEN 'CRITICAL' WHEN s.WatermarkLagMinutes > 30 THEN 'WARNING' ELSE 'OK' END,
     CASE WHEN s.IsEnabled = 'N' THEN N'store disabled: not pulled'
          WHEN s.PullWatermarkUtc IS NULL THEN N'no watermark: nothing is pulled until one is set (woo.usp_SetStore @PullWatermarkUtc, README cutover)'
          ELSE N'orders modified since ' + CONVERT(nvarchar (30), s.PullWatermarkUtc, 126) + N' UTC not pulled yet (lag ' + CONVERT(nvarchar (10), s.WatermarkLagMinutes)
               + N' min); last successful pull ' + ISNULL(CONVERT(nvarchar (30), s.LastPullSuccessAtUtc, 126) + N' UTC', N'never') END),
    ('orders_overdue',
     CASE WHEN s.OrdersDue = 0 OR s.OldestOverdueMinutes <= 15 THEN 'OK' WHEN s.OldestOverdueMinutes > 240 THEN 'CRITICAL' ELSE 'WARNING' END,
     CONVERT(nvarchar (10), s.OrdersDue) + N' order(s) due for processing'
     + CASE WHEN s.OrdersDue > 0 THEN N', the oldest overdue by ' + CONVERT(nvarchar (10), s.OldestOverdueMinutes) + N' min (is the processing step running?)' ELSE N'' END),
    ('orders_dead',
     CASE WHEN s.OrdersDead > 0 THEN 'CRITICAL' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.OrdersDead) + N' dead order(s)'
     + CASE WHEN s.OrdersDead > 0 THEN N': they never reach Counterpoint until a person acts (SELECT * FROM woo.OrderQueue WHERE [State] = ''DEAD''; woo.usp_RequeueOrder or woo.usp_SkipOrder)' ELSE N'' END),
    ('orders_parked',
     CASE WHEN s.OrdersParked > 0 THEN 'WARNING' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.OrdersParked) + N' parked order(s)'
     + CASE WHEN s.OrdersParked > 0 THEN N' wait for a person (LastErrorCode says why; README "Requeue or skip")' ELSE N'' END),
    ('outbox_dead',
     CASE WHEN s.OutboxDead > 0 THEN 'CRITICAL' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.OutboxDead) + N' dead outbound message(s)'
     + CASE WHEN s.OutboxDead > 0 THEN N': the shop was not told (SELECT * FROM woo.Outbox WHERE [State] = ''DEAD'')' ELSE N'' END),
    ('outbox_backlog',
     CASE WHEN s.OutboxBacklog > 0 AND s.OutboxOldestOverdueMinutes > 60 THEN 'WARNING' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.OutboxBacklog) + N' message(s) waiting to be sent'
     + CASE WHEN s.OutboxOldestOverdueMinutes IS NOT NULL THEN N', the oldest overdue by ' + CONVERT(nvarchar (10), s.OutboxOldestOverdueMinutes) + N' min' ELSE N'' END),
    ('stock_sync',
     CASE WHEN s.StockSyncEnabled = 'N' OR s.IsEnabled = 'N' THEN 'INFO' WHEN s.LastStockSuccessAtUtc IS NULL THEN 'WARNING'
          WHEN s.StockLagMinutes > 1440 THEN 'CRITICAL' WHEN s.StockLagMinutes > 60 THEN 'WARNING' ELSE 'OK' END,
     CASE WHEN s.StockSyncEnabled = 'N' OR s.IsEnabled = 'N' THEN N'no stock sync for this store (no enabled stock rule)'
          WHEN s.LastStockSuccessAtUtc IS NULL THEN N'stock sync enabled but never succeeded'
          ELSE N'last successful stock push ' + CONVERT(nvarchar (30), s.LastStockSuccessAtUtc, 126) + N' UTC (lag ' + CONVERT(nvarchar (10), s.StockLagMinutes) + N' min)' END),
    ('catalog_read',
     CASE WHEN s.StockSyncEnabled = 'N' OR s.IsEnabled = 'N' THEN 'INFO'
          WHEN s.LastCatalogReadAtUtc IS NULL OR DATEDIFF(MINUTE, s.LastCatalogReadAtUtc, SYSUTCDATETIME()) > 180
               OR s.LastFullCatalogReadAtUtc IS NULL OR DATEDIFF(MINUTE, s.LastFullCatalogReadAtUtc, SYSUTCDATETIME()) > 2880 THEN 'WARNING' ELSE 'OK' END,
     N'last catalog read ' + ISNULL(CONVERT(nvarchar (30), s.LastCatalogReadAtUtc, 126) + N' UTC', N'never') + N', last full read '
     + ISNULL(CONVERT(nvarchar (30), s.LastFullCatalogReadAtUtc, 126) + N' UTC', N'never') + N' (woo.usp_ReadCatalog)'),
    ('sku_problems',
     CASE WHEN s.SkuProblems > 0 THEN 'WARNING' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.SkuProblems) + N' SKU problem(s), ' + CONVERT(nvarchar (10), s.UnmatchedSkus) + N' unmatched'
     + CASE WHEN s.SkuProblems > 0 THEN N': these products get no stock from CpOrders (SELECT * FROM woo.SkuProblem)' ELSE N'' END),
    ('stock_items_failed',
     CASE WHEN s.FailedStockItems > 0 THEN 'WARNING' ELSE 'OK' END,
     CONVERT(nvarchar (10), s.FailedStockItems) + N' stock item(s) failing in the shop, ' + CONVERT(nvarchar (10), s.StockItemsAtMaxAttempts)
     + N' at the store''s MaxAttempts (retried daily)'
     + CASE WHEN s.FailedStockItems > 0 THEN N' (SELECT * FROM woo.CatalogItem WHERE LastErrorCode IS NOT NULL)' ELSE N'' END)
) AS c (CheckName, [Status], Reason)
UNION ALL
SELECT 'ALERT', 'open_' + LOWER(v.Severity) + '_alerts', NULL,
       CASE WHEN a.OpenAlerts IS NULL OR v.Severity = 'INFO' THEN 'OK' ELSE v.Severity END,
       ISNULL(CONVERT(nvarchar (20), a.OpenAlerts), N'0') + N' open ' + v.Severity + N' alert(s)'
       + ISNULL(N': ' + a.Codes + N' (SELECT * FROM woo.Alert WHERE AcknowledgedAtUtc IS NULL)', N'')
FROM (VALUES ('CRITICAL'), ('WARNING'), ('INFO')) AS v (Severity)
LEFT JOIN woo.HealthAlert AS a ON a.Severity = v.Severity
UNION ALL
SELECT 'SERVER', sv.CheckName, NULL, sv.[Status], sv.Reason
FROM woo.HealthServer AS sv;
