-- WooCommerce payment method (payment_method) → Counterpoint pay code (SY_PAY_COD.PAY_COD), used when payments are
-- recorded on the document (issue 15) and checked when an order is validated.
CREATE TABLE [woo].[StorePayCodeMap] (
    [StoreId]           varchar (10)   NOT NULL,
    [WooPaymentMethod]  nvarchar (100) NOT NULL,
    [PayCod]            varchar (10)   NOT NULL,
    CONSTRAINT [PK_StorePayCodeMap] PRIMARY KEY CLUSTERED ([StoreId], [WooPaymentMethod]),
    CONSTRAINT [FK_StorePayCodeMap_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
