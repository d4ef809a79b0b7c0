-- Health (issue 15 point 6): the outbox (messages to the shop) by store, kind and state: backlog (PENDING, RETRY),
-- dead letters (DEAD: gave up, a person decides), with the oldest message's age and how overdue the oldest due one is.
CREATE VIEW [woo].[HealthOutbox]
AS
SELECT o.StoreId,
       o.Kind,
       o.[State],
       COUNT_BIG(*) AS Messages,
       MIN(o.CreatedAtUtc) AS OldestCreatedAtUtc,
       DATEDIFF(MINUTE, MIN(o.CreatedAtUtc), SYSUTCDATETIME()) AS OldestAgeMinutes,
       DATEDIFF(MINUTE, MIN(CASE WHEN o.[State] IN ('PENDING', 'RETRY') AND o.NextAttemptUtc <= SYSUTCDATETIME() THEN o.NextAttemptUtc END),
                SYSUTCDATETIME()) AS OldestOverdueMinutes,
       MAX(o.Attempts) AS MaxAttempts
FROM woo.Outbox AS o
WHERE o.[State] IN ('PENDING', 'RETRY', 'DEAD')
GROUP BY o.StoreId, o.Kind, o.[State];
