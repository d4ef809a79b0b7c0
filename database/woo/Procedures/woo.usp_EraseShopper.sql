-- Design 10: erases a shopper's personal data from CpOrders (never from Counterpoint: its customer and document data
-- are erased with Counterpoint's own tools). The shopper's queue rows are those whose kept JSON has billing.email =
-- @Email (case-insensitive) or customer_id = @WooCustomerId, and then every row with a billing e-mail found on those
-- rows (so erasing by @WooCustomerId alone also finds the shopper's guest orders and e-mail map rows); a row whose JSON
-- was already purged has nothing left to erase and cannot be found (the queue keeps no e-mail column). For each row: OrderJson set to NULL (WooOrderNumber,
-- ContentHash, status and the document link stay) and an ERASED event whose detail holds no personal data (the reason
-- with the e-mail masked; put no other personal data in @Reason). The woo.StoreCustomerMap rows 'email:<address>' of
-- every e-mail found are removed. Only finished rows (APPLIED,
-- SKIPPED, DEAD) are erased: an unfinished row is reported and nothing is done (skip it first: woo.usp_SkipOrder).
-- @Execute = 'N' (the default) lists what would be erased and writes nothing. Every problem is reported at once.
CREATE PROCEDURE [woo].[usp_EraseShopper]
    @StoreId        varchar (10),
    @Email          nvarchar (320) = NULL,
    @WooCustomerId  bigint = NULL,
    @Reason         nvarchar (400) = NULL,
    @Execute        char (1) = 'N'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Mail nvarchar (320) = NULLIF(LOWER(LTRIM(RTRIM(@Email))), N''), @Why nvarchar (400) = NULLIF(LTRIM(RTRIM(@Reason)), N''),
            @Customer nvarchar (20) = CONVERT(nvarchar (20), @WooCustomerId);
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store.');
    IF @Mail IS NULL AND @WooCustomerId IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@Email and/or @WooCustomerId is required.');
    IF @WooCustomerId IS NOT NULL AND @WooCustomerId <= 0
        INSERT INTO @Errors ([Message]) VALUES (N'@WooCustomerId must be a WooCommerce customer id (> 0; guests have none).');
    IF @Why IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required (it is logged with each ERASED event, the e-mail masked).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');

    -- The shopper's queue rows that still hold JSON (the only place the queue keeps an e-mail).
    DECLARE @Rows TABLE (QueueId bigint NOT NULL PRIMARY KEY, WooOrderId bigint NOT NULL, WooOrderNumber nvarchar (40) NULL, [State] varchar (10) NOT NULL);
    IF @StoreId IS NOT NULL AND (@Mail IS NOT NULL OR @WooCustomerId IS NOT NULL)
        INSERT INTO @Rows (QueueId, WooOrderId, WooOrderNumber, [State])
        SELECT q.QueueId, q.WooOrderId, q.WooOrderNumber, q.[State]
        FROM woo.OrderQueue AS q
        CROSS APPLY (SELECT CASE WHEN ISJSON(q.OrderJson) = 1 THEN LOWER(LTRIM(RTRIM(JSON_VALUE(q.OrderJson, N'$.billing.email')))) END AS Mail,
                            CASE WHEN ISJSON(q.OrderJson) = 1 THEN JSON_VALUE(q.OrderJson, N'$.customer_id') END AS Customer) AS j
        WHERE q.StoreId = @StoreId AND q.OrderJson IS NOT NULL
          AND ((@Mail IS NOT NULL AND j.Mail = @Mail) OR (@Customer IS NOT NULL AND j.Customer = @Customer));
    -- The e-mails of the shopper: @Email and every billing e-mail on the rows found (by customer id). One more pass
    -- finds the rows of those e-mails (guest orders placed before or without the account).
    DECLARE @Mails TABLE (Mail nvarchar (320) NOT NULL PRIMARY KEY);
    IF @Mail IS NOT NULL
        INSERT INTO @Mails (Mail) VALUES (@Mail);
    INSERT INTO @Mails (Mail)
    SELECT DISTINCT j.Mail
    FROM @Rows AS r
    JOIN woo.OrderQueue AS q ON q.QueueId = r.QueueId
    CROSS APPLY (SELECT CASE WHEN ISJSON(q.OrderJson) = 1 THEN LEFT(LOWER(LTRIM(RTRIM(JSON_VALUE(q.OrderJson, N'$.billing.email')))), 320) END AS Mail) AS j
    WHERE j.Mail IS NOT NULL AND j.Mail <> N'' AND NOT EXISTS (SELECT 1 FROM @Mails AS m WHERE m.Mail = j.Mail);
    IF @StoreId IS NOT NULL AND EXISTS (SELECT 1 FROM @Mails)
        INSERT INTO @Rows (QueueId, WooOrderId, WooOrderNumber, [State])
        SELECT q.QueueId, q.WooOrderId, q.WooOrderNumber, q.[State]
        FROM woo.OrderQueue AS q
        CROSS APPLY (SELECT CASE WHEN ISJSON(q.OrderJson) = 1 THEN LOWER(LTRIM(RTRIM(JSON_VALUE(q.OrderJson, N'$.billing.email')))) END AS Mail) AS j
        WHERE q.StoreId = @StoreId AND q.OrderJson IS NOT NULL
          AND EXISTS (SELECT 1 FROM @Mails AS m WHERE m.Mail = j.Mail)
          AND NOT EXISTS (SELECT 1 FROM @Rows AS r WHERE r.QueueId = q.QueueId);
    DECLARE @MapKeys TABLE (WooCustomerKey nvarchar (200) NOT NULL PRIMARY KEY);
    INSERT INTO @MapKeys (WooCustomerKey) SELECT DISTINCT LEFT(N'email:' + m.Mail, 200) FROM @Mails AS m;
    IF EXISTS (SELECT 1 FROM @Rows AS r WHERE r.[State] NOT IN ('APPLIED', 'SKIPPED', 'DEAD'))
        INSERT INTO @Errors ([Message])
        SELECT LEFT(N'queue row(s) not finished (skip them first with woo.usp_SkipOrder, or wait until they are applied): '
                    + STRING_AGG(CONVERT(nvarchar (max), CONVERT(nvarchar (20), r.QueueId) + N' (' + r.[State] + N')'), N', ') WITHIN GROUP (ORDER BY r.QueueId), 4000)
        FROM @Rows AS r WHERE r.[State] NOT IN ('APPLIED', 'SKIPPED', 'DEAD');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_EraseShopper: nothing was erased; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50491, @All, 1;
    END;

    DECLARE @Detail nvarchar (4000) = LEFT(N'personal data erased (woo.usp_EraseShopper): order JSON removed; reason: '
                                           + CASE WHEN @Mail IS NULL THEN @Why ELSE REPLACE(REPLACE(@Why, LTRIM(RTRIM(@Email)), N'<e-mail>'), @Mail, N'<e-mail>') END, 4000);
    SELECT 'OrderQueue' AS Kind, CONVERT(nvarchar (20), r.QueueId) AS [Key], r.WooOrderNumber, r.[State], N'OrderJson set to NULL, ERASED event' AS WhatHappens
    FROM @Rows AS r
    UNION ALL
    SELECT 'StoreCustomerMap', m.WooCustomerKey, NULL, NULL, N'removed (was CUST_NO ' + m.CustNo + N'; the Counterpoint customer stays)'
    FROM woo.StoreCustomerMap AS m WHERE m.StoreId = @StoreId AND m.WooCustomerKey IN (SELECT k.WooCustomerKey FROM @MapKeys AS k)
    ORDER BY Kind, [Key];
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_EraseShopper: @Execute = ''N'' wrote nothing (what would be erased is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @Erased TABLE (QueueId bigint NOT NULL);
    DECLARE @Orders int, @Maps int;
    BEGIN TRANSACTION;
    -- Re-checked under the rows' locks: a row re-staged meanwhile (no longer finished) is left alone.
    UPDATE q
    SET OrderJson = NULL, UpdatedAtUtc = SYSUTCDATETIME()
    OUTPUT inserted.QueueId INTO @Erased (QueueId)
    FROM woo.OrderQueue AS q WITH (UPDLOCK, HOLDLOCK)
    JOIN @Rows AS r ON r.QueueId = q.QueueId
    WHERE q.[State] IN ('APPLIED', 'SKIPPED', 'DEAD') AND q.OrderJson IS NOT NULL;
    SET @Orders = @@ROWCOUNT;
    INSERT INTO woo.OrderEvent (QueueId, EventType, Code, Detail, RunId)
    SELECT e.QueueId, 'ERASED', NULL, @Detail, NULL FROM @Erased AS e;
    DELETE FROM woo.StoreCustomerMap WHERE StoreId = @StoreId AND WooCustomerKey IN (SELECT k.WooCustomerKey FROM @MapKeys AS k);
    SET @Maps = @@ROWCOUNT;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_EraseShopper: erased the JSON of %d queue row(s) and removed %d customer map row(s).', 10, 1, @Orders, @Maps) WITH NOWAIT;
    RETURN 0;
END;
