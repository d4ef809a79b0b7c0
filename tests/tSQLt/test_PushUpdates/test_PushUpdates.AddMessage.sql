-- Helper (not a test): one message of store T15S, due now.
CREATE PROCEDURE [test_PushUpdates].[AddMessage]
    @WooOrderId bigint,
    @Kind       varchar (10),
    @Marker     varchar (100),
    @WooStatus  varchar (40) = NULL,
    @NoteText   nvarchar (2000) = NULL,
    @MessageId  bigint = NULL OUTPUT
AS
BEGIN
    INSERT INTO woo.Outbox (StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote, [State], Attempts, NextAttemptUtc)
    VALUES ('T15S', @WooOrderId, @Kind, 'CREATED', @Marker, @WooStatus, @NoteText, 'N', 'PENDING', 0, DATEADD(MINUTE, -1, SYSUTCDATETIME()));
    SET @MessageId = SCOPE_IDENTITY();
END;
