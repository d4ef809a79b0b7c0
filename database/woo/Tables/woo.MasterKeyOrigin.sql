-- Password encryptions (ESKP rows of sys.key_encryptions) of the database master key that are NOT known to be the
-- DBA's, by the SHA2_256 of their crypt_property, never a password: the random one post-deploy generates when it creates
-- the key, or, on the first deploy that finds a key but no row here (the previous build made it, or the DBA did), every
-- one there was. The health check and post-deploy warn while no other ESKP exists, i.e. until the DBA adds a password
-- of their own, or acknowledges one that is already there with a row 0x00 (README, Backups and restores).
CREATE TABLE [woo].[MasterKeyOrigin] (
    [GeneratedPasswordFingerprint] varbinary (32) NOT NULL,
    [CreatedAtUtc]                 datetime2 (0)  CONSTRAINT [DF_MasterKeyOrigin_CreatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_MasterKeyOrigin] PRIMARY KEY CLUSTERED ([GeneratedPasswordFingerprint])
);
