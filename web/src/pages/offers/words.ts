/** The offer's words as the pages show them (the server's vocabulary: src/domain/offers.ts, typed from it). */
import type { OfferView } from '../../../../src/contract/index.js';

type Status = OfferView['status'];
type CellStatus = 'available' | 'on-hold' | 'depends' | 'sold' | 'not-held' | 'holdback';

export const OFFER_STATUS_LIST: readonly Status[] = [
  'new',
  'in-negotiation',
  'accepted',
  'on-signature',
  'signed',
  'declined',
  'withdrawn',
  'expired',
];

export const CELL_LABEL: Record<CellStatus, string> = {
  available: 'Available',
  'on-hold': 'On hold',
  depends: 'Depends (not yet dated)',
  sold: 'Sold',
  'not-held': 'Not held',
  holdback: 'Holdback',
};

/** A short mark for a grid cell (with the label as its accessible name). */
export const CELL_MARK: Record<CellStatus, string> = {
  available: '✓',
  'on-hold': 'H',
  depends: 'D',
  sold: 'S',
  'not-held': '–',
  holdback: 'HB',
};

/** What the button that moves an offer to a status says. */
export const MOVE_LABEL: Record<Status, string> = {
  new: 'Reopen',
  'in-negotiation': 'Start negotiating',
  accepted: 'Accept (place a hold)',
  'on-signature': 'Send for signature',
  signed: 'Mark signed',
  declined: 'Decline',
  withdrawn: 'Withdrawn by buyer',
  expired: 'Expire',
};
