-- tSQLt test class: the stock sync of issue 14 (woo.usp_ReadCatalog, woo.usp_PushStock). CpOrders' tables are faked;
-- Counterpoint rows (items T14-*, locations T14A/T14B/T14X) are plain INSERTs into the scratch Counterpoint database
-- (design 3b), undone by tSQLt's transaction. The transport procedures are spied (Arrange): the catalog reads hand back
-- the test's #products / #variations rows, the batch writes answer every object applied except the ids in the test's
-- #fail, so no test calls WooCommerce and each request sent is a row of the spy's log.
CREATE SCHEMA [test_StockSync] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_StockSync';
