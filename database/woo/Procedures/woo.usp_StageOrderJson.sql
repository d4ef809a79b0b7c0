-- Stages one WooCommerce order given as JSON text, without the CLR's HTTP (design 9: an external runner built from the
-- same C# source, a test, or an operator pasting an order). Same path as the pull: woo.usp_UpsertOrders (checked with
-- wooclr.OrderJsonCheck, de-duplicated by content hash, re-staged before apply, recorded and alerted after apply).
-- Invalid JSON is parked under @WooOrderId when it is given, else refused with the parser's message (nothing to key a
-- queue row on). One woo.RunLog row (STAGE_JSON). @Execute = 'N' shows what would happen and writes nothing.
CREATE PROCEDURE [woo].[usp_StageOrderJson]
    @StoreId    varchar (10),
    @OrderJson  nvarchar (max),
    @WooOrderId bigint = NULL,
    @Execute    char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Valid bit, @ParseError nvarchar (4000), @Id bigint, @Status nvarchar (40), @Modified datetime2 (0);
    DECLARE @Enabled char (1), @Import nvarchar (400), @Cutover datetime2 (0), @Created datetime2 (0);
    SELECT @Enabled = s.IsEnabled, @Import = s.StatusesToImport, @Cutover = s.CutoverUtc FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @Enabled IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    ELSE IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @OrderJson IS NULL OR LTRIM(RTRIM(@OrderJson)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@OrderJson is required: one WooCommerce order object as the REST API returns it.');
    ELSE
    BEGIN
        SELECT @Valid = c.is_valid, @ParseError = c.error FROM wooclr.OrderJsonCheck(@OrderJson) AS c;
        IF @Valid = 1
            SELECT @Id = h.id, @Status = LEFT(h.status, 40), @Modified = CONVERT(datetime2 (0), h.date_modified_gmt),
                   @Created = CONVERT(datetime2 (0), h.date_created_gmt)
            FROM wooclr.OrderHeader(@OrderJson) AS h;
        ELSE IF @WooOrderId IS NULL
            INSERT INTO @Errors ([Message]) VALUES (N'@OrderJson is not a valid order (' + ISNULL(@ParseError, N'?') + N'); give @WooOrderId to park it under that order id.');
        IF @Valid = 1 AND @WooOrderId IS NOT NULL AND @WooOrderId <> @Id
            INSERT INTO @Errors ([Message]) VALUES (N'@WooOrderId ' + CONVERT(nvarchar (20), @WooOrderId) + N' differs from the JSON''s id ' + ISNULL(CONVERT(nvarchar (20), @Id), N'NULL') + N'.');
        IF @Valid = 1 AND @Id IS NULL
            INSERT INTO @Errors ([Message]) VALUES (N'@OrderJson has no order id.');
    END;
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_StageOrderJson: nothing was staged; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50132, @All, 1;
    END;
    SET @Id = ISNULL(@Id, @WooOrderId);

    DECLARE @Hash binary (32) = HASHBYTES('SHA2_256', @OrderJson), @QueueId bigint, @State varchar (10), @OldHash binary (32), @Applied bit,
            @OldModified datetime2 (0);
    SELECT @QueueId = q.QueueId, @State = q.[State], @OldHash = q.ContentHash, @OldModified = q.DateModifiedGmt,
           @Applied = CASE WHEN q.AppliedContentHash IS NULL AND q.[State] <> 'APPLIED' THEN 0 ELSE 1 END
    FROM woo.OrderQueue AS q WHERE q.StoreId = @StoreId AND q.WooOrderId = @Id;
    -- The rules of woo.usp_UpsertOrders (which decides; this is what the caller is told).
    DECLARE @Importable bit = CASE WHEN @Status IS NULL OR EXISTS (SELECT 1 FROM STRING_SPLIT(@Import, N',') AS x WHERE LTRIM(RTRIM(x.value)) = @Status)
                                   THEN 1 ELSE 0 END;
    DECLARE @WouldDo varchar (60) = CASE WHEN @QueueId IS NULL AND @Importable = 0 THEN 'IGNORE (status not imported)'
                                         WHEN @QueueId IS NULL AND @Valid = 1 AND @Cutover IS NOT NULL AND (@Created IS NULL OR @Created < @Cutover)
                                         THEN 'PARK (CPO-PRE-CUTOVER)'
                                         WHEN @QueueId IS NULL THEN CASE WHEN @Valid = 1 THEN 'STAGE (new)' ELSE 'PARK (invalid JSON)' END
                                         WHEN @OldHash = @Hash THEN 'UNCHANGED'
                                         WHEN @OldModified IS NOT NULL AND @Modified < @OldModified THEN 'UNCHANGED (older than the queued version)'
                                         WHEN @Applied = 1 THEN 'CHANGED AFTER APPLY (recorded, never applied)'
                                         WHEN @Valid = 0 THEN 'PARK (invalid JSON)'
                                         WHEN @Importable = 0 AND @State NOT IN ('SKIPPED', 'PARKED') THEN 'WITHDRAW (status not imported)'
                                         ELSE 'RESTAGE' END;
    IF @Execute = 'N'
    BEGIN
        SELECT @StoreId AS StoreId, @Id AS WooOrderId, @QueueId AS QueueId, @State AS CurrentState, @WouldDo AS WouldDo, @ParseError AS ParserMessage;
        RAISERROR (N'woo.usp_StageOrderJson: @Execute = ''N'' wrote nothing.', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @RunId bigint, @Batch nvarchar (max) = (SELECT N'order' AS row_kind, @Id AS order_id, @Status AS status, @Modified AS date_modified_gmt,
                                                           @OrderJson AS order_json FOR JSON PATH, INCLUDE_NULL_VALUES);
    INSERT INTO woo.RunLog (Step, StoreId, Outcome, IsDryRun) VALUES ('STAGE_JSON', @StoreId, 'RUNNING', 'N');
    SET @RunId = SCOPE_IDENTITY();
    DECLARE @Read int, @Staged int, @Restaged int, @Unchanged int, @Parked int, @Changed int, @Ignored int, @Withdrawn int;
    BEGIN TRY
        EXEC woo.usp_UpsertOrders @StoreId = @StoreId, @Source = 'JSON', @OrdersJson = @Batch, @RunId = @RunId,
             @Read = @Read OUTPUT, @Staged = @Staged OUTPUT, @Restaged = @Restaged OUTPUT, @Unchanged = @Unchanged OUTPUT,
             @Parked = @Parked OUTPUT, @ChangedAfterApply = @Changed OUTPUT, @Ignored = @Ignored OUTPUT, @Withdrawn = @Withdrawn OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-STAGE-ERROR', ErrorMessage = @Error
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    UPDATE r
    SET EndedAtUtc = SYSUTCDATETIME(), Outcome = CASE WHEN @Parked + @Changed + @Withdrawn > 0 THEN 'WARNING' ELSE 'OK' END,
        OrdersRead = @Read, OrdersStaged = @Staged + @Restaged, OrdersParked = @Parked,
        Details = (SELECT @Id AS woo_order_id, @WouldDo AS outcome, @Staged AS staged_new, @Restaged AS restaged, @Unchanged AS unchanged,
                          @Parked AS parked, @Changed AS changed_after_apply, @Ignored AS ignored_status, @Withdrawn AS withdrawn_status FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
    FROM woo.RunLog AS r WHERE r.RunId = @RunId;

    SELECT q.StoreId, q.WooOrderId, q.QueueId, q.[State], @WouldDo AS Outcome, q.LastErrorCode, q.LastError
    FROM woo.OrderQueue AS q WHERE q.StoreId = @StoreId AND q.WooOrderId = @Id;
    RAISERROR (N'woo.usp_StageOrderJson: store %s: %s.', 10, 1, @StoreId, @WouldDo) WITH NOWAIT;
    RETURN 0;
END;
