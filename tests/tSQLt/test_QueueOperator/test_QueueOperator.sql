-- tSQLt test class: the operators' queue procedures (woo.usp_RequeueOrder, woo.usp_SkipOrder). CpOrders' own tables are
-- faked; the procedures' own BEGIN/COMMIT nest inside tSQLt's transaction (no tested path rolls back).
CREATE SCHEMA [test_QueueOperator] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_QueueOperator';
