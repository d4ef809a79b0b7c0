-- tSQLt test class: CpOrders as the job sees it. Each test impersonates the non-sysadmin login CpOrdersTest_JobLogin
-- (EXECUTE AS LOGIN), which the runner creates before tSQLt.RunAll (TSqltServer.PrepareJobLogin) holding only the
-- CpOrdersJob role in CpOrders and a user without permissions in the scratch Counterpoint database (README,
-- Permissions), and drops afterwards. The runner's own connection is sysadmin, which bypasses every permission check;
-- these tests are the ones that prove the least-privileged path. Every call under EXECUTE AS goes through dynamic SQL:
-- a static call from this dbo-owned test procedure to a dbo-owned object would be an unbroken ownership chain and
-- skip the very permission check under test.
CREATE SCHEMA [test_AsJobLogin] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_AsJobLogin';
