import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  raw: string;
  headers: IncomingHttpHeaders;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  /** ISO times, set by the server when missing. */
  created_at?: string;
  updated_at?: string;
}

export interface FakePullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  files: { filename: string; status: string; previous_filename?: string }[];
  /** "open" unless said otherwise. */
  state?: "open" | "closed";
  merged?: boolean;
  /** The PR's author (default "author"). */
  author?: string;
  changedFiles?: number;
}

export interface FakeFault {
  match: RegExp;
  status: number;
  /** How many matching requests to answer this way (Infinity: all). */
  times: number;
  headers?: Record<string, string>;
  message?: string;
  /** Never answer (until the server closes): a hanging GitHub. */
  hang?: boolean;
  /** Answer an HTML page, as GitHub's front end does on a 502. */
  html?: boolean;
}

export interface FakeGitHubOptions {
  /** Answer 403 "Resource not accessible by integration" to every write (a fork's token). */
  forbidWrites?: boolean;
  /**
   * login -> permission ("admin" | "maintain" | "write" | "read" | "none"), or the
   * API's two fields as they are (a custom role: permission "write", role_name "prompt-reviewer").
   */
  permissions?: Record<string, string | { permission: string; role_name: string }>;
  pr?: FakePullRequest;
  /** Comments already on the PR. */
  comments?: FakeComment[];
  /** Commit statuses already set (a copy of another fake's, to go on from where its run left off). */
  statuses?: FakeGitHub["statuses"];
  /** Answer the first N requests to a path matching this with a status (fault drills). */
  faults?: FakeFault[];
  /**
   * Hold comment creations until this many have arrived, then make them all:
   * concurrent runs that each found no report and each create one.
   */
  holdCreates?: number;
  /** Who the token writes comments as (default github-actions[bot], a Bot): a PAT writes as a User. */
  commentUser?: { login: string; type: string };
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  comments: FakeComment[];
  statuses: { sha: string; state: string; context: string; description: string }[];
  checkRuns: Map<number, Record<string, unknown>>;
  /** The pull request as the server sees it now; tests move its head or close it. */
  pr: FakePullRequest | undefined;
  close(): Promise<void>;
}

/** GitHub's size limits, as its API enforces them: check-run text in UTF-8 bytes, comments in characters. */
export const LIMITS = {
  commentChars: 65_536,
  checkSummaryBytes: 65_535,
  checkTextBytes: 65_535,
  annotationsPerRequest: 50,
  statusDescriptionChars: 140,
} as const;

const utf8 = (s: unknown): number => (typeof s === "string" ? Buffer.byteLength(s, "utf8") : 0);

/** GitHub's 422 message for a write over one of its limits, or undefined when the write fits. */
function overLimit(path: string, b: Record<string, unknown>): string | undefined {
  if (/\/issues\/(\d+\/)?comments(\/\d+)?$/.test(path) && typeof b.body === "string")
    return Array.from(b.body).length > LIMITS.commentChars
      ? `Validation Failed: body is too long (maximum is ${LIMITS.commentChars} characters)`
      : undefined;
  if (/\/statuses\/[0-9a-f]+$/.test(path) && typeof b.description === "string")
    return Array.from(b.description).length > LIMITS.statusDescriptionChars
      ? "Validation Failed: description is too long (maximum is 140 characters)"
      : undefined;
  if (/\/check-runs(\/\d+)?$/.test(path)) {
    const out = (b.output ?? {}) as { summary?: unknown; text?: unknown; annotations?: unknown[] };
    if (utf8(out.summary) > LIMITS.checkSummaryBytes)
      return `Invalid request.\n\nOnly ${LIMITS.checkSummaryBytes} bytes are allowed: summary exceeds a maximum bytesize of ${LIMITS.checkSummaryBytes}`;
    if (utf8(out.text) > LIMITS.checkTextBytes)
      return `Invalid request.\n\ntext exceeds a maximum bytesize of ${LIMITS.checkTextBytes}`;
    if ((out.annotations?.length ?? 0) > LIMITS.annotationsPerRequest)
      return `Invalid request.\n\nOnly ${LIMITS.annotationsPerRequest} annotations are allowed per request`;
  }
  return undefined;
}

export const BAD_GATEWAY_HTML =
  "<!DOCTYPE html>\n<html><head><title>Unicorn! · GitHub</title></head><body><h1>502 Bad Gateway</h1><p>We had issues producing the response to your request.</p></body></html>\n";

