import { ProviderError } from "./providers/types.js";
import { contentChars, type ChatRequest } from "./request.js";

/*
 * The one module that knows the x-ratelimit-* headers. An endpoint says on every answer how many
 * requests and tokens a minute it allows and how many remain (OpenAI, Azure OpenAI and most
 * gateways: x-ratelimit-limit-requests, -remaining-requests, -reset-requests and the same for
 * tokens). Calls to one model of one endpoint wait their turn here before they are sent, so a run
 * spends the limit evenly instead of running into it: retrying into a 429 wall starves every other
 * job sharing the key and thins the run's own results.
 */

/** What a fetch Response's or an SDK error's headers offer. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** A call admitted by the pacer; handed back with the answer so the pacer can learn from it. */
export interface Ticket {
  readonly key: string;
  readonly tokens: number;
  readonly sentAt: number;
  /** Requests and tokens this lane had sent up to and including this call. */
  readonly sentRequests: number;
  readonly sentTokens: number;
}

/** What openai.ts needs: wait before a call, report its answer after. */
export interface CallPacer {
  before(model: string, tokens: number, signal?: AbortSignal): Promise<Ticket>;
  /** After any answer, 2xx or not; `waitMs` is the server's wait when it answered 429. */
  after(
    ticket: Ticket,
    headers: HeaderSource | undefined,
    rateLimited?: { waitMs?: number; message?: string },
  ): void;
}

export interface PacerOptions {
  /** A ceiling of our own below the endpoint's, to leave room for other jobs on the key. */
  maxRpm?: number;
  maxTpm?: number;
  now?: () => number;
  /** Injected by tests; default setTimeout. */
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

/** A request's tokens as a rate limiter counts them before it runs: its prompt plus its max_tokens. */
export function estimateRequestTokens(request: ChatRequest): number {
  let chars = 0;
  for (const m of request.messages) chars += contentChars(m);
  if (request.tools) chars += JSON.stringify(request.tools).length;
  // OpenAI's limiter counts about 4 characters a token; rounding up errs on the side of waiting.
  return Math.ceil(chars / 4) + (request.max_tokens ?? 0);
}

/** OpenAI's durations: "20ms", "1.5s", "6m0s", "1h2m3s". */
export function parseDuration(text: string | null | undefined): number | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const ms = /^(\d+(?:\.\d+)?)ms$/.exec(t);
  if (ms) return Number(ms[1]);
  const parts = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
  if (!parts || t === "") return undefined;
  const [, h, m, s] = parts;
  if (h === undefined && m === undefined && s === undefined) return undefined;
  return (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
}

/** The wait a 429's message asks for ("Please try again in 120ms", "… in 1.5s", "… in 6m0s"). */
export function tryAgainMs(message: string | undefined): number | undefined {
  const m = /try again in ((?:\d+h)?(?:\d+m(?!s))?(?:\d+(?:\.\d+)?(?:ms|s))?)/i.exec(message ?? "");
  return m?.[1] ? parseDuration(m[1]) : undefined;
}

type Dimension = "requests" | "tokens";

/** One limit as the endpoint last told it, brought forward to now. */
interface Window {
  limit: number;
  /** What we believe remains, at `at`. */
  level: number;
  at: number;
}

/** A local bucket for a --max-rpm / --max-tpm ceiling: a second's worth of burst. */
class Ceiling {
  private level: number;
  private at: number;
  readonly burst: number;
  constructor(
    readonly perMinute: number,
    now: number,
  ) {
    this.burst = Math.max(1, perMinute / 60);
    this.level = this.burst;
    this.at = now;
  }
  wait(cost: number, now: number): number {
    this.level = Math.min(this.burst, this.level + ((now - this.at) * this.perMinute) / 60_000);
    this.at = now;
    const need = Math.min(cost, this.burst);
    return this.level >= need ? 0 : Math.ceil(((need - this.level) * 60_000) / this.perMinute);
  }
  take(cost: number): void {
    this.level -= Math.min(cost, this.burst);
  }
}

interface Waiter {
  admitted: boolean;
  /** Its abort listener is on the signal (only while it waits). */
  listening: boolean;
  tokens: number;
  resolve: (t: Ticket) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

const perMs = (w: Window): number => w.limit / 60_000;

function bringForward(w: Window, now: number): void {
  w.level = Math.min(w.limit, w.level + (now - w.at) * perMs(w));
  w.at = now;
}

/** Calls to one model of one endpoint. */
class Lane {
  /** No answer yet: one call goes first, to learn the limits, the rest wait for it. */
  learning = true;
  probing = false;
  readonly windows: Partial<Record<Dimension, Window>> = {};
  blockedUntil = 0;
  blockedBy: string | undefined;
  sentRequests = 0;
  sentTokens = 0;
  readonly queue: Waiter[] = [];
  timer: { cancel(): void } | undefined;
  /** The limit the head of the queue waits for, for the progress line. */
  holding: string | undefined;
  readonly ceilings: Partial<Record<Dimension, Ceiling>> = {};
  constructor(readonly key: string) {}
}

function describe(key: string, d: Dimension, limit: number, own: boolean): string {
  const what = d === "requests" ? "requests-per-minute" : "tokens-per-minute";
  return `${own ? "the run's own" : "the endpoint's"} ${what} limit (${limit}/min) for ${key}`;
}

/**
 * Paces calls per model to the limits the endpoint advertises, and to the run's own ceilings.
 * One instance per endpoint. Calls wait in order; a 429 holds the whole lane for the server's
 * wait, so no call retries into the wall the first one hit.
 */
export class RatePacer implements CallPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly now: () => number;
  private readonly setTimer: NonNullable<PacerOptions["setTimer"]>;
  /** 429s seen, for the report and tests. */
  rateLimited = 0;

