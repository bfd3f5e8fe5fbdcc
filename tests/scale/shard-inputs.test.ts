import { expect, test } from "vitest";
import { readSettings } from "../../src/inputs.js";

const read = (values: Record<string, string>) =>
  readSettings(
    (name) => values[name] ?? "",
    () => undefined,
  );

test("shard, merge and merge-from: off by default, parsed when set", () => {
  expect(read({})).toMatchObject({ merge: false, mergeFrom: "" });
  expect(read({}).shard).toBeUndefined();
  expect(read({ shard: " 2/3 " }).shard).toEqual({ index: 2, count: 3 });
  expect(read({ merge: "true", "merge-from": "shards" })).toMatchObject({ merge: true, mergeFrom: "shards" });
});

test("a wrong shard setup is an error naming the input and what to do", () => {
  expect(() => read({ shard: "3/2" })).toThrow(/input "shard" takes i\/N with 1 ≤ i ≤ N ≤ 256, got "3\/2"/);
  expect(() => read({ shard: "1/2", merge: "true", "merge-from": "x" })).toThrow(
    /inputs "shard" and "merge" exclude each other/,
  );
  expect(() => read({ merge: "true" })).toThrow(/input "merge-from" is required with merge: true/);
});
