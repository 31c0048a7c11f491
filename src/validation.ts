/**
 * The one ajv instance for everything the gateway validates outside fastify's route
 * schemas: config, agency answers after mapping, population files. Strict: no type
 * coercion, no removal of unknown properties, all errors reported.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Static, TSchema } from '@sinclair/typebox';

// verbose: errors carry their schema, so a failed pattern can be explained by its description.
export const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: true, allowUnionTypes: true, verbose: true });

const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Compiles once per schema object. */
export function validatorFor<S extends TSchema>(schema: S): ValidateFunction<Static<S>> {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v as ValidateFunction<Static<S>>;
}

/** `/subjects/0/idNumber must match pattern …` style lines, one per error. Never includes the data value. */
export function describeErrors(errors: ErrorObject[] | null | undefined, root = ''): string[] {
  return (errors ?? []).map((e) => {
    const path = `${root}${e.instancePath}` || '/';
    if (e.keyword === 'additionalProperties') return `${path}: unknown property '${String(e.params.additionalProperty)}'`;
    if (e.keyword === 'required') return `${path}: missing required property '${String(e.params.missingProperty)}'`;
    return `${path}: ${e.message ?? 'is invalid'}`;
  });
}
