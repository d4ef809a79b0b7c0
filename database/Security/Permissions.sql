-- Every permission CpOrders grants or denies inside its own database, in one place (README, Permissions).
-- Rule (tests/CpOrders.Build.Tests/SecurityTests.cs): every procedure in schemas woo and dbo is granted EXECUTE here to
-- at least one CpOrders role, and nothing here is granted to public. Post-deploy adds VIEW DEFINITION on the current
-- Counterpoint signing certificate (it gets a new name with every new signature set, so it cannot be declared here) and
-- the two key permissions of the certificate user CpOrdersSecretReader (PostDeploy/35.SecretAccess.sql); no role
-- holds a key or certificate permission of its own (SecretAccessTests).

-- The CLR connector is reached only through dbo-owned woo modules: ownership chaining skips the permission check on
-- the dbo-owned wooclr objects they call, so this DENY blocks direct calls (any URL, any proxy) and nothing else.
DENY EXECUTE ON SCHEMA::[wooclr] TO [public];
GO
DENY SELECT ON SCHEMA::[wooclr] TO [public];
GO
DENY REFERENCES ON SCHEMA::[wooclr] TO [public];
GO

-- Metadata only (no data): lets the health check see CpOrders' own modules and their signatures as the caller, in
-- every schema whose modules may be signed (woo, and dbo for the coming dbo.sp_* entry points, design).
GRANT VIEW DEFINITION ON SCHEMA::[woo] TO [CpOrdersJob];
GO
GRANT VIEW DEFINITION ON SCHEMA::[woo] TO [CpOrdersOperator];
GO
GRANT VIEW DEFINITION ON SCHEMA::[dbo] TO [CpOrdersJob];
GO
GRANT VIEW DEFINITION ON SCHEMA::[dbo] TO [CpOrdersOperator];
GO

-- woo.usp_CheckInstall: the job's first step and the operator's health check.
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckInstall] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckInstall] TO [CpOrdersOperator];
GO
-- woo.usp_RestoreJobsAfterDeploy: recovery after a failed deploy (operator only; it also needs msdb's
-- SQLAgentOperatorRole to enable jobs it does not own, README Permissions).
GRANT EXECUTE ON OBJECT::[woo].[usp_RestoreJobsAfterDeploy] TO [CpOrdersOperator];
GO
-- woo.usp_CheckStoreSecrets: every stored credential still decrypts (job step and operator check). Signed for the key
-- (PostDeploy/35.SecretAccess.sql); the roles get no key or certificate permission of their own.
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckStoreSecrets] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckStoreSecrets] TO [CpOrdersOperator];
GO
-- woo.usp_SetStoreSecret: the operator enters a store's consumer key and secret (encrypted; never shown or logged).
GRANT EXECUTE ON OBJECT::[woo].[usp_SetStoreSecret] TO [CpOrdersOperator];
GO
-- Issue 13 (store setup and queue). Store setup: operators. Transport procedures (design 3: the only callers of the
-- wooclr HTTP objects; signed for the secret key, PostDeploy/35.SecretAccess.sql): the job only, reached through the
-- pipeline procedures. Pull and staging: job and operator. Migration, requeue and skip: operators.
GRANT EXECUTE ON OBJECT::[woo].[usp_SetStore] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetShipViaMap] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetPayCodeMap] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetTaxMap] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetSkuMap] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetUnitSuffix] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetCustomerClass] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetCustomerMap] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StoreSettings] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StoreSettings] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_WooGetOrders] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PullOrders] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PullOrders] TO [CpOrdersOperator];
GO
-- woo.usp_UpsertOrders is granted to nobody: it is reached from woo.usp_PullOrders and woo.usp_StageOrderJson by
-- ownership chaining, so no caller can hand it @Source = 'PULL' rows of its own.
GRANT EXECUTE ON OBJECT::[woo].[usp_StageOrderJson] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_StageOrderJson] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_RequeueOrder] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SkipOrder] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetOrderStateByOperator] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_MigrateLegacyStaging] TO [CpOrdersOperator];
GO
-- Reading the queue (README, Read the queue): operators only, every column but the raw order JSON (order_key,
-- addresses, IP, meta_data: design 10); the rows still hold shoppers' names through the events and documents.
GRANT SELECT ON OBJECT::[woo].[OrderQueue] ([QueueId], [StoreId], [WooOrderId], [WooOrderNumber], [WooStatus], [DateModifiedGmt],
    [ContentHash], [Source], [State], [Attempts], [NextAttemptUtc], [LastErrorCode], [LastError], [LeaseOwner], [LeaseExpiresUtc],
    [StagedAtUtc], [UpdatedAtUtc], [AppliedAtUtc], [AppliedContentHash], [ChangedAfterApply], [DocId], [DocGuid], [TktNo], [CustNo],
    [LegacyStagingId]) TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PurgeOrderJson] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PurgeOrderJson] TO [CpOrdersJob];
