-- Health (issue 15 point 6): open (unacknowledged) alerts by severity, with their codes and how often they recurred.
-- The alerts themselves: SELECT * FROM woo.Alert WHERE AcknowledgedAtUtc IS NULL ORDER BY Severity, LastRaisedAtUtc DESC.
CREATE VIEW [woo].[HealthAlert]
AS
SELECT a.Severity,
       COUNT_BIG(*) AS OpenAlerts,
       SUM(CONVERT(bigint, a.Occurrences)) AS Occurrences,
       MIN(a.RaisedAtUtc) AS OldestRaisedAtUtc,
       MAX(a.LastRaisedAtUtc) AS LatestRaisedAtUtc,
       (SELECT STRING_AGG(CONVERT(nvarchar (max), c.Code + N' x' + CONVERT(nvarchar (10), c.Alerts)), N', ') WITHIN GROUP (ORDER BY c.Code)
        FROM (SELECT x.Code, COUNT(*) AS Alerts FROM woo.Alert AS x
              WHERE x.AcknowledgedAtUtc IS NULL AND x.Severity = a.Severity GROUP BY x.Code) AS c) AS Codes
FROM woo.Alert AS a
WHERE a.AcknowledgedAtUtc IS NULL
GROUP BY a.Severity;
