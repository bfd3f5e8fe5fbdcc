import * as github from "@actions/github";
import { runUrlOf } from "./run-url.js";

/** What the workflow run is about, read once from the event; everything downstream takes this plain object. */
export type RunEvent =
  | {
      kind: "pull_request";
      prNumber: number;
      baseSha: string;
      baseRef: string;
      headSha: string;
      /** The PR comes from a fork: its run has a read-only token and no secrets. */
      fork: boolean;
      /** opened, synchronize, closed, labeled…: only some are worth an evaluation. */
      action: string;
      /** An `edited` event that changed the base branch (payload `changes.base`). */
      baseChanged: boolean;
      /** The PR's own count of changed files, to tell a truncated files list. */
      changedFiles?: number;
    }
  | { kind: "push"; sha: string; ref: string; isDefaultBranch: boolean }
  | {
      kind: "comment";
      prNumber: number;
      commentId: number;
      body: string;
      author: string;
      authorType: string;
      /** When the comment was written (GitHub's time): which report its author was reading. */
      createdAt: string;
    }
  | {
      kind: "merge_group";
      /** checks_requested (the queue wants the required checks) or destroyed. */
      action: string;
      baseSha: string;
      headSha: string;
      /** refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>: which pull request the queued change is. */
      headRef: string;
      /** From headRef; undefined when GitHub names the branch otherwise. */
      prNumber: number | undefined;
    }
  | { kind: "other"; name: string; why: string };

export type MergeGroupEvent = Extract<RunEvent, { kind: "merge_group" }>;

/** The pull request a merge-queue branch was made for: gh-readonly-queue/<base>/pr-<number>-<sha>. */
export function queuedPullRequest(headRef: string): number | undefined {
  const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** The pull_request actions that change what is under test; the rest (closed, labeled…) do nothing. */
export const EVALUATED_ACTIONS = ["opened", "synchronize", "reopened", "ready_for_review"] as const;

/** Why a pull_request event is not evaluated, or undefined when it is. */
export function skipReason(event: { action: string; baseChanged: boolean }): string | undefined {
  if ((EVALUATED_ACTIONS as readonly string[]).includes(event.action)) return undefined;
  if (event.action === "edited")
    return event.baseChanged
      ? undefined
      : 'pull_request "edited" without a new base branch (title or body only): nothing under test changed';
  return `pull_request "${event.action || "(no action)"}": nothing under test changed; agentops evaluates ${EVALUATED_ACTIONS.join(", ")} and edited (new base branch)`;
}

export interface RunContext {
  owner: string;
  repo: string;
  event: RunEvent;
  runUrl: string | undefined;
  /** https://github.com, or a GitHub Enterprise Server's address: links in comments must point there. */
  serverUrl: string;
}

interface ContextLike {
  eventName: string;
  payload: Record<string, unknown>;
  repo: { owner: string; repo: string };
  sha: string;
  ref: string;
  serverUrl: string;
  runId: number;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
}
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" ? v : NaN);

/** Pure: turns an Actions context into a RunEvent. */
export function describeEvent(ctx: ContextLike): RunContext {
  const p = ctx.payload;
  const { owner, repo } = ctx.repo;
  const runUrl = Number.isFinite(ctx.runId)
    ? runUrlOf(ctx.serverUrl, `${owner}/${repo}`, ctx.runId)
    : undefined;
  let event: RunEvent;
  if (ctx.eventName === "pull_request" || ctx.eventName === "pull_request_target") {
    const pr = obj(p.pull_request);
    const base = obj(pr.base);
    const head = obj(pr.head);
    const headRepo = obj(head.repo);
    const baseRepo = obj(base.repo);
    event = {
      kind: "pull_request",
      prNumber: num(pr.number),
      baseSha: str(base.sha),
      baseRef: str(base.ref),
      headSha: str(head.sha),
      fork: str(headRepo.full_name) !== "" && str(headRepo.full_name) !== str(baseRepo.full_name),
      action: str(p.action),
      baseChanged: obj(p.changes).base !== undefined,
      ...(typeof pr.changed_files === "number" ? { changedFiles: pr.changed_files } : {}),
    };
  } else if (ctx.eventName === "push") {
    const defaultBranch = str(obj(p.repository).default_branch);
    event = {
      kind: "push",
      sha: str(p.after) || ctx.sha,
      ref: str(p.ref) || ctx.ref,
      isDefaultBranch: defaultBranch !== "" && (str(p.ref) || ctx.ref) === `refs/heads/${defaultBranch}`,
    };
  } else if (
    ctx.eventName === "issue_comment" &&
    obj(obj(p.issue).pull_request).url !== undefined &&
    str(p.action) === "created"
  ) {
    const comment = obj(p.comment);
    const user = obj(comment.user);
    event = {
      kind: "comment",
      prNumber: num(obj(p.issue).number),
      commentId: num(comment.id),
      body: str(comment.body),
      author: str(user.login),
      authorType: str(user.type),
      createdAt: str(comment.created_at),
    };
  } else if (ctx.eventName === "merge_group") {
    const group = obj(p.merge_group);
    const headRef = str(group.head_ref);
    event = {
      kind: "merge_group",
      action: str(p.action),
      baseSha: str(group.base_sha),
      headSha: str(group.head_sha),
      headRef,
      prNumber: queuedPullRequest(headRef),
    };
  } else if (ctx.eventName === "issue_comment") {
    const onPullRequest = obj(obj(p.issue).pull_request).url !== undefined;
    event = {
      kind: "other",
      name: ctx.eventName,
      why: onPullRequest
        ? `agentops does nothing when a pull request comment is ${str(p.action) || "changed"}: commands are read from new comments only`
        : "agentops does nothing on comments on issues: its commands work on pull requests",
    };
  } else {
    event = {
      kind: "other",
      name: ctx.eventName,
      why: `agentops does nothing on "${ctx.eventName}" events; it runs on pull_request, push, issue_comment and merge_group`,
    };
  }
  return { owner, repo, event, runUrl, serverUrl: ctx.serverUrl.replace(/\/+$/, "") };
}

/** The only reader of github.context. */
export function readRunContext(): RunContext {
  const c = github.context;
  return describeEvent({
    eventName: c.eventName,
    payload: c.payload,
    repo: c.repo,
    sha: c.sha,
    ref: c.ref,
    serverUrl: c.serverUrl,
    runId: c.runId,
  });
}