GO
GRANT SELECT ON OBJECT::[woo].[OrderEvent] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[RunLog] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[Alert] TO [CpOrdersOperator];
GO

-- Issue 13 (privacy). Design 10: the meta_data allow-list and the shopper erasure are operator decisions.
GRANT EXECUTE ON OBJECT::[woo].[usp_SetMetaKey] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StoreMetaKey] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_EraseShopper] TO [CpOrdersOperator];
GO

-- Issue 13 (processing)
-- woo.usp_ProcessStagedOrders: the job's processing step; operators run it for one order (@QueueId) or as a dry run.
GRANT EXECUTE ON OBJECT::[woo].[usp_ProcessStagedOrders] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_ProcessStagedOrders] TO [CpOrdersOperator];
GO
-- woo.usp_CheckCounterpointSchema: the drift check (the processor calls it; operators run it after an NCR update).
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckCounterpointSchema] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckCounterpointSchema] TO [CpOrdersOperator];
GO
-- The processor's steps are granted to NO role (SecurityTests, InternalProcedures): woo.usp_ResolveCustomer,
-- woo.usp_GatherPlanInput, woo.usp_TakeDocumentNumbers and woo.usp_WriteOrderDocument. The job and the operators reach
-- them only through woo.usp_ProcessStagedOrders and the dbo entry points (same owner dbo: ownership chaining, no
-- EXECUTE check). Granted, they would let a caller advance any Counterpoint order or customer counter and hold its
-- locks inside their own transaction, read any customer by e-mail, or write an arbitrary plan into Counterpoint.
-- Operators see what an order would get through the dry run (@Execute = 'N') and dbo.sp_ValidateStagedOrder.
-- The predecessor's entry points in dbo (design 1), for operators.
GRANT EXECUTE ON OBJECT::[dbo].[sp_ValidateStagedOrder] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[dbo].[sp_CreateOrderFromStaging] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[dbo].[sp_CreateOrderLines] TO [CpOrdersOperator];
GO
-- Issue 14 (stock sync). Transport procedures (signed for the secret key, PostDeploy/35.SecretAccess.sql): the job only.
-- Catalog read and stock push: the job; operators too (dry runs, a forced full reconciliation). Stock rule setup:
-- operators. Reading the catalog state and the SKU problems: operators (no shoppers' data in them).
GRANT EXECUTE ON OBJECT::[woo].[usp_WooGetProducts] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_WooGetVariations] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_WooBatchUpdateProducts] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_WooBatchUpdateVariations] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_ReadCatalog] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_ReadCatalog] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PushStock] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PushStock] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetStockRule] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetStockItemOverride] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StockRule] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StockLocation] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StockItemOverride] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[CatalogItem] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[SkuProblem] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[CatalogWatermark] TO [CpOrdersOperator];
GO

-- Issue 15 (outbox): what the shop is told, readable by operators.
GRANT SELECT ON OBJECT::[woo].[Outbox] TO [CpOrdersOperator];
GO

-- Issue 15 (scheduling): the jobs (owned by the job login, README "Scheduling") run woo.usp_RunPipeline; operators
-- run it too (a dry run, or a run for one store after fixing it). woo.usp_InstallJobs, woo.usp_UninstallJobs and
-- woo.usp_ScriptTaskScheduler are for a DBA (sysadmin: only a sysadmin may make another login own a job or delete it)
-- and are granted to NO role (SecurityTests, DbaProcedures).
GRANT EXECUTE ON OBJECT::[woo].[usp_RunPipeline] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_RunPipeline] TO [CpOrdersOperator];
GO

