/**
 * Natural Earth country shapes (world-atlas, 1:110m), fetched once as a
 * hashed asset (so the browser caches it for good) and kept in memory for the
 * page's life. Each shape is matched to its ISO 3166-1 alpha-2 code through
 * its numeric ISO id; the three shapes without one get the de jure code.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { cached } from './hooks';

export interface CountryShape {
  code: string | null;
  name: string;
  feature: Feature<Geometry, { name: string }>;
}

const WITHOUT_ISO_ID: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

export function loadWorldShapes(): Promise<CountryShape[]> {
  return cached('world-110m', async () => {
    const res = await fetch(atlasUrl);
    if (!res.ok) throw new Error(`The map shapes could not be loaded (${res.status}).`);
    const topo = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    return fc.features
      .filter((f) => f.properties.name !== 'Antarctica')
      .map((f) => {
        const id = f.id === undefined ? undefined : String(f.id).padStart(3, '0');
        const code = (id && countries.numericToAlpha2(id)) || WITHOUT_ISO_ID[f.properties.name] || null;
        return { code, name: f.properties.name, feature: f };
      });
  });
}
