-- PS_ORD_HIST_LIN: lines of a posted (closed) order (see PS_ORD_HIST).
-- Source: counterpoint-document-model.md 1.1 [doc G-README, RIV]; columns read by public integrator SQL from PS_ORD_HIST_LIN /
-- VI_PS_ORD_HIST_LIN: DOC_ID, LIN_SEQ_NO, TKT_NO, ITEM_NO, ORIG_QTY, QTY_SHIPPED (joined to the header on DOC_ID) [obs,
-- public code found by exact-string search, 2026-12-03]; BUS_DAT by analogy with PS_TKT_HIST_LIN, whose public staging
-- models list BUS_DAT, DOC_ID, LIN_SEQ_NO, LIN_GUID, LINK_LIN_GUID [obs, low-medium]. Only what CpOrders reads (no
-- inferred column beyond BUS_DAT: woo.usp_SyncFulfillment stops with an alert when one it reads is missing).
-- Types from the open table PS_DOC_LIN (counterpoint-ddl.md 2.2) [infer: history keeps the open columns' domains].
-- Uncertain: the key (BUS_DAT, DOC_ID, LIN_SEQ_NO) [infer, as PS_ORD_HIST].
CREATE TABLE [dbo].[PS_ORD_HIST_LIN] (
    [BUS_DAT]     datetime         NOT NULL,  -- [infer] as PS_TKT_HIST_LIN
    [DOC_ID]      bigint           NOT NULL,  -- [obs public SQL]; T_DOC_ID
    [LIN_SEQ_NO]  int              NOT NULL,  -- [obs public SQL]; T_SEQ_NO
    [TKT_NO]      varchar(15)      NOT NULL,  -- [obs public SQL]; T_DOC_NO
    [ITEM_NO]     varchar(20)      NOT NULL,  -- [obs public SQL]; T_ITEM_NO
    [ORIG_QTY]    decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_ORD_HIST_LIN_ORIG_QTY] DEFAULT ((0)),     -- [obs public SQL]; T_QTY as PS_DOC_LIN
    [QTY_SHIPPED] decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_ORD_HIST_LIN_QTY_SHIPPED] DEFAULT ((0)),  -- [obs public SQL]; T_QTY as PS_DOC_LIN
    CONSTRAINT [PK_PS_ORD_HIST_LIN] PRIMARY KEY CLUSTERED ([BUS_DAT], [DOC_ID], [LIN_SEQ_NO])  -- [infer]
);
