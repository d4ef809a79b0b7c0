-- PS_DOC_HDR_ORIG_DOC: links a document to the one it came from (deposit ticket <-> order, release/return -> original).
-- Source: counterpoint-ddl.md 3.3 [sample AP SQL; G-GET lists it empty]; doc-model 7.3, 14. No catalog definition; no key known (none declared).
-- Uncertain: other columns (the history variant has ORIG_DOC_TYP) are not evidenced for this table and stay out; link direction of native rows unknown.
CREATE TABLE [dbo].[PS_DOC_HDR_ORIG_DOC] (
    [DOC_ID]      bigint           NOT NULL,  -- ddl 3.3 T_DOC_ID; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [ORIG_DOC_ID] bigint           NOT NULL   -- ddl 3.3 T_DOC_ID; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
