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
}

export interface FakeGitHubOptions {
  /** Answer 403 "Resource not accessible by integration" to every write (a fork's token). */
  forbidWrites?: boolean;
  /** login -> permission ("admin" | "maintain" | "write" | "read" | "none") */
  permissions?: Record<string, string>;
  pr?: {
    number: number;
    baseSha: string;
    headSha: string;
    files: { filename: string; status: string; previous_filename?: string }[];
  };
  /** Answer the first N requests to a path matching this with a status (fault drills). */
  /** Comments already on the PR. */
  comments?: FakeComment[];
  faults?: {
    match: RegExp;
    status: number;
    times: number;
    headers?: Record<string, string>;
    message?: string;
  }[];
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  comments: FakeComment[];
  statuses: { sha: string; state: string; context: string; description: string }[];
  checkRuns: Map<number, Record<string, unknown>>;
  close(): Promise<void>;
}

/** A small GitHub REST API on 127.0.0.1: the routes agentops uses, with state. */
export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: Recorded[] = [];
  const comments: FakeComment[] = [...(opts.comments ?? [])];
  const statuses: FakeGitHub["statuses"] = [];
  const checkRuns = new Map<number, Record<string, unknown>>();
  const faults = (opts.faults ?? []).map((f) => ({ ...f }));
  let nextId = 1000;
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
        send(fault.status, { message: fault.message ?? `injected ${fault.status}` }, fault.headers);
        return;
      }
      const b = (body ?? {}) as Record<string, unknown>;
      if (opts.forbidWrites && method !== "GET") {
        send(403, { message: "Resource not accessible by integration" });
        return;
      }
      let m: RegExpExecArray | null;
      if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(path)) && method === "GET") {
        const page = Number(url.searchParams.get("page") ?? "1");
        send(200, page === 1 ? (opts.pr?.files ?? []) : []);
      } else if ((m = /^\/repos\/[^/]+\/([^/]+)\/pulls\/(\d+)$/.exec(path)) && method === "GET") {
        const full = "o/r";
        send(200, {
          number: Number(m[2]),
          base: { sha: opts.pr?.baseSha, ref: "main", repo: { full_name: full } },
          head: { sha: opts.pr?.headSha, ref: "feature", repo: { full_name: full } },
        });
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
        if (method === "GET") send(200, Number(url.searchParams.get("page") ?? "1") === 1 ? comments : []);
        else {
          const c: FakeComment = {
            id: nextId++,
            body: String(b.body),
            user: { login: "github-actions[bot]", type: "Bot" },
          };
          comments.push(c);
          send(201, c);
        }
      } else if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && method === "PATCH") {
        const c = comments.find((x) => x.id === Number(m?.[1]));
        if (!c) send(404, { message: "Not Found" });
        else {
          c.body = String(b.body);
          send(200, c);
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
        if (perm === "none") send(404, { message: "Not Found" });
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
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
