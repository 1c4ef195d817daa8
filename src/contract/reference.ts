/** Reference data for pickers and autocomplete (territories, media, countries) and the live parsing of expressions. */
import { Type, type Static } from 'typebox';

export const TerritorySuggestQuery = Type.Object({
  q: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export const ExprQuery = Type.Object({ expr: Type.String() });
export type ExprQuery = Static<typeof ExprQuery>;

export const TerritorySuggestion = Type.Object({
  name: Type.String(),
  kind: Type.Union([Type.Literal('group'), Type.Literal('country')]),
  codes: Type.Array(Type.String()),
});
export type TerritorySuggestion = Static<typeof TerritorySuggestion>;

export interface MediaNode {
  id: string;
  name: string;
  aliases?: string[];
  children?: MediaNode[];
}
/** A node of the media tree (its children are checked as objects, not recursively). */
export const MediaNode = Type.Object({
  id: Type.String(),
  name: Type.String(),
  aliases: Type.Optional(Type.Array(Type.String())),
  children: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Type.String() }))),
});

export const Country = Type.Object({ code: Type.String(), name: Type.String() });
export type Country = Static<typeof Country>;

export const TerritoryParse = Type.Object({ codes: Type.Array(Type.String()), label: Type.String() });
export type TerritoryParse = Static<typeof TerritoryParse>;
export const MediaParse = Type.Object({ ids: Type.Array(Type.String()), label: Type.String() });
export type MediaParse = Static<typeof MediaParse>;
