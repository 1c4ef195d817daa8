/**
 * The last net for money: every JSON answer to a user without the
 * financial-terms permission leaves without the financial fields of
 * src/domain/financial.ts, whatever the route. The services filter their own
 * answers already (the CLI and exports rely on that); this catches a route
 * that forgets. Files (CSV, XLSX, EMA) are not JSON: the list exports leave
 * their MG columns out themselves (src/interchange/lists.ts).
 */
import type { FastifyInstance } from 'fastify';
import { withoutFinancialFields } from '../domain/financial.js';

export function registerFinancialFilter(server: FastifyInstance): void {
  server.addHook('preSerialization', async (req, _reply, payload: unknown) =>
    req.actor?.canSeeFinancials ? payload : withoutFinancialFields(payload),
  );
}
