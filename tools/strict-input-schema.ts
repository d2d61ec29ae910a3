import { asSchema, jsonSchema, type FlexibleSchema, type Schema } from 'ai';
import type { JSONSchema7, JSONSchema7Definition } from '@ai-sdk/provider';

type Node = JSONSchema7;

const isNode = (d: JSONSchema7Definition | undefined): d is Node => typeof d === 'object' && d !== null;

/**
 * `node`, also accepting null: a primitive (an enum of strings too, null added to its
 * values) gets a nullable type; anything else is `anyOf` with null, the description outside.
 */
function nullable(node: Node): Node {
  if (typeof node.type === 'string' && node.type !== 'object' && node.type !== 'array' && node.anyOf === undefined) {
    return { ...node, type: [node.type, 'null'], ...(node.enum ? { enum: [...node.enum, null] } : {}) };
  }
  const { description, ...rest } = node;
  return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: 'null' }] };
}

/**
 * The strict form of a JSON schema node, as OpenAI's strict mode takes it: every object lists
 * all its properties in `required` and allows no others; a property that was optional
 * accepts null instead; `oneOf` becomes `anyOf`; no `$schema`.
 */
export function strictJsonSchema(node: Node): Node {
  const { $schema: _drop, oneOf, ...out } = node;
  const anyOf = out.anyOf ?? oneOf;
  if (anyOf) out.anyOf = anyOf.map((d: JSONSchema7Definition) => (isNode(d) ? strictJsonSchema(d) : d));
  if (isNode(out.items as JSONSchema7Definition | undefined)) out.items = strictJsonSchema(out.items as Node);
  if (out.type === 'object' || out.properties) {
    const required = new Set(out.required ?? []);
    const properties: Record<string, JSONSchema7Definition> = {};
    for (const [key, d] of Object.entries(out.properties ?? {})) {
      if (!isNode(d)) throw new Error(`property '${key}' has a boolean schema, which strict mode does not take`);
      const child = strictJsonSchema(d);
      properties[key] = required.has(key) ? child : nullable(child);
    }
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * A value sent against the strict schema, back in the shape of the original one: a null
 * given for a property the original schema has as optional is left out (null means "not
 * given"), inside objects and arrays alike.
 */
export function withoutNullOptionals(value: unknown, node: Node): unknown {
  if (Array.isArray(value))
    return isNode(node.items as JSONSchema7Definition | undefined) ? value.map((v) => withoutNullOptionals(v, node.items as Node)) : value;
  if (typeof value !== 'object' || value === null || !node.properties) return value;
  const required = new Set(node.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null && !required.has(key) && key in node.properties) continue;
    const child = node.properties[key];
    out[key] = isNode(child) ? withoutNullOptionals(v, child) : v;
  }
  return out;
}

async function resolved(schema: Schema<unknown>): Promise<Node> {
  return (await schema.jsonSchema) as Node;
}

/**
 * A tool's input schema made strict-mode ready for what goes over the wire
 * (`strictJsonSchema`), while the tool still receives the input its own schema types: nulls
 * for optional fields become absent, then the original schema validates (and so refuses
 * what it always refused).
 */
export function strictInputSchema<T>(schema: FlexibleSchema<T>): Schema<T> {
  const original = asSchema(schema);
  const json = original.jsonSchema;
  const sync = typeof (json as PromiseLike<Node>).then !== 'function';
  return jsonSchema<T>(() => (sync ? strictJsonSchema(json as Node) : resolved(original).then(strictJsonSchema)), {
    validate: async (value) => {
      const cleaned = withoutNullOptionals(value, await resolved(original));
      if (original.validate) return original.validate(cleaned);
      return { success: true, value: cleaned as T };
    },
  });
}
