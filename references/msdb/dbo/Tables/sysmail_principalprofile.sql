-- msdb.dbo.sysmail_principalprofile (SQL Server 2017), the columns CpOrders reads: which msdb principals may use a
-- Database Mail profile (principal_sid 0x00 = public profile); woo.usp_SetAlertSetting reports it. Never deployed.
CREATE TABLE [dbo].[sysmail_principalprofile] (
    [profile_id]        int           NOT NULL,
    [principal_sid]     varbinary(85) NOT NULL,
    [is_default]        bit           NOT NULL,
    [last_mod_datetime] datetime      NOT NULL,
    [last_mod_user]     sysname       NOT NULL,
    CONSTRAINT [SYSMAIL_PRINCIPALPROFILE_ProfilePrincipalMustBeUnique] PRIMARY KEY ([profile_id], [principal_sid])
);
