-- A CLR exception reaches T-SQL as Msg 6522 with the .NET type name (and a stack trace) before its message, so
-- ERROR_MESSAGE() does not start with 'CPO-PARAM:'; the documented test is ERROR_MESSAGE() LIKE N'%CPO-PARAM:%'.
-- Raised before any request (@OrderId NULL), so no shop is contacted.
CREATE PROCEDURE [test_ClrErrors].[test a CLR parameter error is Msg 6522 and found with LIKE CPO-PARAM]
AS
BEGIN
    DECLARE @Applied bit, @CurrentStatus nvarchar(40), @ResponseJson nvarchar(max),
            @HttpStatus int, @ErrorCode nvarchar(100), @ErrorMessage nvarchar(4000), @Requests int;

    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'%CPO-PARAM: @OrderId is required%', @ExpectedErrorNumber = 6522;

    EXEC wooclr.UpdateOrder @BaseUrl = N'https://shop.example.com', @ConsumerKey = N'ck_test', @ConsumerSecret = N'cs_test',
         @AuthMode = N'basic', @TimeoutSeconds = 30, @TotalBudgetSeconds = 120, @AllowPlainHttp = 0, @ProxyUrl = NULL, @UserAgent = NULL,
         @OrderId = NULL, @Status = N'completed', @MetaJson = NULL, @OnlyIfStatusIn = NULL,
         @Applied = @Applied OUTPUT, @CurrentStatus = @CurrentStatus OUTPUT, @ResponseJson = @ResponseJson OUTPUT,
         @HttpStatus = @HttpStatus OUTPUT, @ErrorCode = @ErrorCode OUTPUT, @ErrorMessage = @ErrorMessage OUTPUT, @Requests = @Requests OUTPUT;
END;
