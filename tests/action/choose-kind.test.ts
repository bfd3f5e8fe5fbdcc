import { expect, test } from "vitest";
import { chooseKind } from "../../src/action/run-setup.js";

const auto = { provider: "auto" as const, apiKey: "", baseUrl: "" };

test("a key means live calls; no key means only cached answers (a fork PR), whatever the repository configures", () => {
  expect(chooseKind({ ...auto, apiKey: "sk-x" }, undefined)).toBe("openai");
  expect(chooseKind(auto, undefined)).toBe("cache-only");
  expect(chooseKind(auto, "openai")).toBe("cache-only");
});

test("the offline providers a repository configures run without a key", () => {
  expect(chooseKind(auto, "replay")).toBe("replay");
  expect(chooseKind(auto, "mock")).toBe("mock");
});

test("a local endpoint on a self-hosted runner needs no key; a remote one does", () => {
  expect(chooseKind({ ...auto, baseUrl: "http://localhost:11434/v1" }, undefined)).toBe("openai");
  expect(chooseKind({ ...auto, baseUrl: "https://my.openai.azure.com/openai/v1/" }, undefined)).toBe(
    "cache-only",
  );
});

test("the provider input wins", () => {
  expect(chooseKind({ ...auto, provider: "replay", apiKey: "sk-x" }, "openai")).toBe("replay");
});
