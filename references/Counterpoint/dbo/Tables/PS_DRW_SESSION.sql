-- PS_DRW_SESSION: drawer sessions; a deposit ticket carries the active session's DRW_SESSION_ID (STAT 'A'); orders carry NULL (doc-model 4).
-- Source: doc-model 4, 16 [obs DB]. Which of the listed columns sit here rather than in PS_DRW is [infer]; SESSION_NAM left out (type unknown).
-- Uncertain: types except DRW_SESSION_ID (bigint, stated), nullability (unknown: all NOT NULL), key (none declared).
CREATE TABLE [dbo].[PS_DRW_SESSION] (
    [DRW_SESSION_ID] bigint           NOT NULL,  -- doc-model 4, 16 [obs] bigint, e.g. 100000000000104; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [STR_ID]         varchar(10)      NOT NULL,  -- doc-model 16; T_COD (ddl 2.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [DRW_ID]         varchar(10)      NOT NULL,  -- doc-model 16; T_COD (ddl 2.1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [STAT]           varchar(1)       NOT NULL,  -- doc-model 4, 16 [obs] 'A' active; varchar(1) [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [OPEN_DT]        datetime         NOT NULL   -- doc-model 16 [obs]; T_DT [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
