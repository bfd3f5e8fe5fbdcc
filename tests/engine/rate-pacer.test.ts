import { describe, expect, test } from "vitest";
import {
  estimateRequestTokens,
  parseDuration,
  RatePacer,
  tryAgainMs,
  type HeaderSource,
  type Ticket,
} from "../../src/engine/rate-pacer.js";

/** A clock and timers the test moves by hand, so pacing is asserted as decisions, never as wall time. */
function virtualTime() {
  let now = 0;
  let timers: { at: number; fn: () => void; live: boolean }[] = [];
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return { cancel: () => (t.live = false) };
    },
    /** Moves the clock to `to`, firing due timers in order. */
    async advanceTo(to: number) {
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= to).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        due.live = false;
        timers = timers.filter((t) => t.live);
        due.fn();
        await settle();
      }
      now = to;
      await settle();
    },
    settle,
  };
}

const headers = (h: Record<string, string | number>): HeaderSource => ({
  get: (name) => (name in h ? String(h[name]) : null),
});

function ticketOf(admitted: { ticket: Ticket }[], i: number): Ticket {
  const a = admitted[i];
  if (!a) throw new Error(`call ${i} was not admitted`);
  return a.ticket;
}

/** Starts `n` calls; records when each was admitted. */
function start(pacer: RatePacer, n: number, clock: () => number, tokens = 1, signal?: AbortSignal) {
  const admitted: { at: number; ticket: Ticket }[] = [];
  const calls = Array.from({ length: n }, () =>
    pacer.before("gpt-4o-mini", tokens, signal).then((ticket) => admitted.push({ at: clock(), ticket })),
  );
  return { admitted, calls };
}

describe("RatePacer", () => {
  test("sends one call first and holds the rest until its answer tells the limits", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const { admitted } = start(pacer, 5, time.now);
    await time.settle();
    expect(admitted).toHaveLength(1);
    expect(pacer.held()).toMatch(/first answer for gpt-4o-mini/);
    // An endpoint that advertises no limits: nothing more to pace.
    pacer.after(ticketOf(admitted, 0), headers({}));
    await time.settle();
    expect(admitted).toHaveLength(5);
    expect(pacer.held()).toBeUndefined();
  });

  test("paces to the request limit the headers tell, starting from what remains", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const { admitted } = start(pacer, 6, time.now);
    await time.settle();
    // 600 a minute: one every 100 ms once the 2 remaining are spent.
    pacer.after(
      ticketOf(admitted, 0),
      headers({ "x-ratelimit-limit-requests": 600, "x-ratelimit-remaining-requests": 2 }),
    );
    await time.settle();
    expect(admitted.map((a) => a.at)).toEqual([0, 0, 0]);
    expect(pacer.held()).toBe("the endpoint's requests-per-minute limit (600/min) for gpt-4o-mini");
    await time.advanceTo(1000);
    expect(admitted.map((a) => a.at)).toEqual([0, 0, 0, 100, 200, 300]);
  });

  test("an answer counts the calls sent after it, so a late answer does not reopen the limit", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const { admitted } = start(pacer, 4, time.now);
    await time.settle();
    pacer.after(
      ticketOf(admitted, 0),
      headers({ "x-ratelimit-limit-requests": 600, "x-ratelimit-remaining-requests": 3 }),
    );
    await time.settle();
    expect(admitted).toHaveLength(4);
    // The second call's answer arrives: the endpoint counted it (2 left), the two sent after it
    // will be counted too, so nothing is left and a fifth call waits.
    pacer.after(
      ticketOf(admitted, 1),
      headers({ "x-ratelimit-limit-requests": 600, "x-ratelimit-remaining-requests": 2 }),
    );
    const fifth = start(pacer, 1, time.now);
    await time.settle();
    expect(fifth.admitted).toHaveLength(0);
    await time.advanceTo(100);
    expect(fifth.admitted.map((a) => a.at)).toEqual([100]);
  });

  test("paces to the token limit with each call's estimated tokens", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const { admitted } = start(pacer, 4, time.now, 300);
    await time.settle();
    // 60 000 tokens a minute: 1 a millisecond; 300 remain.
    pacer.after(
      ticketOf(admitted, 0),
      headers({ "x-ratelimit-limit-tokens": 60_000, "x-ratelimit-remaining-tokens": 600 }),
    );
    await time.settle();
    await time.advanceTo(2000);
    expect(admitted.map((a) => a.at)).toEqual([0, 0, 0, 300]);
  });

  test("a 429 holds every call to the model for the server's wait, and says which limit", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const { admitted } = start(pacer, 3, time.now);
    await time.settle();
    pacer.after(
      ticketOf(admitted, 0),
      headers({ "x-ratelimit-limit-requests": 1200, "x-ratelimit-remaining-requests": 0 }),
      { waitMs: 750, message: "Rate limit reached for gpt-4o-mini on requests per min (RPM)" },
    );
    await time.advanceTo(700);
    expect(admitted).toHaveLength(1);
    expect(pacer.held()).toBe("the endpoint's requests-per-minute limit (1200/min) for gpt-4o-mini");
    await time.advanceTo(2000);
    // By then 15 requests have come back at 1 200 a minute: both go.
    expect(admitted.map((a) => a.at)).toEqual([0, 750, 750]);
    expect(pacer.rateLimited).toBe(1);
  });

  test("--max-rpm holds calls under the run's own ceiling even when the endpoint says nothing", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer, maxRpm: 120 });
    const { admitted } = start(pacer, 4, time.now);
    await time.settle();
    pacer.after(ticketOf(admitted, 0), headers({}));
    await time.settle();
    await time.advanceTo(5000);
    // 120 a minute with 2 of burst: the first two at once, then one every 500 ms.
    expect(admitted.map((a) => a.at)).toEqual([0, 0, 500, 1000]);
    expect(pacer.held()).toBeUndefined();
  });

  test("an aborted wait leaves the queue and rejects as aborted", async () => {
    const time = virtualTime();
    const pacer = new RatePacer({ now: time.now, setTimer: time.setTimer });
    const first = start(pacer, 1, time.now);
    await time.settle();
    const controller = new AbortController();
    const waiting = pacer.before("gpt-4o-mini", 1, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: "aborted" });
    pacer.after(ticketOf(first.admitted, 0), headers({}));
  });
});

describe("what the endpoint says", () => {
  test("durations and 'try again in' in OpenAI's formats", () => {
    expect(parseDuration("20ms")).toBe(20);
    expect(parseDuration("1.5s")).toBe(1500);
    expect(parseDuration("6m0s")).toBe(360_000);
    expect(parseDuration("1h2m3s")).toBe(3_723_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(tryAgainMs("Rate limit reached ... Please try again in 120ms. Visit ...")).toBe(120);
    expect(tryAgainMs("Please try again in 1.25s.")).toBe(1250);
    expect(tryAgainMs("Please try again in 1m30s.")).toBe(90_000);
    expect(tryAgainMs("slow down")).toBeUndefined();
  });

  test("a request's tokens are its prompt (4 characters a token, rounded up) plus max_tokens", () => {
    expect(
      estimateRequestTokens({
        model: "m",
        messages: [
          { role: "system", content: "abcd" },
          { role: "user", content: "abcde" },
        ],
        max_tokens: 100,
      }),
    ).toBe(103);
  });
});
