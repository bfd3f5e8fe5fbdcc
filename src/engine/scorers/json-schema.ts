import { Validator, type OutputUnit } from "@cfworker/json-schema";
import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { parseJsonOutput } from "./json-output.js";

// @cfworker/json-schema interprets the schema; nothing from a prompt file is ever compiled to code.
// Criteria live as long as the run, so the same schema object is met once per example.
const validators = new WeakMap<object, Validator>();

export function validatorFor(schema: Record<string, unknown>): Validator {
  let v = validators.get(schema);
  if (!v) {
    // Short-circuit: the detail shows one explanation, so stop at the first failure.
    v = new Validator(schema, "2020-12", true);
    validators.set(schema, v);
  }
  return v;
}

/**
 * Keywords whose error only says "a subschema failed"; the validator lists such a wrapper before
 * the error that explains it ("#: Property "a" does not match" precedes "#/a: expected string").
 * anyOf/oneOf are not wrappers: the errors after them come from alternatives that all failed, and
 * quoting one of those would mislead.
 */
const WRAPPERS = new Set([
  "properties",
  "patternProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "$ref",
  "$dynamicRef",
  "$recursiveRef",
  "allOf",
  "dependentSchemas",
  "if",
  "then",
  "else",
]);

/** The first error that says what is wrong, rather than where it is nested. */
export function firstCause(errors: readonly OutputUnit[]): OutputUnit | undefined {
  return errors.find((e) => !WRAPPERS.has(e.keyword)) ?? errors.at(-1);
}

export function scoreJsonSchema(c: CriterionOf<"json_schema">, ctx: ScoreContext): CriterionScore {
  const parsed = parseJsonOutput(ctx.output);
  if (!parsed.ok) return { score: 0, passed: false, detail: "not JSON" };
  const result = validatorFor(c.schema).validate(parsed.value);
  if (result.valid) return { score: 1, passed: true, detail: "valid" };
  const e = firstCause(result.errors);
  return { score: 0, passed: false, detail: e ? `${e.instanceLocation}: ${e.error}` : "invalid" };
}
