import { afterEach, expect, test, vi } from "vitest";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import { withRetries } from "../../src/engine/providers/retry.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const request = { model: "m", messages: [{ role: "user" as const, content: "hi" }] };

/** A run's signal that counts the listeners it holds. */
function countedSignal(): { controller: AbortController; held: () => number } {
  const controller = new AbortController();
  const signal = controller.signal;
  let held = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  vi.spyOn(signal, "addEventListener").mockImplementation((type, listener, options) => {
    held++;
    add(type, listener, options);
  });
  vi.spyOn(signal, "removeEventListener").mockImplementation((type, listener, options) => {
    held--;
    remove(type, listener, options);
  });
  return { controller, held: () => held };
}

test("a long run's signal gains no listener and no AbortSignal.any dependant per call", async () => {
  server = await startFakeOpenAI(() => ({ text: "ok" }));
  const provider = withRetries(createOpenAIProvider({ apiKey: "sk-test", baseURL: server.url }));
  const run = countedSignal();
  const any = vi.spyOn(AbortSignal, "any");
  for (let i = 0; i < 30; i++) {
    const options = { signal: run.controller.signal };
    await Promise.all([provider.complete(request, options), provider.complete(request, options)]);
  }
  expect(run.held()).toBe(0);
  const composedWithRun = any.mock.calls.filter(([signals]) => [...signals].includes(run.controller.signal));
  expect(composedWithRun).toEqual([]);
  expect(server.requests).toHaveLength(60);
});

test("aborting the run's signal still aborts a call in flight, and no listener is left behind", async () => {
  server = await startFakeOpenAI(() => ({ hang: true }));
  const provider = createOpenAIProvider({ apiKey: "sk-test", baseURL: server.url });
  const run = countedSignal();
  const pending = provider.complete(request, { signal: run.controller.signal });
  setTimeout(() => run.controller.abort(new Error("deadline")), 30);
  await expect(pending).rejects.toMatchObject({ kind: "aborted" });
  expect(run.held()).toBe(0);
});

test("a call started after the run was cancelled does not reach the endpoint", async () => {
  server = await startFakeOpenAI(() => ({ text: "ok" }));
  const provider = createOpenAIProvider({ apiKey: "sk-test", baseURL: server.url });
  const controller = new AbortController();
  controller.abort();
  await expect(provider.complete(request, { signal: controller.signal })).rejects.toMatchObject({
    kind: "aborted",
  });
  expect(server.requests).toHaveLength(0);
});
