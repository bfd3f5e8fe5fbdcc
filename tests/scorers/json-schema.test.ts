import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import { scoreJsonSchema } from "../../src/engine/scorers/json-schema.js";
import { ctx } from "../helpers/score-context.js";

const contact: CriterionOf<"json_schema"> = {
  name: "s",
  type: "json_schema",
  schema: {
    type: "object",
    required: ["name", "email"],
    properties: {
      name: { type: "string", minLength: 1 },
      email: { type: "string", pattern: "^[^@\\s]+@[^@\\s]+$" },
      tags: { type: "array", items: { type: "string" } },
    },
    additionalProperties: false,
  },
};
const check = (output: string, c: CriterionOf<"json_schema"> = contact) => scoreJsonSchema(c, ctx(output));

describe("json_schema", () => {
  test("valid output passes, fenced or not", () => {
    expect(check('{"name": "Ana", "email": "ana@x.io"}')).toEqual({
      score: 1,
      passed: true,
      detail: "valid",
    });
    expect(check('```json\n{"name": "Zoë", "email": "zoë@x.io", "tags": ["ü"]}\n```').passed).toBe(true);
  });

  test("the detail names the failing location and the cause, not the wrapper", () => {
    expect(check('{"name": "Ana", "email": "nope"}')).toEqual({
      score: 0,
      passed: false,
      detail: "#/email: String does not match pattern.",
    });
    expect(check('{"name": "Ana", "email": "a@b.c", "tags": ["x", 2]}').detail).toBe(
      '#/tags/1: Instance type "number" is invalid. Expected "string".',
    );
    expect(check('{"name": "Ana"}').detail).toBe('#: Instance does not have required property "email".');
    expect(check('{"name": "Ana", "email": "a@b.c", "x": 1}').detail).toMatch(/^#: Property "x"/);
  });

  test("errors inside $ref are reported at the cause", () => {
    const c: CriterionOf<"json_schema"> = {
      name: "s",
      type: "json_schema",
      schema: {
        properties: { n: { $ref: "#/$defs/small" } },
        $defs: { small: { type: "integer", maximum: 3 } },
      },
    };
    expect(check('{"n": 5}', c).detail).toBe("#/n: 5 is greater than 3.");
  });

  test("anyOf failures are reported as such, not as one alternative's error", () => {
    const c: CriterionOf<"json_schema"> = {
      name: "s",
      type: "json_schema",
      schema: { properties: { v: { anyOf: [{ type: "string" }, { type: "number" }] } } },
    };
    expect(check('{"v": true}', c).detail).toBe("#/v: Instance does not match any subschemas.");
  });

  test("outputs that are not JSON fail as such", () => {
    for (const out of ["Sure! {", "", '{"name": "Ana",}']) {
      expect(check(out), out).toEqual({ score: 0, passed: false, detail: "not JSON" });
    }
  });

  test("draft 2020-12 keywords are understood", () => {
    const c: CriterionOf<"json_schema"> = {
      name: "s",
      type: "json_schema",
      schema: { type: "array", prefixItems: [{ const: "ok" }], items: false },
    };
    expect(check('["ok"]', c).passed).toBe(true);
    expect(check('["ok", 1]', c).passed).toBe(false);
    expect(check('["no"]', c).passed).toBe(false);
  });

  test("the same criterion validates many outputs consistently (cached validator)", () => {
    const outs = ['{"name": "A", "email": "a@b.c"}', "{}", '{"name": "B", "email": "b@c.d"}'];
    expect(outs.map((o) => check(o).passed)).toEqual([true, false, true]);
  });
});
