-- Writes one planned document into Counterpoint (issue 13, design 5, 7, 11): every row table of the plan inserted
-- set-based from its reader woo.fn_Plan_<TABLE> (the one column list per table, PlanWriterTests), the customer's
-- open-order totals added (woo.fn_Plan_AR_CUST_ORD) and IM_INV changed per item and location (woo.fn_Plan_IM_INV).
-- Called only by woo.usp_ProcessStagedOrders inside the order's transaction, after the queue row, the customer and the
-- numbers are locked; granted to no role (reached by ownership chaining; it would write any plan it is given).
-- Why a procedure of its own (design 7): the columns of existing Counterpoint tables are bound when a procedure is
-- compiled. After an NCR update drops or renames a column written here, THIS procedure fails to compile (Msg 207)
-- when it is called; that error is raised in the caller's TRY scope, so the processor still runs its drift check
-- first, rolls the order's transaction back and stops the run with a logged, alerted outcome. With these statements
-- inside the processor itself, the processor would not compile at all: no drift check, no run log, no alert.
CREATE PROCEDURE [woo].[usp_WriteOrderDocument]
    @Plan nvarchar (max)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    -- Only inside the order's transaction: a document written alone could not be tied to its queue row (design 5).
    IF @@TRANCOUNT = 0
        THROW 50442, N'CPO-PARAM: woo.usp_WriteOrderDocument writes only inside the order''s transaction (woo.usp_ProcessStagedOrders).', 1;
    IF ISNULL(JSON_VALUE(@Plan, N'$.ok'), N'false') <> N'true'
        THROW 50443, N'CPO-PARAM: woo.usp_WriteOrderDocument was given no complete plan ($.ok is not true).', 1;

    DECLARE @Inventory TABLE (ITEM_NO varchar (20) NOT NULL, LOC_ID varchar (10) NOT NULL, QTY_COMMIT decimal (15, 4) NOT NULL,
                              QTY_ON_ORD decimal (15, 4) NOT NULL, PRIMARY KEY (ITEM_NO, LOC_ID));
    DECLARE @ItemNo varchar (20), @LocId varchar (10), @PrevItem varchar (20), @PrevLoc varchar (10);

    -- The document, every table from the plan (AR_CUST first when planned: the header refers to it).
    INSERT INTO [$(CounterpointDb)].dbo.[AR_CUST] ([CUST_NO], [NAM], [NAM_UPR], [FST_NAM], [FST_NAM_UPR], [LST_NAM], [LST_NAM_UPR], [CUST_TYP], [ADRS_1], [ADRS_2], [CITY], [STATE], [ZIP_COD], [CNTRY], [PHONE_1], [EMAIL_ADRS_1], [PROMPT_NAM_ADRS], [SLS_REP], [CATEG_COD], [SHIP_VIA_COD], [SHIP_ZONE_COD], [STR_ID], [STMNT_COD], [TAX_COD], [TERMS_COD], [ALLOW_AR_CHRG], [ALLOW_TKTS], [NO_CR_LIM], [CR_LIM], [BAL_METH], [AR_ACCT_NO], [ALLOW_ORDS], [ALLOW_LWYS], [IS_ECOMM_CUST], [CUST_NAM_TYP], [INCLUDE_IN_MARKETING_MAILOUTS], [EMAIL_STATEMENT], [LST_MAINT_DT], [LST_MAINT_USR_ID])
    SELECT p.[CUST_NO], p.[NAM], p.[NAM_UPR], p.[FST_NAM], p.[FST_NAM_UPR], p.[LST_NAM], p.[LST_NAM_UPR], p.[CUST_TYP], p.[ADRS_1], p.[ADRS_2], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[EMAIL_ADRS_1], p.[PROMPT_NAM_ADRS], p.[SLS_REP], p.[CATEG_COD], p.[SHIP_VIA_COD], p.[SHIP_ZONE_COD], p.[STR_ID], p.[STMNT_COD], p.[TAX_COD], p.[TERMS_COD], p.[ALLOW_AR_CHRG], p.[ALLOW_TKTS], p.[NO_CR_LIM], p.[CR_LIM], p.[BAL_METH], p.[AR_ACCT_NO], p.[ALLOW_ORDS], p.[ALLOW_LWYS], p.[IS_ECOMM_CUST], p.[CUST_NAM_TYP], p.[INCLUDE_IN_MARKETING_MAILOUTS], p.[EMAIL_STATEMENT], p.[LST_MAINT_DT], p.[LST_MAINT_USR_ID]
    FROM woo.fn_Plan_AR_CUST(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_HDR] ([DOC_ID], [STR_ID], [STA_ID], [TKT_NO], [DOC_TYP], [SAL_LINS], [ORD_LINS], [SAL_LIN_TOT], [GFC_LINS], [BO_LINS], [SO_LINS], [DRW_ID], [DRW_SESSION_ID], [CUST_NO], [RET_LINS], [SHIP_VIA_COD], [RET_LIN_TOT], [SHIP_ZONE_COD], [TAX_COD], [TERMS_COD], [CUST_PO_NO], [TKT_TYP], [USR_ID], [SLS_REP], [STK_LOC_ID], [PRC_LOC_ID], [SVC_LINS], [PFT_CTR], [VOID_USR_ID], [VOID_REAS], [TAX_EXEMPT_NO], [TAX_OVRD_REAS], [DOC_GUID], [BILL_TO_CONTACT_ID], [SHIP_TO_CONTACT_ID], [REQ_REPRICE], [SHIP_DAT], [RS_UTC_DT], [IS_DOC_COMMITTED], [LST_FRM_GRP_PRTD], [LST_FRM_PRTD], [FOOD_STMP_AMT], [FOOD_STMP_LINS], [FOOD_STMP_TAX_AMT], [TIMES_PRTD], [ERR_REF], [TKT_DT], [IS_REL_TKT], [FOOD_STMP_NORM_TAX_AMT], [LOY_PGM_COD], [NORM_TAX_COD], [DATA_UPGRADE_STAT], [REF], [HAS_ENTD_LINS], [HAS_PCKD_LINS], [HAS_PCKVRFD_LINS], [HAS_INVCD_LINS], [HAS_RLSD_LINS], [TO_REL_LINS], [TO_LEAVE_LINS], [LST_MAINT_DT], [LST_MAINT_USR_ID], [IS_OFFLINE], [RS_STAT], [DS_LINS], [LST_LCK_DT])
    SELECT p.[DOC_ID], p.[STR_ID], p.[STA_ID], p.[TKT_NO], p.[DOC_TYP], p.[SAL_LINS], p.[ORD_LINS], p.[SAL_LIN_TOT], p.[GFC_LINS], p.[BO_LINS], p.[SO_LINS], p.[DRW_ID], p.[DRW_SESSION_ID], p.[CUST_NO], p.[RET_LINS], p.[SHIP_VIA_COD], p.[RET_LIN_TOT], p.[SHIP_ZONE_COD], p.[TAX_COD], p.[TERMS_COD], p.[CUST_PO_NO], p.[TKT_TYP], p.[USR_ID], p.[SLS_REP], p.[STK_LOC_ID], p.[PRC_LOC_ID], p.[SVC_LINS], p.[PFT_CTR], p.[VOID_USR_ID], p.[VOID_REAS], p.[TAX_EXEMPT_NO], p.[TAX_OVRD_REAS], p.[DOC_GUID], p.[BILL_TO_CONTACT_ID], p.[SHIP_TO_CONTACT_ID], p.[REQ_REPRICE], p.[SHIP_DAT], p.[RS_UTC_DT], p.[IS_DOC_COMMITTED], p.[LST_FRM_GRP_PRTD], p.[LST_FRM_PRTD], p.[FOOD_STMP_AMT], p.[FOOD_STMP_LINS], p.[FOOD_STMP_TAX_AMT], p.[TIMES_PRTD], p.[ERR_REF], p.[TKT_DT], p.[IS_REL_TKT], p.[FOOD_STMP_NORM_TAX_AMT], p.[LOY_PGM_COD], p.[NORM_TAX_COD], p.[DATA_UPGRADE_STAT], p.[REF], p.[HAS_ENTD_LINS], p.[HAS_PCKD_LINS], p.[HAS_PCKVRFD_LINS], p.[HAS_INVCD_LINS], p.[HAS_RLSD_LINS], p.[TO_REL_LINS], p.[TO_LEAVE_LINS], p.[LST_MAINT_DT], p.[LST_MAINT_USR_ID], p.[IS_OFFLINE], p.[RS_STAT], p.[DS_LINS], p.[LST_LCK_DT]
    FROM woo.fn_Plan_PS_DOC_HDR(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_HDR_TOT] ([DOC_ID], [TOT_TYP], [INITIAL_MIN_DUE], [HAS_TAX_OVRD], [TAX_AMT_SHIPPED], [LINS], [TOT_GFC_AMT], [TOT_SVC_AMT], [SUB_TOT], [TAX_OVRD_LINS], [TOT_EXT_COST], [TOT_MISC], [TAX_AMT], [NORM_TAX_AMT], [TOT_TND], [TOT_CHNG], [TOT_WEIGHT], [TOT_CUBE], [TOT], [AMT_DUE], [TOT_HDR_DISC], [TOT_LIN_DISC], [TOT_HDR_DISCNTBL_AMT], [TOT_TIP_AMT])
    SELECT p.[DOC_ID], p.[TOT_TYP], p.[INITIAL_MIN_DUE], p.[HAS_TAX_OVRD], p.[TAX_AMT_SHIPPED], p.[LINS], p.[TOT_GFC_AMT], p.[TOT_SVC_AMT], p.[SUB_TOT], p.[TAX_OVRD_LINS], p.[TOT_EXT_COST], p.[TOT_MISC], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TOT_TND], p.[TOT_CHNG], p.[TOT_WEIGHT], p.[TOT_CUBE], p.[TOT], p.[AMT_DUE], p.[TOT_HDR_DISC], p.[TOT_LIN_DISC], p.[TOT_HDR_DISCNTBL_AMT], p.[TOT_TIP_AMT]
    FROM woo.fn_Plan_PS_DOC_HDR_TOT(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_CONTACT] ([DOC_ID], [CONTACT_ID], [NAM], [FST_NAM], [LST_NAM], [SALUTATION], [ADRS_1], [ADRS_2], [ADRS_3], [CITY], [STATE], [ZIP_COD], [CNTRY], [PHONE_1], [PHONE_2], [ADRS_ID], [NAM_TYP], [EMAIL_ADRS_1], [EMAIL_ADRS_2], [CONTCT_1], [CONTCT_2], [FAX_1], [FAX_2])
    SELECT p.[DOC_ID], p.[CONTACT_ID], p.[NAM], p.[FST_NAM], p.[LST_NAM], p.[SALUTATION], p.[ADRS_1], p.[ADRS_2], p.[ADRS_3], p.[CITY], p.[STATE], p.[ZIP_COD], p.[CNTRY], p.[PHONE_1], p.[PHONE_2], p.[ADRS_ID], p.[NAM_TYP], p.[EMAIL_ADRS_1], p.[EMAIL_ADRS_2], p.[CONTCT_1], p.[CONTCT_2], p.[FAX_1], p.[FAX_2]
    FROM woo.fn_Plan_PS_DOC_CONTACT(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_LIN] ([DOC_ID], [LIN_SEQ_NO], [STR_ID], [STA_ID], [TKT_NO], [LIN_TYP], [CELL_DESCR], [PRC], [ITEM_NO], [UNIT_RETL_VAL], [NO_OF_SERS_ENTD], [CALC_PRC], [EXT_COST], [STK_LOC_ID], [REG_PRC], [PRC_LOC_ID], [DESCR], [CATEG_COD], [SUBCAT_COD], [ITEM_VEND_NO], [QTY_SOLD], [QTY_NUMER], [QTY_DENOM], [QTY_UNIT], [SELL_UNIT], [RET_REAS], [EXT_PRC], [IS_TXBL], [PFT_CTR], [SLS_REP], [REF], [ITEM_TYP], [PRC_1], [QTY_DECS], [PRC_DECS], [BARCOD], [IS_SINGLE_CELL], [EC_SEQ_NO], [RNDM_WEIGHT_BARCOD], [NORM_TAX_CATEG], [TAX_CATEG], [NORM_IS_TXBL], [TARE_COD], [TRK_METH], [TARE_COD_IDX], [ORIG_QTY], [QTY_SHIPPED], [IS_FOOD_STMP_ELIG], [EC_ORD_TOT_QTY_EXPECTD], [TARE_WEIGHT], [UNIT_WEIGHT], [UNIT_CUBE], [LINK_LIN_GUID], [DIM_1_UPR], [DIM_2_UPR], [DIM_3_UPR], [UNIT_COST], [SER_NO], [QTY_RET], [IS_VAL_RET], [GFT_RGSTRY_ID], [GROSS_EXT_PRC], [DISP_EXT_PRC], [PAR_LIN_GUID], [IS_KIT_PAR], [HAS_PRC_OVRD], [PRC_OVRD_REAS], [COST_ENTD], [PRESUMED_COST], [COST_OF_SLS_PCT], [MIX_MATCH_COD], [MIX_MATCH_CONTRIB], [MIX_MATCH_PRC_BASED_ON], [USR_ENTD_PRC], [GROSS_DISP_EXT_PRC], [IS_DISCNTBL], [CALC_EXT_PRC], [QTY_ENTD], [QTY_PCKD], [QTY_PCKVRFD], [QTY_INVCD], [QTY_TO_FILL], [QTY_TO_REL], [QTY_TO_LEAVE], [LIN_GRP_GUID], [IS_MAN_ENTD_WGHT], [IS_WEIGHED], [TAX_AMT_ALLOC], [NORM_TAX_AMT_ALLOC], [LIN_GUID])
    SELECT p.[DOC_ID], p.[LIN_SEQ_NO], p.[STR_ID], p.[STA_ID], p.[TKT_NO], p.[LIN_TYP], p.[CELL_DESCR], p.[PRC], p.[ITEM_NO], p.[UNIT_RETL_VAL], p.[NO_OF_SERS_ENTD], p.[CALC_PRC], p.[EXT_COST], p.[STK_LOC_ID], p.[REG_PRC], p.[PRC_LOC_ID], p.[DESCR], p.[CATEG_COD], p.[SUBCAT_COD], p.[ITEM_VEND_NO], p.[QTY_SOLD], p.[QTY_NUMER], p.[QTY_DENOM], p.[QTY_UNIT], p.[SELL_UNIT], p.[RET_REAS], p.[EXT_PRC], p.[IS_TXBL], p.[PFT_CTR], p.[SLS_REP], p.[REF], p.[ITEM_TYP], p.[PRC_1], p.[QTY_DECS], p.[PRC_DECS], p.[BARCOD], p.[IS_SINGLE_CELL], p.[EC_SEQ_NO], p.[RNDM_WEIGHT_BARCOD], p.[NORM_TAX_CATEG], p.[TAX_CATEG], p.[NORM_IS_TXBL], p.[TARE_COD], p.[TRK_METH], p.[TARE_COD_IDX], p.[ORIG_QTY], p.[QTY_SHIPPED], p.[IS_FOOD_STMP_ELIG], p.[EC_ORD_TOT_QTY_EXPECTD], p.[TARE_WEIGHT], p.[UNIT_WEIGHT], p.[UNIT_CUBE], p.[LINK_LIN_GUID], p.[DIM_1_UPR], p.[DIM_2_UPR], p.[DIM_3_UPR], p.[UNIT_COST], p.[SER_NO], p.[QTY_RET], p.[IS_VAL_RET], p.[GFT_RGSTRY_ID], p.[GROSS_EXT_PRC], p.[DISP_EXT_PRC], p.[PAR_LIN_GUID], p.[IS_KIT_PAR], p.[HAS_PRC_OVRD], p.[PRC_OVRD_REAS], p.[COST_ENTD], p.[PRESUMED_COST], p.[COST_OF_SLS_PCT], p.[MIX_MATCH_COD], p.[MIX_MATCH_CONTRIB], p.[MIX_MATCH_PRC_BASED_ON], p.[USR_ENTD_PRC], p.[GROSS_DISP_EXT_PRC], p.[IS_DISCNTBL], p.[CALC_EXT_PRC], p.[QTY_ENTD], p.[QTY_PCKD], p.[QTY_PCKVRFD], p.[QTY_INVCD], p.[QTY_TO_FILL], p.[QTY_TO_REL], p.[QTY_TO_LEAVE], p.[LIN_GRP_GUID], p.[IS_MAN_ENTD_WGHT], p.[IS_WEIGHED], p.[TAX_AMT_ALLOC], p.[NORM_TAX_AMT_ALLOC], NEWID()
    FROM woo.fn_Plan_PS_DOC_LIN(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_LIN_PRICE] ([DOC_ID], [LIN_SEQ_NO], [PRC_JUST_STR], [PRC_GRP_COD], [PRC_GRP_DESCR], [PRC_RUL_DESCR], [PRC_GRP_TYP], [PRC_RUL_SEQ_NO], [PRC_BRK_DESCR], [PRC_SEQ_NO], [QTY_PRCD], [UNIT_PRC], [DIM_1_UPR], [DIM_2_UPR], [DIM_3_UPR])
    SELECT p.[DOC_ID], p.[LIN_SEQ_NO], p.[PRC_JUST_STR], p.[PRC_GRP_COD], p.[PRC_GRP_DESCR], p.[PRC_RUL_DESCR], p.[PRC_GRP_TYP], p.[PRC_RUL_SEQ_NO], p.[PRC_BRK_DESCR], p.[PRC_SEQ_NO], p.[QTY_PRCD], p.[UNIT_PRC], p.[DIM_1_UPR], p.[DIM_2_UPR], p.[DIM_3_UPR]
    FROM woo.fn_Plan_PS_DOC_LIN_PRICE(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_DISC] ([DOC_ID], [DISC_SEQ_NO], [LIN_SEQ_NO], [DISC_ID], [APPLY_TO], [DISC_TYP], [DISC_AMT], [DISC_PCT], [DISC_AMT_SHIPPED])
    SELECT p.[DOC_ID], p.[DISC_SEQ_NO], p.[LIN_SEQ_NO], p.[DISC_ID], p.[APPLY_TO], p.[DISC_TYP], p.[DISC_AMT], p.[DISC_PCT], p.[DISC_AMT_SHIPPED]
    FROM woo.fn_Plan_PS_DOC_DISC(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_HDR_MISC_CHRG] ([DOC_ID], [TOT_TYP], [MISC_CHRG_NO], [MISC_TYP], [MISC_AMT], [MISC_PCT], [MISC_AMT_SHIPPED], [MISC_TAX_AMT_ALLOC], [MISC_NORM_TAX_AMT_ALLOC])
    SELECT p.[DOC_ID], p.[TOT_TYP], p.[MISC_CHRG_NO], p.[MISC_TYP], p.[MISC_AMT], p.[MISC_PCT], p.[MISC_AMT_SHIPPED], p.[MISC_TAX_AMT_ALLOC], p.[MISC_NORM_TAX_AMT_ALLOC]
    FROM woo.fn_Plan_PS_DOC_HDR_MISC_CHRG(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_TAX] ([DOC_ID], [AUTH_COD], [RUL_COD], [TAX_DOC_PART], [LIN_AMT], [TXBL_LIN_AMT], [TXBL_MISC_CHG_AMT_1], [TXBL_MISC_CHG_AMT_2], [TXBL_MISC_CHG_AMT_3], [TXBL_MISC_CHG_AMT_4], [TXBL_MISC_CHG_AMT_5], [TXBL_GFC_AMT], [TXBL_SVC_AMT], [TXBL_TAX_AMT], [TXBL_QTY], [TAX_AMT], [NORM_TAX_AMT], [TAX_AMT_EXACT], [NORM_TAX_AMT_EXACT], [TOT_TXBL_AMT])
    SELECT p.[DOC_ID], p.[AUTH_COD], p.[RUL_COD], p.[TAX_DOC_PART], p.[LIN_AMT], p.[TXBL_LIN_AMT], p.[TXBL_MISC_CHG_AMT_1], p.[TXBL_MISC_CHG_AMT_2], p.[TXBL_MISC_CHG_AMT_3], p.[TXBL_MISC_CHG_AMT_4], p.[TXBL_MISC_CHG_AMT_5], p.[TXBL_GFC_AMT], p.[TXBL_SVC_AMT], p.[TXBL_TAX_AMT], p.[TXBL_QTY], p.[TAX_AMT], p.[NORM_TAX_AMT], p.[TAX_AMT_EXACT], p.[NORM_TAX_AMT_EXACT], p.[TOT_TXBL_AMT]
    FROM woo.fn_Plan_PS_DOC_TAX(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_NOTE] ([DOC_ID], [NOTE_SEQ_NO], [NOTE_ID], [NOTE_DAT], [USR_ID], [NOTE], [NOTE_TXT], [LIN_GUID])
    SELECT p.[DOC_ID], p.[NOTE_SEQ_NO], p.[NOTE_ID], p.[NOTE_DAT], p.[USR_ID], p.[NOTE], p.[NOTE_TXT], p.[LIN_GUID]
    FROM woo.fn_Plan_PS_DOC_NOTE(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_AUDIT_LOG] ([DOC_ID], [LOG_SEQ_NO], [DOC_TYP], [DOC_GUID], [CURR_DT], [CURR_STR_ID], [CURR_STA_ID], [CURR_DRW_ID], [CURR_USR_ID], [CURR_WKSTN_NAM], [CURR_SERV_NAM], [CURR_DB_NAM], [ACTIV], [LINK_STR_ID], [LINK_STA_ID], [LINK_DOC_NO], [LINK_DOC_GUID], [LOG_ENTRY])
    SELECT p.[DOC_ID], p.[LOG_SEQ_NO], p.[DOC_TYP], p.[DOC_GUID], p.[CURR_DT], p.[CURR_STR_ID], p.[CURR_STA_ID], p.[CURR_DRW_ID], p.[CURR_USR_ID], p.[CURR_WKSTN_NAM], p.[CURR_SERV_NAM], p.[CURR_DB_NAM], p.[ACTIV], p.[LINK_STR_ID], p.[LINK_STA_ID], p.[LINK_DOC_NO], p.[LINK_DOC_GUID], p.[LOG_ENTRY]
    FROM woo.fn_Plan_PS_DOC_AUDIT_LOG(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_AUDIT_LOG_TOT] ([DOC_ID], [LOG_SEQ_NO], [TOT_TYP], [TOT_GFC_AMT], [LINS], [SUB_TOT], [TOT_MISC], [NORM_TAX_AMT], [TAX_AMT], [TOT_EXT_COST], [TOT_TND], [TOT_CHNG], [AMT_DUE], [TOT_SVC_AMT], [DEP_NET_CHANGE], [TOT])
    SELECT p.[DOC_ID], p.[LOG_SEQ_NO], p.[TOT_TYP], p.[TOT_GFC_AMT], p.[LINS], p.[SUB_TOT], p.[TOT_MISC], p.[NORM_TAX_AMT], p.[TAX_AMT], p.[TOT_EXT_COST], p.[TOT_TND], p.[TOT_CHNG], p.[AMT_DUE], p.[TOT_SVC_AMT], p.[DEP_NET_CHANGE], p.[TOT]
    FROM woo.fn_Plan_PS_DOC_AUDIT_LOG_TOT(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_HDR_DOC_STAT] ([DOC_ID], [LST_DOC_ACTIV], [DOC_AS_TKT_SEQ_NO], [DOC_STAT], [LST_CANCEL_DEP_REFUNDED], [LST_CANCEL_DEP_FORFEIT], [TOT_DEP_RECEIVED], [TOT_DEP_APPLIED], [TOT_DEP_REFUNDED], [TOT_DEP_FORFEIT], [LST_DOC_EDIT_DT], [LST_DOC_EDIT_USR_ID], [LST_DOC_PRT_DT], [LST_DOC_PRT_USR_ID], [LST_DOC_PICK_DT], [LST_DOC_PICK_USR_ID], [LST_DOC_REL_DT], [LST_DOC_REL_USR_ID], [LST_DOC_INVCD_DT], [LST_DOC_INVCD_USR_ID], [LST_DOC_PCKVRFD_DT], [LST_DOC_PCKVRFD_USR_ID], [IS_SUSPENDED], [LST_DOC_SUSPENDED_DT], [LST_DOC_SUSPENDED_USR_ID], [PREQ_WRKGRP_ID])
    SELECT p.[DOC_ID], p.[LST_DOC_ACTIV], p.[DOC_AS_TKT_SEQ_NO], p.[DOC_STAT], p.[LST_CANCEL_DEP_REFUNDED], p.[LST_CANCEL_DEP_FORFEIT], p.[TOT_DEP_RECEIVED], p.[TOT_DEP_APPLIED], p.[TOT_DEP_REFUNDED], p.[TOT_DEP_FORFEIT], p.[LST_DOC_EDIT_DT], p.[LST_DOC_EDIT_USR_ID], p.[LST_DOC_PRT_DT], p.[LST_DOC_PRT_USR_ID], p.[LST_DOC_PICK_DT], p.[LST_DOC_PICK_USR_ID], p.[LST_DOC_REL_DT], p.[LST_DOC_REL_USR_ID], p.[LST_DOC_INVCD_DT], p.[LST_DOC_INVCD_USR_ID], p.[LST_DOC_PCKVRFD_DT], p.[LST_DOC_PCKVRFD_USR_ID], p.[IS_SUSPENDED], p.[LST_DOC_SUSPENDED_DT], p.[LST_DOC_SUSPENDED_USR_ID], p.[PREQ_WRKGRP_ID]
    FROM woo.fn_Plan_PS_DOC_HDR_DOC_STAT(@Plan) AS p;
    -- Payments (issue 15): the payment rows of the order and of its deposit ticket, how they apply, and the ticket's link to
    -- the order (every header, the ticket's too, is inserted above from PS_DOC_HDR: their FKs hold).
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_PMT] ([DOC_ID], [PMT_SEQ_NO], [PAY_COD_TYP], [AMT], [STR_ID], [FINAL_PMT], [STA_ID], [CARD_IS_NEW], [TKT_NO], [SECURE_ECOMM_TRX], [PMT_LIN_TYP], [PAY_COD], [PAY_DAT], [DEP_LIN_COPIED_TO_REL_DOC], [HOME_CURNCY_AMT], [EXCH_LOSS], [SWIPED], [DESCR], [EDC_AUTH_FLG], [CURNCY_COD], [EXCH_RATE_NUMER], [EXCH_RATE_DENOM], [ROUND_GAIN_LOSS], [HOME_CURNCY_ROUND_GAIN_LOSS], [TIP_AMT], [GFC_AUTHED])
    SELECT p.[DOC_ID], p.[PMT_SEQ_NO], p.[PAY_COD_TYP], p.[AMT], p.[STR_ID], p.[FINAL_PMT], p.[STA_ID], p.[CARD_IS_NEW], p.[TKT_NO], p.[SECURE_ECOMM_TRX], p.[PMT_LIN_TYP], p.[PAY_COD], p.[PAY_DAT], p.[DEP_LIN_COPIED_TO_REL_DOC], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS], p.[SWIPED], p.[DESCR], p.[EDC_AUTH_FLG], p.[CURNCY_COD], p.[EXCH_RATE_NUMER], p.[EXCH_RATE_DENOM], p.[ROUND_GAIN_LOSS], p.[HOME_CURNCY_ROUND_GAIN_LOSS], p.[TIP_AMT], p.[GFC_AUTHED]
    FROM woo.fn_Plan_PS_DOC_PMT(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_PMT_APPLY] ([DOC_ID], [PMT_SEQ_NO], [APPL_TYP], [AMT], [HOME_CURNCY_AMT], [EXCH_LOSS])
    SELECT p.[DOC_ID], p.[PMT_SEQ_NO], p.[APPL_TYP], p.[AMT], p.[HOME_CURNCY_AMT], p.[EXCH_LOSS]
    FROM woo.fn_Plan_PS_DOC_PMT_APPLY(@Plan) AS p;
    INSERT INTO [$(CounterpointDb)].dbo.[PS_DOC_HDR_ORIG_DOC] ([DOC_ID], [ORIG_DOC_ID])
    SELECT p.[DOC_ID], p.[ORIG_DOC_ID]
    FROM woo.fn_Plan_PS_DOC_HDR_ORIG_DOC(@Plan) AS p;

    -- The customer's open orders (its row is held under UPDLOCK above, or was just inserted).
    UPDATE c
    SET c.NO_OF_ORDS = c.NO_OF_ORDS + p.NO_OF_ORDS,
        c.ORD_BAL = c.ORD_BAL + p.ORD_BAL
    FROM [$(CounterpointDb)].dbo.AR_CUST AS c
    JOIN woo.fn_Plan_AR_CUST_ORD(@Plan) AS p ON p.CUST_NO = c.CUST_NO;

    -- Inventory last, one item and location at a time in key order; HOLDLOCK keeps a missing row's key
    -- locked until the INSERT that creates it. The plan's IS_NEW_ROW is what the planner saw before the
    -- transaction: the row's existence is decided here, under the lock.
    INSERT INTO @Inventory (ITEM_NO, LOC_ID, QTY_COMMIT, QTY_ON_ORD)
    SELECT p.ITEM_NO, p.LOC_ID, SUM(ISNULL(p.QTY_COMMIT, 0)), SUM(ISNULL(p.QTY_ON_ORD, 0))
    FROM woo.fn_Plan_IM_INV(@Plan) AS p GROUP BY p.ITEM_NO, p.LOC_ID;
    SELECT @ItemNo = NULL, @LocId = NULL;
    SELECT TOP (1) @ItemNo = i.ITEM_NO, @LocId = i.LOC_ID FROM @Inventory AS i ORDER BY i.ITEM_NO, i.LOC_ID;
    WHILE @ItemNo IS NOT NULL
    BEGIN
        UPDATE v
        SET v.QTY_COMMIT = v.QTY_COMMIT + i.QTY_COMMIT,
            v.QTY_ON_ORD = v.QTY_ON_ORD + i.QTY_ON_ORD
        FROM [$(CounterpointDb)].dbo.IM_INV AS v WITH (HOLDLOCK)
        JOIN @Inventory AS i ON i.ITEM_NO = v.ITEM_NO AND i.LOC_ID = v.LOC_ID
        WHERE v.ITEM_NO = @ItemNo AND v.LOC_ID = @LocId;
        IF @@ROWCOUNT = 0
            INSERT INTO [$(CounterpointDb)].dbo.IM_INV (ITEM_NO, LOC_ID, QTY_COMMIT, QTY_ON_ORD)
            SELECT i.ITEM_NO, i.LOC_ID, i.QTY_COMMIT, i.QTY_ON_ORD
            FROM @Inventory AS i
            WHERE i.ITEM_NO = @ItemNo AND i.LOC_ID = @LocId;
        SELECT @PrevItem = @ItemNo, @PrevLoc = @LocId, @ItemNo = NULL, @LocId = NULL;
        SELECT TOP (1) @ItemNo = i.ITEM_NO, @LocId = i.LOC_ID FROM @Inventory AS i
        WHERE i.ITEM_NO > @PrevItem OR (i.ITEM_NO = @PrevItem AND i.LOC_ID > @PrevLoc)
        ORDER BY i.ITEM_NO, i.LOC_ID;
    END;
END;
