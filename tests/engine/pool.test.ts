import { expect, test } from "vitest";
import { runPool, Slots } from "../../src/engine/pool.js";

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test("never exceeds the limit and runs every item", async () => {
  let inFlight = 0;
  let peak = 0;
  const seen: number[] = [];
  await runPool(
    Array.from({ length: 25 }, (_, i) => i),
    () => 4,
    async (item) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick(item % 3);
      seen.push(item);
      inFlight--;
    },
  );
  expect(peak).toBe(4);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
});

test("follows a limit that changes while running", async () => {
  let limit = 1;
  let inFlight = 0;
  const peaks: number[] = [];
  await runPool(
    Array.from({ length: 20 }, (_, i) => i),
    () => limit,
    async (item) => {
      inFlight++;
      peaks.push(inFlight);
      if (item === 3) limit = 5;
      await tick(2);
      inFlight--;
    },
  );
  expect(peaks.slice(0, 4).every((p) => p === 1)).toBe(true);
  expect(Math.max(...peaks)).toBe(5);
});

test("after abort no new item starts and the rest are reported skipped", async () => {
  const controller = new AbortController();
  const started: number[] = [];
  const skipped: number[] = [];
  await runPool(
    Array.from({ length: 10 }, (_, i) => i),
    () => 2,
    async (item) => {
      started.push(item);
      if (item === 3) controller.abort();
      await tick(1);
    },
    { signal: controller.signal, onSkipped: (item) => skipped.push(item) },
  );
  expect([...started, ...skipped].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  expect(skipped.length).toBeGreaterThan(0);
  expect(Math.min(...skipped)).toBeGreaterThan(3);
});

test("a worker that throws rejects the pool after in-flight work settles", async () => {
  await expect(
    runPool(
      [1, 2, 3],
      () => 2,
      async (item) => {
        await tick(1);
        if (item === 2) throw new Error("boom");
      },
    ),
  ).rejects.toThrow("boom");
});

test("an empty input resolves", async () => {
  await expect(
    runPool(
      [],
      () => 3,
      () => Promise.resolve(),
    ),
  ).resolves.toBeUndefined();
});

test("pools sharing slots never exceed the one limit together, and take turns", async () => {
  const slots = new Slots(() => 3);
  let inFlight = 0;
  let peak = 0;
  const order: string[] = [];
  const work = (name: string) => async (): Promise<void> => {
    inFlight++;
    peak = Math.max(peak, inFlight, slots.inFlight);
    order.push(name);
    await tick(1);
    inFlight--;
  };
  await Promise.all([
    runPool(Array.from({ length: 12 }), () => 3, work("a"), { slots }),
    runPool(Array.from({ length: 12 }), () => 3, work("b"), { slots }),
  ]);
  expect(peak).toBe(3);
  expect(slots.inFlight).toBe(0);
  // Both ran at the same time: b started long before a's last item, not after it.
  expect(order.indexOf("b")).toBeLessThan(order.lastIndexOf("a") - 6);
  expect(order.filter((n) => n === "a")).toHaveLength(12);
  expect(order.filter((n) => n === "b")).toHaveLength(12);
});
