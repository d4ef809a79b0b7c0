-- tSQLt test class: reconciliation and re-pull (woo.usp_Reconcile, woo.usp_RepullOrders; issue 15 point 4). The
-- transport procedure woo.usp_WooGetOrders is spied (Arrange): the spy hands back the test's #fixture rows, so no test
-- calls WooCommerce. Counterpoint documents are plain INSERTs into the scratch Counterpoint database (design 3b), rolled
-- back with tSQLt's transaction; CpOrders' tables are faked. The procedures' own short transactions nest in tSQLt's.
CREATE SCHEMA [test_Reconcile] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Reconcile';
