-- Written once by post-deploy when it creates the database master key with a random password nobody knows: the
-- SHA2_256 of that password encryption's row in sys.key_encryptions (crypt_property), never the password. The health
-- check and post-deploy warn while no OTHER password encryption (ESKP) exists, i.e. until the DBA adds a password of
-- their own (README, Backups and restores).
CREATE TABLE [woo].[MasterKeyOrigin] (
    [GeneratedPasswordFingerprint] varbinary (32) NOT NULL,
    [CreatedAtUtc]                 datetime2 (0)  CONSTRAINT [DF_MasterKeyOrigin_CreatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_MasterKeyOrigin] PRIMARY KEY CLUSTERED ([GeneratedPasswordFingerprint])
);
