import { expect, test } from "vitest";
import { toGitHubError } from "../../src/github/errors.js";

const how = { cancelled: false, timedOut: false, timeoutMs: 60_000 };
const requestError = (status: number, data: unknown) =>
  Object.assign(new Error(typeof data === "string" ? data : "x"), { status, response: { data } });

test("an HTTP failure is the status and reason phrase, plus GitHub's message when it is short JSON", () => {
  expect(toGitHubError(requestError(502, "<html><body>Unicorn!</body></html>"), how, []).message).toBe(
    "GitHub answered 502 Bad Gateway",
  );
  expect(
    toGitHubError(requestError(403, { message: "Resource not accessible by integration" }), how, []),
  ).toMatchObject({
    status: 403,
    message: "GitHub answered 403 Forbidden: Resource not accessible by integration",
  });
  expect(toGitHubError(requestError(500, { message: "x".repeat(500) }), how, []).message).toBe(
    "GitHub answered 500 Internal Server Error",
  );
  expect(toGitHubError(requestError(422, { message: "<b>bold</b>" }), how, []).message).toBe(
    "GitHub answered 422 Unprocessable Entity",
  );
});

test("secrets in GitHub's message are scrubbed", () => {
  const e = toGitHubError(requestError(401, { message: "Bad credentials: ghs_secret123" }), how, [
    "ghs_secret123",
  ]);
  expect(e.message).toBe("GitHub answered 401 Unauthorized: Bad credentials: ***");
});

test("no answer: a timeout, a cancel or an unreachable host says so", () => {
  expect(toGitHubError(new Error("aborted"), { ...how, timedOut: true }, []).message).toBe(
    "GitHub did not answer within 60 s",
  );
  expect(toGitHubError(new Error("aborted"), { ...how, cancelled: true }, []).message).toMatch(/cancelled/);
  expect(
    toGitHubError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9 ghs_t"), { status: 500 }), how, [
      "ghs_t",
    ]).message,
  ).toBe("GitHub could not be reached: connect ECONNREFUSED 127.0.0.1:9 ***");
});
