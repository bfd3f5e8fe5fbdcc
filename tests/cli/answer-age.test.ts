/**
 * Issue 21, baseline freshness: cached answers carry the time they were given;
 * the compare report states the age of the champion answers it used, and
 * answers older than thresholds.max_answer_age_days (default 30) are asked
 * again and stored anew, so a provider's silent model update cannot hide behind
 * a cache. Runs `agentops compare` against a fake endpoint on 127.0.0.1.
 */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";

const DAY = 24 * 60 * 60 * 1000;
const prompt = (version: number): string =>
  `name: p\nversion: ${version}\nmodel: gpt-4o-mini\ntemperature: 0\nsystem: "Answer. (v${version})"\ntemplate: "{q}"\neval_criteria:\n  - name: says_yes\n    type: contains\n    value: "yes"\n`;
const config = (v: number, extra = ""): string => `environments:\n  production:\n    p: ${v}\n${extra}`;

let llm: FakeOpenAI;
let repo: TempRepo;
beforeAll(async () => {
  llm = await startFakeOpenAI(() => ({ text: "yes" }));
  repo = new TempRepo();
  repo.commit("base", {
    "prompts/config.yaml": config(1),
    "prompts/p/v1.yaml": prompt(1),
    "prompts/p/eval_set.jsonl":
      Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `e${i}`, input: { q: `q${i}` } })).join("\n") +
      "\n",
  });
  repo.branch("feature");
  repo.commit("v2", { "prompts/p/v2.yaml": prompt(2), "prompts/config.yaml": config(2) });
});
afterAll(async () => {
  repo.remove();
  await llm.close();
});

const env = { OPENAI_API_KEY: "sk-answer-age-test" };
const compare = (cacheDir: string) =>
  cli(
    [
      "compare",
      "--base",
      "main",
      "--provider",
      "openai",
      "--base-url",
      llm.url,
      "--cache-dir",
      cacheDir,
      "-q",
    ],
    { cwd: repo.dir, env },
  );

/** Every cached answer file under `dir`. */
function entries(dir: string): string[] {
  return readdirSync(dir).flatMap((shard) => readdirSync(join(dir, shard)).map((f) => join(dir, shard, f)));
}

/** Sets every cached answer's time to `daysAgo`; `drop` removes the field, as in entries written before it existed. */
function age(dir: string, daysAgo: number, drop = false): void {
  const when = new Date(Date.now() - daysAgo * DAY);
  for (const file of entries(dir)) {
    const entry = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    if (drop) delete entry.created_at;
    else entry.created_at = when.toISOString();
    writeFileSync(file, JSON.stringify(entry));
    utimesSync(file, when, when);
  }
}

describe("baseline freshness", () => {
  test("cached answers carry their time; the report states the champion answers' age", async () => {
    const dir = join(repo.dir, ".cache-a");
    await compare(dir);
    const stored = JSON.parse(readFileSync(entries(dir)[0] ?? "", "utf8")) as { created_at?: string };
    expect(Date.now() - Date.parse(stored.created_at ?? "")).toBeLessThan(DAY);
    age(dir, 12);
    const before = llm.requests.length;
    const r = await compare(dir);
    expect(llm.requests.length).toBe(before);
    expect(r.stdout).toContain("5 of 5 champion answers came from the cache, the oldest given 12 days ago.");
  });

  test("answers older than 30 days (the default) are asked again and stored anew", async () => {
    const dir = join(repo.dir, ".cache-b");
    await compare(dir);
    age(dir, 40);
    const before = llm.requests.length;
    const r = await compare(dir);
    // Both sides' 5 answers were 40 days old.
    expect(llm.requests.length - before).toBe(10);
    expect(r.stdout).not.toContain("champion answers came from the cache");
    for (const file of entries(dir)) {
      const entry = JSON.parse(readFileSync(file, "utf8")) as { created_at?: string };
      expect(Date.now() - Date.parse(entry.created_at ?? "")).toBeLessThan(DAY);
    }
  });

  test("an entry written before answers carried their time is aged by its file's time", async () => {
    const dir = join(repo.dir, ".cache-c");
    await compare(dir);
    age(dir, 40, true);
    const before = llm.requests.length;
    await compare(dir);
    expect(llm.requests.length - before).toBe(10);
  });

  test("thresholds.max_answer_age_days in the config sets the limit", async () => {
    const week = "thresholds: { max_answer_age_days: 7 }\n";
    repo.checkout("main");
    repo.commit("a week", { "prompts/config.yaml": config(1, week) });
    repo.git("branch", "-q", "-D", "feature");
    repo.branch("feature");
    repo.commit("v2", { "prompts/p/v2.yaml": prompt(2), "prompts/config.yaml": config(2, week) });
    const dir = join(repo.dir, ".cache-d");
    await compare(dir);
    age(dir, 12);
    const before = llm.requests.length;
    await compare(dir);
    expect(llm.requests.length - before).toBe(10);
  });
});
