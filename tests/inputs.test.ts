import { expect, test } from "vitest";
import { readSettings } from "../src/inputs.js";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

test("defaults for an empty with: block, and both secrets masked", () => {
  const masked: string[] = [];
  const s = readSettings(reader({ "github-token": "ghs_x", "api-key": "sk-y" }), (v) => masked.push(v));
  expect(s).toMatchObject({
    provider: "auto",
    concurrency: 8,
    timeoutSeconds: 60,
    commentMode: "update",
    checkMode: "status",
    failOn: "regression",
    statusContext: "agentops/eval",
    cache: true,
  });
  expect(masked).toEqual(["ghs_x", "sk-y"]);
});

test("a bad input names the input, as written in the workflow", () => {
  expect(() => readSettings(reader({ "comment-mode": "sometimes" }), () => undefined)).toThrow(
    /input "comment-mode" is invalid/,
  );
  expect(() => readSettings(reader({ "max-cost-usd": "lots" }), () => undefined)).toThrow(
    /input "max-cost-usd" must be a number/,
  );
  expect(() => readSettings(reader({ "regression-tolerance": "-5" }), () => undefined)).toThrow(
    /input "regression-tolerance" is invalid/,
  );
  expect(() => readSettings(reader({ cache: "maybe" }), () => undefined)).toThrow(
    /input "cache" must be true or false/,
  );
  expect(() => readSettings(reader({ "base-url": "not a url" }), () => undefined)).toThrow(
    /input "base-url" is invalid/,
  );
});

test("max-rpm, max-tpm and service-tier: read when set, a bad value named", () => {
  const s = readSettings(
    reader({ "max-rpm": "600", "max-tpm": "90000", "service-tier": "flex" }),
    () => undefined,
  );
  expect(s).toMatchObject({ maxRpm: 600, maxTpm: 90000, serviceTier: "flex" });
  expect(readSettings(reader({}), () => undefined).maxRpm).toBeUndefined();
  expect(() => readSettings(reader({ "max-rpm": "0" }), () => undefined)).toThrow(
    /input "max-rpm" is invalid/,
  );
  expect(() => readSettings(reader({ "service-tier": "turbo" }), () => undefined)).toThrow(
    /input "service-tier" is invalid/,
  );
});
