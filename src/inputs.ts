import * as core from "@actions/core";
import { z } from "zod";
import { UserError } from "./errors.js";
import { parseShard } from "./scale/shard.js";

/**
 * The only module that reads action inputs. Everything trusted (keys, the API
 * base URL, budgets) comes from here — never from files a pull request can edit.
 */
export const ActionSettings = z.object({
  githubToken: z.string(),
  apiKey: z.string(),
  baseUrl: z.url().or(z.literal("")),
  provider: z.enum(["auto", "openai", "replay", "mock"]),
  workingDirectory: z.string(),
  environment: z.string(),
  judgeModel: z.string(),
  concurrency: z.number().int().min(1).max(64),
  timeoutSeconds: z.number().positive().max(3600),
  deadlineMinutes: z.number().positive().optional(),
  maxExamples: z.number().int().positive().optional(),
  maxCostUsd: z.number().positive().optional(),
  maxTokensTotal: z.number().int().positive().optional(),
  tolerance: z.number().min(0).max(100).optional(),
  alpha: z.number().gt(0).max(0.5).optional(),
  commentMode: z.enum(["update", "new", "off"]),
  checkMode: z.enum(["status", "check-run"]),
  failOn: z.enum(["regression", "never"]),
  statusContext: z.string().min(1).max(100),
  /** Login that writes the report comment; only its comments are edited. */
  commentAuthor: z.string().min(1),
  cache: z.boolean(),
  /** May a pull request's author approve it with /agentops approve? Off by default. */
  allowSelfApprove: z.boolean(),
  /** Run only this share of a pull request's examples and write its results; post nothing. */
  shard: z.object({ index: z.number().int(), count: z.number().int() }).optional(),
  /** Merge the shards' results found under mergeFrom and post the one report. */
  merge: z.boolean(),
  mergeFrom: z.string(),
  /** Default-branch runs send their calls through the Batch API; pull request runs ignore it. */
  batch: z.boolean(),
  /** Our own ceilings under the endpoint's rate limits, to leave room for other jobs on the key. */
  maxRpm: z.number().int().positive().optional(),
  maxTpm: z.number().int().positive().optional(),
  serviceTier: z.enum(["flex"]).optional(),
});
export type ActionSettings = z.infer<typeof ActionSettings>;

type Reader = (name: string) => string;

/** Settings field -> action input, for error messages. */
const INPUT_NAMES: Record<string, string> = {
  githubToken: "github-token",
  apiKey: "api-key",
  baseUrl: "base-url",
  workingDirectory: "working-directory",
  judgeModel: "judge-model",
  timeoutSeconds: "timeout-seconds",
  deadlineMinutes: "deadline-minutes",
  maxExamples: "max-examples",
  maxCostUsd: "max-cost-usd",
  maxTokensTotal: "max-tokens-total",
  tolerance: "regression-tolerance",
  commentMode: "comment-mode",
  checkMode: "check-mode",
  failOn: "fail-on",
  statusContext: "status-context",
  commentAuthor: "comment-author",
  allowSelfApprove: "allow-self-approve",
  mergeFrom: "merge-from",
  maxRpm: "max-rpm",
  maxTpm: "max-tpm",
  serviceTier: "service-tier",
};

function num(read: Reader, name: string): number | undefined {
  const raw = read(name).trim();
  if (raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n))
    throw new UserError(
      `input "${name}" must be a number, got "${raw}"`,
      {},
      "fix the `with:` block of the workflow step",
    );
  return n;
}

function bool(read: Reader, name: string, fallback: boolean): boolean {
  const raw = read(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (["true", "yes", "1"].includes(raw)) return true;
  if (["false", "no", "0"].includes(raw)) return false;
  throw new UserError(`input "${name}" must be true or false, got "${raw}"`);
}

/** Parses inputs through `read` (core.getInput in the Action, a map in tests) and masks the secrets. */
export function readSettings(
  read: Reader = (n) => core.getInput(n),
  mask: (s: string) => void = core.setSecret,
): ActionSettings {
  const githubToken = read("github-token").trim();
  const apiKey = read("api-key").trim();
  if (githubToken) mask(githubToken);
  if (apiKey) mask(apiKey);
  const raw = {
    githubToken,
    apiKey,
    baseUrl: read("base-url").trim(),
    provider: read("provider").trim() || "auto",
    workingDirectory: read("working-directory").trim() || ".",
    environment: read("environment").trim(),
    judgeModel: read("judge-model").trim(),
    concurrency: num(read, "concurrency") ?? 8,
    timeoutSeconds: num(read, "timeout-seconds") ?? 60,
    deadlineMinutes: num(read, "deadline-minutes"),
    maxExamples: num(read, "max-examples"),
    maxCostUsd: num(read, "max-cost-usd"),
    maxTokensTotal: num(read, "max-tokens-total"),
    tolerance: num(read, "regression-tolerance"),
    alpha: num(read, "alpha"),
    commentMode: read("comment-mode").trim() || "update",
    checkMode: read("check-mode").trim() || "status",
    failOn: read("fail-on").trim() || "regression",
    statusContext: read("status-context").trim() || "agentops/eval",
    commentAuthor: read("comment-author").trim() || "github-actions[bot]",
    cache: bool(read, "cache", true),
    allowSelfApprove: bool(read, "allow-self-approve", false),
    ...scaleInputs(read),
    batch: bool(read, "batch", false),
    maxRpm: num(read, "max-rpm"),
    maxTpm: num(read, "max-tpm"),
    serviceTier: read("service-tier").trim() || undefined,
  };
  const parsed = ActionSettings.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const inputName = INPUT_NAMES[field] ?? field;
    throw new UserError(
      `input "${inputName}" is invalid: ${issue?.message ?? ""}`,
      {},
      "see the inputs in action.yml / the README",
    );
  }
  return parsed.data;
}

/** shard, merge and merge-from: one job runs a share, or merges them all, never both. */
function scaleInputs(read: Reader): {
  shard?: { index: number; count: number };
  merge: boolean;
  mergeFrom: string;
} {
  const shardText = read("shard").trim();
  const merge = bool(read, "merge", false);
  const mergeFrom = read("merge-from").trim();
  if (shardText && merge)
    throw new UserError(
      'inputs "shard" and "merge" exclude each other',
      {},
      "run the shards in a matrix job with shard: i/N, and merge them in a job of its own with merge: true",
    );
  if (merge && !mergeFrom)
    throw new UserError(
      'input "merge-from" is required with merge: true',
      {},
      "set it to the folder actions/download-artifact wrote the shards' results to",
    );
  return { ...(shardText ? { shard: parseShard(shardText, 'input "shard"') } : {}), merge, mergeFrom };
}
