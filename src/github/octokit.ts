import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { toGitHubError } from "./errors.js";

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitLog {
  warning: (message: string) => void;
  info: (message: string) => void;
}

export interface OctokitOptions {
  baseUrl?: string;
  /** The run's signal: calls in flight when it aborts are abandoned. */
  signal?: AbortSignal;
  /** Longest one call may take, retries included. */
  callTimeoutMs?: number;
  /**
   * After the run is cancelled, calls still get this long in all (from the
   * moment of the cancel) to leave a final status; the runner kills us soon after.
   */
  graceMs?: number;
  /** Texts scrubbed from every error message (the token, the API key). */
  secrets?: readonly (string | undefined)[];
  /** Base of the retry back-off (1, 4, 9 × this); tests shorten it. */
  retryAfterMs?: number;
}

export const GITHUB_CALL_TIMEOUT_MS = 60_000;
export const GITHUB_GRACE_MS = 5_000;

/** Rejects with the signal's reason when it aborts first; the abandoned call is aborted too. */
function raceAbort<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    call.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}

/**
 * The one place an Octokit is built. Retry covers 5xx and network blips;
 * throttling waits out primary and secondary rate limits (honouring
 * retry-after) instead of failing the run, up to a few times. Every call has a
 * timeout and honours the run's signal; every failure becomes a GitHubError
 * whose message is short and carries no body and no secret.
 */
export function createOctokit(token: string, log: OctokitLog, opts: OctokitOptions = {}): Octokit {
  const octokit = getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      throttle: {
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
          return retryCount < 3;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log.warning(
            `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`,
          );
          return retryCount < 3;
        },
      },
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 422, 451],
        retryAfterBaseValue: opts.retryAfterMs ?? 1000,
      },
    },
    retry,
    throttling,
  );

  const timeoutMs = opts.callTimeoutMs ?? GITHUB_CALL_TIMEOUT_MS;
  const graceMs = opts.graceMs ?? GITHUB_GRACE_MS;
  const secrets = [token, ...(opts.secrets ?? [])];
  const run = opts.signal;
  let graceEnds: number | undefined;
  run?.addEventListener("abort", () => (graceEnds = Date.now() + graceMs), { once: true });

  // Registered after the plugins, so it wraps them: the timeout and the cancel cover the retries too.
  octokit.hook.wrap("request", async (request, options) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    let cancelled: AbortSignal | undefined;
    if (run?.aborted) cancelled = AbortSignal.timeout(Math.max(0, (graceEnds ?? Date.now()) - Date.now()));
    else if (run) cancelled = run;
    const signal = cancelled ? AbortSignal.any([timeout, cancelled]) : timeout;
    try {
      return await raceAbort(
        Promise.resolve(request({ ...options, request: { ...options.request, signal } })),
        signal,
      );
    } catch (e) {
      throw toGitHubError(
        e,
        { cancelled: cancelled?.aborted === true, timedOut: timeout.aborted, timeoutMs },
        secrets,
      );
    }
  });
  return octokit;
}
