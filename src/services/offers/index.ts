/** Offers and negotiation (market mode): see docs/offers.md. */
export { createOffer, counterOffer, getOffer } from './write.js';
export { listOffers, diffVersions } from './read.js';
export { checkOfferTerms, checkParsed } from './check.js';
export { changeOfferStatus, sweepExpiredHolds, DEFAULT_HOLD_DAYS, HOLD_SWEEPER, OfferRefusedError } from './holds.js';
