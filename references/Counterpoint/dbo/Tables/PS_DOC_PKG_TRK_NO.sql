-- PS_DOC_PKG_TRK_NO: package tracking numbers of a document (ShipStation writes them on the release ticket).
-- Source: counterpoint-ddl.md 3.5 [sample G-POST; infer]; doc-model 14. No catalog definition; no key known (none declared).
-- Uncertain: a second key column (PKG_ID varchar(2) or a sequence number, ddl 3.5 [infer]) probably exists; its name is unknown, so it stays out.
CREATE TABLE [dbo].[PS_DOC_PKG_TRK_NO] (
    [DOC_ID]     bigint           NOT NULL,  -- ddl 3.5 T_DOC_ID; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [PKG_TRK_NO] varchar(25)      NOT NULL   -- ddl 3.5 T_PKG_TRK_NO; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
);
