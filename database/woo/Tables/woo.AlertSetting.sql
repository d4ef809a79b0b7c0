-- Alert mail, checks and retention (issue 15), one row (SettingId 1) written by woo.usp_SetAlertSetting. A NULL column
-- (or no row) means the default; woo.AlertSettings shows the values in force and is the one place the defaults live.
-- Mail goes through Database Mail (msdb.dbo.sp_send_dbmail) only when MailEnabled = 'Y' with a profile and recipients;
-- alerts are always written to woo.Alert whatever this says (design 8).
CREATE TABLE [woo].[AlertSetting] (
    [SettingId]               tinyint        CONSTRAINT [DF_AlertSetting_SettingId] DEFAULT (1) NOT NULL,
    [MailEnabled]             char (1)       NULL,   -- Y | N (default N)
    [MailProfile]             sysname        NULL,   -- Database Mail profile (msdb.dbo.sysmail_profile.name)
    [MailRecipients]          varchar (2000) NULL,   -- 'ops@example.com;dba@example.com'
    [MailMinSeverity]         varchar (10)   NULL,   -- INFO | WARNING | CRITICAL: classes below it are not mailed (default WARNING)
    [SubjectPrefix]           nvarchar (100) NULL,   -- default 'CpOrders <database>'
    [CriticalPeriodMinutes]   int            NULL,   -- a class is mailed at most once per period of its severity (default 60)
    [WarningPeriodMinutes]    int            NULL,   -- (default 240)
    [InfoPeriodMinutes]       int            NULL,   -- (default 1440)
    [StaleQueueMinutes]       int            NULL,   -- woo.OrderQueue PENDING/RETRY older than this is stale (default 60)
    [StaleOutboxMinutes]      int            NULL,   -- woo.Outbox PENDING/RETRY older than this is stale (default 60)
    [FailedRunsInARow]        int            NULL,   -- a step whose last N runs FAILED is alerted (default 3)
    [RunLimitMinutes]         int            NULL,   -- a woo.RunLog run still RUNNING after this is alerted (default 30)
    [JobLimitMinutes]         int            NULL,   -- a SQL Agent job of JobCategory running longer is alerted (default 30)
    [JobCategory]             sysname        NULL,   -- default 'CpOrders'
    [CheckEveryMinutes]       int            NULL,   -- woo.usp_CheckAlerts runs its checks at most this often (default 5)
    [RunLogRetentionDays]     int            NULL,   -- woo.usp_Housekeeping: woo.RunLog rows (default 90)
    [OrderEventRetentionDays] int            NULL,   -- woo.OrderEvent rows of finished orders (default 365)
    [OutboxRetentionDays]     int            NULL,   -- woo.Outbox SENT / SKIPPED messages (default 90)
    [AlertRetentionDays]      int            NULL,   -- acknowledged woo.Alert rows (default 180)
    [UpdatedAtUtc]            datetime2 (3)  CONSTRAINT [DF_AlertSetting_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]               sysname        CONSTRAINT [DF_AlertSetting_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_AlertSetting] PRIMARY KEY CLUSTERED ([SettingId]),
    CONSTRAINT [CK_AlertSetting_One] CHECK ([SettingId] = 1),
    CONSTRAINT [CK_AlertSetting_MailEnabled] CHECK ([MailEnabled] IN ('Y', 'N')),
    CONSTRAINT [CK_AlertSetting_MailMinSeverity] CHECK ([MailMinSeverity] IN ('INFO', 'WARNING', 'CRITICAL')),
    CONSTRAINT [CK_AlertSetting_Minutes] CHECK ([CriticalPeriodMinutes] BETWEEN 1 AND 10080 AND [WarningPeriodMinutes] BETWEEN 1 AND 10080
                                               AND [InfoPeriodMinutes] BETWEEN 1 AND 10080 AND [StaleQueueMinutes] BETWEEN 1 AND 10080
                                               AND [StaleOutboxMinutes] BETWEEN 1 AND 10080 AND [RunLimitMinutes] BETWEEN 1 AND 10080
                                               AND [JobLimitMinutes] BETWEEN 1 AND 10080 AND [CheckEveryMinutes] BETWEEN 0 AND 1440),
    CONSTRAINT [CK_AlertSetting_Runs] CHECK ([FailedRunsInARow] BETWEEN 1 AND 1000),
    CONSTRAINT [CK_AlertSetting_Days] CHECK ([RunLogRetentionDays] BETWEEN 1 AND 3650 AND [OrderEventRetentionDays] BETWEEN 1 AND 3650
                                            AND [OutboxRetentionDays] BETWEEN 1 AND 3650 AND [AlertRetentionDays] BETWEEN 1 AND 3650)
);
