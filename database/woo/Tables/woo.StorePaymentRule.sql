-- How a store's WooCommerce payments are recorded on its Counterpoint orders (issue 15; README, Payments). A store
-- without a row is OFF: nothing beyond the WEB ORDER note, as before payments existed. Set only through
-- woo.usp_SetPaymentRule, which checks the pay codes and the drawer. Modes (PlanContract.md section 11):
--   NOTE    a PAYMENT document note: method, amount, transaction id, date paid (no GL effect);
--   DEPOSIT a captured payment (date_paid set) as Counterpoint records an order deposit: a deposit ticket in the web
--           drawer's open session, payment rows on both documents (GL: debit the tender's account, credit
--           PS_STR_CFG_PS.ORD_DEP_RECVD_ACCT_NO); an order not yet paid is recorded as UncapturedMode says;
--   FINAL   a final-payment record (FINAL_PMT 'Y', no amount): charged with this pay code when the order is released.
-- Pay codes: woo.StorePayCodeMap per payment_method, else DefaultPayCod.
CREATE TABLE [woo].[StorePaymentRule] (
    [StoreId]         varchar (10)  NOT NULL,
    [Mode]            varchar (10)  CONSTRAINT [DF_StorePaymentRule_Mode] DEFAULT ('OFF') NOT NULL,
    [UncapturedMode]  varchar (10)  CONSTRAINT [DF_StorePaymentRule_UncapturedMode] DEFAULT ('NOTE') NOT NULL,
    [DefaultPayCod]   varchar (10)  NULL,       -- SY_PAY_COD.PAY_COD for payment methods without a woo.StorePayCodeMap row
    -- DEPOSIT: once an order has waited this long for the web drawer to open, one WARNING alert CPO-DRAWER-CLOSED per
    -- store (woo.usp_ProcessStagedOrders; NULL = 720, 12 hours).
    [DrawerWaitAlertMinutes] int    NULL,
    [UpdatedAtUtc]    datetime2 (0) CONSTRAINT [DF_StorePaymentRule_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]       sysname       CONSTRAINT [DF_StorePaymentRule_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_StorePaymentRule] PRIMARY KEY CLUSTERED ([StoreId]),
    CONSTRAINT [FK_StorePaymentRule_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StorePaymentRule_Mode] CHECK ([Mode] IN ('OFF', 'NOTE', 'DEPOSIT', 'FINAL')),
    CONSTRAINT [CK_StorePaymentRule_UncapturedMode] CHECK ([UncapturedMode] IN ('NOTE', 'FINAL')),
    CONSTRAINT [CK_StorePaymentRule_DrawerWait] CHECK ([DrawerWaitAlertMinutes] BETWEEN 1 AND 10080)
);
