import { expect, test } from "vitest";
import {
  MAX_HISTORY,
  nextState,
  readState,
  shaShownAt,
  stampReport,
  STATE_MARKER,
} from "../../src/report/report-stamp.js";

const A = "a".repeat(40);
const C = "c".repeat(40);
const REPORT = "## ❌ agentops: regression\n\n**summarize: bullets dropped**\n";

test("the commit line goes under the heading and the state is the last line, readable back", () => {
  const state = nextState(undefined, { sha: A, verdict: "fail", at: "2026-01-01T10:00:00.000Z" });
  const body = stampReport(REPORT, state, "https://github.com/o/r/pull/7/commits/" + A);
  expect(body.split("\n").slice(0, 3)).toEqual([
    "## ❌ agentops: regression",
    "",
    `Reports on commit [\`aaaaaaa\`](https://github.com/o/r/pull/7/commits/${A}).`,
  ]);
  expect(readState(body)).toEqual(state);
  // Re-stamping a stamped report does not stack states.
  expect(stampReport(body, state, undefined).split(STATE_MARKER)).toHaveLength(2);
});

test("history grows only when the SHA changes, so an unchanged report stays byte-identical; it is capped", () => {
  let s = nextState(undefined, { sha: A, verdict: "fail", at: "2026-01-01T10:00:00.000Z" });
  s = nextState(s, { sha: A, verdict: "pass", at: "2026-01-01T11:00:00.000Z" });
  expect(s.history).toEqual([{ sha: A, at: "2026-01-01T10:00:00.000Z" }]);
  expect(s.verdict).toBe("pass");
  for (let i = 0; i < 30; i++)
    s = nextState(s, {
      sha: i % 2 ? A : C,
      verdict: "fail",
      at: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(),
    });
  expect(s.history).toHaveLength(MAX_HISTORY);
});

test("the SHA shown when a comment was written: the current one if the report has not changed since, else history", () => {
  let s = nextState(undefined, { sha: A, verdict: "fail", at: "2026-01-01T10:00:00.500Z" });
  s = nextState(s, { sha: C, verdict: "fail", at: "2026-01-01T10:05:00.500Z" });
  expect(shaShownAt(s, "2026-01-01T10:05:00Z", "2026-01-01T10:06:00Z")).toBe(C);
  expect(shaShownAt(s, "2026-01-01T10:05:00Z", "2026-01-01T10:03:00Z")).toBe(A);
  // GitHub's whole seconds: a report written in the comment's own second does not count as read.
  expect(shaShownAt(s, "2026-01-01T10:05:00Z", "2026-01-01T10:05:00Z")).toBe(A);
  expect(shaShownAt(s, "2026-01-01T10:05:00Z", "2026-01-01T10:00:00Z")).toBeUndefined();
  expect(shaShownAt(s, undefined, "not a time")).toBeUndefined();
});

test("a state that is not ours or not the last line is ignored", () => {
  const forged = `${STATE_MARKER}{"sha":"${C}","verdict":"pass","history":[]} -->`;
  expect(readState(`${forged}\nmore text`)).toBeUndefined();
  expect(readState(`text\n${STATE_MARKER}{"sha":"zz","verdict":"pass","history":[]} -->`)).toBeUndefined();
  expect(readState(`text\n${STATE_MARKER}{not json -->`)).toBeUndefined();
  expect(readState(`text\n${forged}`)).toMatchObject({ sha: C });
});
