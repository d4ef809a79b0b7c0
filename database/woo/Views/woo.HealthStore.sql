-- Health (issue 15 point 6, issue 14 point 7): one row per store with the numbers an operator watches: how far the pull
-- is behind (watermark lag), orders due but not processed, orders waiting for a person, the stock sync's lag, SKU
-- problems and failed stock items, and the outbox backlog and dead letters. woo.HealthCheck turns them into statuses.
CREATE VIEW [woo].[HealthStore]
AS
SELECT s.StoreId,
       s.IsEnabled,
       s.PullWatermarkUtc,
       DATEDIFF(MINUTE, s.PullWatermarkUtc, SYSUTCDATETIME()) AS WatermarkLagMinutes,
       p.LastPullAtUtc,
       p.LastPullSuccessAtUtc,
       ISNULL(q.OrdersDue, 0) AS OrdersDue,
       q.OldestOverdueMinutes,
       ISNULL(q.OrdersRetrying, 0) AS OrdersRetrying,
       ISNULL(q.OrdersParked, 0) AS OrdersParked,
       ISNULL(q.OrdersDead, 0) AS OrdersDead,
       ISNULL(q.ChangedAfterApply, 0) AS ChangedAfterApply,
       CASE WHEN r.StoreId IS NOT NULL AND r.IsEnabled = 'Y' THEN 'Y' ELSE 'N' END AS StockSyncEnabled,
       k.LastStockSuccessAtUtc,
       DATEDIFF(MINUTE, k.LastStockSuccessAtUtc, SYSUTCDATETIME()) AS StockLagMinutes,
       w.LastReadAtUtc AS LastCatalogReadAtUtc,
       w.LastFullReadAtUtc AS LastFullCatalogReadAtUtc,
       ISNULL(sp.SkuProblems, 0) AS SkuProblems,
       ISNULL(sp.UnmatchedSkus, 0) AS UnmatchedSkus,
       ISNULL(ci.FailedStockItems, 0) AS FailedStockItems,
       ISNULL(ci.StockItemsAtMaxAttempts, 0) AS StockItemsAtMaxAttempts,
       ISNULL(ob.OutboxBacklog, 0) AS OutboxBacklog,
       ob.OutboxOldestOverdueMinutes,
       ISNULL(ob.OutboxDead, 0) AS OutboxDead
FROM woo.Store AS s
OUTER APPLY (SELECT MAX(l.StartedAtUtc) AS LastPullAtUtc,
                    MAX(CASE WHEN l.Outcome IN ('OK', 'WARNING') AND l.IsDryRun = 'N' THEN ISNULL(l.EndedAtUtc, l.StartedAtUtc) END) AS LastPullSuccessAtUtc
             FROM woo.RunLog AS l WHERE l.Step = 'PULL' AND l.StoreId = s.StoreId) AS p
OUTER APPLY (SELECT SUM(CASE WHEN o.[State] IN ('PENDING', 'RETRY') AND ISNULL(o.NextAttemptUtc, o.StagedAtUtc) <= SYSUTCDATETIME() THEN 1 ELSE 0 END) AS OrdersDue,
                    DATEDIFF(MINUTE, MIN(CASE WHEN o.[State] IN ('PENDING', 'RETRY') AND ISNULL(o.NextAttemptUtc, o.StagedAtUtc) <= SYSUTCDATETIME()
                                                   THEN ISNULL(o.NextAttemptUtc, o.StagedAtUtc) END), SYSUTCDATETIME()) AS OldestOverdueMinutes,
                    SUM(CASE WHEN o.[State] = 'RETRY' THEN 1 ELSE 0 END) AS OrdersRetrying,
                    SUM(CASE WHEN o.[State] = 'PARKED' THEN 1 ELSE 0 END) AS OrdersParked,
                    SUM(CASE WHEN o.[State] = 'DEAD' THEN 1 ELSE 0 END) AS OrdersDead,
                    SUM(CASE WHEN o.ChangedAfterApply = 'Y' THEN 1 ELSE 0 END) AS ChangedAfterApply
             FROM woo.OrderQueue AS o WHERE o.StoreId = s.StoreId AND (o.[State] <> 'APPLIED' OR o.ChangedAfterApply = 'Y')) AS q
LEFT JOIN woo.StockRule AS r ON r.StoreId = s.StoreId
OUTER APPLY (SELECT MAX(CASE WHEN l.Outcome IN ('OK', 'WARNING') AND l.IsDryRun = 'N' THEN ISNULL(l.EndedAtUtc, l.StartedAtUtc) END) AS LastStockSuccessAtUtc
             FROM woo.RunLog AS l WHERE l.Step = 'STOCK' AND l.StoreId = s.StoreId) AS k
LEFT JOIN woo.CatalogWatermark AS w ON w.StoreId = s.StoreId
OUTER APPLY (SELECT COUNT(*) AS SkuProblems, SUM(CASE WHEN x.ProblemCode = 'CPO-SKU-UNMATCHED' THEN 1 ELSE 0 END) AS UnmatchedSkus
             FROM woo.SkuProblem AS x WHERE x.StoreId = s.StoreId) AS sp
OUTER APPLY (SELECT COUNT(*) AS FailedStockItems, SUM(CASE WHEN c.Attempts >= s.MaxAttempts THEN 1 ELSE 0 END) AS StockItemsAtMaxAttempts
             FROM woo.CatalogItem AS c WHERE c.StoreId = s.StoreId AND c.LastErrorCode IS NOT NULL AND c.IsGone = 'N') AS ci
OUTER APPLY (SELECT SUM(CASE WHEN b.[State] IN ('PENDING', 'RETRY') THEN 1 ELSE 0 END) AS OutboxBacklog,
                    DATEDIFF(MINUTE, MIN(CASE WHEN b.[State] IN ('PENDING', 'RETRY') AND b.NextAttemptUtc <= SYSUTCDATETIME() THEN b.NextAttemptUtc END),
                             SYSUTCDATETIME()) AS OutboxOldestOverdueMinutes,
                    SUM(CASE WHEN b.[State] = 'DEAD' THEN 1 ELSE 0 END) AS OutboxDead
             FROM woo.Outbox AS b WHERE b.StoreId = s.StoreId AND b.[State] IN ('PENDING', 'RETRY', 'DEAD')) AS ob;
