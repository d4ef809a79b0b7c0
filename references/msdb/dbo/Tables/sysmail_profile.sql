-- msdb.dbo.sysmail_profile (SQL Server 2017), the columns CpOrders reads: woo.usp_SetAlertSetting checks that the
-- Database Mail profile exists (readable by sysadmin; others are told "not checked"). Never deployed.
CREATE TABLE [dbo].[sysmail_profile] (
    [profile_id]        int            NOT NULL,
    [name]              sysname        NOT NULL,
    [description]       nvarchar(256)  NULL,
    [last_mod_datetime] datetime       NOT NULL,
    [last_mod_user]     sysname        NOT NULL,
    CONSTRAINT [SYSMAIL_PROFILE_IDMustBeUnique] PRIMARY KEY ([profile_id])
);
