-- Helper (not a test): clean-up of the NoTransaction test that breaks the enqueue: drops its test-only constraint, then
-- test_ProcessStagedOrders.CleanUp deletes every row of store T13P (messages included).
CREATE PROCEDURE [test_PushUpdates].[CleanUpProcessed]
AS
BEGIN
    IF EXISTS (SELECT 1 FROM sys.objects AS o WHERE o.name = N'CK_test_PushUpdates_NoNote' AND o.schema_id = SCHEMA_ID(N'woo'))
        EXEC (N'ALTER TABLE woo.Outbox DROP CONSTRAINT CK_test_PushUpdates_NoNote;');
    EXEC test_ProcessStagedOrders.CleanUp;
END;
