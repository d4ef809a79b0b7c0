-- The predecessor's entry point, kept with its parameters for compatibility (design 1), but it writes NOTHING: in
-- CpOrders an order's lines are written with their document, in the document's one transaction (design 5), by
-- dbo.sp_CreateOrderFromStaging / woo.usp_ProcessStagedOrders - lines written on their own could leave a document
-- without lines, or lines without totals, which is what made the predecessor's orders show 0.00. It answers
-- @Success = 0, @LinesCreated = 0, @TotLinDisc = 0 and an @ErrorMessage pointing to dbo.sp_CreateOrderFromStaging,
-- so an old caller that checks @Success stops instead of assuming lines were added.
CREATE PROCEDURE [dbo].[sp_CreateOrderLines]
    @DocID          bigint,
    @TktNo          varchar (15),
    @LineItemsJSON  nvarchar (max),
    @LinesCreated   int = NULL OUTPUT,
    @TotLinDisc     decimal (15, 4) = NULL OUTPUT,
    @Success        bit = NULL OUTPUT,
    @ErrorMessage   nvarchar (500) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SELECT @LinesCreated = 0, @TotLinDisc = 0, @Success = 0,
           @ErrorMessage = N'CPO-OBSOLETE: dbo.sp_CreateOrderLines writes nothing. Lines are written with their document in one transaction by dbo.sp_CreateOrderFromStaging (or the job, woo.usp_ProcessStagedOrders); call that with the order''s QueueId.';
END;
