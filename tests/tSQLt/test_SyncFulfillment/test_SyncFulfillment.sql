-- tSQLt test class for fulfillment back to the shop (woo.usp_SyncFulfillment; README "Fulfillment back to the shop").
-- Counterpoint rows are arranged by plain INSERT in the scratch Counterpoint database published from the reference
-- dacpac (design 3b): an order document as woo.usp_ProcessStagedOrders leaves it (PS_DOC_HDR + PS_DOC_LIN, queue row
-- APPLIED), then what Counterpoint does when it releases, ships or voids it (release ticket linked through
-- PS_DOC_HDR_ORIG_DOC and LINK_LIN_GUID, the order lines' QTY_SHIPPED, PS_DOC_PKG_TRK_NO, an audit row DOC_TYP 'V').
-- Store T15F, Counterpoint store T15F, station 1. woo.usp_SyncFulfillment runs one transaction per order and refuses
-- an outer transaction, so every test is a NoTransaction test (tSQLt 1.0.8083 or later, annotation
-- --[@tSQLt:NoTransaction]) whose CleanUp deletes every row store T15F's tests make, in CpOrders and in Counterpoint.
CREATE SCHEMA [test_SyncFulfillment] AUTHORIZATION [dbo];
GO
EXECUTE sp_addextendedproperty @name = N'tSQLt.TestClass', @value = 1, @level0type = N'SCHEMA', @level0name = N'test_SyncFulfillment';
