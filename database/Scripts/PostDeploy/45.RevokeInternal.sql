-- 4b. Procedures no role may execute (internal steps reached only by ownership chaining, and the DBA-only job
--     installer): an earlier version may have granted some of them (e.g. the order transports to CpOrdersJob before
--     issue 15), and publishing never revokes a grant the source no longer has (DropPermissionsNotInSource=False), so an
--     upgraded database would keep it. Revoke EXECUTE from every database principal but dbo on exactly these procedures.
--     The list is SecurityTests' InternalQueueProcedures + InternalProcedures + DbaProcedures (a test keeps them equal).
DECLARE @CpoNoRole TABLE (SchemaName sysname NOT NULL, ProcName sysname NOT NULL);
INSERT INTO @CpoNoRole (SchemaName, ProcName)
VALUES
    (N'woo', N'usp_UpsertOrders'),
    (N'woo', N'usp_ResolveCustomer'),
    (N'woo', N'usp_GatherPlanInput'),
    (N'woo', N'usp_TakeDocumentNumbers'),
    (N'woo', N'usp_WriteOrderDocument'),
    (N'woo', N'usp_RaiseAlert'),
    (N'woo', N'usp_SendAlertMail'),
    (N'woo', N'usp_LogStepFailure'),
    (N'woo', N'usp_EnqueueAfterCreate'),
    (N'woo', N'usp_SetMessageStateByOperator'),
    (N'woo', N'usp_GatherReconcileDocs'),
    (N'woo', N'usp_ReadFulfillment'),
    (N'woo', N'usp_ReadFulfillmentHistory'),
    (N'woo', N'usp_WooUpdateOrder'),
    (N'woo', N'usp_WooBatchUpdateOrders'),
    (N'woo', N'usp_WooAddOrderNote'),
    (N'woo', N'usp_WooListOrderNotes'),
    (N'woo', N'usp_InstallJobs'),
    (N'woo', N'usp_UninstallJobs'),
    (N'woo', N'usp_ScriptTaskScheduler');
DECLARE @CpoRevoke nvarchar(max), @CpoRevoked int = 0;
DECLARE revoke_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT N'REVOKE EXECUTE ON OBJECT::' + QUOTENAME(n.SchemaName) + N'.' + QUOTENAME(n.ProcName) + N' FROM ' + QUOTENAME(pr.name) + N';'
    FROM @CpoNoRole AS n
    JOIN sys.database_permissions AS p ON p.class = 1 AND p.major_id = OBJECT_ID(QUOTENAME(n.SchemaName) + N'.' + QUOTENAME(n.ProcName))
                                      AND p.[type] = 'EX' AND p.[state] IN ('G', 'W')
    JOIN sys.database_principals AS pr ON pr.principal_id = p.grantee_principal_id
    WHERE pr.name <> N'dbo';
OPEN revoke_cursor;
FETCH NEXT FROM revoke_cursor INTO @CpoRevoke;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC (@CpoRevoke);
    SET @CpoRevoked += 1;
    RAISERROR (N'CpOrders post-deploy: internal procedures: %s', 10, 1, @CpoRevoke) WITH NOWAIT;
    FETCH NEXT FROM revoke_cursor INTO @CpoRevoke;
END;
CLOSE revoke_cursor;
DEALLOCATE revoke_cursor;
IF @CpoRevoked = 0
    PRINT N'CpOrders post-deploy: internal procedures (granted to no role): no changes.';
GO
