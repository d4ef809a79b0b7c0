-- Sets how a store's WooCommerce payments are recorded on its Counterpoint orders (woo.StorePaymentRule; README,
-- Payments): OFF, NOTE, DEPOSIT or FINAL, and for DEPOSIT what an order not yet paid in the shop gets (NOTE or FINAL).
-- Checks, all reported at once: the store; the modes; for DEPOSIT and FINAL every pay code the store can use (its
-- woo.StorePayCodeMap rows and @DefaultPayCod) exists in SY_PAY_COD and is allowed on orders; for DEPOSIT the web drawer
-- (PS_DRW), the deposits-received GL account (PS_STR_CFG_PS.ORD_DEP_RECVD_ACCT_NO) and the ticket counter the deposit
-- tickets are numbered from. Whether the drawer has an open session now is shown, not required (a closed drawer makes
-- deposit orders wait, they are not lost). @Execute = 'N' checks and shows the change, writes nothing. The choice
-- changes the retailer's books (README): let the accountant approve it.
CREATE PROCEDURE [woo].[usp_SetPaymentRule]
    @StoreId         varchar (40),
    @Mode            varchar (40),
    @UncapturedMode  varchar (40) = 'NOTE',
    @DefaultPayCod   varchar (40) = NULL,
    @Execute         char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, Code varchar (40) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @M varchar (40) = UPPER(LTRIM(RTRIM(@Mode))), @U varchar (40) = UPPER(LTRIM(RTRIM(ISNULL(@UncapturedMode, 'NOTE')))),
            @Pay varchar (40) = NULLIF(UPPER(LTRIM(RTRIM(@DefaultPayCod))), ''),
            @StrId varchar (10), @StaId varchar (10), @DrwId varchar (10), @Method varchar (1), @Msg nvarchar (2048);
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
                                              THEN 'OPEN' ELSE 'CLOSED (deposit orders wait until it is opened)' END END AS DrawerSessionNow
    FROM (SELECT 1 AS One) AS one LEFT JOIN woo.StorePaymentRule AS r ON r.StoreId = @StoreId;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetPaymentRule: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;
    BEGIN TRANSACTION;
    UPDATE r SET r.Mode = @M, r.UncapturedMode = @U, r.DefaultPayCod = @Pay, r.UpdatedAtUtc = SYSUTCDATETIME(), r.UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.StorePaymentRule AS r WITH (UPDLOCK, HOLDLOCK)
    WHERE r.StoreId = @StoreId;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.StorePaymentRule (StoreId, Mode, UncapturedMode, DefaultPayCod) VALUES (@StoreId, @M, @U, @Pay);
    COMMIT TRANSACTION;
    SET @Msg = N'woo.usp_SetPaymentRule: store ' + @StoreId + N' records payments as ' + @M + N' from its next order (the change is listed).';
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    RETURN 0;
END;
