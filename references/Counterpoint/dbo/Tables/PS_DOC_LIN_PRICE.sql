-- PS_DOC_LIN_PRICE: price justification per line (RAPI: required for Counterpoint's price fields); CpOrders INSERTs it after PS_DOC_LIN.
-- Source: counterpoint-ddl.md 2.10 (all 15 columns); doc-model 6.
-- Uncertain: PK_PS_DOC_LIN_PRICE exists but its key columns were not recovered; (DOC_ID, LIN_SEQ_NO, PRC_SEQ_NO) is presumed (ddl 2.10).
-- The customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_LIN_PRICE] (
    [DOC_ID]         bigint           NOT NULL,                                                             -- ddl 2.10 T_DOC_ID
    [LIN_SEQ_NO]     int              NOT NULL,                                                             -- ddl 2.10 T_SEQ_NO
    [PRC_JUST_STR]   varchar(20)      NULL,                                                                 -- ddl 2.10 T_PRC_JUST_STR; e.g. 'Price-1' (doc-model 6 [doc G-GET])
    [PRC_GRP_COD]    varchar(10)      NULL,                                                                 -- ddl 2.10 T_COD
    [PRC_GRP_DESCR]  varchar(30)      NULL,                                                                 -- ddl 2.10 T_DESCR
    [PRC_RUL_DESCR]  varchar(30)      NULL,                                                                 -- ddl 2.10 T_DESCR
    [PRC_GRP_TYP]    varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_PRICE_PRC_GRP_TYP] DEFAULT ('!'),  -- ddl 2.10 T_FLG
    [PRC_RUL_SEQ_NO] int              NULL,                                                                 -- ddl 2.10 T_SEQ_NO
    [PRC_BRK_DESCR]  varchar(50)      NULL,                                                                 -- ddl 2.10 T_LONG_DESCR
    [PRC_SEQ_NO]     smallint         NOT NULL CONSTRAINT [DF_PS_DOC_LIN_PRICE_PRC_SEQ_NO] DEFAULT ((1)),   -- ddl 2.10 T_SMALLINT
    [QTY_PRCD]       decimal(15,4)    NOT NULL,                                                             -- ddl 2.10 T_QTY
    [UNIT_PRC]       decimal(15,4)    NOT NULL,                                                             -- ddl 2.10 T_PRC
    [DIM_1_UPR]      varchar(15)      NULL,                                                                 -- ddl 2.10 T_GRID_DIM_1
    [DIM_2_UPR]      varchar(15)      NULL,                                                                 -- ddl 2.10 T_GRID_DIM_2
    [DIM_3_UPR]      varchar(15)      NULL,                                                                 -- ddl 2.10 T_GRID_DIM_3
    CONSTRAINT [PK_PS_DOC_LIN_PRICE] PRIMARY KEY CLUSTERED ([DOC_ID], [LIN_SEQ_NO], [PRC_SEQ_NO]),          -- ddl 2.10 PK_PS_DOC_LIN_PRICE; key columns presumed
    CONSTRAINT [FK_PS_DOC_LIN_PRICE_PS_DOC_LIN] FOREIGN KEY ([DOC_ID], [LIN_SEQ_NO]) REFERENCES [dbo].[PS_DOC_LIN] ([DOC_ID], [LIN_SEQ_NO])  -- ddl 2.10 name; columns [infer from name]
);
