import { toFieldIssues } from '../../shared/contract';

/** A zod schema as its internals show it: its definition, and parsing. */
interface Schema {
  _zod: { def: Record<string, unknown> & { type: string; checks?: Schema[]; error?: unknown } };
  safeParse(value: unknown, options?: object): { success: boolean; error?: unknown };
}

/**
 * Every validation key the schemas can produce, read off the schemas themselves: the keys their
 * own checks name (`{ error: 'validation.…' }` on a regex, a refine, an enum), and the keys zod's
 * own issues become through toFieldIssues, found by parsing each part of each schema with the
 * values its definition refuses: nothing, a value of the wrong type, one below each minimum and
 * above each maximum, a choice not on the list, a key a strict object does not know.
 */
export function validationKeysOf(roots: Iterable<unknown>): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<Schema>();
  const named = (error: unknown) => {
    const message = typeof error === 'function' ? (error as (i: object) => unknown)({}) : error;
    if (typeof message === 'string' && message.startsWith('validation.')) keys.add(message);
  };
  const probe = (schema: Schema, value: unknown) => {
    try {
      const result = schema.safeParse(value, { reportInput: true });
      if (!result.success)
        for (const issue of toFieldIssues(result.error as never)) keys.add(issue.key);
    } catch {
      // A refinement that cannot take a value this odd: it says nothing about keys.
    }
  };
  const visit = (node: unknown) => {
    const schema = node as Schema | undefined;
    if (!schema?._zod || seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def;
    named(def.error);
    const checks = (def.checks ?? []).map((c) => c._zod.def as Record<string, unknown>);
    for (const check of checks) named(check.error);

    probe(schema, undefined);
    probe(schema, def.type === 'string' ? 42 : 'x');
    for (const check of checks) {
      const bound = Number(check.minimum ?? check.maximum ?? check.value);
      const filler =
        def.type === 'array'
          ? (n: number) => Array(Math.max(n, 0)).fill(0)
          : (n: number) => 'x'.repeat(Math.max(n, 0));
      if (check.check === 'min_length') probe(schema, filler(bound - 1));
      if (check.check === 'max_length') probe(schema, filler(bound + 1));
      if (check.check === 'greater_than') probe(schema, bound - 1);
      if (check.check === 'less_than') probe(schema, bound + 1);
      if (check.check === 'number_format') probe(schema, 0.5);
    }
    if (def.type === 'enum' || def.type === 'literal' || def.type === 'union')
      probe(schema, '\u0001none');
    if (def.type === 'object') {
      const catchall = def.catchall as Schema | undefined;
      if (catchall?._zod.def.type === 'never') probe(schema, { '\u0001unknown': 1 });
      Object.values(def.shape as Record<string, unknown>).forEach(visit);
    }
    for (const part of [
      'innerType',
      'element',
      'in',
      'out',
      'left',
      'right',
      'keyType',
      'valueType',
      'rest',
    ])
      visit(def[part]);
    for (const list of ['options', 'items']) (def[list] as unknown[] | undefined)?.forEach(visit);
    if (def.type === 'lazy') visit((def.getter as () => unknown)());
  };
  for (const root of roots) visit(root);
  return keys;
}
