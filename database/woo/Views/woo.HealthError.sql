-- Health (issue 15 point 6): error classes of the last 24 hours, one row per source and code: failed or warning runs
-- (woo.RunLog.ErrorCode), order problems (woo.OrderEvent codes: parked, retried, dead), outbound messages and stock
-- items that failed (woo.Outbox, woo.CatalogItem, by their last error). Latest is the newest message of the class (run
-- and order messages name no shopper: design 10).
CREATE VIEW [woo].[HealthError]
AS
SELECT e.[Source], e.Code, COUNT_BIG(*) AS Occurrences, COUNT(DISTINCT e.StoreId) AS Stores, MIN(e.AtUtc) AS FirstAtUtc, MAX(e.AtUtc) AS LastAtUtc,
       (SELECT TOP (1) l.[Message]
        FROM (SELECT 'RUN' AS [Source], r.ErrorCode AS Code, r.StartedAtUtc AS AtUtc, LEFT(r.ErrorMessage, 1000) AS [Message]
              FROM woo.RunLog AS r WHERE r.ErrorCode IS NOT NULL AND r.StartedAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME())
              UNION ALL
              SELECT 'ORDER', v.Code, v.EventAtUtc, LEFT(v.Detail, 1000)
              FROM woo.OrderEvent AS v WHERE v.Code IS NOT NULL AND v.EventAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME())) AS l
        WHERE l.[Source] = e.[Source] AND l.Code = e.Code
        ORDER BY l.AtUtc DESC) AS Latest
FROM (SELECT 'RUN' AS [Source], r.ErrorCode AS Code, r.StoreId, r.StartedAtUtc AS AtUtc
      FROM woo.RunLog AS r
      WHERE r.ErrorCode IS NOT NULL AND r.StartedAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME())
      UNION ALL
      SELECT 'ORDER', v.Code, q.StoreId, v.EventAtUtc
      FROM woo.OrderEvent AS v JOIN woo.OrderQueue AS q ON q.QueueId = v.QueueId
      WHERE v.Code IS NOT NULL AND v.EventAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME())
      UNION ALL
      SELECT 'OUTBOX', o.LastErrorCode, o.StoreId, ISNULL(o.SentAtUtc, o.CreatedAtUtc)
      FROM woo.Outbox AS o
      WHERE o.LastErrorCode IS NOT NULL AND o.[State] IN ('RETRY', 'DEAD')
      UNION ALL
      SELECT 'STOCK_ITEM', c.LastErrorCode, c.StoreId, ISNULL(c.SentAtUtc, c.LastReadAtUtc)
      FROM woo.CatalogItem AS c
      WHERE c.LastErrorCode IS NOT NULL) AS e
GROUP BY e.[Source], e.Code;
