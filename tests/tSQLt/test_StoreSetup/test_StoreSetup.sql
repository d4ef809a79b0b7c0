-- tSQLt test class: store setup (woo.usp_SetStore, woo.StoreSettings). Counterpoint rows are arranged by plain INSERTs
-- into the scratch Counterpoint database (design 3b), rolled back with the test; CpOrders' own tables are faked.
CREATE SCHEMA [test_StoreSetup] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_StoreSetup';
