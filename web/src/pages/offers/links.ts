/** Where the new-offer form opens prefilled: from a meeting (its buyer and market) or from a buyer's page (the market on now, if any). */
export function newOfferPath(buyer: { id: string; name: string }, editionId?: string | null): string {
  const q = new URLSearchParams({ buyer: buyer.id, buyerName: buyer.name });
  if (editionId) q.set('market', editionId);
  return `/offers/new?${q.toString()}`;
}
