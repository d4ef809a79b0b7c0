-- WooCommerce tax rate (tax_lines[].rate_id) → Counterpoint tax authority and rule (PS_DOC_TAX.AUTH_COD, RUL_COD).
-- RatePercent is the authority's rate, used by the COUNTERPOINT_RATES strategy and to check WEB_AS_CHARGED amounts.
CREATE TABLE [woo].[StoreTaxMap] (
    [StoreId]      varchar (10)   NOT NULL,
    [WooRateId]    bigint         NOT NULL,
    [AuthCod]      varchar (10)   NOT NULL,
    [RulCod]       varchar (10)   NOT NULL,
    [RatePercent]  decimal (9, 4) NULL,
    CONSTRAINT [PK_StoreTaxMap] PRIMARY KEY CLUSTERED ([StoreId], [WooRateId]),
    CONSTRAINT [FK_StoreTaxMap_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
