import type { PromptRun } from "../engine/evaluate.js";
import { int } from "./format.js";

const DAY_MS = 24 * 60 * 60 * 1000;

const days = (ms: number): string => {
  const d = Math.max(0, ms) / DAY_MS;
  return d < 1 ? "less than a day" : `${Math.floor(d)} day${Math.floor(d) === 1 ? "" : "s"}`;
};

/**
 * How old the champion's cached answers are, as of `asOf` (the run's end): a
 * baseline read from a cache is only as current as its oldest answer, and a
 * provider may have changed the model since. Pure; empty when no cached answer
 * has a known time.
 */
export function answerAgeNote(run: PromptRun | null, asOf: string): string[] {
  if (!run) return [];
  const ok = run.examples.filter((r) => r.status === "ok");
  const cached = ok.filter((r) => r.cached);
  if (cached.length === 0) return [];
  const now = Date.parse(asOf);
  const times = cached.flatMap((r) => (r.answered_at === undefined ? [] : [Date.parse(r.answered_at)]));
  const unknown = cached.length - times.length;
  const from = `${int(cached.length)} of ${int(ok.length)} champion answers came from the cache`;
  // Recordings (replay) carry no time: they are fixtures, not a cache that could go stale.
  if (times.length === 0) return [];
  const oldest = Math.min(...times);
  const newest = Math.max(...times);
  const range =
    now - newest >= DAY_MS && Math.floor((now - oldest) / DAY_MS) !== Math.floor((now - newest) / DAY_MS)
      ? `given ${days(now - newest)} to ${days(now - oldest)} ago`
      : `the oldest given ${days(now - oldest)} ago`;
  return [`${from}, ${range}${unknown > 0 ? ` (${int(unknown)} of unknown age)` : ""}.`, ""];
}
