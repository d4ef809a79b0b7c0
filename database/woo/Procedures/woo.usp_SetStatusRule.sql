-- Sets what a store's shoppers are told and when (woo.StoreStatusRule; README "Status back to the shop"). NULL keeps
-- the current value (a new rule starts from the table's defaults); '' clears an optional one (StatusAfterCreate,
-- CustomerNoteAfterCreate, StatusWhenVoided). Statuses are WooCommerce slugs (lower case, without 'wc-'), each ranked in
-- @StatusOrder or final (cancelled, refunded, failed). Every problem is reported at once; @Execute = 'N' checks and
-- lists column, current and new, and writes nothing.
CREATE PROCEDURE [woo].[usp_SetStatusRule]
    @StoreId                 varchar (40),
    @IsEnabled               char (1) = NULL,          -- N: nothing is queued for the shop
    @StatusAfterCreate       nvarchar (100) = NULL,    -- e.g. 'processing'; '' = leave the status as it is
    @PrivateNoteAfterCreate  char (1) = NULL,          -- Y: a private note with DOC_ID and TKT_NO
    @CustomerNoteAfterCreate nvarchar (max) = NULL,    -- shown and mailed to the shopper; {TKT_NO} = the ticket number; '' = none
    @StatusWhenShipped       nvarchar (100) = NULL,
    @NoteWhenPartlyShipped   char (1) = NULL,
    @CustomerSeesShipNotes   char (1) = NULL,
    @StatusWhenVoided        nvarchar (100) = NULL,    -- e.g. 'cancelled'; '' = alert only
    @StatusOrder             nvarchar (1000) = NULL,   -- 'pending,on-hold,processing,completed' plus any plugin status in its place
    @VoidWhenGone            char (1) = NULL,          -- Y: a document gone without history counts as voided (default N: alert only)
    @Execute                 char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Found bit = 0, @CurEnabled char (1), @CurAfter varchar (40), @CurPrivate char (1), @CurCustomer nvarchar (1000),
            @CurShipped varchar (40), @CurPartly char (1), @CurSees char (1), @CurVoided varchar (40), @CurOrder varchar (400), @CurGone char (1);
    SELECT @Found = 1, @CurEnabled = r.IsEnabled, @CurAfter = r.StatusAfterCreate, @CurPrivate = r.PrivateNoteAfterCreate,
           @CurCustomer = r.CustomerNoteAfterCreate, @CurShipped = r.StatusWhenShipped, @CurPartly = r.NoteWhenPartlyShipped,
           @CurSees = r.CustomerSeesShipNotes, @CurVoided = r.StatusWhenVoided, @CurOrder = r.StatusOrder, @CurGone = r.VoidWhenGone
    FROM woo.StoreStatusRule AS r WHERE r.StoreId = @StoreId;

    -- The new values: NULL keeps (the table's default for a new rule), '' clears an optional one.
    DECLARE @NewEnabled char (1) = ISNULL(@IsEnabled, ISNULL(@CurEnabled, 'Y')),
            @NewAfter nvarchar (100) = CASE WHEN @StatusAfterCreate IS NULL THEN @CurAfter ELSE NULLIF(LTRIM(RTRIM(@StatusAfterCreate)), N'') END,
            @NewPrivate char (1) = ISNULL(@PrivateNoteAfterCreate, ISNULL(@CurPrivate, 'Y')),
            @NewCustomer nvarchar (max) = CASE WHEN @CustomerNoteAfterCreate IS NULL THEN @CurCustomer ELSE NULLIF(LTRIM(RTRIM(@CustomerNoteAfterCreate)), N'') END,
            @NewShipped nvarchar (100) = CASE WHEN @StatusWhenShipped IS NULL THEN ISNULL(@CurShipped, 'completed') ELSE LTRIM(RTRIM(@StatusWhenShipped)) END,
            @NewPartly char (1) = ISNULL(@NoteWhenPartlyShipped, ISNULL(@CurPartly, 'Y')),
            @NewSees char (1) = ISNULL(@CustomerSeesShipNotes, ISNULL(@CurSees, 'Y')),
            @NewVoided nvarchar (100) = CASE WHEN @StatusWhenVoided IS NULL THEN @CurVoided ELSE NULLIF(LTRIM(RTRIM(@StatusWhenVoided)), N'') END,
            @NewGone char (1) = ISNULL(@VoidWhenGone, ISNULL(@CurGone, 'N')),
            @NewOrder nvarchar (1000) = CASE WHEN @StatusOrder IS NULL THEN ISNULL(@CurOrder, 'pending,on-hold,processing,completed')
                                             ELSE REPLACE(REPLACE(LTRIM(RTRIM(@StatusOrder)), N' ', N''), NCHAR(9), N'') END;

    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF (@IsEnabled IS NOT NULL AND @IsEnabled NOT IN ('Y', 'N')) OR (@PrivateNoteAfterCreate IS NOT NULL AND @PrivateNoteAfterCreate NOT IN ('Y', 'N'))
       OR (@NoteWhenPartlyShipped IS NOT NULL AND @NoteWhenPartlyShipped NOT IN ('Y', 'N')) OR (@CustomerSeesShipNotes IS NOT NULL AND @CustomerSeesShipNotes NOT IN ('Y', 'N'))
        INSERT INTO @Errors ([Message]) VALUES (N'@IsEnabled, @PrivateNoteAfterCreate, @NoteWhenPartlyShipped and @CustomerSeesShipNotes must be NULL, Y or N.');
    IF @VoidWhenGone IS NOT NULL AND @VoidWhenGone NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@VoidWhenGone must be NULL, Y or N.');
    IF LEN(@NewCustomer) > 1000
        INSERT INTO @Errors ([Message]) VALUES (N'@CustomerNoteAfterCreate is ' + CONVERT(nvarchar (20), LEN(@NewCustomer)) + N' characters long; at most 1000.');

    -- The status order: distinct slugs, none of them final (those rank above every other by themselves).
    DECLARE @Order TABLE (Slug nvarchar (1000) NOT NULL);
    INSERT INTO @Order (Slug) SELECT x.[value] FROM STRING_SPLIT(@NewOrder, N',') AS x;
    IF LEN(@NewOrder) > 400 OR @NewOrder = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@StatusOrder must name 1 to 400 characters of statuses, first to last, e.g. ''pending,on-hold,processing,completed''.');
    INSERT INTO @Errors ([Message])
    SELECT N'@StatusOrder: ''' + o.Slug + N''' is not a status slug (lower-case letters, digits, - and _, at most 40 characters, without ''wc-'').'
    FROM @Order AS o
    WHERE o.Slug = N'' OR LEN(o.Slug) > 40 OR o.Slug COLLATE Latin1_General_BIN2 LIKE N'%[^a-z0-9_-]%' OR o.Slug LIKE N'wc-%';
    INSERT INTO @Errors ([Message])
    SELECT N'@StatusOrder: ''' + o.Slug + N''' is final (cancelled, refunded, failed, trash rank above every status by themselves); leave it out.'
    FROM @Order AS o WHERE o.Slug IN (N'cancelled', N'refunded', N'failed', N'trash');
    INSERT INTO @Errors ([Message])
    SELECT N'@StatusOrder names ''' + o.Slug + N''' more than once.' FROM @Order AS o WHERE o.Slug <> N'' GROUP BY o.Slug HAVING COUNT(*) > 1;

    -- Each status: a slug, ranked (in the order or final), and one that makes sense at that moment.
    DECLARE @Statuses TABLE ([Parameter] nvarchar (40) NOT NULL, Slug nvarchar (100) NOT NULL, IsChanged bit NOT NULL);
    INSERT INTO @Statuses ([Parameter], Slug, IsChanged)
    SELECT v.P, v.S, v.C
    FROM (VALUES (N'@StatusAfterCreate', @NewAfter, CASE WHEN @StatusAfterCreate IS NULL THEN 0 ELSE 1 END),
                 (N'@StatusWhenShipped', @NewShipped, CASE WHEN @StatusWhenShipped IS NULL THEN 0 ELSE 1 END),
                 (N'@StatusWhenVoided', @NewVoided, CASE WHEN @StatusWhenVoided IS NULL THEN 0 ELSE 1 END)) AS v (P, S, C)
    WHERE v.S IS NOT NULL;
    INSERT INTO @Errors ([Message])
    SELECT s.[Parameter] + N': ''' + s.Slug + N''' is not a status slug (lower-case letters, digits, - and _, at most 40 characters, without ''wc-'', e.g. processing).'
    FROM @Statuses AS s
    WHERE s.Slug = N'' OR LEN(s.Slug) > 40 OR s.Slug COLLATE Latin1_General_BIN2 LIKE N'%[^a-z0-9_-]%' OR s.Slug LIKE N'wc-%';
    IF @StatusWhenShipped IS NOT NULL AND LTRIM(RTRIM(@StatusWhenShipped)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@StatusWhenShipped cannot be cleared: a shipped order gets a status (default completed).');
    INSERT INTO @Errors ([Message])
    SELECT s.[Parameter] + N': ''' + s.Slug + N''' ends or un-pays the order; after the document is written or shipped it would be wrong. '
           + N'Use processing, completed or a status of your own ranked in @StatusOrder.'
    FROM @Statuses AS s
    WHERE s.[Parameter] IN (N'@StatusAfterCreate', N'@StatusWhenShipped') AND s.Slug IN (N'cancelled', N'refunded', N'failed', N'trash', N'pending');
    INSERT INTO @Errors ([Message])
    SELECT s.[Parameter] + N': ''trash'' is not a status that can be set (it deletes the order); use cancelled.'
    FROM @Statuses AS s WHERE s.[Parameter] = N'@StatusWhenVoided' AND s.Slug = N'trash';
    INSERT INTO @Errors ([Message])
    SELECT s.[Parameter] + N': ''' + s.Slug + N''' is not in @StatusOrder (' + @NewOrder + N'): CpOrders could not tell forward from backwards. '
           + N'Add it there in its place.'
    FROM @Statuses AS s
    WHERE s.Slug NOT IN (N'cancelled', N'refunded', N'failed', N'trash') AND s.Slug COLLATE Latin1_General_BIN2 NOT LIKE N'%[^a-z0-9_-]%'
      AND NOT EXISTS (SELECT 1 FROM @Order AS o WHERE o.Slug = s.Slug);

    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetStatusRule: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50520, @All, 1;
    END;

    SELECT c.[Column], c.[Current], c.[New]
    FROM (VALUES (1, N'IsEnabled', CONVERT(nvarchar (1000), @CurEnabled), CONVERT(nvarchar (1000), @NewEnabled)),
                 (2, N'StatusAfterCreate', @CurAfter, @NewAfter),
                 (3, N'PrivateNoteAfterCreate', @CurPrivate, @NewPrivate),
                 (4, N'CustomerNoteAfterCreate', @CurCustomer, CONVERT(nvarchar (1000), @NewCustomer)),
                 (5, N'StatusWhenShipped', @CurShipped, @NewShipped),
                 (6, N'NoteWhenPartlyShipped', @CurPartly, @NewPartly),
                 (7, N'CustomerSeesShipNotes', @CurSees, @NewSees),
                 (8, N'StatusWhenVoided', @CurVoided, @NewVoided),
                 (9, N'StatusOrder', @CurOrder, @NewOrder),
                 (10, N'VoidWhenGone', @CurGone, @NewGone)) AS c (Ord, [Column], [Current], [New])
    ORDER BY c.Ord;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetStatusRule: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    UPDATE r
    SET IsEnabled = @NewEnabled, StatusAfterCreate = CONVERT(varchar (40), @NewAfter), PrivateNoteAfterCreate = @NewPrivate,
        CustomerNoteAfterCreate = CONVERT(nvarchar (1000), @NewCustomer), StatusWhenShipped = CONVERT(varchar (40), @NewShipped),
        NoteWhenPartlyShipped = @NewPartly, CustomerSeesShipNotes = @NewSees, StatusWhenVoided = CONVERT(varchar (40), @NewVoided),
        StatusOrder = CONVERT(varchar (400), @NewOrder), VoidWhenGone = @NewGone, UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.StoreStatusRule AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.StoreId = @StoreId;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StoreStatusRule (StoreId, IsEnabled, StatusAfterCreate, PrivateNoteAfterCreate, CustomerNoteAfterCreate, StatusWhenShipped,
                                         NoteWhenPartlyShipped, CustomerSeesShipNotes, StatusWhenVoided, StatusOrder, VoidWhenGone, UpdatedAtUtc, UpdatedBy)
        VALUES (@StoreId, @NewEnabled, CONVERT(varchar (40), @NewAfter), @NewPrivate, CONVERT(nvarchar (1000), @NewCustomer), CONVERT(varchar (40), @NewShipped),
                @NewPartly, @NewSees, CONVERT(varchar (40), @NewVoided), CONVERT(varchar (400), @NewOrder), @NewGone, SYSUTCDATETIME(), ORIGINAL_LOGIN());
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetStatusRule: done (the change is listed).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
