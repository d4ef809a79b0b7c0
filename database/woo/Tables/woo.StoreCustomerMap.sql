-- WooCommerce customer (or, for guests, the normalised billing e-mail) → Counterpoint CUST_NO, per store. Written by
-- the order transaction when it matches or creates a customer, and by operators (woo.usp_SetCustomerMap).
CREATE TABLE [woo].[StoreCustomerMap] (
    [StoreId]          varchar (10)    NOT NULL,
    [WooCustomerKey]   nvarchar (200)  NOT NULL,   -- 'id:<customer_id>' or 'email:<lower-case e-mail>' (guests)
    [CustNo]           varchar (15)    NOT NULL,
    [HowMapped]        varchar (10)    NOT NULL,   -- CREATED | EMAIL | OPERATOR | MIGRATED
    [CreatedAtUtc]     datetime2 (0)   CONSTRAINT [DF_StoreCustomerMap_CreatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_StoreCustomerMap] PRIMARY KEY CLUSTERED ([StoreId], [WooCustomerKey]),
    CONSTRAINT [FK_StoreCustomerMap_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StoreCustomerMap_HowMapped] CHECK ([HowMapped] IN ('CREATED', 'EMAIL', 'OPERATOR', 'MIGRATED'))
);
