-- Sets how a store's WooCommerce payments are recorded on its Counterpoint orders (woo.StorePaymentRule; README,
-- Payments): OFF, NOTE, DEPOSIT or FINAL, and for DEPOSIT what an order not yet paid in the shop gets (NOTE or FINAL).
-- Checks, all reported at once: the store; the modes; for DEPOSIT and FINAL every pay code the store can use (its
-- woo.StorePayCodeMap rows and @DefaultPayCod) exists in SY_PAY_COD and is allowed on orders; for DEPOSIT the web drawer
-- (PS_DRW), the deposits-received GL account (PS_STR_CFG_PS.ORD_DEP_RECVD_ACCT_NO) and the ticket counter the deposit
-- tickets are numbered from (a store-level counter shared with POS stations is warned about); where a final payment can
-- be written, every pay code is credit-type (PAY_TYP 'E'). Whether the drawer has an open session now is shown, not required (a closed drawer makes
-- deposit orders wait, they are not lost). @Execute = 'N' checks and shows the change, writes nothing. The choice
-- changes the retailer's books (README): let the accountant approve it.
CREATE PROCEDURE [woo].[usp_SetPaymentRule]
    @StoreId         varchar (40),
    @Mode            varchar (40),
    @UncapturedMode  varchar (40) = 'NOTE',
    @DefaultPayCod   varchar (40) = NULL,
    @DrawerWaitAlertMinutes int = NULL,   -- DEPOSIT: alert once an order waited this long for the web drawer (NULL keeps; default 720)
    @Execute         char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @M varchar (40) = UPPER(LTRIM(RTRIM(@Mode))), @U varchar (40) = UPPER(LTRIM(RTRIM(ISNULL(@UncapturedMode, 'NOTE')))),
            @Pay varchar (40) = NULLIF(UPPER(LTRIM(RTRIM(@DefaultPayCod))), ''),
            @StrId varchar (10), @StaId varchar (10), @DrwId varchar (10), @Method varchar (1), @Msg nvarchar (2048), @Warning nvarchar (1000);
    DECLARE @PayCodes TABLE (PayCod varchar (10) NOT NULL PRIMARY KEY, Source nvarchar (200) NOT NULL);

    SELECT @StrId = s.CpStrId, @StaId = s.CpStaId, @DrwId = s.CpDrwId FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @StrId IS NULL
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-STORE-UNKNOWN', N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Execute must be Y or N.');
    IF @M IS NULL OR @M NOT IN ('OFF', 'NOTE', 'DEPOSIT', 'FINAL')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@Mode must be OFF, NOTE, DEPOSIT or FINAL (README, Payments), not ''' + ISNULL(@Mode, N'NULL') + N'''.');
    IF @U NOT IN ('NOTE', 'FINAL')
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@UncapturedMode must be NOTE or FINAL (what a DEPOSIT store records for an order not yet paid in the shop).');
    ELSE IF @U = 'FINAL' AND ISNULL(@M, '') <> 'DEPOSIT'
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@UncapturedMode FINAL applies only with @Mode DEPOSIT (with @Mode FINAL every payment is a final payment).');
    IF @DrawerWaitAlertMinutes IS NOT NULL AND @DrawerWaitAlertMinutes NOT BETWEEN 1 AND 10080
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@DrawerWaitAlertMinutes must be 1-10080 (NULL keeps the current value; the default is 720).');
    IF LEN(@Pay) > 10
        INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PARAM', N'@DefaultPayCod is at most 10 characters (SY_PAY_COD.PAY_COD).');

    -- Pay codes: needed whenever a payment row can be written (DEPOSIT, FINAL, or DEPOSIT's uncaptured FINAL).
    IF @StrId IS NOT NULL AND @M IN ('DEPOSIT', 'FINAL')
    BEGIN
        INSERT INTO @PayCodes (PayCod, Source)
        SELECT m.PayCod, N'woo.StorePayCodeMap for payment method ''' + MIN(m.WooPaymentMethod) + N'''' + CASE WHEN COUNT(*) > 1 THEN N' and others' ELSE N'' END
        FROM woo.StorePayCodeMap AS m WHERE m.StoreId = @StoreId GROUP BY m.PayCod;
        IF @Pay IS NOT NULL AND LEN(@Pay) <= 10 AND NOT EXISTS (SELECT 1 FROM @PayCodes AS p WHERE p.PayCod = @Pay)
            INSERT INTO @PayCodes (PayCod, Source) VALUES (@Pay, N'@DefaultPayCod');
        IF NOT EXISTS (SELECT 1 FROM @PayCodes)
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-PAY-CODE', N'@Mode ' + @M + N' records payments with a Counterpoint pay code, and store ' + @StoreId
                + N' has none: map the payment methods with woo.usp_SetPayCodeMap, or give @DefaultPayCod (a dedicated web tender such as EC_WOOCOMM).');
        INSERT INTO @Errors (Code, [Message])
        SELECT 'CPO-PAY-CODE', N'pay code ''' + p.PayCod + N''' (' + p.Source + N') is not in SY_PAY_COD.'
        FROM @PayCodes AS p
        WHERE NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS c WHERE c.PAY_COD = p.PayCod)
        ORDER BY p.PayCod;
        INSERT INTO @Errors (Code, [Message])
        SELECT 'CPO-PAY-CODE', N'pay code ''' + p.PayCod + N''' (' + p.Source + N') is not allowed on orders (SY_PAY_COD.ALLOW_FOR_ORDS is not Y).'
        FROM @PayCodes AS p
        WHERE EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS c WHERE c.PAY_COD = p.PayCod)
          AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.SY_PAY_COD AS c WHERE c.PAY_COD = p.PayCod AND c.ALLOW_FOR_ORDS = 'Y')
        ORDER BY p.PayCod;
        -- A final payment works only with credit-type pay codes (CDM 7.3 [doc I-43]); SY_PAY_COD.PAY_TYP 'E' is credit
        -- card/EDC (CDM 3 [doc G-PAY]). Refused, not warned (review r15 MINOR 7): a release may refuse or ignore it.
        IF @M = 'FINAL' OR (@M = 'DEPOSIT' AND @U = 'FINAL')
            INSERT INTO @Errors (Code, [Message])
            SELECT 'CPO-PAY-CODE', N'pay code ''' + p.PayCod + N''' (' + p.Source + N') has SY_PAY_COD.PAY_TYP ''' + c.PAY_TYP
                   + N''', not E (credit card/EDC): Counterpoint takes a final payment only with a credit-type pay code. Map the method to a credit-card tender, or choose NOTE'
                   + CASE WHEN @M = 'DEPOSIT' THEN N' for @UncapturedMode.' ELSE N'.' END
            FROM @PayCodes AS p
            JOIN [$(CounterpointDb)].dbo.SY_PAY_COD AS c ON c.PAY_COD = p.PayCod
            WHERE ISNULL(c.PAY_TYP, '') <> 'E'
            ORDER BY p.PayCod;
    END;

    -- DEPOSIT: the drawer, the deposit liability account, the ticket counter (what the deposit ticket needs, CDM 7.3).
    IF @StrId IS NOT NULL AND @M = 'DEPOSIT'
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DRW AS d WHERE d.STR_ID = @StrId AND d.DRW_ID = @DrwId)
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-DRAWER', N'drawer ''' + @DrwId + N''' of Counterpoint store ' + @StrId
                + N' (woo.Store.CpDrwId) is not in PS_DRW; deposit tickets are written in the web drawer''s session: create the drawer or fix CpDrwId (woo.usp_SetStore).');
        IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = @StrId AND NULLIF(LTRIM(RTRIM(c.ORD_DEP_RECVD_ACCT_NO)), '') IS NOT NULL)
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-DEPOSIT-ACCOUNT', N'Counterpoint store ' + @StrId
                + N' has no deposits-received GL account (PS_STR_CFG_PS.ORD_DEP_RECVD_ACCT_NO); a deposit credits it. Set it in Counterpoint''s store configuration first.');
        SELECT @Method = c.TKT_NO_METH FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = @StrId;
        IF (@Method = 'S' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = @StrId AND NULLIF(LTRIM(RTRIM(c.NXT_TKT_NO)), '') IS NOT NULL))
           OR (ISNULL(@Method, '') <> 'S' AND NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STA_CFG_PS AS c WHERE c.STR_ID = @StrId AND c.STA_ID = @StaId AND NULLIF(LTRIM(RTRIM(c.NXT_TKT_NO)), '') IS NOT NULL))
            INSERT INTO @Errors (Code, [Message]) VALUES ('CPO-NUMBER-NONE', N'no next ticket number for deposit tickets of store ' + @StrId + N' station ' + @StaId
                + CASE WHEN @Method = 'S' THEN N' (PS_STR_CFG_PS.NXT_TKT_NO, TKT_NO_METH S)' ELSE N' (PS_STA_CFG_PS.NXT_TKT_NO)' END + N'; set it in Counterpoint.');
        -- Store-level ticket numbering shared with POS stations: each deposit order holds the store's ticket counter row
        -- until its commit, and every register of the store waits that long for its next ticket (review r15 MINOR 6).
        -- Warned, not refused (nothing is written wrongly); README, Payments: use station ticket numbering.
        IF @Method = 'S' AND EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_STA AS t WHERE t.STR_ID = @StrId AND t.STA_ID <> @StaId)
            SET @Warning = N'CPO-TICKET-COUNTER-SHARED: Counterpoint store ' + @StrId + N' numbers tickets per store (TKT_NO_METH S) and has stations other than the web station '
                         + @StaId + N': every deposit order holds the store''s ticket counter while it is written, and those registers wait for it. Prefer station ticket numbering for the store (README, Payments).';
    END;

    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        SET @Msg = LEFT(N'woo.usp_SetPaymentRule: nothing was changed; fix every problem:'
                        + (SELECT NCHAR(10) + e.Code + N': ' + e.[Message] FROM @Errors AS e ORDER BY e.Id FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50103, @Msg, 1;
    END;

    SELECT @StoreId AS StoreId, ISNULL(r.Mode, 'OFF') AS CurrentMode, r.UncapturedMode AS CurrentUncapturedMode, r.DefaultPayCod AS CurrentDefaultPayCod,
           @M AS NewMode, @U AS NewUncapturedMode, CONVERT(varchar (10), @Pay) AS NewDefaultPayCod,
           CASE WHEN @M = 'DEPOSIT' THEN CASE WHEN EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.PS_DRW_SESSION AS d
                                                           WHERE d.STR_ID = @StrId AND d.DRW_ID = @DrwId AND d.STAT = 'A')
                                              THEN 'OPEN' ELSE 'CLOSED (deposit orders wait until it is opened)' END END AS DrawerSessionNow,
           r.DrawerWaitAlertMinutes AS CurrentDrawerWaitAlertMinutes,
           ISNULL(@DrawerWaitAlertMinutes, ISNULL(r.DrawerWaitAlertMinutes, 720)) AS NewDrawerWaitAlertMinutes,
           @Warning AS Warning
    FROM (SELECT 1 AS One) AS one LEFT JOIN woo.StorePaymentRule AS r ON r.StoreId = @StoreId;
    IF @Warning IS NOT NULL
        RAISERROR (N'woo.usp_SetPaymentRule: %s', 10, 1, @Warning) WITH NOWAIT;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetPaymentRule: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    UPDATE r SET r.Mode = @M, r.UncapturedMode = @U, r.DefaultPayCod = @Pay, r.DrawerWaitAlertMinutes = ISNULL(@DrawerWaitAlertMinutes, r.DrawerWaitAlertMinutes),
                 r.UpdatedAtUtc = SYSUTCDATETIME(), r.UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.StorePaymentRule AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.StoreId = @StoreId;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StorePaymentRule (StoreId, Mode, UncapturedMode, DefaultPayCod, DrawerWaitAlertMinutes) VALUES (@StoreId, @M, @U, @Pay, @DrawerWaitAlertMinutes);
    COMMIT TRANSACTION;
    SET @Msg = N'woo.usp_SetPaymentRule: store ' + @StoreId + N' records payments as ' + @M + N' from its next order (the change is listed).';
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    RETURN 0;
END;
