-- EC_CTL: Counterpoint's own e-commerce order-import settings (store/station/drawer, customer, tax, misc charge, ship-via, pay codes).
-- Source: doc-model 16 [doc G-EC] (names; column order follows the G-EC sample); counterpoint-ddl.md 4.7 (types by domain pattern [infer]).
-- Not in the demo DB: types, nullability (unknown: all NOT NULL) and key are unknown; none declared.
CREATE TABLE [dbo].[EC_CTL] (
    [KEY_ID]                             int              NOT NULL,  -- G-EC sample (the source of doc-model 16): value 1, single-row control table; int [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [STR_ID]                             varchar(10)      NOT NULL,  -- doc-model 16; T_COD (ddl 4.7) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_STA_ID]                         varchar(10)      NOT NULL,  -- doc-model 16; T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_DRW_ID]                         varchar(10)      NOT NULL,  -- doc-model 16; T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_CUST_NO]                        varchar(15)      NOT NULL,  -- doc-model 16 ('CASH'); T_CUST_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_PRC_METH]                       varchar(1)       NOT NULL,  -- doc-model 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_TAX_METH]                       varchar(1)       NOT NULL,  -- doc-model 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_SHIP_DOM_STD]                   varchar(10)      NOT NULL,  -- doc-model 16 'ORD_SHIP_*' (exact name from its G-EC sample); ship-via code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_SHIP_DOM_OVN]                   varchar(10)      NOT NULL,  -- doc-model 16 'ORD_SHIP_*' (exact name from its G-EC sample); ship-via code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_SHIP_UPS_NXT_DAY]               varchar(10)      NOT NULL,  -- doc-model 16 'ORD_SHIP_*' (exact name from its G-EC sample); ship-via code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_SHIP_UPS_2ND_DAY]               varchar(10)      NOT NULL,  -- doc-model 16 'ORD_SHIP_*' (exact name from its G-EC sample); ship-via code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_SHIP_DOM_2ND_DAY]               varchar(10)      NOT NULL,  -- doc-model 16 'ORD_SHIP_*' (exact name from its G-EC sample); ship-via code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_PAY_COD_VISA]                   varchar(10)      NOT NULL,  -- doc-model 16; pay code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_PAY_COD_MC]                     varchar(10)      NOT NULL,  -- doc-model 16; pay code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_PAY_COD_AMEX]                   varchar(10)      NOT NULL,  -- doc-model 16; pay code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_PAY_COD_DISC]                   varchar(10)      NOT NULL,  -- doc-model 16; pay code, T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [TMPLT_CUST_NO]                      varchar(15)      NOT NULL,  -- doc-model 16; T_CUST_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_CUST_NO_METH]                   varchar(1)       NOT NULL,  -- doc-model 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [NXT_CUST_NO]                        varchar(15)      NOT NULL,  -- doc-model 16 ('OL-100001'); T_CUST_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_BASE_TAX_COD]                   varchar(10)      NOT NULL,  -- doc-model 16; T_COD [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_TAX_COD_BY_SHIP_TO]             varchar(1)       NOT NULL,  -- doc-model 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_MISC_CHRG_NO]                   varchar(1)       NOT NULL,  -- doc-model 10, 16 ('1', a string in G-EC); varchar(1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_INSUFF_QTY_METH]                varchar(1)       NOT NULL,  -- doc-model 15, 16 ('O'); flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_REDUCE_INIT_DEP_FOR_BO]         varchar(1)       NOT NULL,  -- doc-model 5, 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORD_INCL_ALL_MISC_CHRG_ON_INIT_DEP] varchar(1)       NOT NULL   -- doc-model 5, 16; flag [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
