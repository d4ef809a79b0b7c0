-- Per problem class (woo.Alert.Code) exceptions to the digest rules of woo.AlertSetting, written by
-- woo.usp_SetAlertClass: its own period, or mail forced on (even below MailMinSeverity) or off (the class is still
-- marked in woo.Alert, never mailed). A class without a row follows its severity.
CREATE TABLE [woo].[AlertClassSetting] (
    [Code]          varchar (40)  NOT NULL,
    [PeriodMinutes] int           NULL,       -- NULL: the period of the class's highest open severity
    [Mail]          char (1)      NULL,       -- Y: always mailed | N: never mailed | NULL: by MailMinSeverity
    [UpdatedAtUtc]  datetime2 (3) CONSTRAINT [DF_AlertClassSetting_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]     sysname       CONSTRAINT [DF_AlertClassSetting_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_AlertClassSetting] PRIMARY KEY CLUSTERED ([Code]),
    CONSTRAINT [CK_AlertClassSetting_PeriodMinutes] CHECK ([PeriodMinutes] BETWEEN 1 AND 10080),
    CONSTRAINT [CK_AlertClassSetting_Mail] CHECK ([Mail] IN ('Y', 'N'))
);
