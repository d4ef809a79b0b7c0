-- PS_CTL: POS control; CpOrders reads the GL account of the misc charge it uses for shipping (must be set up, doc-model 10).
-- Source: doc-model 10, 16 [doc RWOO, RSHOP: MISC_4_ACCT_NO]; n = 1..5 as the five misc charges (USE_MISC_1..5, ddl 4.6) [infer].
-- Uncertain: type T_ACCT_NO varchar(20) (ddl 4.7 pattern) [infer]; nullability unknown (all NOT NULL); key unknown (none declared).
CREATE TABLE [dbo].[PS_CTL] (
    [MISC_1_ACCT_NO] varchar(20)      NOT NULL,  -- doc-model 16 'MISC_n_ACCT_NO'; T_ACCT_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [MISC_2_ACCT_NO] varchar(20)      NOT NULL,  -- doc-model 16 'MISC_n_ACCT_NO'; T_ACCT_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [MISC_3_ACCT_NO] varchar(20)      NOT NULL,  -- doc-model 16 'MISC_n_ACCT_NO'; T_ACCT_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [MISC_4_ACCT_NO] varchar(20)      NOT NULL,  -- doc-model 16 'MISC_n_ACCT_NO'; T_ACCT_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [MISC_5_ACCT_NO] varchar(20)      NOT NULL   -- doc-model 16 'MISC_n_ACCT_NO'; T_ACCT_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
