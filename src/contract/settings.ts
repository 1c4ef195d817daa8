/** Install settings: who "we" are, and the internal hosts pages and feeds may be fetched from. */
import { Type, type Static } from 'typebox';
import { closed } from './common.js';

export const WeCompanyInput = closed({ companyId: Type.String({ minLength: 1, maxLength: 200 }) });
export type WeCompanyInput = Static<typeof WeCompanyInput>;

export const FetchSettings = Type.Object({
  allowHosts: Type.Array(Type.String(), { description: 'hosts an admin allows although they are internal' }),
  environmentAllowHosts: Type.Array(Type.String(), { description: 'hosts FILMRIGHTS_FETCH_ALLOW_HOSTS allows (changed only there)' }),
});
export type FetchSettings = Static<typeof FetchSettings>;

/** PUT /api/settings/fetch; at most `maxHosts` (the service's limit). */
export const fetchSettingsInput = (maxHosts: number) =>
  closed({
    allowHosts: Type.Array(Type.String({ maxLength: 255 }), {
      maxItems: maxHosts,
      description: 'host names or addresses alone, like news.intranet or 10.0.0.5',
    }),
  });
export type FetchSettingsInput = Static<ReturnType<typeof fetchSettingsInput>>;
