import { describe, expect, test } from "vitest";
import { normalizeLabel, scoreOneOf } from "../../src/engine/scorers/one-of.js";
import { ctx } from "../helpers/score-context.js";

const labels = ["billing", "technical", "U.S.", "Café"];
const check = (output: string, case_sensitive?: boolean) =>
  scoreOneOf(
    { name: "o", type: "one_of", labels, ...(case_sensitive ? { case_sensitive } : {}) },
    ctx(output),
  );

describe("normalizeLabel", () => {
  test("strips whitespace, quotes, backticks and one trailing period", () => {
    expect(normalizeLabel("  Billing.\n")).toBe("Billing");
    expect(normalizeLabel('"Billing."')).toBe("Billing");
    expect(normalizeLabel('"Billing".')).toBe("Billing");
    expect(normalizeLabel("`billing`")).toBe("billing");
    expect(normalizeLabel("“billing”")).toBe("billing");
    expect(normalizeLabel("Billing..")).toBe("Billing.");
    expect(normalizeLabel("")).toBe("");
  });
});

describe("one_of", () => {
  test("accepts a label in its usual dressing, case-insensitively", () => {
    for (const out of ["billing", "Billing.", "`technical`\n", "'TECHNICAL'", "“billing”"]) {
      expect(check(out), out).toMatchObject({ score: 1, passed: true });
    }
    expect(check("Billing.").detail).toBe("billing");
  });

  test("labels ending in a period and non-ASCII labels", () => {
    expect(check("U.S.").passed).toBe(true);
    expect(check("u.s").passed).toBe(true);
    expect(check("CAFÉ").passed).toBe(true);
  });

  test("rejects sentences, several labels, doubled periods and empty output", () => {
    for (const out of ["billing and technical", "The category is billing", "billing..", "", "   "]) {
      expect(check(out), out).toMatchObject({ score: 0, passed: false });
    }
    expect(check("").detail).toBe('"" is not a label');
    expect(check("Refund please.").detail).toBe('"Refund please" is not a label');
  });

  test("case_sensitive: true needs the exact case", () => {
    expect(check("Billing", true).passed).toBe(false);
    expect(check("billing.", true).passed).toBe(true);
    expect(check("Café", true).passed).toBe(true);
  });
});
