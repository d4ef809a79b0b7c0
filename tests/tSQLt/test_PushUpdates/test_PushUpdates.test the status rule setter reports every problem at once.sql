CREATE PROCEDURE [test_PushUpdates].[test the status rule setter reports every problem at once]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    -- Five problems in one call, one error naming them all (THROW under XACT_ABORT dooms the test's transaction, so
    -- ExpectException is the last statement, as in test_StockSync).
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetStatusRule: nothing was changed; fix every problem:%@IsEnabled, @PrivateNoteAfterCreate%@StatusOrder names ''processing'' more than once%@StatusWhenShipped: ''Shipped!'' is not a status slug%@StatusAfterCreate: ''cancelled'' ends or un-pays the order%@StatusWhenVoided: ''my-void'' is not in @StatusOrder%';
    EXEC woo.usp_SetStatusRule @StoreId = 'T15S', @IsEnabled = 'X', @StatusAfterCreate = N'cancelled', @StatusWhenShipped = N'Shipped!',
         @StatusWhenVoided = N'my-void', @StatusOrder = N'pending,processing,processing,completed';
END;
