import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { jsonPieces, writeJsonFile } from "../../src/report/json-file.js";

const dir = await mkdtemp(join(tmpdir(), "agentops-json-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

test("the pieces join into exactly what JSON.stringify(value, null, 2) writes", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2));
    }),
    { numRuns: 500 },
  );
});

test("members JSON leaves out, dates and array holes come out as JSON.stringify writes them", () => {
  const value = {
    runs: [{ examples: [{ id: "a", output: undefined, at: new Date(0) }, undefined, () => 1] }],
    gone: undefined,
    empty: [],
    nested: { list: [[], {}, "x\ny"] },
  };
  expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2));
});

test("a results file larger than one write chunk reads back as the value, byte for byte", async () => {
  const examples = Array.from({ length: 20_000 }, (_, i) => ({
    id: `e${i}`,
    status: "ok",
    output: `answer ${i} `.repeat(8),
    criteria: { hi: { score: 1, passed: true } },
  }));
  const value = { schema_version: 1, runs: [{ prompt: "p", examples }] };
  const path = join(dir, "results.json");
  await writeJsonFile(path, value);
  expect(await readFile(path, "utf8")).toBe(JSON.stringify(value, null, 2) + "\n");
});
