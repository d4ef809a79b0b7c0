-- Nothing named and no reason: both problems in one error, nothing acknowledged.
CREATE PROCEDURE [test_Alerts].[test acknowledging reports every problem at once]
AS
BEGIN
    EXEC [test_Alerts].[Arrange];
    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PULL-FAILED', @Message = N'a', @StoreId = 'T15A';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'%nothing was acknowledged%name the alerts%@Reason is required%';
    EXEC woo.usp_AcknowledgeAlert @Reason = N' ';
END;
