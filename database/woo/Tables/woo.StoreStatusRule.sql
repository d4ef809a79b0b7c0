-- What a store's shoppers are told, and when (issue 15, README "Status back to the shop"). Set only through
-- woo.usp_SetStatusRule. A store without a row uses the column defaults below (the readers LEFT JOIN and fall back to
-- them), so a new store announces its documents without extra setup but never moves an order's status until chosen.
-- Statuses are WooCommerce status slugs (without 'wc-'); woo.usp_PushUpdates never moves an order backwards
-- (e.g. completed → processing), whatever is configured here.
CREATE TABLE [woo].[StoreStatusRule] (
    [StoreId]                 varchar (10)    NOT NULL,
    [IsEnabled]               char (1)        CONSTRAINT [DF_StoreStatusRule_IsEnabled] DEFAULT ('Y') NOT NULL,        -- N: nothing is sent back to the shop
    [StatusAfterCreate]       varchar (40)    NULL,        -- status once the document is written (NULL: leave the status as it is)
    [PrivateNoteAfterCreate]  char (1)        CONSTRAINT [DF_StoreStatusRule_PrivateNote] DEFAULT ('Y') NOT NULL,      -- a private note with DOC_ID and TKT_NO
    [CustomerNoteAfterCreate] nvarchar (1000) NULL,        -- a customer-visible note ({TKT_NO} is replaced by the ticket number); NULL: none
    [StatusWhenShipped]       varchar (40)    CONSTRAINT [DF_StoreStatusRule_Shipped] DEFAULT ('completed') NOT NULL,  -- every line shipped (with tracking numbers in a note)
    [NoteWhenPartlyShipped]   char (1)        CONSTRAINT [DF_StoreStatusRule_Partly] DEFAULT ('Y') NOT NULL,           -- a note with what shipped
    [CustomerSeesShipNotes]   char (1)        CONSTRAINT [DF_StoreStatusRule_ShipNotes] DEFAULT ('Y') NOT NULL,        -- shipment notes are customer notes
    [StatusWhenVoided]        varchar (40)    NULL,        -- Counterpoint voided or cancelled the document (NULL: no status, alert only)
    -- The order of the shop's statuses from first to last (woo.usp_PushUpdates never sends one ranked at or below the
    -- order's known status). cancelled, refunded and failed rank above all of them (final); a status in neither is
    -- unranked: never sent, and an order the shop shows in it is left alone. Add a plugin's statuses here.
    [StatusOrder]             varchar (400)   CONSTRAINT [DF_StoreStatusRule_StatusOrder] DEFAULT ('pending,on-hold,processing,completed') NOT NULL,
    [UpdatedAtUtc]            datetime2 (0)   CONSTRAINT [DF_StoreStatusRule_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]               sysname         CONSTRAINT [DF_StoreStatusRule_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    -- Y: an order document that left Counterpoint's open documents and was not found in history (after the grace
    -- period, nothing shipped) is announced as voided (StatusWhenVoided). N (default): only the alert CPO-FULFIL-GONE
    -- (an absence alone may be a posting the history lookup missed).
    [VoidWhenGone]            char (1)        CONSTRAINT [DF_StoreStatusRule_VoidWhenGone] DEFAULT ('N') NOT NULL,
    CONSTRAINT [PK_StoreStatusRule] PRIMARY KEY CLUSTERED ([StoreId]),
    CONSTRAINT [FK_StoreStatusRule_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StoreStatusRule_YN] CHECK ([IsEnabled] IN ('Y', 'N') AND [PrivateNoteAfterCreate] IN ('Y', 'N')
                                             AND [NoteWhenPartlyShipped] IN ('Y', 'N') AND [CustomerSeesShipNotes] IN ('Y', 'N')
                                             AND [VoidWhenGone] IN ('Y', 'N'))
);