/** A small GitHub REST API on 127.0.0.1: the routes agentops uses, with state. */
export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: Recorded[] = [];
  const now = (): string => new Date().toISOString();
  const comments: FakeComment[] = (opts.comments ?? []).map((c) => ({
    created_at: now(),
    updated_at: now(),
    ...c,
  }));
  const pr = opts.pr ? { ...opts.pr } : undefined;
  const held: (() => void)[] = [];
  let hold = opts.holdCreates ?? 1;
  const statuses: FakeGitHub["statuses"] = (opts.statuses ?? []).map((x) => ({ ...x }));
  const checkRuns = new Map<number, Record<string, unknown>>();
  const faults = (opts.faults ?? []).map((f) => ({ ...f }));
  // Above the ids of the comments it starts with, so a new comment never takes an existing one's id.
  let nextId = Math.max(999, ...comments.map((c) => c.id)) + 1;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const path = url.pathname;
      const method = req.method ?? "GET";
      let body: unknown = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      requests.push({ method, path, body, raw, headers: req.headers });
      const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(data));
      };
      const fault = faults.find((f) => f.times > 0 && f.match.test(`${method} ${path}`));
      if (fault) {
        fault.times--;
        if (fault.hang) return;
        if (fault.html)
          res
            .writeHead(fault.status, { "content-type": "text/html; charset=utf-8", ...fault.headers })
            .end(BAD_GATEWAY_HTML);
        else send(fault.status, { message: fault.message ?? `injected ${fault.status}` }, fault.headers);
        return;
      }
      const b = (body ?? {}) as Record<string, unknown>;
      if (opts.forbidWrites && method !== "GET") {
        send(403, { message: "Resource not accessible by integration" });
        return;
      }
      const tooBig = method === "GET" ? undefined : overLimit(path, b);
      if (tooBig !== undefined) {
        send(422, { message: tooBig, documentation_url: "https://docs.github.com/rest" });
        return;
      }
      let m: RegExpExecArray | null;
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(path)) && method === "GET") {
        const page = Number(url.searchParams.get("page") ?? "1");
        send(200, page === 1 ? (pr?.files ?? []) : []);
      } else if ((m = /^\/repos\/[^/]+\/([^/]+)\/pulls\/(\d+)$/.exec(path)) && method === "GET") {
        const full = "o/r";
        send(200, {
          number: Number(m[2]),
          state: pr?.state ?? "open",
          merged: pr?.merged ?? false,
          merged_at: pr?.merged ? now() : null,
          user: { login: pr?.author ?? "author", type: "User" },
          changed_files: pr?.changedFiles ?? pr?.files.length ?? 0,
          base: { sha: pr?.baseSha, ref: "main", repo: { full_name: full } },
          head: { sha: pr?.headSha, ref: "feature", repo: { full_name: full } },
        });
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
        if (method === "GET") send(200, Number(url.searchParams.get("page") ?? "1") === 1 ? comments : []);
        else {
          const create = (): void => {
            const c: FakeComment = {
              id: nextId++,
              body: String(b.body),
              user: opts.commentUser ?? { login: "github-actions[bot]", type: "Bot" },
              created_at: now(),
              updated_at: now(),
            };
            comments.push(c);
            send(201, c);
          };
          held.push(create);
          if (held.length >= hold) {
            hold = 1;
            for (const go of held.splice(0)) go();
          }
        }
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && method === "PATCH") {
        const c = comments.find((x) => x.id === Number(m?.[1]));
        if (!c) send(404, { message: "Not Found" });
        else {
          c.body = String(b.body);
          c.updated_at = now();
          send(200, c);
        }
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && method === "DELETE") {
        const i = comments.findIndex((x) => x.id === Number(m?.[1]));
        if (i === -1) send(404, { message: "Not Found" });
        else {
          comments.splice(i, 1);
          res.writeHead(204).end();
        }
      } else if (/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+\/reactions$/.test(path)) {
        send(201, { id: nextId++, content: b.content });
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/statuses\/([0-9a-f]+)$/.exec(path)) && method === "POST") {
        statuses.push({
          sha: m[1] ?? "",
          state: String(b.state),
          context: String(b.context),
          description: String(b.description),
        });
        send(201, { id: nextId++ });
      } else if (/^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path) && method === "POST") {
        const id = nextId++;
        checkRuns.set(id, { ...b });
        send(201, { id });
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path)) && method === "PATCH") {
        const id = Number(m[1]);
        const prev = checkRuns.get(id) ?? {};
        const prevOut = (prev.output ?? {}) as { annotations?: unknown[] };
        const out = (b.output ?? {}) as { annotations?: unknown[] };
        checkRuns.set(id, {
          ...prev,
          ...b,
          output: { ...out, annotations: [...(prevOut.annotations ?? []), ...(out.annotations ?? [])] },
        });
        send(200, { id });
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(path))) {
        const perm = opts.permissions?.[decodeURIComponent(m[1] ?? "")] ?? "none";
        if (typeof perm === "object") send(200, perm);
        else if (perm === "none") send(404, { message: "Not Found" });
        else send(200, { permission: perm === "maintain" ? "write" : perm, role_name: perm });
      } else {
        send(404, { message: `fake GitHub has no route for ${method} ${path}` });
      }
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    statuses,
    checkRuns,
    pr,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
