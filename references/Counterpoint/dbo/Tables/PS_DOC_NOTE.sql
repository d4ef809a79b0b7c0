-- PS_DOC_NOTE: document notes (NOTE = RTF text, NOTE_TXT = plain copy; LIN_GUID set = note on that line); CpOrders INSERTs web-order notes.
-- Source: counterpoint-ddl.md 3.1 (API field list G-NOTE; types from Counterpoint's domains) [sample/infer]; doc-model 11. No catalog definition.
-- Uncertain: every type, the key (PK (DOC_ID, NOTE_SEQ_NO) presumed, ddl 3.1) and nullability. LIN_GUID stays nullable: a NOT NULL
-- declaration would forbid the header-level note (LIN_GUID NULL) that ddl 3.1 describes.
CREATE TABLE [dbo].[PS_DOC_NOTE] (
    [DOC_ID]      bigint           NOT NULL,                                     -- ddl 3.1 T_DOC_ID; parent key, NOT NULL in every PS_DOC_* child [infer]
    [NOTE_SEQ_NO] int              NOT NULL,                                     -- ddl 3.1 T_SEQ_NO [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [NOTE_ID]     varchar(20)      NOT NULL,                                     -- ddl 3.1 T_NOTE_ID [infer]; required by the API (doc-model 11 [doc G-NOTE])
    [NOTE_DAT]    datetime         NOT NULL,                                     -- ddl 3.1 T_DAT/T_DT [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [USR_ID]      varchar(10)      NOT NULL,                                     -- ddl 3.1 T_USR_ID [infer]; nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [NOTE]        text             NOT NULL,                                     -- ddl 3.1, 5.9 T_NOTE = text [infer], RTF (doc-model 11); seed's 'varchar(50)' rejected (ddl 5.9); nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [NOTE_TXT]    text             NOT NULL,                                     -- ddl 3.1 T_NOTE = text [infer], plain text (doc-model 11); nullability unknown: declared NOT NULL so our code must supply it; run-time drift check confirms
    [LIN_GUID]    uniqueidentifier NULL,                                         -- ddl 3.1 T_GUID [infer]; NULL = header-level note (ddl 3.1), so kept nullable
    CONSTRAINT [PK_PS_DOC_NOTE] PRIMARY KEY CLUSTERED ([DOC_ID], [NOTE_SEQ_NO])  -- ddl 3.1: probable key, unverified
);
