import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { requestKey, type ChatRequest } from "../request.js";
import { embeddingKey, moderationKey } from "./keys.js";
import {
  completionOf,
  isChatEntry,
  moderationOf,
  RecordingEntry,
  type ChatEntry,
  type EmbeddingEntry,
  type ModerationEntry,
} from "./replay.js";
import { unsupported, type CallOptions, type Completion, type Embeddings, type Provider } from "./types.js";

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
  /**
   * Answers older than this are asked again (and, unless read-only, stored anew):
   * a provider's silent model update must not hide behind a cache.
   */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * When a stored answer was given: its created_at, else (entries written before
 * it was recorded) the file's modification time, which the cache file got when
 * it was written and an Actions cache restore keeps.
 */
async function answeredAt(entry: ChatEntry, path: string): Promise<string | undefined> {
  if (entry.created_at !== undefined) return entry.created_at;
  try {
    return (await stat(path)).mtime.toISOString();
  } catch {
    return undefined;
  }
}

/** sha256 of the namespace and the request's content address (which already includes the repeat index). */
export function cacheKey(namespace: string, request: ChatRequest, repeat: number): string {
  return createHash("sha256")
    .update(`${namespace}\n${requestKey(request, repeat)}`)
    .digest("hex");
}

/** The cache key of a moderation or embedding of one text: namespace over its content address. */
function textKey(namespace: string, key: string): string {
  return createHash("sha256").update(`${namespace}\n${key}`).digest("hex");
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

/** Stores an entry; a cache that cannot be written (read-only checkout, full disk) must not fail the run. */
async function store(opts: CacheOptions, entry: RecordingEntry): Promise<void> {
  const text = JSON.stringify(entry);
  if (Buffer.byteLength(text, "utf8") > MAX_CACHE_ENTRY_BYTES) return;
  try {
    await writeAtomically(cachePath(opts.dir, entry.key), join(opts.dir, entry.key.slice(0, 2)), text);
    opts.used?.add(entry.key);
    opts.onEvent?.("write");
  } catch {
    // see above
  }
}

/** A cached entry of the wanted kind, counted as a hit; anything else is a miss. */
async function lookup<K extends RecordingEntry>(
  opts: CacheOptions,
  key: string,
  is: (e: RecordingEntry) => e is K,
): Promise<K | undefined> {
  const hit = await readEntry(cachePath(opts.dir, key), key, opts.onEvent);
  if (hit && is(hit)) {
    opts.used?.add(key);
    opts.onEvent?.("hit");
    return hit;
  }
  opts.onEvent?.("miss");
  return undefined;
}

const isModeration = (e: RecordingEntry): e is ModerationEntry => !isChatEntry(e) && e.kind === "moderation";
const isEmbedding = (e: RecordingEntry): e is EmbeddingEntry => !isChatEntry(e) && e.kind === "embedding";

/**
 * Embeddings one text an entry: a batch asks the inner provider only for the
 * texts the cache lacks, in one request, and stores each answer on its own.
 */
async function cachedEmbed(
  inner: Provider,
  opts: CacheOptions,
  request: Parameters<NonNullable<Provider["embed"]>>[0],
  options: CallOptions,
): Promise<Embeddings> {
  const keys = request.input.map((t) => textKey(opts.namespace, embeddingKey(request.model, t)));
  const hits = await Promise.all(keys.map((k) => lookup(opts, k, isEmbedding)));
  const missing = request.input.filter((_, i) => hits[i] === undefined);
  let fresh: Embeddings | undefined;
  if (missing.length > 0) {
    if (!inner.embed) throw unsupported("embeddings", `the ${inner.id} provider has none`);
    fresh = await inner.embed({ model: request.model, input: missing }, options);
  }
  const out: Embeddings = { vectors: [], tokens: [], cached: [], latencyMs: fresh?.latencyMs ?? 0 };
  let j = 0;
  for (const [i, key] of keys.entries()) {
    const hit = hits[i];
    if (hit) {
      out.vectors.push([...hit.embedding]);
      out.tokens.push(hit.tokens);
      out.cached.push(true);
      continue;
    }
    const vector = fresh?.vectors[j] ?? [];
    const tokens = fresh?.tokens[j] ?? 0;
    const cached = fresh?.cached[j] ?? false;
    j++;
    out.vectors.push(vector);
    out.tokens.push(tokens);
    out.cached.push(cached);
    if (!opts.readOnly && !cached) {
      const latency_ms = fresh?.latencyMs ?? 0;
      await store(opts, {
        key,
        kind: "embedding",
        model: request.model,
        embedding: vector,
        tokens,
        latency_ms,
      });
    }
  }
  return out;
}

/**
 * A content-addressed disk cache of answers, moderation verdicts and
 * embeddings: a rerun with nothing changed makes no calls. Entries hold only
 * the answer, its usage, latency and finish reason (or the verdict, or the
 * vector); never a key or header. Errors are never cached, so a transient
 * failure is retried next run.
 */
export function withCache(inner: Provider, opts: CacheOptions): Provider {
  return {
    id: inner.id,
    async moderate(request, options = {}) {
      const key = textKey(opts.namespace, moderationKey(request.model, request.input));
      const hit = await lookup(opts, key, isModeration);
      if (hit) return moderationOf(hit, true);
      if (!inner.moderate) throw unsupported("moderation", `the ${inner.id} provider has none`);
      const m = await inner.moderate(request, options);
      if (!opts.readOnly && !m.cached) {
        await store(opts, {
          key,
          kind: "moderation",
          model: request.model,
          flagged: m.flagged,
          categories: m.categories,
          category_scores: m.scores,
          latency_ms: m.latencyMs,
        });
      }
      return m;
    },
    embed: (request, options = {}) => cachedEmbed(inner, opts, request, options),
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const key = cacheKey(opts.namespace, request, options.repeat ?? 0);
      const path = cachePath(opts.dir, key);
      const found = await readEntry(path, key, opts.onEvent);
      const hit = found && isChatEntry(found) ? found : undefined;
      const at = hit ? await answeredAt(hit, path) : undefined;
      const now = opts.now ?? Date.now;
      const stale = opts.maxAgeMs !== undefined && at !== undefined && now() - Date.parse(at) > opts.maxAgeMs;
      if (hit && !stale) {
        opts.used?.add(key);
        opts.onEvent?.("hit");
        return { ...completionOf(hit), ...(at !== undefined ? { answeredAt: at } : {}) };
      }
      opts.onEvent?.("miss");
      const completion = await inner.complete(request, options);
      // An answer the inner provider already had stored (a replay) is not worth a second copy.
      if (opts.readOnly || completion.cached) return completion;
      const entry: ChatEntry = {
        key,
        model: request.model,
        output: completion.text,
        usage: { ...completion.usage },
        latency_ms: completion.latencyMs,
        created_at: new Date((opts.now ?? Date.now)()).toISOString(),
        ...(completion.finishReason !== undefined ? { finish_reason: completion.finishReason } : {}),
        ...(completion.toolCalls?.length ? { tool_calls: completion.toolCalls.map((c) => ({ ...c })) } : {}),
      };
      await store(opts, entry);
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
