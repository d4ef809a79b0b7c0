-- tSQLt test class: CpOrders as an operator sees it. Each test impersonates the non-sysadmin login
-- CpOrdersTest_OperatorLogin (EXECUTE AS LOGIN), which the runner creates before tSQLt.RunAll (TSqltServer.PrepareLogin)
-- holding only the CpOrdersOperator role in CpOrders and a user without permissions in the scratch Counterpoint database
-- (README, Permissions). Arrangement runs as the runner (sysadmin); only the statement under test is impersonated, in
-- dynamic SQL, so no ownership chain from a dbo-owned test procedure skips the permission check under test.
CREATE SCHEMA [test_AsOperatorLogin] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_AsOperatorLogin';
