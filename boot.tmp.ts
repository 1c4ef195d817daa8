import { buildServer } from './src/api/server.js';
import { FilmRights } from './src/services/app.js';
const app = await FilmRights.open({ file: '/tmp/boot-test.db' });
try { const s = await buildServer(app); await s.ready(); console.log('ok'); await s.close(); } catch (e) { console.log(String(e)); }
await app.close();
