/** The part of JSON Schema (draft 7) the offline model checks; tools' schemas come from zod. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, SchemaDefinition>;
  required?: string[];
  additionalProperties?: SchemaDefinition;
  items?: SchemaDefinition | SchemaDefinition[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaDefinition[];
  oneOf?: SchemaDefinition[];
  allOf?: SchemaDefinition[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}
type SchemaDefinition = Schema | boolean;

/**
 * Checks a tool input against the tool's JSON schema, as far as the offline model needs:
 * types, required and unknown properties, enums, array lengths, number bounds, `anyOf` /
 * `oneOf`. Returns the problems (empty when the input fits). The tools validate again with
 * their zod schemas; this keeps the offline model from ever sending a call a real model's
 * provider would reject.
 */
export function checkInput(schema: unknown, value: unknown, path = 'input'): string[] {
  if (schema === undefined || schema === true) return [];
  if (schema === false) return [`${path} is not allowed`];
  const problems: string[] = [];
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Schema;

  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (options && !options.some((o) => checkInput(o, value, path).length === 0)) problems.push(`${path} matches none of the allowed shapes`);
  }
  if (s.allOf) for (const o of s.allOf) problems.push(...checkInput(o, value, path));

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => hasType(value, t))) return [...problems, `${path} should be ${types.join(' or ')}`];
  }
  if (s.enum && !s.enum.some((e) => e === value)) problems.push(`${path} should be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (s.const !== undefined && s.const !== value) problems.push(`${path} should be ${JSON.stringify(s.const)}`);

  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) problems.push(`${path} should be at least ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) problems.push(`${path} should be at most ${s.maximum}`);
  }
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) problems.push(`${path} is too short`);
    if (s.maxLength !== undefined && value.length > s.maxLength) problems.push(`${path} is too long`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) problems.push(`${path} needs at least ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) problems.push(`${path} takes at most ${s.maxItems} items`);
    if (s.items !== undefined && !Array.isArray(s.items)) value.forEach((v, i) => problems.push(...checkInput(s.items, v, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of s.required ?? []) if (!(key in value)) problems.push(`${path}.${key} is required`);
    for (const [key, v] of Object.entries(value)) {
      const property = s.properties?.[key];
      if (property !== undefined) problems.push(...checkInput(property, v, `${path}.${key}`));
      else if (s.additionalProperties === false) problems.push(`${path}.${key} is not a field of this tool`);
      else if (typeof s.additionalProperties === 'object') problems.push(...checkInput(s.additionalProperties, v, `${path}.${key}`));
    }
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/** Whether a schema accepts null (a strict-mode schema's optional field: `type: [..., 'null']` or `anyOf` with null). */
function acceptsNull(schema: SchemaDefinition | undefined): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((s) => typeof s === 'object' && s !== null && checkInput(s, null).length === 0);
}

/**
 * The input as a tool's wire schema wants it: a field the offline model leaves out that the
 * schema requires but allows to be null (OpenAI strict mode: every field listed, optional
 * ones nullable) is sent as null, which the tool reads as "not given"; inside arrays and
 * nested objects alike. With a schema whose optional fields are simply optional, the input
 * is returned as it is.
 */
export function withNulls(schema: unknown, value: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return value;
  const s = schema as Schema;
  if (Array.isArray(value)) return s.items !== undefined && !Array.isArray(s.items) ? value.map((v) => withNulls(s.items, v)) : value;
  if (!isObject(value)) return value;
  const objectSchema = s.properties
    ? s
    : (s.anyOf ?? s.oneOf ?? []).find((o): o is Schema => typeof o === 'object' && o !== null && o.properties !== undefined);
  if (!objectSchema?.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = withNulls(objectSchema.properties[key], v);
  for (const key of objectSchema.required ?? []) {
    if (!(key in out) && acceptsNull(objectSchema.properties[key])) out[key] = null;
  }
  return out;
}
