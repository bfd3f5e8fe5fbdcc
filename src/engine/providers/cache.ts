import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { requestKey, type ChatRequest } from "../request.js";
import { RecordingEntry } from "./replay.js";
import type { CallOptions, Completion, Provider } from "./types.js";

export const DEFAULT_CACHE_DIR = ".agentops-cache";

/**
 * Largest entry file we write or read. An endpoint can answer any size; a
 * bigger answer is simply not cached (it is refetched next run) so the cache,
 * and what the Actions cache saves of it, stays bounded.
 */
export const MAX_CACHE_ENTRY_BYTES = 4 * 1024 * 1024;

export type CacheEvent = "hit" | "miss" | "corrupt" | "write";

export interface CacheOptions {
  dir: string;
  /** Separates endpoints (use the endpoint's host): the same model name on two servers never shares answers. */
  namespace: string;
  /** Read but never write (pull request runs must not poison the shared cache). */
  readOnly?: boolean;
  onEvent?: (e: CacheEvent) => void;
  /** Collects the key of every entry this run read or wrote, for pruneCache. */
  used?: Set<string>;
}

/** sha256 of the namespace and the request's content address (which already includes the repeat index). */
export function cacheKey(namespace: string, request: ChatRequest, repeat: number): string {
  return createHash("sha256")
    .update(`${namespace}\n${requestKey(request, repeat)}`)
    .digest("hex");
}

/** `<dir>/<first two hex digits>/<key>.json`: fan-out keeps directories small on big suites. */
export function cachePath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/**
 * The stored entry for a key, or undefined. Anything unreadable, malformed or
 * filed under the wrong key (a torn write, a hand edit, a bad restore) is
 * reported as corrupt and treated as a miss, so it is refetched.
 */
async function readEntry(
  path: string,
  key: string,
  onEvent: CacheOptions["onEvent"],
): Promise<RecordingEntry | undefined> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_CACHE_ENTRY_BYTES) return undefined;
    text = await readFile(path, "utf8");
  } catch {
    return undefined;
  }
  try {
    const entry = RecordingEntry.parse(JSON.parse(text));
    if (entry.key === key) return entry;
  } catch {
    // fall through to "corrupt"
  }
  onEvent?.("corrupt");
  return undefined;
}

/** Write to a temporary file beside the target, then rename: readers and parallel runs never see half an entry. */
async function writeAtomically(path: string, dir: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * A content-addressed disk cache of answers: a rerun with nothing changed makes
 * no calls. Entries hold only the answer, its usage, latency and finish reason; never a key or
 * header. Errors are never cached, so a transient failure is retried next run.
 */
export function withCache(inner: Provider, opts: CacheOptions): Provider {
  return {
    id: inner.id,
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const key = cacheKey(opts.namespace, request, options.repeat ?? 0);
      const path = cachePath(opts.dir, key);
      const hit = await readEntry(path, key, opts.onEvent);
      if (hit) {
        opts.used?.add(key);
        opts.onEvent?.("hit");
        return {
          text: hit.output,
          usage: { ...hit.usage },
          latencyMs: hit.latency_ms,
          cached: true,
          ...(hit.finish_reason !== undefined ? { finishReason: hit.finish_reason } : {}),
        };
      }
      opts.onEvent?.("miss");
      const completion = await inner.complete(request, options);
      // An answer the inner provider already had stored (a replay) is not worth a second copy.
      if (opts.readOnly || completion.cached) return completion;
      const entry: RecordingEntry = {
        key,
        model: request.model,
        output: completion.text,
        usage: { ...completion.usage },
        latency_ms: completion.latencyMs,
        ...(completion.finishReason !== undefined ? { finish_reason: completion.finishReason } : {}),
      };
      const text = JSON.stringify(entry);
      if (Buffer.byteLength(text, "utf8") > MAX_CACHE_ENTRY_BYTES) return completion;
      try {
        await writeAtomically(path, join(opts.dir, key.slice(0, 2)), text);
        opts.used?.add(key);
        opts.onEvent?.("write");
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) must not fail the run.
      }
      return completion;
    },
  };
}

/**
 * Deletes every entry not in `keep` (and leftover temporary files); returns how
 * many files went. The default branch saves only what its run used, so the cache
 * it hands to pull requests holds the champions' answers and does not grow with
 * every prompt version ever evaluated.
 */
export async function pruneCache(dir: string, keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  let shards: string[];
  try {
    shards = await readdir(dir);
  } catch {
    return 0;
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(join(dir, shard)).catch(() => [] as string[])) {
      const key = /^([0-9a-f]{64})\.json$/.exec(name)?.[1];
      if (key !== undefined && keep.has(key)) continue;
      await rm(join(dir, shard, name), { force: true });
      removed++;
    }
  }
  return removed;
}