-- Issue 15 (alerts). The job runs the digest, the checks and housekeeping; operators configure mail and thresholds,
-- acknowledge alerts and may run the job's steps by hand (dry runs). Read: the settings in force (both roles).
-- woo.usp_SendAlertMail (the Database Mail call) is granted to no role (SecurityTests, InternalProcedures): reached from
-- woo.usp_SendAlertDigest by ownership chaining; msdb itself checks the caller's msdb user (README, Alerts).
GRANT EXECUTE ON OBJECT::[woo].[usp_SendAlertDigest] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SendAlertDigest] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetAlertSetting] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_AcknowledgeAlert] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[AlertSettings] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[AlertSettings] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckAlerts] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_CheckAlerts] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_Housekeeping] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_Housekeeping] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetAlertClass] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[AlertClassSetting] TO [CpOrdersOperator];
GO

-- Issue 15 (payments): the operator chooses how a store's payments are recorded (README, Payments) and reads the rule.
GRANT EXECUTE ON OBJECT::[woo].[usp_SetPaymentRule] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StorePaymentRule] TO [CpOrdersOperator];
GO

-- Issue 15 (outbox: status back to the shop). woo.usp_PushUpdates: the job's push step (it calls the signed transport
-- procedures woo.usp_WooBatchUpdateOrders, usp_WooUpdateOrder, usp_WooListOrderNotes, usp_WooAddOrderNote through
-- ownership chaining only: those four are granted to no role (SecurityTests, InternalProcedures), so the job login cannot
-- write a status, meta or note to an order past the outbox and its never-backwards rule); operators too (a dry run, or
-- a push now after fixing a cause). Setup and the message procedures (requeue, skip, re-push, each logged in
-- woo.OutboxEvent): operators only.
-- woo.usp_EnqueueAfterCreate is internal (SecurityTests, InternalProcedures): reached from woo.usp_ProcessStagedOrders
-- by ownership chaining only, inside the document's transaction.
GRANT EXECUTE ON OBJECT::[woo].[usp_PushUpdates] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PushUpdates] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SetStatusRule] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_RequeueMessage] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SkipMessage] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_RepushOrderStatus] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[StoreStatusRule] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[OutboxEvent] TO [CpOrdersOperator];
GO

-- Issue 15 (health). The health views: operators (and a monitor login holding only CpOrdersOperator) read them with one
-- SELECT; they show no order content and no personal data. woo.usp_PipelineHealth: operators and the job (a job step
-- or the pipeline may call it). The record of the install checks (no secrets) is readable by operators too.
GRANT SELECT ON OBJECT::[woo].[HealthSummary] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthCheck] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthStore] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthQueue] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthStep] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthError] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthAlert] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthOutbox] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[HealthServer] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[InstallCheckRecord] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PipelineHealth] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_PipelineHealth] TO [CpOrdersJob];
GO

-- Issue 15 (reconciliation). woo.usp_Reconcile: the job's daily step and an operator's run for any range; the report
-- and the findings (order ids, amounts, codes; no personal data) for operators. woo.usp_RepullOrders: operators only.
-- woo.usp_GatherReconcileDocs (the signed read of the Counterpoint documents) is granted to NO role (SecurityTests,
-- InternalProcedures): reached from woo.usp_Reconcile by ownership chaining.
GRANT EXECUTE ON OBJECT::[woo].[usp_Reconcile] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_Reconcile] TO [CpOrdersOperator];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_RepullOrders] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[ReconcileFinding] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[ReconcileReport] TO [CpOrdersOperator];
GO

-- Issue 14 (catalog): a full catalog reconciliation now (the nightly job; operators on demand).
GRANT EXECUTE ON OBJECT::[woo].[usp_ReconcileCatalog] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_ReconcileCatalog] TO [CpOrdersOperator];
GO

-- Issue 15 (fulfillment): the job follows applied orders in Counterpoint and queues what the shop must learn; operators
-- may run it too (a dry run, one order with @QueueId). woo.usp_ReadFulfillment and woo.usp_ReadFulfillmentHistory are
-- internal (ownership chaining). The
-- fulfillment state is readable by operators (no shoppers' personal data in it: quantities, tracking numbers, DOC_IDs).
GRANT EXECUTE ON OBJECT::[woo].[usp_SyncFulfillment] TO [CpOrdersJob];
GO
GRANT EXECUTE ON OBJECT::[woo].[usp_SyncFulfillment] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[OrderFulfillment] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[OrderFulfillmentRelease] TO [CpOrdersOperator];
GO
GRANT SELECT ON OBJECT::[woo].[OrderFulfillmentTracking] TO [CpOrdersOperator];
GO
