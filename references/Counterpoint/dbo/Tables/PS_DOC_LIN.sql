-- PS_DOC_LIN: document lines (order lines are LIN_TYP 'O'; B/P/D also possible); CpOrders INSERTs them.
-- Source: counterpoint-ddl.md 2.2 (all 90 columns); doc-model 6; seed 1.4. PK and FK_PS_DOC_LIN_PS_DOC_HDR from ddl 2.2.
-- Uncertain: DESCR is varchar(50) here but varchar(250) on the customer's newer database (WP) [conflict: version]; the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_LIN] (
    [DOC_ID]                 bigint           NOT NULL,                                                       -- ddl 2.2 T_DOC_ID
    [LIN_SEQ_NO]             int              NOT NULL,                                                       -- ddl 2.2 T_SEQ_NO
    [STR_ID]                 varchar(10)      NOT NULL,                                                       -- ddl 2.2 T_COD
    [STA_ID]                 varchar(10)      NOT NULL,                                                       -- ddl 2.2 T_COD
    [TKT_NO]                 varchar(15)      NOT NULL,                                                       -- ddl 2.2 T_DOC_NO
    [LIN_TYP]                varchar(1)       NOT NULL,                                                       -- ddl 2.2 T_FLG; 'O' on order lines; S/R/O/B/P/L/D/E/U (doc-model 3)
    [CELL_DESCR]             varchar(50)      NULL,                                                           -- ddl 2.2 T_LONG_DESCR
    [PRC]                    money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [ITEM_NO]                varchar(20)      NOT NULL,                                                       -- ddl 2.2 T_ITEM_NO
    [UNIT_RETL_VAL]          money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [NO_OF_SERS_ENTD]        int              NULL,                                                           -- ddl 2.2 T_INT
    [CALC_PRC]               money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [EXT_COST]               decimal(15,2)    NULL,                                                           -- ddl 2.2 T_MONEY
    [STK_LOC_ID]             varchar(10)      NULL,                                                           -- ddl 2.2 T_LOC_ID
    [REG_PRC]                money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [PRC_LOC_ID]             varchar(10)      NULL,                                                           -- ddl 2.2 T_LOC_ID
    [DESCR]                  varchar(50)      NULL,                                                           -- ddl 2.2 T_LONG_DESCR; varchar(250) on the customer's newer DB (doc-model 6 [conflict])
    [CATEG_COD]              varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [SUBCAT_COD]             varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [ITEM_VEND_NO]           varchar(15)      NULL,                                                           -- ddl 2.2 T_VEND_NO
    [QTY_SOLD]               decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_SOLD] DEFAULT ((1)),     -- ddl 2.2 T_QTY
    [QTY_NUMER]              decimal(11,0)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_NUMER] DEFAULT ((1)),    -- ddl 2.2 T_CONV_FAC
    [QTY_DENOM]              decimal(11,0)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_DENOM] DEFAULT ((1)),    -- ddl 2.2 T_CONV_FAC
    [QTY_UNIT]               varchar(15)      NULL,                                                           -- ddl 2.2 T_UNIT
    [SELL_UNIT]              varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_SELL_UNIT] DEFAULT ('0'),    -- ddl 2.2 T_FLG; '0' stocking unit, '1'-'5' = IM_ITEM.ALT_n_UNIT (doc-model 3)
    [RET_REAS]               varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [EXT_PRC]                decimal(15,2)    NOT NULL,                                                       -- ddl 2.2 T_MONEY; ROUND(QTY_SOLD x PRC, 2) (doc-model 6 [obs])
    [IS_TXBL]                varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_TXBL] DEFAULT ('Y'),      -- ddl 2.2 T_BOOL
    [PFT_CTR]                varchar(20)      NULL,                                                           -- ddl 2.2 T_ACCT_NO
    [SLS_REP]                varchar(10)      NULL,                                                           -- ddl 2.2 T_USR_ID
    [REF]                    varchar(50)      NULL,                                                           -- ddl 2.2 T_REF
    [ITEM_TYP]               varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_ITEM_TYP] DEFAULT ('I'),     -- ddl 2.2 T_FLG
    [PRC_1]                  money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [QTY_DECS]               int              NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_DECS] DEFAULT ((0)),         -- ddl 2.2 T_INT
    [PRC_DECS]               int              NULL CONSTRAINT [DF_PS_DOC_LIN_PRC_DECS] DEFAULT ((2)),         -- ddl 2.2 T_INT
    [BARCOD]                 varchar(20)      NULL,                                                           -- ddl 2.2 T_BARCOD
    [IS_SINGLE_CELL]         varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_SINGLE_CELL] DEFAULT ('N'),  -- ddl 2.2 T_BOOL
    [EC_SEQ_NO]              int              NULL,                                                           -- ddl 2.2 T_SEQ_NO
    [RNDM_WEIGHT_BARCOD]     varchar(20)      NULL,                                                           -- ddl 2.2 T_BARCOD
    [NORM_TAX_CATEG]         varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [TAX_CATEG]              varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [NORM_IS_TXBL]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_NORM_IS_TXBL] DEFAULT ('Y'), -- ddl 2.2 T_BOOL
    [TARE_COD]               varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [TRK_METH]               varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_TRK_METH] DEFAULT ('N'),     -- ddl 2.2 T_FLG
    [TARE_COD_IDX]           int              NULL,                                                           -- ddl 2.2 T_INT
    [ORIG_QTY]               decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_ORIG_QTY] DEFAULT ((0)),     -- ddl 2.2 T_QTY
    [QTY_SHIPPED]            decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_SHIPPED] DEFAULT ((0)),  -- ddl 2.2 T_QTY; grows when the order is released (doc-model 1.4)
    [IS_FOOD_STMP_ELIG]      varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_FOOD_STMP_ELIG] DEFAULT ('N'),  -- ddl 2.2 T_BOOL
    [EC_ORD_TOT_QTY_EXPECTD] decimal(15,4)    NULL,                                                           -- ddl 2.2 T_QTY
    [TARE_WEIGHT]            money            NULL,                                                           -- ddl 2.2 T_DEC4
    [UNIT_WEIGHT]            money            NULL,                                                           -- ddl 2.2 T_DEC4
    [UNIT_CUBE]              money            NULL,                                                           -- ddl 2.2 T_DEC4
    [LIN_GUID]               uniqueidentifier NOT NULL,                                                       -- ddl 2.2 T_GUID; random per line (doc-model 2.2)
    [LINK_LIN_GUID]          uniqueidentifier NULL,                                                           -- ddl 2.2 T_GUID; release-ticket line -> order line (doc-model 1.4)
    [DIM_1_UPR]              varchar(15)      NULL,                                                           -- ddl 2.2 T_GRID_DIM_1
    [DIM_2_UPR]              varchar(15)      NULL,                                                           -- ddl 2.2 T_GRID_DIM_2
    [DIM_3_UPR]              varchar(15)      NULL,                                                           -- ddl 2.2 T_GRID_DIM_3
    [UNIT_COST]              money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [SER_NO]                 varchar(30)      NULL,                                                           -- ddl 2.2 T_SER_NO
    [QTY_RET]                decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_RET] DEFAULT ((0)),      -- ddl 2.2 T_QTY
    [IS_VAL_RET]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_VAL_RET] DEFAULT ('N'),   -- ddl 2.2 T_BOOL
    [GFT_RGSTRY_ID]          bigint           NULL,                                                           -- ddl 2.2 T_DOC_ID
    [GROSS_EXT_PRC]          decimal(15,2)    NOT NULL,                                                       -- ddl 2.2 T_MONEY
    [DISP_EXT_PRC]           decimal(15,2)    NULL,                                                           -- ddl 2.2 T_MONEY
    [PAR_LIN_GUID]           uniqueidentifier NULL,                                                           -- ddl 2.2 T_GUID
    [IS_KIT_PAR]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_KIT_PAR] DEFAULT ('N'),   -- ddl 2.2 T_BOOL
    [HAS_PRC_OVRD]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_HAS_PRC_OVRD] DEFAULT ('N'), -- ddl 2.2 T_BOOL
    [PRC_OVRD_REAS]          varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [COST_ENTD]              money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [PRESUMED_COST]          money            NULL,                                                           -- ddl 2.2 T_UNIT_MONEY
    [COST_OF_SLS_PCT]        decimal(9,3)     NULL,                                                           -- ddl 2.2 T_PCT
    [MIX_MATCH_COD]          varchar(10)      NULL,                                                           -- ddl 2.2 T_COD
    [MIX_MATCH_CONTRIB]      decimal(15,4)    NULL,                                                           -- ddl 2.2 T_MIX_MATCH_GRP_VAL
    [MIX_MATCH_PRC_BASED_ON] varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_MIX_MATCH_PRC_BASED_ON] DEFAULT ('!'),  -- ddl 2.2 T_FLG
    [USR_ENTD_PRC]           varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_USR_ENTD_PRC] DEFAULT ('N'), -- ddl 2.2 T_BOOL
    [GROSS_DISP_EXT_PRC]     decimal(15,2)    NULL,                                                           -- ddl 2.2 T_MONEY
    [IS_DISCNTBL]            varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_DISCNTBL] DEFAULT ('Y'),  -- ddl 2.2 T_BOOL
    [CALC_EXT_PRC]           decimal(15,2)    NOT NULL,                                                       -- ddl 2.2 T_MONEY
    [QTY_ENTD]               decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_ENTD] DEFAULT ((0)),     -- ddl 2.2 T_QTY
    [QTY_PCKD]               decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_PCKD] DEFAULT ((0)),     -- ddl 2.2 T_QTY
    [QTY_PCKVRFD]            decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_PCKVRFD] DEFAULT ((0)),  -- ddl 2.2 T_QTY
    [QTY_INVCD]              decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_INVCD] DEFAULT ((0)),    -- ddl 2.2 T_QTY
    [QTY_TO_FILL]            decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_TO_FILL] DEFAULT ((0)),  -- ddl 2.2 T_QTY
    [QTY_TO_REL]             decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_TO_REL] DEFAULT ((0)),   -- ddl 2.2 T_QTY
    [QTY_TO_LEAVE]           decimal(15,4)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_QTY_TO_LEAVE] DEFAULT ((0)), -- ddl 2.2 T_QTY
    [LIN_GRP_GUID]           uniqueidentifier NULL,                                                           -- ddl 2.2 T_GUID
    [IS_MAN_ENTD_WGHT]       varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_MAN_ENTD_WGHT] DEFAULT ('N'),  -- ddl 2.2 T_BOOL
    [IS_WEIGHED]             varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_LIN_IS_WEIGHED] DEFAULT ('N'),   -- ddl 2.2 T_BOOL
    [TAX_AMT_ALLOC]          decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_TAX_AMT_ALLOC] DEFAULT ((0)),  -- ddl 2.2 T_MONEY
    [NORM_TAX_AMT_ALLOC]     decimal(15,2)    NOT NULL CONSTRAINT [DF_PS_DOC_LIN_NORM_TAX_AMT_ALLOC] DEFAULT ((0)),  -- ddl 2.2 T_MONEY
    CONSTRAINT [PK_PS_DOC_LIN] PRIMARY KEY CLUSTERED ([DOC_ID], [LIN_SEQ_NO]),                                -- ddl 2.2 PK_PS_DOC_LIN(DOC_ID, LIN_SEQ_NO)
    CONSTRAINT [FK_PS_DOC_LIN_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])     -- ddl 2.2 name; column DOC_ID [infer from name]
);
