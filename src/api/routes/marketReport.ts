/**
 * The market report (JSON, XLSX) and Home's market week (docs/market.md). Reads only: viewer/read.
 * Money in both follows the financial-terms permission inside the services.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorReply, MarketParams, MarketReportAnswer, MarketReportQuery, MarketWeekQuery, MarketWeekView } from '../../contract/index.js';
import type { FilmRights } from '../../services/app.js';
import { marketReport } from '../../services/marketDays/report.js';
import { marketWeek } from '../../services/marketDays/week.js';
import { marketReportXlsx } from '../../interchange/marketSheet/report.js';
import { access } from '../access.js';
import { actorOf } from '../auth.js';

const TAGS = ['market days'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function marketReportRoutes(fastify: FastifyInstance, app: FilmRights): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = access('viewer', 'read');
  const refused = { 400: ErrorReply, 403: ErrorReply, 404: ErrorReply };

  server.get(
    '/api/markets/:id/report',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'The market report: meetings (by buyer), offers by status, titles by interest, deals closed, MG totals by currency (money only with the financial-terms permission); JSON or XLSX',
        params: MarketParams,
        querystring: MarketReportQuery,
        response: { 200: MarketReportAnswer, ...refused },
      },
    },
    async (req, reply) => {
      const report = await marketReport(app, actorOf(req), req.params.id);
      if (req.query.format !== 'xlsx') return report;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="market-report-${report.market.start}.xlsx"`)
        .send(await marketReportXlsx(report));
    },
  );

  server.get(
    '/api/market-week',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          "Home in market week: the market on now (or within 7 days), today's meetings and screenings (mine=true: the user's), open offers needing an answer",
        querystring: MarketWeekQuery,
        response: { 200: MarketWeekView, ...refused },
      },
    },
    async (req) => marketWeek(app, actorOf(req), { mine: req.query.mine }),
  );
}
