-- tSQLt test class: the pull and the one upsert path (woo.usp_PullOrders, woo.usp_UpsertOrders, woo.usp_StageOrderJson).
-- The transport procedure woo.usp_WooGetOrders is spied (Arrange): the spy hands back the rows of the test's own
-- #fixture as @PulledJson, so no test calls WooCommerce. The queue procedures' own BEGIN/COMMIT nest inside tSQLt's
-- transaction (no tested path rolls back), so tSQLt's default transaction is used, not the no-transaction annotation.
CREATE SCHEMA [test_PullOrders] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_PullOrders';
