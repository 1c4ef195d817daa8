import type { FastifyInstance } from 'fastify';
import type { FilmRights } from '../../services/app.js';
import { articleRoutes } from './articles.js';
import { catalogRoutes } from './catalog.js';
import { fetchSettingsRoutes } from './fetchSettings.js';
import { editingRoutes } from './editing.js';
import { interchangeRoutes } from './interchange.js';
import { moneyRoutes } from './money.js';
import { marketDaysRoutes } from './marketDays.js';
import { referenceRoutes } from './reference.js';
import { rightsRoutes } from './rights.js';
import { sessionRoutes } from './session.js';
import { userRoutes } from './users.js';
import { offerRoutes } from './offers.js';
import { buyerRoutes } from './buyers.js';
import { marketReportRoutes } from './marketReport.js';

export function registerRoutes(server: FastifyInstance, app: FilmRights, secureCookies: boolean): void {
  sessionRoutes(server, app, secureCookies);
  referenceRoutes(server);
  rightsRoutes(server, app);
  catalogRoutes(server, app);
  editingRoutes(server, app);
  userRoutes(server, app);
  interchangeRoutes(server, app);
  articleRoutes(server, app);
  fetchSettingsRoutes(server, app);
  moneyRoutes(server, app);
  offerRoutes(server, app);
  buyerRoutes(server, app);
  marketDaysRoutes(server, app);
  marketReportRoutes(server, app);
}
