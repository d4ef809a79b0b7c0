-- Health (issue 15 point 6): ONE row for an operator or a monitor: Status OK / WARNING / CRITICAL and the reason (the
-- checks of the worst status, from woo.HealthCheck). A check this caller cannot see (UNKNOWN) makes the row at least
-- WARNING and is named: never OK for what nobody could check. SELECT * FROM woo.HealthSummary;
CREATE VIEW [woo].[HealthSummary]
AS
SELECT CASE WHEN n.Critical > 0 THEN 'CRITICAL' WHEN n.Warning + n.Unknown > 0 THEN 'WARNING' ELSE 'OK' END AS [Status],
       CASE WHEN n.Critical + n.Warning + n.Unknown = 0 THEN N'every check is OK'
            ELSE (SELECT STRING_AGG(CONVERT(nvarchar (max), h.[Status] + N' ' + h.Area + N' ' + h.CheckName + ISNULL(N' [' + h.StoreId + N']', N'') + N': ' + h.Reason), N' | ')
                         WITHIN GROUP (ORDER BY CASE h.[Status] WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END,
                                       CASE h.Area WHEN 'STORE' THEN 0 WHEN 'STEP' THEN 1 WHEN 'ALERT' THEN 2 ELSE 3 END, h.CheckName, h.StoreId)
                  FROM woo.HealthCheck AS h
                  WHERE h.[Status] = CASE WHEN n.Critical > 0 THEN 'CRITICAL' ELSE h.[Status] END
                    AND h.[Status] IN ('CRITICAL', 'WARNING', 'UNKNOWN')) END AS Reason,
       n.Critical AS CriticalChecks,
       n.Warning AS WarningChecks,
       n.Unknown AS UnknownChecks,
       SYSUTCDATETIME() AS CheckedAtUtc,
       ORIGINAL_LOGIN() AS CheckedBy,
       CASE WHEN HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 1 THEN 'Y' ELSE 'N' END AS CallerSeesServerState
FROM (SELECT SUM(CASE WHEN h.[Status] = 'CRITICAL' THEN 1 ELSE 0 END) AS Critical,
             SUM(CASE WHEN h.[Status] = 'WARNING' THEN 1 ELSE 0 END) AS Warning,
             SUM(CASE WHEN h.[Status] = 'UNKNOWN' THEN 1 ELSE 0 END) AS Unknown
      FROM woo.HealthCheck AS h) AS n;
