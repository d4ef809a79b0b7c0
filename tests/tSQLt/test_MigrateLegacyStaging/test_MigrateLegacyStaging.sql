-- tSQLt test class: the one-time import of the predecessor's dbo.USER_ORDER_STAGING (woo.usp_MigrateLegacyStaging).
-- Its rows are arranged by plain INSERTs into the scratch Counterpoint database (design 3b), rolled back with the test.
CREATE SCHEMA [test_MigrateLegacyStaging] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_MigrateLegacyStaging';
