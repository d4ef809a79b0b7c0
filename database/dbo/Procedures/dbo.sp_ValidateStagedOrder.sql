-- The predecessor's entry point, kept with its parameters (design 1): validates one queued order the way processing
-- will, and writes nothing. @StagingID is woo.OrderQueue.QueueId (a row migrated from dbo.USER_ORDER_STAGING keeps
-- its old id in woo.OrderQueue.LegacyStagingId: look the QueueId up there). Checks, all reported at once: the queue row
-- exists and is not applied or skipped, the customer can be resolved (woo.usp_ResolveCustomer), every planner problem
-- (wooclr.PlanOrderDocument without numbers), and the numbers the order would take (peeked, not taken).
-- Returns one row per problem (Code, Message, Line) and @IsValid = 1 when there is none; @ErrorMessage holds the
-- problems, cut to the predecessor's 500 characters (the result set has every one in full).
CREATE PROCEDURE [dbo].[sp_ValidateStagedOrder]
    @StagingID     int,
    @IsValid       bit = NULL OUTPUT,
    @ErrorMessage  nvarchar (500) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Problems TABLE (Seq int IDENTITY (1, 1) NOT NULL, Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL, Line int NULL);
    DECLARE @QueueId bigint = @StagingID, @StoreId varchar (10), @State varchar (10), @OrderJson nvarchar (max), @DocId bigint,
            @TimeZone nvarchar (100), @StrId varchar (10), @StaId varchar (10), @UseWeb char (1), @WebNumber nvarchar (40),
            @Mode varchar (10), @CustNo varchar (15), @TemplateCustNo varchar (15), @MapKey nvarchar (200), @MapHow varchar (10),
            @Reason nvarchar (1000), @ProblemCode varchar (40), @Problem nvarchar (1000), @Input nvarchar (max), @Plan nvarchar (max),
            @Held varchar (15), @NeedCust char (1), @TktDt datetime, @NewCustNo varchar (15), @TktNo varchar (15), @NewDocId bigint;
    -- Payments (issue 15): a deposit ticket's numbers are peeked too (its counter must be set).
    DECLARE @NeedTicket char (1) = 'N', @DrwId varchar (10), @DrwSessionId bigint, @DepTktNo varchar (15), @DepDocId bigint;

    SELECT @StoreId = q.StoreId, @State = q.[State], @OrderJson = q.OrderJson, @DocId = q.DocId, @WebNumber = q.WooOrderNumber,
           @TimeZone = s.TimeZoneName, @StrId = s.CpStrId, @StaId = s.CpStaId, @UseWeb = s.UseWebNumberAsTicket, @DrwId = s.CpDrwId
    FROM woo.OrderQueue AS q JOIN woo.Store AS s ON s.StoreId = q.StoreId
    WHERE q.QueueId = @QueueId;

    IF EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.LegacyStagingId = @StagingID AND q.QueueId <> @QueueId)
        INSERT INTO @Problems (Code, [Message])
        SELECT TOP (1) 'CPO-QUEUE-AMBIGUOUS', N'@StagingID ' + CONVERT(nvarchar (20), @StagingID) + N' is a QueueId, but also the predecessor staging id of QueueId '
               + CONVERT(nvarchar (20), q.QueueId) + N'; validate by QueueId (the row shown is the QueueId''s).'
        FROM woo.OrderQueue AS q WHERE q.LegacyStagingId = @StagingID AND q.QueueId <> @QueueId ORDER BY q.QueueId;
    IF @StoreId IS NULL
        INSERT INTO @Problems (Code, [Message]) VALUES ('CPO-QUEUE-UNKNOWN', N'Staging record not found: no woo.OrderQueue row with QueueId ' + ISNULL(CONVERT(nvarchar (20), @StagingID), N'NULL') + N' (a predecessor staging id is woo.OrderQueue.LegacyStagingId).');
    ELSE IF @State = 'APPLIED'
        INSERT INTO @Problems (Code, [Message]) VALUES ('CPO-QUEUE-APPLIED', N'Order already applied (DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N').');
    ELSE IF @State = 'SKIPPED'
        INSERT INTO @Problems (Code, [Message]) VALUES ('CPO-QUEUE-SKIPPED', N'The order was skipped by an operator; requeue it (woo.usp_RequeueOrder) to process it.');
    ELSE IF ISJSON(@OrderJson) IS NULL OR ISJSON(@OrderJson) = 0
        INSERT INTO @Problems (Code, [Message]) VALUES ('CPO-ORDER-JSON', N'The queue row holds no readable order JSON (purged?); re-stage the order.');
    ELSE
    BEGIN
        BEGIN TRY
            EXEC woo.usp_ResolveCustomer @StoreId = @StoreId, @OrderJson = @OrderJson, @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT,
                 @TemplateCustNo = @TemplateCustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
                 @ProblemCode = @ProblemCode OUTPUT, @Problem = @Problem OUTPUT;
            IF @Problem IS NOT NULL
                INSERT INTO @Problems (Code, [Message]) VALUES (@ProblemCode, @Problem);
            ELSE
            BEGIN
                SELECT @Held = CASE WHEN @Mode = 'CREATE' THEN @TemplateCustNo ELSE @CustNo END,
                       @NeedCust = CASE WHEN @Mode = 'CREATE' THEN 'Y' ELSE 'N' END;
                EXEC woo.usp_GatherPlanInput @QueueId = @QueueId, @Mode = @Mode, @CustNo = @Held, @Input = @Input OUTPUT;
                SET @Plan = wooclr.PlanOrderDocument(@Input);
                INSERT INTO @Problems (Code, [Message], Line)
                SELECT p.code, p.[message], p.line
                FROM OPENJSON(@Plan, N'$.problems') WITH (code varchar (40) N'$.code', [message] nvarchar (4000) N'$.message', line int N'$.line') AS p;
                SET @TktDt = CONVERT(datetime, ISNULL(TRY_CONVERT(datetime2 (0), JSON_VALUE(@OrderJson, N'$.date_created_gmt'), 126), SYSUTCDATETIME())
                                               AT TIME ZONE 'UTC' AT TIME ZONE @TimeZone);
                -- (A closed drawer is already the planner's CPO-DRAWER-CLOSED: the ticket's numbers are peeked only with a session.)
                SET @DrwSessionId = TRY_CONVERT(bigint, JSON_VALUE(@Input, N'$.counterpoint.PS_DRW_SESSION.DRW_SESSION_ID'));
                IF JSON_VALUE(@Plan, N'$.payment.depositTicket') = N'true' AND @DrwSessionId IS NOT NULL
                    SET @NeedTicket = 'Y';
                EXEC woo.usp_TakeDocumentNumbers @StrId = @StrId, @StaId = @StaId, @TktDt = @TktDt, @UseWebNumber = @UseWeb,
                     @WebOrderNumber = @WebNumber, @NeedCustNo = @NeedCust, @Peek = 'Y',
                     @CustNo = @NewCustNo OUTPUT, @TktNo = @TktNo OUTPUT, @DocId = @NewDocId OUTPUT,
                     @NeedDepositTicket = @NeedTicket, @DrwId = @DrwId, @DrwSessionId = @DrwSessionId, @DepTktNo = @DepTktNo OUTPUT, @DepDocId = @DepDocId OUTPUT;
            END;
        END TRY
        BEGIN CATCH
            INSERT INTO @Problems (Code, [Message])
            VALUES (CASE WHEN ERROR_MESSAGE() LIKE N'CPO-%' THEN LEFT(LEFT(ERROR_MESSAGE(), CHARINDEX(N':', ERROR_MESSAGE() + N':') - 1), 40)
                         ELSE 'SQL-' + CONVERT(varchar (10), ERROR_NUMBER()) END, ERROR_MESSAGE());
        END CATCH;
    END;

    SET @IsValid = CASE WHEN EXISTS (SELECT 1 FROM @Problems) THEN 0 ELSE 1 END;
    SET @ErrorMessage = LEFT((SELECT STRING_AGG(CONVERT(nvarchar (max), p.[Message]), N' ') WITHIN GROUP (ORDER BY p.Seq) FROM @Problems AS p), 500);
    SELECT p.Code, p.[Message], p.Line FROM @Problems AS p ORDER BY p.Seq;
END;
