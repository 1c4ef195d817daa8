import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { COUNTRIES, countryName } from '../../domain/countries.js';
import { MEDIA_TREE, mediaLabel, mediaLeafIds, parseMedia } from '../../domain/media.js';
import { parseTerritories, suggestTerritories, territoryCodes, territoryLabel } from '../../domain/territories.js';
import { actorOf } from '../auth.js';
import { access } from '../access.js';
import { Type } from 'typebox';
import {
  Country,
  ExprQuery,
  MediaNode,
  MediaParse,
  TerritoryParse,
  TerritorySuggestion,
  TerritorySuggestQuery,
} from '../../contract/index.js';

/** Reference data for pickers and autocomplete; parsing endpoints for live validation. */
export function referenceRoutes(fastify: FastifyInstance): void {
  const server = fastify.withTypeProvider<TypeBoxTypeProvider>();
  server.get(
    '/api/reference/territories',
    {
      config: access('viewer', 'read'),
      schema: {
        tags: ['reference'],
        querystring: TerritorySuggestQuery,
        response: { 200: Type.Array(TerritorySuggestion) },
      },
    },
    async (req) => {
      actorOf(req);
      const { q, limit } = req.query;
      return suggestTerritories(q ?? '', limit ?? 10);
    },
  );
  server.get(
    '/api/reference/territories/parse',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['reference'], querystring: ExprQuery, response: { 200: TerritoryParse } },
    },
    async (req) => {
      actorOf(req);
      const set = parseTerritories(req.query.expr, 'expr');
      return { codes: territoryCodes(set), label: territoryLabel(set) };
    },
  );
  server.get(
    '/api/reference/media',
    { config: access('viewer', 'read'), schema: { tags: ['reference'], response: { 200: MediaNode } } },
    async (req) => {
      actorOf(req);
      return MEDIA_TREE;
    },
  );
  server.get(
    '/api/reference/media/parse',
    {
      config: access('viewer', 'read'),
      schema: { tags: ['reference'], querystring: ExprQuery, response: { 200: MediaParse } },
    },
    async (req) => {
      actorOf(req);
      const set = parseMedia(req.query.expr, 'expr');
      return { ids: mediaLeafIds(set), label: mediaLabel(set) };
    },
  );
  server.get(
    '/api/reference/countries',
    { config: access('viewer', 'read'), schema: { tags: ['reference'], response: { 200: Type.Array(Country) } } },
    async (req) => {
      actorOf(req);
      return COUNTRIES.codes.map((code) => ({ code, name: countryName(code) }));
    },
  );
}
