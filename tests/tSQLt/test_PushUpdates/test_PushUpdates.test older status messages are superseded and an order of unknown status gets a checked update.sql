-- Order 7001 has two open STATUS messages (processing, then completed): only completed is sent, processing is SKIPPED
-- CPO-OUTBOX-SUPERSEDED. Every status is a checked update (review r15, 1): 7001 only from a status ranked below
-- completed, 7002 (never pulled, no known status) only from one ranked below processing.
CREATE PROCEDURE [test_PushUpdates].[test older status messages are superseded and an order of unknown status gets a checked update]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 7001, @WooStatus = N'on-hold';
    DECLARE @Old bigint, @New bigint, @Unknown bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 7001, @Kind = 'STATUS', @Marker = 'cpo:created:71', @WooStatus = 'processing', @MessageId = @Old OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 7001, @Kind = 'STATUS', @Marker = 'cpo:shipped:71', @WooStatus = 'completed', @MessageId = @New OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 7002, @Kind = 'STATUS', @Marker = 'cpo:created:72', @WooStatus = 'processing', @MessageId = @Unknown OUTPUT;

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    SELECT s.kind, s.order_id, s.status, s.note INTO #ActualSent FROM #sent AS s;
    CREATE TABLE #ExpectedSent (kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max));
    INSERT INTO #ExpectedSent VALUES ('UPDATE', 7001, N'completed', N'pending,on-hold,processing'), ('UPDATE', 7002, N'processing', N'pending,on-hold');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedSent', @Actual = N'#ActualSent';
    SELECT o.MessageId, o.[State], o.LastErrorCode INTO #Actual FROM woo.Outbox AS o;
    CREATE TABLE #Expected (MessageId bigint, [State] varchar (10), LastErrorCode varchar (40));
    INSERT INTO #Expected VALUES (@Old, 'SKIPPED', 'CPO-OUTBOX-SUPERSEDED'), (@New, 'SENT', NULL), (@Unknown, 'SENT', NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
