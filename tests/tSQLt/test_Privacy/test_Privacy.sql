-- tSQLt test class: design 10 privacy (the meta_data allow-list at staging, woo.usp_EraseShopper). CpOrders' own tables
-- are faked; the procedures' own BEGIN/COMMIT nest inside tSQLt's transaction (no tested path rolls back).
CREATE SCHEMA [test_Privacy] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Privacy';
