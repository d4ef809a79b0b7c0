-- tSQLt test class for scheduling (woo.usp_RunPipeline, woo.usp_InstallJobs, woo.usp_UninstallJobs; README
-- "Scheduling"). The pipeline refuses an outer transaction (its steps call the shop), and a step failing under
-- XACT_ABORT would doom tSQLt's transaction anyway, so the pipeline tests are NoTransaction tests (tSQLt 1.0.8083 or
-- later, annotation --[@tSQLt:NoTransaction]): tSQLt undoes their fake tables and spies afterwards, and CleanUp releases
-- a pipeline applock a failed assertion may leave. The step procedures are spied (they never run, no HTTP).
-- The job tests need msdb with SQL Agent's procedures (any edition but Express) and the non-sysadmin job login the
-- runner creates (TSqltServer.JobLogin, CpOrdersTest_JobLogin, a member of CpOrdersJob only); they run inside tSQLt's
-- transaction, which rolls the msdb rows back.
CREATE SCHEMA [test_Scheduling] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_Scheduling';
