-- IM_INV: stock per item and location; CpOrders UPDATEs QTY_COMMIT (open orders commit stock) and INSERTs a missing row.
-- Source: counterpoint-ddl.md 4.1 (all 52 columns incl. the 6 computed ones and ROW_TS); doc-model 15; seed 1.8.
-- FK_IM_INV_IM_LOC (ddl 4.1) is left out: IM_LOC is not in this reference. Only ITEM_NO and LOC_ID need a value on INSERT (ddl 5.7).
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[IM_INV] (
    [ITEM_NO]                  varchar(20)      NOT NULL,                                                    -- ddl 4.1 T_ITEM_NO
    [LOC_ID]                   varchar(10)      NOT NULL,                                                    -- ddl 4.1 T_LOC_ID
    [BIN_1]                    varchar(10)      NULL,                                                        -- ddl 4.1 T_COD
    [BIN_2]                    varchar(10)      NULL,                                                        -- ddl 4.1 T_COD
    [BIN_3]                    varchar(10)      NULL,                                                        -- ddl 4.1 T_COD
    [BIN_4]                    varchar(10)      NULL,                                                        -- ddl 4.1 T_COD
    [MIN_QTY]                  decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_MIN_QTY] DEFAULT ((0)),       -- ddl 4.1 T_QTY
    [MAX_QTY]                  decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_MAX_QTY] DEFAULT ((0)),       -- ddl 4.1 T_QTY
    [QTY_COMMIT]               decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_COMMIT] DEFAULT ((0)),    -- ddl 4.1 T_QTY; open S/O/L lines commit here, B/P/U do not (doc-model 15)
    [QTY_ON_HND]               decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_HND] DEFAULT ((0)),    -- ddl 4.1 T_QTY
    [QTY_ON_PO]                decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_PO] DEFAULT ((0)),     -- ddl 4.1 T_QTY
    [QTY_ON_BO]                decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_BO] DEFAULT ((0)),     -- ddl 4.1 T_QTY; backorder qty (doc-model 15 [infer])
    [QTY_ON_XFER_OUT]          decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_XFER_OUT] DEFAULT ((0)),  -- ddl 4.1 T_QTY
    [QTY_ON_XFER_IN]           decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_XFER_IN] DEFAULT ((0)),  -- ddl 4.1 T_QTY
    [LST_AVG_COST]             decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_LST_AVG_COST] DEFAULT ((0)),  -- ddl 4.1 T_COST
    [LST_COST]                 decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_LST_COST] DEFAULT ((0)),      -- ddl 4.1 T_COST
    [STD_COST]                 decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_STD_COST] DEFAULT ((0)),      -- ddl 4.1 T_COST
    [COST_OF_SLS_PCT]          decimal(9,3)     NOT NULL CONSTRAINT [DF_IM_INV_COST_OF_SLS_PCT] DEFAULT ((0)),  -- ddl 4.1; no domain recorded
    [FST_RECV_DAT]             datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [LST_RECV_DAT]             datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [FST_SAL_DAT]              datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [LST_SAL_DAT]              datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [LST_CNT_DAT]              datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [LST_ORD_DAT]              datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [NXT_EXPECTD_DAT]          datetime         NULL,                                                        -- ddl 4.1 T_DAT
    [NXT_EXPECTD_PO]           varchar(20)      NULL,                                                        -- ddl 4.1 T_PO_NO
    [GL_VAL]                   decimal(15,2)    NOT NULL CONSTRAINT [DF_IM_INV_GL_VAL] DEFAULT ((0)),        -- ddl 4.1 T_MONEY
    [LST_MAINT_DT]             datetime         NULL,                                                        -- ddl 4.1 T_DT; native commits leave it unchanged (doc-model 15 [obs])
    [LST_MAINT_USR_ID]         varchar(10)      NULL,                                                        -- ddl 4.1 T_USR_ID
    [LST_LCK_DT]               datetime         NULL,                                                        -- ddl 4.1 T_DT
    [ROW_TS]                   timestamp        NULL,                                                        -- ddl 4.1; rowversion: never INSERT/UPDATE it
    [QTY_ON_ORD]               decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_ORD] DEFAULT ((0)),    -- ddl 4.1 T_QTY; qty on customer orders, subset of QTY_COMMIT (doc-model 15 [infer])
    [QTY_ON_LWY]               decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_LWY] DEFAULT ((0)),    -- ddl 4.1 T_QTY
    [QTY_ON_SO]                decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_QTY_ON_SO] DEFAULT ((0)),     -- ddl 4.1 T_QTY; special orders, not sales orders (doc-model 15; seed pitfall 30)
    [RS_UTC_DT]                datetime         NULL CONSTRAINT [DF_IM_INV_RS_UTC_DT] DEFAULT (getutcdate()),  -- ddl 4.1 T_DT
    [AVG_COST]                 AS (case when [QTY_ON_HND]>(0) AND [GL_VAL]>=(0) then CONVERT([decimal](15,4),[GL_VAL]/[QTY_ON_HND],(0)) else case when [LST_AVG_COST]>(0) then [LST_AVG_COST] else [LST_COST] end end),  -- ddl 4.1; computed, decimal(15,4) in catalog: never INSERT/UPDATE it
    [NET_QTY]                  AS ((([QTY_ON_HND]-[QTY_COMMIT])+[QTY_ON_PO])-[QTY_ON_BO]),                   -- ddl 4.1; computed, decimal(18,4) in catalog: never INSERT/UPDATE it; includes - QTY_ON_BO (ddl 5.3; doc-model 15 omitted it)
    [QTY_AVAIL]                AS ([QTY_ON_HND]-[QTY_COMMIT]),                                               -- ddl 4.1; computed, decimal(16,4) in catalog: never INSERT/UPDATE it; = QTY_ON_HND - QTY_COMMIT (Msg 271 on update, seed 1.8)
    [STK_STAT_PER_QTY_ON_HND]  AS (case when [QTY_ON_HND]<=(0) then 'O' when [MIN_QTY]=(0) AND [MAX_QTY]=(0) then '?' when [QTY_ON_HND]<[MIN_QTY] then 'B' when [QTY_ON_HND]>=[MIN_QTY] AND [QTY_ON_HND]<=[MAX_QTY] then 'K' when [QTY_ON_HND]>[MAX_QTY] then 'A'  end),  -- ddl 4.1; computed, varchar(1) in catalog: never INSERT/UPDATE it
    [STK_STAT_PER_QTY_AVAIL]   AS (case when ([QTY_ON_HND]-[QTY_COMMIT])<=(0) then 'O' when [MIN_QTY]=(0) AND [MAX_QTY]=(0) then '?' when ([QTY_ON_HND]-[QTY_COMMIT])<[MIN_QTY] then 'B' when ([QTY_ON_HND]-[QTY_COMMIT])>=[MIN_QTY] AND ([QTY_ON_HND]-[QTY_COMMIT])<=[MAX_QTY] then 'K' when ([QTY_ON_HND]-[QTY_COMMIT])>[MAX_QTY] then 'A'  end),  -- ddl 4.1; computed, varchar(1) in catalog: never INSERT/UPDATE it
    [STK_STAT_PER_NET_QTY]     AS (case when ((([QTY_ON_HND]-[QTY_COMMIT])-[QTY_ON_BO])+[QTY_ON_PO])<=(0) then 'O' when [MIN_QTY]=(0) AND [MAX_QTY]=(0) then '?' when ((([QTY_ON_HND]-[QTY_COMMIT])-[QTY_ON_BO])+[QTY_ON_PO])<[MIN_QTY] then 'B' when ((([QTY_ON_HND]-[QTY_COMMIT])-[QTY_ON_BO])+[QTY_ON_PO])>=[MIN_QTY] AND ((([QTY_ON_HND]-[QTY_COMMIT])-[QTY_ON_BO])+[QTY_ON_PO])<=[MAX_QTY] then 'K' when ((([QTY_ON_HND]-[QTY_COMMIT])-[QTY_ON_BO])+[QTY_ON_PO])>[MAX_QTY] then 'A'  end),  -- ddl 4.1; computed, varchar(1) in catalog: never INSERT/UPDATE it
    [REORD_PNT]                decimal(15,4)    NULL,                                                        -- ddl 4.1 T_QTY
    [EOQ]                      decimal(15,4)    NULL,                                                        -- ddl 4.1 T_QTY
    [SFTY_STK]                 decimal(15,4)    NULL,                                                        -- ddl 4.1 T_QTY
    [SRVC_LEVL]                decimal(5,2)     NULL,                                                        -- ddl 4.1 T_FORC_DEC
    [ANNL_HLD_COST]            decimal(15,2)    NULL,                                                        -- ddl 4.1 T_MONEY
    [ANNL_HLD_COST_PERC]       decimal(15,2)    NULL,                                                        -- ddl 4.1 T_MONEY
    [ORD_COST_PER_ORDER]       decimal(15,2)    NULL,                                                        -- ddl 4.1 T_MONEY
    [EOQ_CALC_ON]              smalldatetime    NULL,                                                        -- ddl 4.1 T_DAT_SMALL
    [RS_STAT]                  tinyint          NOT NULL CONSTRAINT [DF_IM_INV_RS_STAT] DEFAULT ((1)),       -- ddl 4.1 T_INT_TINY
    [DROPSHIP_QTY_ON_CUST_ORD] decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_DROPSHIP_QTY_ON_CUST_ORD] DEFAULT ((0)),  -- ddl 4.1 T_QTY
    [DROPSHIP_QTY_ON_PO]       decimal(15,4)    NOT NULL CONSTRAINT [DF_IM_INV_DROPSHIP_QTY_ON_PO] DEFAULT ((0)),  -- ddl 4.1 T_QTY
    CONSTRAINT [PK_IM_INV] PRIMARY KEY CLUSTERED ([ITEM_NO], [LOC_ID]),                                      -- ddl 4.1 PK_IM_INV(ITEM_NO, LOC_ID)
    CONSTRAINT [FK_IM_INV_IM_ITEM] FOREIGN KEY ([ITEM_NO]) REFERENCES [dbo].[IM_ITEM] ([ITEM_NO])            -- ddl 4.1 name; column ITEM_NO [infer from name]
);
