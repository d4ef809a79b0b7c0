-- tSQLt test class: the signing certificate as deployed (post-deploy 20.CounterpointAccess). Runs as the runner's
-- sysadmin connection: these tests check the certificate itself, which no permission check could hide.
CREATE SCHEMA [test_Signing] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Signing';
