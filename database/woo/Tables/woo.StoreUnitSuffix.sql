-- SKU suffixes that name a selling unit (e.g. '-CS' → ALT_1_UNIT): 'ABC-CS' is item ABC sold in unit 1.
CREATE TABLE [woo].[StoreUnitSuffix] (
    [StoreId]   varchar (10)  NOT NULL,
    [Suffix]    nvarchar (20) NOT NULL,
    [SellUnit]  char (1)      NOT NULL,
    CONSTRAINT [PK_StoreUnitSuffix] PRIMARY KEY CLUSTERED ([StoreId], [Suffix]),
    CONSTRAINT [FK_StoreUnitSuffix_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StoreUnitSuffix_SellUnit] CHECK ([SellUnit] IN ('0', '1', '2', '3', '4', '5'))
);