  constructor(private readonly opts: PacerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.setTimer =
      opts.setTimer ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        return { cancel: () => clearTimeout(t) };
      });
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new Lane(key);
      const t = this.now();
      if (this.opts.maxRpm) lane.ceilings.requests = new Ceiling(this.opts.maxRpm, t);
      if (this.opts.maxTpm) lane.ceilings.tokens = new Ceiling(this.opts.maxTpm, t);
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Which limit holds calls back right now, if any: for the progress line. */
  held(): string | undefined {
    for (const lane of this.lanes.values()) if (lane.queue.length > 0 && lane.holding) return lane.holding;
    return undefined;
  }

  before(model: string, tokens: number, signal?: AbortSignal): Promise<Ticket> {
    const lane = this.lane(model);
    return new Promise<Ticket>((resolve, reject) => {
      if (signal?.aborted) {
        reject(aborted());
        return;
      }
      const waiter: Waiter = {
        admitted: false,
        listening: false,
        tokens,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = lane.queue.indexOf(waiter);
          if (i >= 0) lane.queue.splice(i, 1);
          reject(aborted());
          this.pump(lane);
        },
      };
      lane.queue.push(waiter);
      this.pump(lane);
      // Most calls are admitted at once, by the pump above: only one left waiting needs to hear an
      // abort (adding and removing a listener on every call was a measurable share of a call's CPU).
      if (!waiter.admitted) {
        waiter.listening = true;
        signal?.addEventListener("abort", waiter.onAbort, { once: true });
      }
    });
  }

  after(
    ticket: Ticket,
    headers: HeaderSource | undefined,
    limited?: { waitMs?: number; message?: string },
  ): void {
    const lane = this.lane(ticket.key);
    const t = this.now();
    let advertised = false;
    for (const d of ["requests", "tokens"] as const) {
      const limit = Number(headers?.get(`x-ratelimit-limit-${d}`) ?? NaN);
      const remaining = Number(headers?.get(`x-ratelimit-remaining-${d}`) ?? NaN);
      if (!(limit > 0) || !Number.isFinite(remaining)) continue;
      advertised = true;
      // `remaining` is the endpoint's count at some moment between sending this call and now. The
      // calls we sent after it were (or will be) charged too; what refilled meanwhile lies between
      // nothing and everything since it was sent. So the truth lies in [lower, upper]: our own
      // running count is kept inside it, and a first answer starts from its safe end.
      const sentSince =
        d === "requests" ? lane.sentRequests - ticket.sentRequests : lane.sentTokens - ticket.sentTokens;
      const lower = Math.min(limit, remaining - sentSince);
      const upper = Math.min(limit, remaining + ((t - ticket.sentAt) * limit) / 60_000 - sentSince);
      const w = lane.windows[d];
      if (w?.limit === limit) {
        bringForward(w, t);
        w.level = Math.min(upper, Math.max(lower, w.level));
      } else lane.windows[d] = { limit, level: lower, at: t };
    }
    if (limited) {
      this.rateLimited++;
      const which = /token/i.test(limited.message ?? "") ? "tokens" : "requests";
      const w = lane.windows[which];
      // Without a wait from the server, a second: the time a per-minute limit takes to free a slot or so.
      const waitMs = limited.waitMs ?? 1000;
      if (t + waitMs > lane.blockedUntil) {
        lane.blockedUntil = t + waitMs;
        lane.blockedBy = w
          ? describe(ticket.key, which, w.limit, false)
          : `the endpoint's rate limit for ${ticket.key} (it answered 429)`;
      }
    }
    if (lane.learning) {
      lane.learning = false;
      lane.probing = false;
      if (!advertised && !limited) lane.holding = undefined;
    }
    this.pump(lane);
  }

  /** Admits queued calls in order while the limits allow; else sleeps until the head's turn. */
  private pump(lane: Lane): void {
    lane.timer?.cancel();
    lane.timer = undefined;
    while (lane.queue.length > 0) {
      const head = lane.queue[0] as Waiter;
      if (lane.learning && lane.probing) {
        lane.holding = `the first answer for ${lane.key}, which tells the endpoint's rate limits`;
        return;
      }
      const t = this.now();
      const { wait, why } = this.waitFor(lane, head.tokens, t);
      if (wait > 0) {
        lane.holding = why;
        lane.timer = this.setTimer(() => {
          lane.timer = undefined;
          this.pump(lane);
        }, wait);
        return;
      }
      lane.queue.shift();
      head.admitted = true;
      if (head.listening) head.signal?.removeEventListener("abort", head.onAbort);
      if (lane.learning) lane.probing = true;
      for (const d of ["requests", "tokens"] as const) {
        const cost = d === "requests" ? 1 : head.tokens;
        const w = lane.windows[d];
        if (w) w.level -= Math.min(cost, w.limit);
        lane.ceilings[d]?.take(cost);
      }
      lane.sentRequests += 1;
      lane.sentTokens += head.tokens;
      head.resolve({
        key: lane.key,
        tokens: head.tokens,
        sentAt: t,
        sentRequests: lane.sentRequests,
        sentTokens: lane.sentTokens,
      });
    }
    lane.holding = undefined;
  }

  private waitFor(lane: Lane, tokens: number, t: number): { wait: number; why: string | undefined } {
    let wait = lane.blockedUntil - t;
    let why = wait > 0 ? lane.blockedBy : undefined;
    for (const d of ["requests", "tokens"] as const) {
      const cost = d === "requests" ? 1 : tokens;
      const w = lane.windows[d];
      if (w) {
        bringForward(w, t);
        // A call larger than the whole limit waits for a full window, not forever.
        const need = Math.min(cost, w.limit);
        const own = w.level >= need ? 0 : Math.ceil((need - w.level) / perMs(w));
        if (own > wait) {
          wait = own;
          why = describe(lane.key, d, w.limit, false);
        }
      }
      const ceiling = lane.ceilings[d];
      if (ceiling) {
        const own = ceiling.wait(cost, t);
        if (own > wait) {
          wait = own;
          why = describe(lane.key, d, ceiling.perMinute, true);
        }
      }
    }
    return { wait, why };
  }
}

function aborted(): ProviderError {
  return new ProviderError("the call was aborted", { kind: "aborted" });
}
