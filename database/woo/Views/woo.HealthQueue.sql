-- Health (issue 15 point 6): the order queue by store and state, with the age of the oldest order in that state (from
-- when it was last staged or changed state). Operators read it with SELECT * FROM woo.HealthQueue; no order content,
-- no personal data. APPLIED and SKIPPED are history; PENDING/RETRY are work, PARKED/DEAD wait for a person.
CREATE VIEW [woo].[HealthQueue]
AS
SELECT q.StoreId,
       q.[State],
       COUNT_BIG(*) AS Orders,
       SUM(CASE WHEN q.[State] IN ('PENDING', 'RETRY') AND ISNULL(q.NextAttemptUtc, q.StagedAtUtc) <= SYSUTCDATETIME() THEN 1 ELSE 0 END) AS DueNow,
       SUM(CASE WHEN q.ChangedAfterApply = 'Y' THEN 1 ELSE 0 END) AS ChangedAfterApply,
       MIN(CASE WHEN q.[State] IN ('PENDING', 'RETRY') THEN q.StagedAtUtc ELSE q.UpdatedAtUtc END) AS OldestSinceUtc,
       DATEDIFF(MINUTE, MIN(CASE WHEN q.[State] IN ('PENDING', 'RETRY') THEN q.StagedAtUtc ELSE q.UpdatedAtUtc END), SYSUTCDATETIME()) AS OldestAgeMinutes,
       MAX(q.UpdatedAtUtc) AS LatestChangeUtc
FROM woo.OrderQueue AS q
GROUP BY q.StoreId, q.[State];
