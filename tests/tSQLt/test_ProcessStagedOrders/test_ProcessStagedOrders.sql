-- tSQLt test class for processing (woo.usp_ProcessStagedOrders and its steps; README "Processing orders"). Counterpoint
-- rows are arranged by plain INSERT in the scratch Counterpoint database published from the reference dacpac (design
-- 3b): its NOT NULLs, defaults and keys stay in force. Store T13P, Counterpoint store T13P (STR_NO 913), station 1.
-- The processor runs one transaction per order and refuses an outer transaction, so the tests that process for real are
-- NoTransaction tests (tSQLt 1.0.8083 or later, annotation --[@tSQLt:NoTransaction]) whose CleanUp deletes every row
-- they made; the read-only tests (customer resolution, numbers inside the test's transaction, dry run) use tSQLt's
-- usual transaction.
CREATE SCHEMA [test_ProcessStagedOrders] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_ProcessStagedOrders';
