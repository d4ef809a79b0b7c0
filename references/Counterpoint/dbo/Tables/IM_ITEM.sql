-- IM_ITEM: items (read only by CpOrders: validation, line fields, unit conversion). Subset of the 169 columns of ddl 4.2:
-- every column an order source reads, the key, and every NOT NULL column without default (ITEM_NO, DESCR, ACCT_COD, PRC_1).
-- Source: counterpoint-ddl.md 4.2 (definitions); counterpoint.md, seed 1.8, doc-model 3/6 (use). No computed column included.
-- FK_IM_ITEM_IM_CATEG_COD (ddl 4.2) left out: IM_CATEG_COD is not in this reference. The customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[IM_ITEM] (
    [ITEM_NO]       varchar(20)      NOT NULL,                                                      -- ddl 4.2; key; seed 1.8, doc-model 6
    [DESCR]         varchar(30)      NOT NULL,                                                      -- ddl 4.2; NOT NULL without default (ddl 4.8); copied to PS_DOC_LIN.DESCR (doc-model 6 [obs])
    [LONG_DESCR]    varchar(50)      NULL,                                                          -- ddl 4.2; read by seed 1.8; same width as PS_DOC_LIN.DESCR (T_LONG_DESCR 50) [infer]
    [ITEM_TYP]      varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_ITEM_TYP] DEFAULT ('I'),       -- ddl 4.2; I item; S/D/N are misc items (ddl 4.2 ITEM_IS_MISC formula); copied to PS_DOC_LIN.ITEM_TYP [infer]
    [CATEG_COD]     varchar(10)      NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.CATEG_COD (seed 3.3; doc-model 6 [obs])
    [SUBCAT_COD]    varchar(10)      NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.SUBCAT_COD (doc-model 6 [obs])
    [ACCT_COD]      varchar(10)      NOT NULL,                                                      -- ddl 4.2; NOT NULL without default (ddl 4.8); seed 1.8
    [TRK_METH]      varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_TRK_METH] DEFAULT ('N'),       -- ddl 4.2; N none, G gridded, S serialized (doc-model 3)
    [STAT]          varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_STAT] DEFAULT ('A'),           -- ddl 4.2; A active, V void, D discontinued (counterpoint.md; seed 1.8)
    [IS_TXBL]       varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_IS_TXBL] DEFAULT ('Y'),        -- ddl 4.2; the seed's 'TAXABLE' (counterpoint.md, seed 1.8) does not exist in ddl 4.2: this is the taxable flag
    [STK_UNIT]      varchar(15)      NOT NULL CONSTRAINT [DF_IM_ITEM_STK_UNIT] DEFAULT ('EACH'),    -- ddl 4.2; SELL_UNIT '0' (doc-model 3; counterpoint.md)
    [ITEM_VEND_NO]  varchar(15)      NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.ITEM_VEND_NO (doc-model 6 [obs]); seed 1.8
    [WEIGHT]        decimal(15,4)    NULL,                                                          -- ddl 4.2; the seed's 'WT' (seed 1.8); for PS_DOC_LIN.UNIT_WEIGHT / HDR_TOT.TOT_WEIGHT [infer]
    [CUBE]          decimal(15,4)    NULL,                                                          -- ddl 4.2; seed 1.8; for PS_DOC_LIN.UNIT_CUBE / HDR_TOT.TOT_CUBE [infer]
    [ALT_1_UNIT]    varchar(15)      NULL,                                                          -- ddl 4.2; SELL_UNIT '1' (doc-model 3; counterpoint.md)
    [ALT_1_NUMER]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_1_DENOM]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_1_WEIGHT]  decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_1_CUBE]    decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_1_PRC_1]   decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_2_UNIT]    varchar(15)      NULL,                                                          -- ddl 4.2; SELL_UNIT '2' (doc-model 3; counterpoint.md)
    [ALT_2_NUMER]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_2_DENOM]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_2_WEIGHT]  decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_2_CUBE]    decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_2_PRC_1]   decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_3_UNIT]    varchar(15)      NULL,                                                          -- ddl 4.2; SELL_UNIT '3' (doc-model 3; counterpoint.md)
    [ALT_3_NUMER]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_3_DENOM]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_3_WEIGHT]  decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_3_CUBE]    decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_3_PRC_1]   decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_4_UNIT]    varchar(15)      NULL,                                                          -- ddl 4.2; SELL_UNIT '4' (doc-model 3; counterpoint.md)
    [ALT_4_NUMER]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_4_DENOM]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_4_WEIGHT]  decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_4_CUBE]    decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_4_PRC_1]   decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_5_UNIT]    varchar(15)      NULL,                                                          -- ddl 4.2; SELL_UNIT '5' (doc-model 3; counterpoint.md)
    [ALT_5_NUMER]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [ALT_5_DENOM]   decimal(11,0)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [ALT_5_WEIGHT]  decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [ALT_5_CUBE]    decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [ALT_5_PRC_1]   decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [PREF_UNIT]     varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_PREF_UNIT] DEFAULT ('0'),      -- ddl 4.2; seed 1.8
    [PRC_1]         decimal(15,4)    NOT NULL,                                                      -- ddl 4.2; NOT NULL without default (ddl 4.8); copied to PS_DOC_LIN.PRC_1 (doc-model 6 [obs]); seed 1.8
    [BARCOD]        varchar(20)      NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.BARCOD (doc-model 6 [obs]); seed 1.8
    [IS_ECOMM_ITEM] varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_IS_ECOMM_ITEM] DEFAULT ('N'),  -- ddl 4.2; counterpoint.md; seed 1.8
    [TAX_CATEG_COD] varchar(10)      NULL,                                                          -- ddl 4.2; for PS_DOC_LIN.TAX_CATEG [infer]; the seed's IM_ITEM 'TAX_COD' does not exist in ddl 4.2
    [REG_PRC]       decimal(15,4)    NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.REG_PRC (doc-model 6 [obs]); seed 1.8
    [ALT_1_REG_PRC] decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '1' lines (doc-model 6; design 11) [infer]
    [ALT_2_REG_PRC] decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '2' lines (doc-model 6; design 11) [infer]
    [ALT_3_REG_PRC] decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '3' lines (doc-model 6; design 11) [infer]
    [ALT_4_REG_PRC] decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '4' lines (doc-model 6; design 11) [infer]
    [ALT_5_REG_PRC] decimal(15,4)    NULL,                                                          -- ddl 4.2; alt-unit counterpart for SELL_UNIT '5' lines (doc-model 6; design 11) [infer]
    [LST_COST]      decimal(15,4)    NULL CONSTRAINT [DF_IM_ITEM_LST_COST] DEFAULT ((0)),           -- ddl 4.2; seed 1.8
    [MIX_MATCH_COD] varchar(10)      NULL,                                                          -- ddl 4.2; copied to PS_DOC_LIN.MIX_MATCH_COD (doc-model 6 [obs])
    [IS_DISCNTBL]   varchar(1)       NOT NULL CONSTRAINT [DF_IM_ITEM_IS_DISCNTBL] DEFAULT ('Y'),    -- ddl 4.2; for PS_DOC_LIN.IS_DISCNTBL [infer]
    CONSTRAINT [PK_IM_ITEM] PRIMARY KEY CLUSTERED ([ITEM_NO])                                       -- ddl 4.2 PK_IM_ITEM(ITEM_NO)
);
