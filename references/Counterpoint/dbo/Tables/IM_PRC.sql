-- IM_PRC: item prices per location (stored at LOC_ID '*' in the customer's database, not per store location); read only.
-- Source: seed 1.8 [obs] (column names); types by analogy with IM_ITEM/IM_INV (ddl 4.1, 4.2) [infer]. Not in counterpoint-ddl.md; no key known.
-- Uncertain: types, nullability (unknown: all NOT NULL) and key.
CREATE TABLE [dbo].[IM_PRC] (
    [ITEM_NO] varchar(20)      NOT NULL,  -- seed 1.8; T_ITEM_NO width as IM_INV.ITEM_NO (ddl 4.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [LOC_ID]  varchar(10)      NOT NULL,  -- seed 1.8 ('*' rows, pitfall 12); T_LOC_ID width as IM_INV.LOC_ID (ddl 4.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [REG_PRC] decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.REG_PRC (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_1]   decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_2]   decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_3]   decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_4]   decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_5]   decimal(15,4)    NOT NULL,  -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PRC_6]   decimal(15,4)    NOT NULL   -- seed 1.8; decimal(15,4) as IM_ITEM.PRC_1 (ddl 4.2) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
