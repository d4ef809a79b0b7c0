-- Health (issue 15 point 6): the last run and the last successful run (OK or WARNING) of each pipeline step of the run
-- log (woo.RunLog.Step names), over all stores. A step that never ran on this install is 'NEVER RUN', which is no
-- problem unless the step is expected: it ran before, or it is PULL/PROCESS while a store is enabled, or STOCK/CATALOG
-- while a stock rule is enabled. Status of an expected step (limits in minutes, the same for every install):
--   CRITICAL  no success for more than CriticalMinutes (1 day for the frequent steps, 3 days for the daily ones);
--   WARNING   never ran; no success for more than WarnMinutes (60 / 26 h); the last finished run FAILED; or a run
--             still RUNNING after 60 minutes (a job longer than its limit, or a killed session that never logged its end).
CREATE VIEW [woo].[HealthStep]
AS
SELECT s.Step,
       s.Cadence,
       x.IsExpected,
       r.LastRunAtUtc,
       r.LastOutcome,
       r.LastSuccessAtUtc,
       DATEDIFF(MINUTE, r.LastSuccessAtUtc, SYSUTCDATETIME()) AS MinutesSinceSuccess,
       r.LastFailureAtUtc,
       r.LastErrorCode,
       r.RunsLastDay,
       r.FailuresLastDay,
       r.StuckRunning,
       CASE WHEN r.LastRunAtUtc IS NULL AND x.IsExpected = 0 THEN 'NEVER RUN'
            WHEN r.LastRunAtUtc IS NULL THEN 'WARNING'
            WHEN x.IsExpected = 1 AND ISNULL(DATEDIFF(MINUTE, r.LastSuccessAtUtc, SYSUTCDATETIME()), 2147483647) > s.CriticalMinutes THEN 'CRITICAL'
            WHEN x.IsExpected = 1 AND ISNULL(DATEDIFF(MINUTE, r.LastSuccessAtUtc, SYSUTCDATETIME()), 2147483647) > s.WarnMinutes THEN 'WARNING'
            WHEN r.LastOutcome = 'FAILED' OR r.StuckRunning > 0 THEN 'WARNING'
            ELSE 'OK' END AS [Status],
       CASE WHEN r.LastRunAtUtc IS NULL AND x.IsExpected = 0 THEN N'never ran on this install (not expected yet)'
            WHEN r.LastRunAtUtc IS NULL THEN N'expected but never ran: is the job installed and enabled (woo.RunLog has no ' + s.Step + N' row)?'
            WHEN x.IsExpected = 1 AND ISNULL(DATEDIFF(MINUTE, r.LastSuccessAtUtc, SYSUTCDATETIME()), 2147483647) > s.WarnMinutes
                THEN N'no successful run ' + ISNULL(N'since ' + CONVERT(nvarchar (30), r.LastSuccessAtUtc, 126) + N' UTC', N'ever')
                     + N'; last finished run ' + ISNULL(r.LastOutcome, N'(none)') + ISNULL(N' (' + r.LastErrorCode + N')', N'') + N' at ' + CONVERT(nvarchar (30), r.LastRunAtUtc, 126)
                     + N' UTC: SELECT TOP (20) * FROM woo.RunLog WHERE Step = ''' + s.Step + N''' ORDER BY RunId DESC;'
            WHEN r.LastOutcome = 'FAILED'
                THEN N'the last run failed' + ISNULL(N' (' + r.LastErrorCode + N')', N'') + N' at ' + CONVERT(nvarchar (30), r.LastRunAtUtc, 126) + N' UTC'
            WHEN r.StuckRunning > 0
                THEN CONVERT(nvarchar (10), r.StuckRunning) + N' run(s) RUNNING for more than 60 minutes (longer than a run may take, or ended by a KILL)'
            ELSE N'last success ' + CONVERT(nvarchar (30), r.LastSuccessAtUtc, 126) + N' UTC' END AS Reason
FROM (VALUES ('PULL', 'frequent', 60, 1440), ('PROCESS', 'frequent', 60, 1440), ('STOCK', 'frequent', 60, 1440),
             ('PUSH_UPDATES', 'frequent', 60, 1440), ('FULFILLMENT', 'frequent', 60, 1440), ('PIPELINE', 'frequent', 60, 1440),
             ('CATALOG', 'hourly', 180, 2880), ('RECONCILE', 'daily', 1560, 4320),
             ('ALERT_CHECK', 'frequent', 60, 1440), ('ALERT_DIGEST', 'frequent', 60, 1440),
             ('HOUSEKEEPING', 'daily', 1560, 4320)) AS s (Step, Cadence, WarnMinutes, CriticalMinutes)
OUTER APPLY (SELECT MAX(l.StartedAtUtc) AS LastRunAtUtc,
                    MAX(CASE WHEN l.Outcome IN ('OK', 'WARNING') AND l.IsDryRun = 'N' THEN ISNULL(l.EndedAtUtc, l.StartedAtUtc) END) AS LastSuccessAtUtc,
                    MAX(CASE WHEN l.Outcome = 'FAILED' THEN l.StartedAtUtc END) AS LastFailureAtUtc,
                    SUM(CASE WHEN l.StartedAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME()) THEN 1 ELSE 0 END) AS RunsLastDay,
                    SUM(CASE WHEN l.StartedAtUtc >= DATEADD(DAY, -1, SYSUTCDATETIME()) AND l.Outcome = 'FAILED' THEN 1 ELSE 0 END) AS FailuresLastDay,
                    SUM(CASE WHEN l.Outcome = 'RUNNING' AND l.StartedAtUtc < DATEADD(MINUTE, -60, SYSUTCDATETIME()) THEN 1 ELSE 0 END) AS StuckRunning,
                    (SELECT TOP (1) f.Outcome FROM woo.RunLog AS f WHERE f.Step = s.Step AND f.Outcome <> 'RUNNING' AND f.Outcome <> 'SKIPPED'
                     ORDER BY f.StartedAtUtc DESC, f.RunId DESC) AS LastOutcome,
                    (SELECT TOP (1) f.ErrorCode FROM woo.RunLog AS f WHERE f.Step = s.Step AND f.Outcome = 'FAILED'
                     ORDER BY f.StartedAtUtc DESC, f.RunId DESC) AS LastErrorCode
             FROM woo.RunLog AS l
             WHERE l.Step = s.Step) AS r
CROSS APPLY (SELECT CASE WHEN r.LastRunAtUtc IS NOT NULL THEN 1
                         WHEN s.Step IN ('PULL', 'PROCESS') AND EXISTS (SELECT 1 FROM woo.Store AS st WHERE st.IsEnabled = 'Y') THEN 1
                         WHEN s.Step IN ('STOCK', 'CATALOG')
                              AND EXISTS (SELECT 1 FROM woo.StockRule AS sr JOIN woo.Store AS st ON st.StoreId = sr.StoreId
                                          WHERE sr.IsEnabled = 'Y' AND st.IsEnabled = 'Y') THEN 1
                         ELSE 0 END AS IsExpected) AS x;
