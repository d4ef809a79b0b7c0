-- Per store and Counterpoint customer class (AR_CUST.CATEG_COD): whether a guest or unmapped shopper may be matched
-- to an existing customer of that class by e-mail, and which template new customers of the class are made from
-- (design 10). A/R, tax-exempt and contract-priced customers are never matched by e-mail alone, whatever this says.
-- A class without a row: no e-mail matching.
CREATE TABLE [woo].[StoreCustomerClass] (
    [StoreId]          varchar (10)  NOT NULL,
    [CategCod]         varchar (10)  NOT NULL,
    [AllowEmailMatch]  char (1)      CONSTRAINT [DF_StoreCustomerClass_AllowEmailMatch] DEFAULT ('N') NOT NULL,
    [TemplateCustNo]   varchar (15)  NULL,
    CONSTRAINT [PK_StoreCustomerClass] PRIMARY KEY CLUSTERED ([StoreId], [CategCod]),
    CONSTRAINT [FK_StoreCustomerClass_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StoreCustomerClass_AllowEmailMatch] CHECK ([AllowEmailMatch] IN ('Y', 'N'))
);
