import { expect, test } from "vitest";
import { progressPrinter } from "../../src/report/progress.js";

function clocked(intervalMs: number) {
  let t = 1_000;
  const lines: string[] = [];
  const print = progressPrinter(
    "p v1",
    (l) => lines.push(l),
    () => t,
    intervalMs,
  );
  return { lines, print, advance: (ms: number) => (t += ms) };
}

test("a line at most every interval, then the last one, with errors, cache hits and spend", () => {
  const { lines, print, advance } = clocked(2000);
  advance(500);
  print({ done: 1, total: 10, errors: 0, cached: 0 });
  advance(2000);
  print({ done: 4, total: 10, errors: 1, cached: 2 });
  advance(100);
  print({ done: 5, total: 10, errors: 1, cached: 2 });
  advance(1000);
  print({ done: 10, total: 10, errors: 3, cached: 2, spentUsd: 0.0123 });
  expect(lines).toEqual([
    "[p v1] 4/10 examples done, 1 error, 2 cached (2.5 s)",
    "[p v1] 10/10 examples done, 3 errors, 2 cached, $0.0123 spent (3.6 s)",
  ]);
});

test("a run shorter than the interval prints nothing: its table follows at once", () => {
  const { lines, print, advance } = clocked(2000);
  advance(300);
  print({ done: 2, total: 2, errors: 0, cached: 0 });
  expect(lines).toEqual([]);
});
