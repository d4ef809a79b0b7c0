-- The alert settings in force: always one row, woo.AlertSetting's values or the defaults (the only place they are
-- written). Read by woo.usp_SendAlertDigest, woo.usp_CheckAlerts and woo.usp_Housekeeping, shown by woo.usp_SetAlertSetting.
CREATE VIEW [woo].[AlertSettings]
AS
SELECT ISNULL(s.MailEnabled, 'N')                                       AS MailEnabled,
       s.MailProfile                                                    AS MailProfile,
       s.MailRecipients                                                 AS MailRecipients,
       ISNULL(s.MailMinSeverity, 'WARNING')                             AS MailMinSeverity,
       ISNULL(s.SubjectPrefix, CONVERT(nvarchar (100), N'CpOrders ' + DB_NAME())) AS SubjectPrefix,
       ISNULL(s.CriticalPeriodMinutes, 60)                              AS CriticalPeriodMinutes,
       ISNULL(s.WarningPeriodMinutes, 240)                              AS WarningPeriodMinutes,
       ISNULL(s.InfoPeriodMinutes, 1440)                                AS InfoPeriodMinutes,
       ISNULL(s.StaleQueueMinutes, 60)                                  AS StaleQueueMinutes,
       ISNULL(s.StaleOutboxMinutes, 60)                                 AS StaleOutboxMinutes,
       ISNULL(s.FailedRunsInARow, 3)                                    AS FailedRunsInARow,
       ISNULL(s.RunLimitMinutes, 30)                                    AS RunLimitMinutes,
       ISNULL(s.JobLimitMinutes, 30)                                    AS JobLimitMinutes,
       ISNULL(s.JobCategory, CONVERT(sysname, N'CpOrders'))             AS JobCategory,
       ISNULL(s.CheckEveryMinutes, 5)                                   AS CheckEveryMinutes,
       ISNULL(s.RunLogRetentionDays, 90)                                AS RunLogRetentionDays,
       ISNULL(s.OrderEventRetentionDays, 365)                           AS OrderEventRetentionDays,
       ISNULL(s.OutboxRetentionDays, 90)                                AS OutboxRetentionDays,
       ISNULL(s.AlertRetentionDays, 180)                                AS AlertRetentionDays,
       s.UpdatedAtUtc                                                   AS UpdatedAtUtc,
       s.UpdatedBy                                                      AS UpdatedBy
FROM (VALUES (CONVERT(tinyint, 1))) AS d (SettingId)
LEFT JOIN woo.AlertSetting AS s ON s.SettingId = d.SettingId;
