-- PS_ORD_HIST: header of a posted (closed) order. When posting completes an order, Counterpoint moves it out of the open
-- PS_DOC_* tables into the history tables (PS_ORD_HIST*; posted tickets and release tickets into PS_TKT_HIST*).
-- Source: counterpoint-document-model.md 1.1 [doc G-README, RIV sync guide]; the column names below are the ones public
-- integrator SQL reads from PS_ORD_HIST / VI_PS_ORD_HIST (DOC_ID, STR_ID, TKT_NO, TKT_DT, BUS_DAT; joins on DOC_ID and
-- TKT_NO, ORDER BY BUS_DAT) [obs, public code found by exact-string search, 2026-12-03]. Only what CpOrders reads
-- (woo.usp_ReadFulfillment): CpOrders never writes a history table.
-- Types from Counterpoint's domains (counterpoint-ddl.md 1: T_DAT datetime, T_DOC_ID bigint, T_COD varchar(10),
-- T_DOC_NO varchar(15)) [infer]; NOT NULL as in the open tables' keys [infer].
-- Uncertain: the key. Public staging models of Counterpoint's ticket history name (BUS_DAT, DOC_ID[, LIN_SEQ_NO]) as its
-- composite key [obs, low-medium]; declared here as the PK [infer]. The reader seeks with BUS_DAT in a narrow range AND
-- DOC_ID = @DocId, a seek under this key and under any key or index that leads with DOC_ID. Confirm on the target
-- database (sp_helpindex 'dbo.PS_ORD_HIST'); woo.usp_SyncFulfillment checks the columns at run time.
CREATE TABLE [dbo].[PS_ORD_HIST] (
    [BUS_DAT] datetime         NOT NULL,  -- business date of the posting [obs public SQL]; T_DAT [infer]
    [DOC_ID]  bigint           NOT NULL,  -- the order's DOC_ID, kept from PS_DOC_HDR [obs public SQL joins]; T_DOC_ID
    [STR_ID]  varchar(10)      NOT NULL,  -- [obs public SQL]; T_COD
    [TKT_NO]  varchar(15)      NOT NULL,  -- the order number [obs public SQL]; T_DOC_NO
    [TKT_DT]  datetime         NULL,      -- [obs public SQL]; T_DT
    CONSTRAINT [PK_PS_ORD_HIST] PRIMARY KEY CLUSTERED ([BUS_DAT], [DOC_ID])  -- [infer] see above
);
