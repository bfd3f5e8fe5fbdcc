import { describe, expect, test } from "vitest";
import { isSubset, matchFixture, parseArguments } from "../../src/agent/fixtures.js";
import type { ToolFixture } from "../../src/config/schema.js";

describe("isSubset", () => {
  test("an object's keys with contained values, at any depth; arrays element by element", () => {
    expect(isSubset({}, { a: 1 })).toBe(true);
    expect(isSubset({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(isSubset({ a: { x: 1 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(isSubset({ a: 1, c: 3 }, { a: 1, b: 2 })).toBe(false);
    expect(isSubset({ a: "1" }, { a: 1 })).toBe(false);
    expect(isSubset({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(isSubset({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(isSubset({ a: null }, { a: null })).toBe(true);
    expect(isSubset({ a: 1 }, [1])).toBe(false);
  });
});

describe("matchFixture", () => {
  const fixtures: ToolFixture[] = [
    { name: "lookup_order", arguments: { order_id: "A1" }, result: { status: "delivered" } },
    { name: "lookup_order", result: { status: "unknown" } },
    { name: "issue_refund", arguments: { order_id: "A1", amount_usd: 5 }, result: "refunded" },
  ];

  test("the first fixture of the same name whose arguments are a subset of the call's", () => {
    expect(matchFixture(fixtures, "lookup_order", { order_id: "A1", verbose: true })).toEqual({
      index: 0,
      result: { status: "delivered" },
    });
    // Not A1: the second fixture (no arguments) matches any lookup.
    expect(matchFixture(fixtures, "lookup_order", { order_id: "B2" })).toEqual({
      index: 1,
      result: { status: "unknown" },
    });
  });

  test("a call with no fixture gets an error result and is unmatched", () => {
    expect(matchFixture(fixtures, "issue_refund", { order_id: "A1", amount_usd: 6 })).toEqual({
      unmatched: true,
      result: { error: "no fixture for issue_refund" },
    });
    expect(matchFixture(fixtures, "escalate_to_human", {})).toEqual({
      unmatched: true,
      result: { error: "no fixture for escalate_to_human" },
    });
  });

  test("arguments that are not a JSON object match nothing", () => {
    expect(parseArguments("{not json")).toBeUndefined();
    expect(parseArguments("[1]")).toBeUndefined();
    expect(parseArguments("")).toEqual({});
    expect("unmatched" in matchFixture(fixtures, "lookup_order", parseArguments("{oops"))).toBe(true);
  });
});
