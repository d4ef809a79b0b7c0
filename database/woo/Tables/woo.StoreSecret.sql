-- Each store's WooCommerce credentials, encrypted with symmetric key CpOrdersSecretKey (created by post-deploy,
-- protected by certificate CpOrdersSecretProtector and the database master key). The authenticator is
-- '<StoreId>:<SecretName>' (woo.usp_SetStoreSecret), so a value copied to another store's row, or a key swapped with
-- its secret, does not decrypt. Transport procedures decrypt into local variables only (design 3); nothing here is
-- ever logged.
CREATE TABLE [woo].[StoreSecret] (
    [StoreId]        varchar (10)     NOT NULL,
    [SecretName]     varchar (40)     NOT NULL,
    [EncryptedValue] varbinary (8000) NOT NULL,
    [UpdatedAtUtc]   datetime2 (0)    CONSTRAINT [DF_StoreSecret_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]      sysname          CONSTRAINT [DF_StoreSecret_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_StoreSecret] PRIMARY KEY CLUSTERED ([StoreId], [SecretName]),
    CONSTRAINT [CK_StoreSecret_SecretName] CHECK ([SecretName] IN ('consumer_key', 'consumer_secret'))
);
