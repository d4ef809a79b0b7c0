-- tSQLt test class for woo.usp_CheckInstall.
CREATE SCHEMA [test_CheckInstall] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_CheckInstall';
