-- Sends one alert digest through Database Mail (msdb.dbo.sp_send_dbmail). Its own procedure so tSQLt can spy on it
-- (a procedure in msdb cannot be spied on from CpOrders). Internal: granted to no role, reached from
-- woo.usp_SendAlertDigest by ownership chaining; msdb checks the caller's own msdb user (DatabaseMailUserRole and the
-- profile's access, design 8) - no cross-database chaining, no signature.
CREATE PROCEDURE [woo].[usp_SendAlertMail]
    @Profile    sysname,
    @Recipients varchar (2000),
    @Subject    nvarchar (255),
    @Body       nvarchar (max),
    @MailItemId int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @Rc int;
    EXEC @Rc = msdb.dbo.sp_send_dbmail @profile_name = @Profile, @recipients = @Recipients, @subject = @Subject, @body = @Body,
                                       @body_format = 'TEXT', @mailitem_id = @MailItemId OUTPUT;
    IF @Rc <> 0
        THROW 50612, N'CPO-MAIL-FAILED: msdb.dbo.sp_send_dbmail returned a failure code without an error; see msdb.dbo.sysmail_event_log.', 1;
    RETURN 0;
END;
