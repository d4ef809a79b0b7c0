-- tSQLt test class for woo.usp_RestoreJobsAfterDeploy.
CREATE SCHEMA [test_RestoreJobsAfterDeploy] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_RestoreJobsAfterDeploy';
