-- tSQLt test class: health (woo.usp_PipelineHealth and the woo.Health* views, issue 15 point 6). CpOrders' own tables are
-- faked (Arrange), so each test sees only its own rows; the server-level facts (sys.configurations, the live
-- woo.usp_CheckInstall) are the scratch server's. Tests that prove what a non-sysadmin sees impersonate
-- CpOrdersTest_OperatorLogin (holding only CpOrdersOperator, made by the runner) in dynamic SQL, so no ownership chain
-- from this dbo-owned class hides the permission check under test. tSQLt's default transaction is used (the procedure's
-- own short transaction nests in it).
CREATE SCHEMA [test_PipelineHealth] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_PipelineHealth';
