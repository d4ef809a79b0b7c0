-- Where the next incremental catalog read starts (woo.usp_ReadCatalog): each moves only to an 'end' row's
-- complete_up_to_utc. LastFullReadUtc: the last complete full read (reconciliation); UnseenCheckFromUtc: the restart
-- point of that full read, the incremental read after which still-unseen objects become gone.
CREATE TABLE [woo].[CatalogWatermark] (
    [StoreId]                 varchar (10)  NOT NULL,
    [ProductsWatermarkUtc]    datetime2 (0) NULL,
    [VariationsWatermarkUtc]  datetime2 (0) NULL,
    [LastReadAtUtc]           datetime2 (0) NULL,
    [LastFullReadAtUtc]       datetime2 (0) NULL,
    [UnseenCheckFromUtc]      datetime2 (0) NULL,
    CONSTRAINT [PK_CatalogWatermark] PRIMARY KEY CLUSTERED ([StoreId]),
    CONSTRAINT [FK_CatalogWatermark_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
