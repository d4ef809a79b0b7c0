-- PS_DOC_CONTACT: the document's own bill-to (CONTACT_ID 1) and ship-to (2) name and address; CpOrders INSERTs them.
-- Source: counterpoint-ddl.md 2.4 (all 23 columns); doc-model 8; seed 8.1. NAM_TYP is NOT NULL with default 'B' (ddl 5.2).
-- Uncertain: the customer's newer Counterpoint may add NOT NULL columns or widen domains: run-time drift check (design 7).
CREATE TABLE [dbo].[PS_DOC_CONTACT] (
    [DOC_ID]       bigint           NOT NULL,                                                       -- ddl 2.4 T_DOC_ID
    [CONTACT_ID]   tinyint          NOT NULL,                                                       -- ddl 2.4 T_INT_TINY; 1 bill-to, 2 ship-to (doc-model 8)
    [NAM]          varchar(40)      NULL,                                                           -- ddl 2.4 T_NAM
    [FST_NAM]      varchar(15)      NULL,                                                           -- ddl 2.4 T_FST_NAM
    [LST_NAM]      varchar(25)      NULL,                                                           -- ddl 2.4 T_LST_NAM
    [SALUTATION]   varchar(10)      NULL,                                                           -- ddl 2.4 T_SALUTATION
    [ADRS_1]       varchar(40)      NULL,                                                           -- ddl 2.4 T_ADRS
    [ADRS_2]       varchar(40)      NULL,                                                           -- ddl 2.4 T_ADRS
    [ADRS_3]       varchar(40)      NULL,                                                           -- ddl 2.4 T_ADRS
    [CITY]         varchar(20)      NULL,                                                           -- ddl 2.4 T_CITY
    [STATE]        varchar(10)      NULL,                                                           -- ddl 2.4 T_STATE
    [ZIP_COD]      varchar(15)      NULL,                                                           -- ddl 2.4 T_ZIP_COD
    [CNTRY]        varchar(20)      NULL,                                                           -- ddl 2.4 T_CNTRY
    [PHONE_1]      varchar(25)      NULL,                                                           -- ddl 2.4 T_PHONE
    [PHONE_2]      varchar(25)      NULL,                                                           -- ddl 2.4 T_PHONE
    [ADRS_ID]      varchar(10)      NULL,                                                           -- ddl 2.4 T_COD; AR_SHIP_ADRS.SHIP_ADRS_ID the ship-to came from, e.g. '(DEFAULT)' (doc-model 8 [obs])
    [NAM_TYP]      varchar(1)       NOT NULL CONSTRAINT [DF_PS_DOC_CONTACT_NAM_TYP] DEFAULT ('B'),  -- ddl 2.4 T_FLG; NOT NULL with default per ddl 5.2 (doc-model 8 said nullable); 'P' person, 'B' business
    [EMAIL_ADRS_1] varchar(50)      NULL,                                                           -- ddl 2.4 T_EMAIL_ADRS
    [EMAIL_ADRS_2] varchar(50)      NULL,                                                           -- ddl 2.4 T_EMAIL_ADRS
    [CONTCT_1]     varchar(40)      NULL,                                                           -- ddl 2.4 T_NAM
    [CONTCT_2]     varchar(40)      NULL,                                                           -- ddl 2.4 T_NAM
    [FAX_1]        varchar(25)      NULL,                                                           -- ddl 2.4 T_PHONE
    [FAX_2]        varchar(25)      NULL,                                                           -- ddl 2.4 T_PHONE
    CONSTRAINT [PK_PS_DOC_CONTACT] PRIMARY KEY CLUSTERED ([DOC_ID], [CONTACT_ID]),                  -- ddl 2.4 PK(DOC_ID, CONTACT_ID)
    CONSTRAINT [FK_PS_DOC_CONTACT_PS_DOC_HDR] FOREIGN KEY ([DOC_ID]) REFERENCES [dbo].[PS_DOC_HDR] ([DOC_ID])  -- ddl 2.4 name; column DOC_ID [infer from name]
);
