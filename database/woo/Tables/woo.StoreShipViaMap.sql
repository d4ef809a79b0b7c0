-- WooCommerce shipping method (shipping_lines[].method_id, optionally with its instance_id) → Counterpoint ship-via
-- code (PS_DOC_HDR.SHIP_VIA_COD). InstanceId 0 = every instance of the method.
CREATE TABLE [woo].[StoreShipViaMap] (
    [StoreId]      varchar (10)   NOT NULL,
    [WooMethodId]  nvarchar (100) NOT NULL,
    [InstanceId]   bigint         CONSTRAINT [DF_StoreShipViaMap_InstanceId] DEFAULT (0) NOT NULL,
    [ShipViaCod]   varchar (10)   NOT NULL,
    CONSTRAINT [PK_StoreShipViaMap] PRIMARY KEY CLUSTERED ([StoreId], [WooMethodId], [InstanceId]),
    CONSTRAINT [FK_StoreShipViaMap_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
