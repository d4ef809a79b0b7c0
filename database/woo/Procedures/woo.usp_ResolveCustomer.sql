-- Decides, before the order's transaction, which Counterpoint customer a WooCommerce order belongs to (design 10):
-- 1. woo.StoreCustomerMap by the shop's customer ('id:<customer_id>'), then by the normalised billing e-mail
--    ('email:<lower-case trimmed e-mail>', guests and shoppers who registered after ordering as guests). An 'email:'
--    row that CpOrders wrote itself (HowMapped CREATED or EMAIL) is trusted only while its customer still passes the
--    e-mail rules of step 2 (review of issue 13, MAJOR 1: staff may since have made it A/R, tax-exempt or
--    contract-priced; for EMAIL rows also the class must still allow matching - not for CREATED rows, whose customer
--    was made for this shopper from the template); otherwise it is not used, the reason is returned and
--    the order goes on as if there were no row (a new customer, mapped by the customer id only, never by that e-mail).
--    Rows an operator wrote (OPERATOR) or the migration (MIGRATED), and 'id:' rows, are trusted as they are;
-- 2. AR_CUST.EMAIL_ADRS_1 equal to that e-mail, only where woo.StoreCustomerClass allows e-mail matching for the
--    customer's class (AR_CUST.CATEG_COD) AND the customer is none of (definitions on the reference AR_CUST columns):
--      A/R            CUST_TYP = 'A' (AR_ACCT_NO is a GL account copied from the template into every customer, so it
--                     says nothing about the customer: review MINOR 15);
--      tax-exempt     TAX_EXEMPT_NO not blank;
--      contract-priced a customer discount (DISC_PCT <> 0), or a price tier (PROF_COD_1, the tier pricing field) other
--                     than the template's. Limit: price rules (IM_PRC_RUL) that name a customer are not looked at;
--    exactly one such customer matches; two or more are ambiguous and match nobody (a new customer is made, and the
--    reason is returned);
-- 3. otherwise CREATE from the template: woo.Store.DefaultTemplateCustNo, else Counterpoint's EC_CTL.TMPLT_CUST_NO.
-- @MapHow says which map row the transaction writes: EMAIL (matched by e-mail), CREATED (a new customer), NULL (none:
-- the map already has it, or an order without customer id and e-mail, whose new customer cannot be found again).
-- Problems (a map row pointing at a deleted customer, no usable template) come back in @Problem, never raised.
CREATE PROCEDURE [woo].[usp_ResolveCustomer]
    @StoreId         varchar (10),
    @OrderJson       nvarchar (max),
    @Mode            varchar (10) = NULL OUTPUT,   -- EXISTING | CREATE
    @CustNo          varchar (15) = NULL OUTPUT,   -- the customer (EXISTING)
    @TemplateCustNo  varchar (15) = NULL OUTPUT,   -- the template (CREATE)
    @MapKey          nvarchar (200) = NULL OUTPUT,
    @MapHow          varchar (10) = NULL OUTPUT,
    @Reason          nvarchar (1000) = NULL OUTPUT,
    @ProblemCode     varchar (40) = NULL OUTPUT,
    @Problem         nvarchar (1000) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @WooCustomerId bigint, @Email nvarchar (200), @IdKey nvarchar (200), @EmailKey nvarchar (200),
            @Matches int, @Match varchar (15), @Excluded nvarchar (1000), @TemplateTier varchar (10), @FoundHow varchar (10),
            @NewKey nvarchar (200), @MapReason nvarchar (1000);
    DECLARE @Candidates TABLE (CUST_NO varchar (15) NOT NULL PRIMARY KEY, Allowed bit NOT NULL, Why nvarchar (200) NULL);
    SELECT @Mode = NULL, @CustNo = NULL, @TemplateCustNo = NULL, @MapKey = NULL, @MapHow = NULL, @Reason = NULL,
           @ProblemCode = NULL, @Problem = NULL;

    IF ISJSON(@OrderJson) = 1
        SELECT @WooCustomerId = TRY_CONVERT(bigint, JSON_VALUE(@OrderJson, N'$.customer_id')),
               @Email = LOWER(LTRIM(RTRIM(JSON_VALUE(@OrderJson, N'$.billing.email'))));
    IF @Email = N'' SET @Email = NULL;
    IF @WooCustomerId > 0 SET @IdKey = N'id:' + CONVERT(nvarchar (20), @WooCustomerId);
    IF @Email IS NOT NULL SET @EmailKey = LEFT(N'email:' + @Email, 200);

    -- The template of new customers; its price tier is the "ordinary" tier for the contract-price test.
    SELECT @TemplateCustNo = s.DefaultTemplateCustNo FROM woo.Store AS s WHERE s.StoreId = @StoreId;
    IF @TemplateCustNo IS NULL
        SELECT TOP (1) @TemplateCustNo = e.TMPLT_CUST_NO FROM [$(CounterpointDb)].dbo.EC_CTL AS e ORDER BY e.KEY_ID;
    SELECT @TemplateTier = a.PROF_COD_1 FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @TemplateCustNo;

    -- 1. The map: the shop's customer id first, then the e-mail.
    SELECT @CustNo = m.CustNo, @MapKey = m.WooCustomerKey, @FoundHow = m.HowMapped
    FROM woo.StoreCustomerMap AS m WHERE m.StoreId = @StoreId AND m.WooCustomerKey = @IdKey;
    IF @CustNo IS NULL
        SELECT @CustNo = m.CustNo, @MapKey = m.WooCustomerKey, @FoundHow = m.HowMapped
        FROM woo.StoreCustomerMap AS m WHERE m.StoreId = @StoreId AND m.WooCustomerKey = @EmailKey;
    SET @NewKey = ISNULL(@IdKey, @EmailKey);   -- the key a new map row gets
    -- Messages and events name an e-mail row without the address (design 10: logs hold no personal data; erasure
    -- clears the JSON and the map row, not every message written since).
    DECLARE @ShownKey nvarchar (200) = CASE WHEN @MapKey LIKE N'email:%' THEN N'email:<the order''s billing e-mail>' ELSE @MapKey END;
    IF @CustNo IS NOT NULL
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @CustNo)
        BEGIN
            SELECT @ProblemCode = 'CPO-CUSTOMER-MAP', @Problem = N'CPO-CUSTOMER-MAP: woo.StoreCustomerMap maps ' + @ShownKey + N' to customer ' + @CustNo
                   + N', which is not in AR_CUST (deleted or merged?). Correct the map with woo.usp_SetCustomerMap, then requeue the order.';
            SET @CustNo = NULL;
            RETURN;
        END;
        IF @MapKey LIKE N'email:%' AND @FoundHow IN ('CREATED', 'EMAIL')
        BEGIN
            -- An e-mail row CpOrders wrote: the customer must still pass step 2's rules.
            -- (the rules of step 2, below; the class policy only for EMAIL rows: a CREATED row's customer was made for this
            -- shopper, and its class - the template's - need not allow e-mail matching for it to stay theirs)
            INSERT INTO @Candidates (CUST_NO, Allowed, Why)
            SELECT a.CUST_NO,
                   CASE WHEN (ISNULL(cc.AllowEmailMatch, 'N') = 'Y' OR @FoundHow = 'CREATED') AND f.IsAr = 0 AND f.IsExempt = 0 AND f.IsContract = 0 THEN 1 ELSE 0 END,
                   CASE WHEN ISNULL(cc.AllowEmailMatch, 'N') <> 'Y' AND @FoundHow <> 'CREATED' THEN N'class ' + ISNULL(a.CATEG_COD, N'(none)') + N' does not allow e-mail matching'
                        WHEN f.IsAr = 1 THEN N'A/R customer'
                        WHEN f.IsExempt = 1 THEN N'tax-exempt customer'
                        WHEN f.IsContract = 1 THEN N'contract-priced customer' END
            FROM [$(CounterpointDb)].dbo.AR_CUST AS a
            LEFT JOIN woo.StoreCustomerClass AS cc ON cc.StoreId = @StoreId AND cc.CategCod = a.CATEG_COD
            CROSS APPLY (SELECT CASE WHEN a.CUST_TYP = 'A' THEN 1 ELSE 0 END AS IsAr,
                                CASE WHEN LTRIM(RTRIM(ISNULL(a.TAX_EXEMPT_NO, ''))) <> '' THEN 1 ELSE 0 END AS IsExempt,
                                CASE WHEN ISNULL(a.DISC_PCT, 0) <> 0
                                       OR (a.PROF_COD_1 IS NOT NULL AND a.PROF_COD_1 <> ISNULL(@TemplateTier, '')) THEN 1 ELSE 0 END AS IsContract) AS f
            WHERE a.CUST_NO = @CustNo;
            SET @Excluded = (SELECT c.Why FROM @Candidates AS c WHERE c.CUST_NO = @CustNo AND c.Allowed = 0);
            DELETE FROM @Candidates;
            IF @Excluded IS NOT NULL
            BEGIN
                SET @MapReason = LEFT(N'map row ' + @ShownKey + N' (' + @FoundHow + N') not used: customer ' + @CustNo + N' is now ' + @Excluded
                                      + N' (an operator maps it on purpose with woo.usp_SetCustomerMap)', 1000);
                -- The e-mail key is taken by that row: a customer found or made now is mapped by the shop's id only.
                SELECT @CustNo = NULL, @MapKey = NULL, @Excluded = NULL, @NewKey = @IdKey;
            END;
        END;
        IF @CustNo IS NOT NULL
        BEGIN
            SELECT @Mode = 'EXISTING', @Reason = N'mapped (' + @ShownKey + N')', @MapKey = NULL;
            RETURN;
        END;
    END;

    -- 2. E-mail match, only where the class allows it and never onto A/R, tax-exempt or contract-priced customers.
    IF @Email IS NOT NULL AND LEN(@Email) <= 50
    BEGIN
        INSERT INTO @Candidates (CUST_NO, Allowed, Why)
        SELECT a.CUST_NO,
               CASE WHEN ISNULL(cc.AllowEmailMatch, 'N') = 'Y' AND f.IsAr = 0 AND f.IsExempt = 0 AND f.IsContract = 0 THEN 1 ELSE 0 END,
               CASE WHEN ISNULL(cc.AllowEmailMatch, 'N') <> 'Y' THEN N'class ' + ISNULL(a.CATEG_COD, N'(none)') + N' does not allow e-mail matching'
                    WHEN f.IsAr = 1 THEN N'A/R customer'
                    WHEN f.IsExempt = 1 THEN N'tax-exempt customer'
                    WHEN f.IsContract = 1 THEN N'contract-priced customer' END
        FROM [$(CounterpointDb)].dbo.AR_CUST AS a
        LEFT JOIN woo.StoreCustomerClass AS cc ON cc.StoreId = @StoreId AND cc.CategCod = a.CATEG_COD
        CROSS APPLY (SELECT CASE WHEN a.CUST_TYP = 'A' THEN 1 ELSE 0 END AS IsAr,
                            CASE WHEN LTRIM(RTRIM(ISNULL(a.TAX_EXEMPT_NO, ''))) <> '' THEN 1 ELSE 0 END AS IsExempt,
                            CASE WHEN ISNULL(a.DISC_PCT, 0) <> 0
                                   OR (a.PROF_COD_1 IS NOT NULL AND a.PROF_COD_1 <> ISNULL(@TemplateTier, '')) THEN 1 ELSE 0 END AS IsContract) AS f
        WHERE a.EMAIL_ADRS_1 = CONVERT(varchar (50), @Email);
        SELECT @Matches = COUNT(*), @Match = MIN(c.CUST_NO) FROM @Candidates AS c WHERE c.Allowed = 1;
        SET @Excluded = (SELECT STRING_AGG(CONVERT(nvarchar (max), c.CUST_NO + N': ' + c.Why), N'; ') FROM @Candidates AS c WHERE c.Allowed = 0);
        IF @Matches = 1
        BEGIN
            SELECT @Mode = 'EXISTING', @CustNo = @Match, @MapKey = @NewKey, @MapHow = CASE WHEN @NewKey IS NULL THEN NULL ELSE 'EMAIL' END,
                   @Reason = LEFT(ISNULL(@MapReason + N'; ', N'') + N'matched by e-mail' + ISNULL(N' (not matched: ' + @Excluded + N')', N''), 1000);
            RETURN;
        END;
        IF @Matches > 1
            SET @Reason = LEFT(N'e-mail matches ' + CONVERT(nvarchar (10), @Matches) + N' customers allowed for matching (ambiguous: none chosen)'
                             + ISNULL(N'; not matched: ' + @Excluded, N''), 1000);
        ELSE IF @Excluded IS NOT NULL
            SET @Reason = LEFT(N'e-mail not matched: ' + @Excluded, 1000);
    END;
    IF @MapReason IS NOT NULL
        SET @Reason = LEFT(@MapReason + ISNULL(N'; ' + @Reason, N''), 1000);

    -- 3. A new customer from the template.
    IF @TemplateCustNo IS NULL OR NOT EXISTS (SELECT 1 FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = @TemplateCustNo)
    BEGIN
        SELECT @ProblemCode = 'CPO-CUSTOMER-TEMPLATE',
               @Problem = N'CPO-CUSTOMER-TEMPLATE: a new customer is needed but the template customer '
                        + ISNULL(N'''' + @TemplateCustNo + N''' is not in AR_CUST', N'is not set (woo.Store.DefaultTemplateCustNo, EC_CTL.TMPLT_CUST_NO)')
                        + N'. Set woo.Store.DefaultTemplateCustNo to an existing customer, then requeue the order.';
        RETURN;
    END;
    SELECT @Mode = 'CREATE', @MapKey = @NewKey,
           @MapHow = CASE WHEN @NewKey IS NULL THEN NULL ELSE 'CREATED' END,
           @Reason = LEFT(ISNULL(@Reason + N'; ', N'') + N'new customer from template ' + @TemplateCustNo
                          + CASE WHEN @NewKey IS NULL THEN N' (no usable customer id or e-mail key: not mapped)' ELSE N'' END, 1000);
END;
