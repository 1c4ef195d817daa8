/**
 * A request the schema refused, said as a person would read it: the field's path (`mg.amount`), then
 * what it needs ("required", "at least one title", `"1,5 Mio" is not in the expected form: decimal,
 * zero or more, e.g. "1500000.00"`), never the validator's own words or a regular expression. What a
 * value must look like comes from its schema's `description` (src/contract), up to its first ";"
 * (the rest of a description is about the API: what null or absent means).
 *
 * The validator runs with `verbose` (src/api/server.ts) so each error carries its schema and value.
 */

/** An error as AJV reports it (with `verbose`: its schema and the value it refused). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: unknown;
  data?: unknown;
}

/** `/blocks/0/territories` → `blocks[0].territories`; a missing or unknown property is added to the path. */
export function fieldOf(e: SchemaError | undefined, where: string): string {
  const path = (e?.instancePath ?? '')
    .replace(/^\//, '')
    .replace(/\/(\d+)/g, '[$1]')
    .replace(/\//g, '.')
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  const named = e?.keyword === 'required' || e?.keyword === 'additionalProperties' ? propertyOf(e) : undefined;
  return [path, named].filter(Boolean).join('.') || where;
}

function propertyOf(e: SchemaError): string | undefined {
  const p = e.params.missingProperty ?? e.params.additionalProperty;
  return typeof p === 'string' ? p : undefined;
}

/** The `{field, message}` of a refused request: the first error, or the union's own words when no branch fitted. */
export function validationAnswer(errors: readonly SchemaError[], where: string): { field: string; message: string } {
  const first = unionAt(errors) ?? errors[0];
  const field = fieldOf(first, where);
  return { field, message: `${field}: ${first ? describe(first, errors, field) : 'not accepted as it is'}` };
}

/** When the first error is a branch of a union (anyOf, oneOf) at the union's own path, the union's error. */
function unionAt(errors: readonly SchemaError[]): SchemaError | undefined {
  const first = errors[0];
  if (!first) return undefined;
  return errors.find((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && e.instancePath === first.instancePath && e !== first);
}

type Schema = Record<string, unknown>;
const schemaOf = (e: SchemaError): Schema => (e.parentSchema && typeof e.parentSchema === 'object' ? (e.parentSchema as Schema) : {});
const num = (v: unknown): number => Number(v);
const count = (v: unknown): string => num(v).toLocaleString('en-US');

/** What the schema says a value looks like, for a person: its description up to the first ";". */
function shapeOf(s: Schema): string | undefined {
  const d = typeof s.description === 'string' ? s.description.split(';')[0].trim() : '';
  return d || undefined;
}

/** A value short enough to quote back: "1,5 Mio", 42; else undefined. */
function quoted(data: unknown): string | undefined {
  if (typeof data === 'number' || typeof data === 'boolean') return String(data);
  if (typeof data === 'string' && data.length <= 60) return JSON.stringify(data);
  return undefined;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty',
};
const typeWords = (t: unknown): string =>
  (Array.isArray(t) ? t : [t])
    .map((x) => TYPE_WORDS[String(x)] ?? String(x))
    .filter((x, i, all) => all.indexOf(x) === i)
    .join(' or ');

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date, YYYY-MM-DD',
  'date-time': 'a date and time, e.g. 2027-05-14T09:30:00Z',
  time: 'a time, HH:MM',
  email: 'an email address',
  uri: 'a web address, e.g. https://example.com/page',
  url: 'a web address, e.g. https://example.com/page',
  uuid: 'an id',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
};

/** "titleIds" → ["title", "titles"]; "blocks" → ["block", "blocks"]; "territories" → ["territory", "territories"]. */
function nounsOf(field: string): [string, string] {
  const last = field
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
  const words = last
    .replace(/Ids?$/, (m) => (m === 'Ids' ? 's' : ''))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  if (!/[a-z]/.test(words) || ['body', 'querystring', 'params', 'headers'].includes(words)) return ['item', 'items'];
  const one = words.endsWith('ies') ? `${words.slice(0, -3)}y` : words.endsWith('ss') ? words : words.replace(/s$/, '');
  return [one, words];
}

/** A union (anyOf/oneOf) none of whose branches fitted: a branch that had the right type says what is wrong, else the types it takes. */
function describeUnion(union: SchemaError, errors: readonly SchemaError[], field: string): string {
  const branches = errors.filter((e) => e !== union && e.instancePath === union.instancePath && e.keyword !== union.keyword);
  const telling = branches.find((e) => e.keyword !== 'type');
  if (telling) return describe(telling, errors, field);
  const types = branches.map((e) => e.params.type).flatMap((t) => (Array.isArray(t) ? t : [t]));
  if (!types.length) return 'not accepted as it is';
  const shown = quoted(union.data);
  return shown ? `${shown} is not ${typeWords(types)}` : `must be ${typeWords(types)}`;
}

/** The words after `field: ` for one error. */
export function describe(e: SchemaError, errors: readonly SchemaError[] = [e], field = fieldOf(e, 'body')): string {
  const s = schemaOf(e);
  const shape = shapeOf(s);
  const withShape = (text: string) => (shape ? `${text}, ${shape}` : text);
  const shown = quoted(e.data);
  const empty = typeof e.data === 'string' && e.data.trim() === '';
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown property (not part of this request)';
    case 'minLength':
      return num(p.limit) <= 1 || empty ? withShape('required') : withShape(`at least ${count(p.limit)} characters`);
    case 'maxLength':
      return `at most ${count(p.limit)} characters`;
    case 'pattern':
    case 'format': {
      if (empty) return withShape('required');
      const form = e.keyword === 'pattern' ? shape : (FORMAT_WORDS[String(p.format)] ?? shape);
      if (!form) return shown ? `${shown} is not in the form this field takes` : 'not in the form this field takes';
      return shown ? `${shown} is not in the expected form: ${form}` : `must be in the form: ${form}`;
    }
    case 'minItems': {
      const [one, many] = nounsOf(field);
      return num(p.limit) <= 1 ? `at least one ${one}` : `at least ${count(p.limit)} ${many}`;
    }
    case 'maxItems': {
      const [one, many] = nounsOf(field);
      return num(p.limit) === 1 ? `at most one ${one}` : `at most ${count(p.limit)} ${many}`;
    }
    case 'uniqueItems':
      return `lists the same value twice (items ${Math.min(num(p.i), num(p.j)) + 1} and ${Math.max(num(p.i), num(p.j)) + 1})`;
    case 'minProperties':
      return num(p.limit) <= 1 ? 'nothing to change: give at least one field' : `at least ${count(p.limit)} fields`;
    case 'maxProperties':
      return num(p.limit) === 1 ? 'at most one entry' : `at most ${count(p.limit)} entries`;
    case 'type':
      return shown && e.data !== null ? `${shown} is not ${typeWords(p.type)}` : `must be ${typeWords(p.type)}`;
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (Array.isArray(p.allowedValues) ? p.allowedValues : []) : [p.allowedValue]).filter(
        (v) => v !== null,
      );
      const words = allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      const list = words.length <= 24 ? `: ${words.join(', ')}` : '';
      return shown ? `${shown} is not one of the values this field takes${list}` : `must be one of the values this field takes${list}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return numberRange(e, s, shown);
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)}`;
    case 'dependencies':
    case 'dependentRequired':
      return `needs ${String(p.missingProperty)} as well`;
    case 'anyOf':
    case 'oneOf':
      return describeUnion(e, errors, field);
    default:
      return shown ? `${shown} is not accepted here` : 'not accepted as it is';
  }
}

/** `"-90" is not a whole number from 1 to 10000`; with one bound, "1 or more" or "10000 or less". */
function numberRange(e: SchemaError, s: Schema, shown: string | undefined): string {
  const kind = s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer')) ? 'a whole number' : 'a number';
  const low = typeof s.minimum === 'number' ? s.minimum : undefined;
  const high = typeof s.maximum === 'number' ? s.maximum : undefined;
  const lowX = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const highX = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  let range: string;
  if (low !== undefined && high !== undefined) range = `${kind} from ${low} to ${high}`;
  else if (low !== undefined) range = `${kind}, ${low} or more`;
  else if (high !== undefined) range = `${kind}, ${high} or less`;
  else if (lowX !== undefined) range = `${kind} more than ${lowX}`;
  else if (highX !== undefined) range = `${kind} less than ${highX}`;
  else range = kind;
  return shown ? `${shown} is not ${range}` : `must be ${range}`;
}
