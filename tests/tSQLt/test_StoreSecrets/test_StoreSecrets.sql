-- tSQLt test class: store secrets reach the job login only through the signed procedures (README, Permissions). Tests
-- that impersonate CpOrdersTest_JobLogin (created by the runner, member of CpOrdersJob only) call through dynamic SQL,
-- so no ownership chain hides the permission check (see test_AsJobLogin). woo.StoreSecret is faked: the rows are the
-- test's own, encrypted by the real key through woo.usp_SetStoreSecret.
CREATE SCHEMA [test_StoreSecrets] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_StoreSecrets';
