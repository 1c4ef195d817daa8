/** Buyers (market mode): profiles, contacts, history, the list, screeners and the avails sheet. docs/market.md. */
export { createBuyer, updateBuyer, deleteBuyer, getBuyer, mergeBuyerProfile, readBuyerSnapshot } from './profile.js';
export { addContact, updateContact, deleteContact, listContacts } from './contacts.js';
export { buyerHistory } from './history.js';
export { listBuyers } from './list.js';
export { createScreener, markScreenerSent, listScreeners, openScreener, screenerPath, type ScreenerOpen } from './screeners.js';
export { buyerAvailsSheet } from './availsSheet.js';
