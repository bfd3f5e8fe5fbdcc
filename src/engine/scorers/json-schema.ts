import { Validator } from "@cfworker/json-schema";
import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { parseJsonOutput } from "./json-output.js";

// @cfworker/json-schema interprets the schema; nothing from a prompt file is ever compiled to code.
const validators = new WeakMap<object, Validator>();

function validatorFor(schema: Record<string, unknown>): Validator {
  let v = validators.get(schema);
  if (!v) {
    v = new Validator(schema, "2020-12", false);
    validators.set(schema, v);
  }
  return v;
}

export function scoreJsonSchema(c: CriterionOf<"json_schema">, ctx: ScoreContext): CriterionScore {
  const parsed = parseJsonOutput(ctx.output);
  if (!parsed.ok) return { score: 0, passed: false, detail: "not JSON" };
  const result = validatorFor(c.schema).validate(parsed.value);
  if (result.valid) return { score: 1, passed: true, detail: "valid" };
  // The most specific error is the deepest one; the first is usually a generic "properties" wrapper.
  const errors = [...result.errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length);
  const e = errors[0];
  return { score: 0, passed: false, detail: e ? `${e.instanceLocation}: ${e.error}` : "invalid" };
}
