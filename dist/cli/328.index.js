export const id = 328;
export const ids = [328,795];
export const modules = {

/***/ 2328:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HISTORY_HELP: () => (/* binding */ HISTORY_HELP),
  historyCommand: () => (/* binding */ historyCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
;// CONCATENATED MODULE: ./lib/lifecycle/results-history.js
/**
 * `agentops history`: each prompt version's criteria over time, from results
 * files of eval and score. Pure: the files come in already read.
 * (src/lifecycle/history.ts is another history: the config's git history, for rollback.)
 */


/** score's results say where the answers came from: its provider is "traces" or "traces+\u2026". */
const sourceOf = (r) => r.provider === "traces" || r.provider.startsWith("traces+") ? "production traces" : "eval set";
function buildHistory(files, skipped = [], last = 30) {
    const bySeries = new Map();
    for (const { file, results } of files) {
        const source = sourceOf(results);
        for (const run of results.runs) {
            const key = `${run.prompt}\u0000${source}`;
            const series = bySeries.get(key) ?? { prompt: run.prompt, source, criteria: [], runs: [] };
            bySeries.set(key, series);
            for (const c of run.criteria)
                if (!series.criteria.includes(c.name))
                    series.criteria.push(c.name);
            series.runs.push({
                finished_at: results.finished_at,
                version: run.version,
                file,
                criteria: Object.fromEntries(run.criteria.map((c) => [c.name, { mean_score: c.mean_score, pass_rate: c.pass_rate, n: c.n }])),
            });
        }
    }
    const series = [...bySeries.values()]
        .map((s) => ({
        ...s,
        runs: s.runs
            .sort((a, b) => a.finished_at.localeCompare(b.finished_at) || a.file.localeCompare(b.file))
            .slice(-last),
    }))
        .sort((a, b) => a.prompt.localeCompare(b.prompt) || a.source.localeCompare(b.source));
    return { series, skipped: [...skipped] };
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
/** "2026-12-01 03:17" from an ISO time, UTC. */
const when = (iso) => iso.slice(0, 16).replace("T", " ");
/** Mermaid strings are quoted: keep them to an alphabet with no quote or bracket. */
const mermaidText = (s) => s.replace(/[^A-Za-z0-9 _.:/()-]/g, "_").slice(0, 60);
/** A Mermaid xychart of one criterion's mean score over the runs that scored it. */
function historyChart(s, criterion) {
    const seen = new Map();
    const points = s.runs.flatMap((r) => {
        const c = r.criteria[criterion];
        if (!c || c.n === 0)
            return [];
        // Mermaid merges equal categories into one point: two runs in the same minute get a (2).
        const base = `v${r.version} ${when(r.finished_at).slice(5)}`;
        const k = (seen.get(base) ?? 0) + 1;
        seen.set(base, k);
        return [{ label: k === 1 ? base : `${base} (${k})`, value: c.mean_score * 100 }];
    });
    if (points.length <= 2)
        return [];
    return [
        "```mermaid",
        // The default palette draws a lone line in a pale grey that barely shows: one strong blue, and half
        // the default height, as a summary holds one chart per criterion.
        '%%{init: {"xyChart": {"height": 280}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%',
        "xychart-beta",
        `  title "${mermaidText(`${s.prompt} - ${criterion} (${s.source})`)}"`,
        `  x-axis [${points.map((p) => `"${mermaidText(p.label)}"`).join(", ")}]`,
        '  y-axis "mean score (%)" 0 --> 100',
        `  line [${points.map((p) => p.value.toFixed(1)).join(", ")}]`,
        "```",
    ];
}
/** Markdown: per prompt and source a table (one row a run) and, past two runs, a chart per criterion. */
function renderHistoryMarkdown(h) {
    const parts = ["## agentops history", ""];
    if (h.series.length === 0)
        parts.push("No runs in these results.", "");
    for (const s of h.series) {
        parts.push(`### ${(0,report_escape/* escapeInline */.VV)(s.prompt)} \u2014 ${s.source}`, "");
        parts.push((0,markdown_table/* markdownTable */.Q)([
            ["finished (UTC)", "version", ...s.criteria.map((c) => (0,report_escape/* escapeInline */.VV)(c)), "file"],
            ...s.runs.map((r) => [
                when(r.finished_at),
                `v${r.version}`,
                ...s.criteria.map((c) => {
                    const x = r.criteria[c];
                    return x && x.n > 0 ? pct(x.mean_score) : "\u2013";
                }),
                (0,report_escape/* escapeInline */.VV)(r.file, 120),
            ]),
        ], { align: ["l", "l", ...s.criteria.map(() => "r"), "l"] }), "");
        for (const c of s.criteria) {
            const chart = historyChart(s, c);
            if (chart.length)
                parts.push(...chart, "");
        }
    }
    parts.push("Each cell is the criterion's mean score in that run (a pass/fail criterion's is its pass rate), the figure thresholds compare. Eval-set runs and production-trace runs (agentops score) are separate series.", "");
    if (h.skipped.length)
        parts.push(`Passed over (not results of eval or score): ${h.skipped.map((f) => (0,report_escape/* escapeInline */.VV)(f, 120)).join(", ")}`, "");
    return parts.join("\n");
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
// EXTERNAL MODULE: ./lib/cli/versions-command.js + 1 modules
var versions_command = __webpack_require__(3795);
;// CONCATENATED MODULE: ./lib/cli/history-command.js









const HISTORY_HELP = `Usage: agentops history <results files or folders> [options]

Each prompt version's criteria over time, from results JSON files of eval and
score (--out): one table per prompt (one row a run, by finished_at; eval-set and
production-trace runs apart) and, with more than two runs, a Mermaid line chart
per criterion. A folder is searched for *.json, sub-folders included (a folder
of downloaded artifacts); files in it that are not results of eval or score
(drift, compare) are passed over and named.

Options:
  --last N             the newest N runs of each prompt (default 30)
  --format FORMAT      markdown | json (default markdown)
  --out FILE           also write the markdown to FILE
  -h, --help           show this help

Exit codes: 0 done, 2 bad input or usage (a named file that is not results, no results found).
`;
/** Every *.json under `dir`, sub-folders included, sorted (walked by hand: Node 20.0 lacks Dirent.parentPath). */
async function jsonFiles(dir) {
    const out = [];
    for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const path = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            out.push(...(await jsonFiles(path)));
        else if (e.isFile() && e.name.endsWith(".json"))
            out.push(path);
    }
    return out.sort();
}
async function historyCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            last: { type: "string" },
            format: { type: "string" },
            out: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(HISTORY_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (positionals.length === 0)
        throw new errors/* UserError */.yo("history needs results files or a folder of them", {}, "e.g. agentops history results/");
    const format = (0,provider_flags/* oneOf */.yL)(values.format, ["markdown", "json"], "--format") ?? "markdown";
    const last = (0,provider_flags/* positiveInt */.NJ)(values.last, "--last") ?? 30;
    const rel = (p) => (0,external_node_path_.relative)(io.cwd, p) || ".";
    const loaded = [];
    const skipped = [];
    for (const arg of positionals) {
        const path = (0,external_node_path_.resolve)(io.cwd, arg);
        let isDir;
        try {
            isDir = (await (0,promises_.stat)(path)).isDirectory();
        }
        catch {
            throw new errors/* UserError */.yo("no such file or folder", { file: arg }, "pass results files (--out of eval or score) or a folder");
        }
        if (!isDir) {
            loaded.push({ file: arg, results: (0,versions_command.parseResults)(await (0,files/* readUserFile */.E1)(path, files/* MAX_EVAL_SET_BYTES */.nU), arg) });
            continue;
        }
        for (const file of await jsonFiles(path)) {
            try {
                loaded.push({
                    file: rel(file),
                    results: (0,versions_command.parseResults)(await (0,files/* readUserFile */.E1)(file, files/* MAX_EVAL_SET_BYTES */.nU), rel(file)),
                });
            }
            catch (e) {
                if (!(0,errors/* isUserError */.iU)(e))
                    throw e;
                skipped.push(rel(file));
            }
        }
    }
    if (loaded.length === 0)
        throw new errors/* UserError */.yo(`no results of eval or score in ${positionals.join(", ")}${skipped.length ? ` (passed over: ${skipped.join(", ")})` : ""}`, {}, "write them with agentops eval --out FILE or agentops score --out FILE");
    const history = buildHistory(loaded, skipped, last);
    const md = renderHistoryMarkdown(history);
    if (values.out)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.out), md);
    io.stdout(format === "json" ? JSON.stringify(history, null, 2) + "\n" : md);
    return cli_io/* EXIT */.d.ok;
}


/***/ }),

/***/ 894:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bm: () => (/* binding */ currentPin),
  IA: () => (/* binding */ editableProject),
  A1: () => (/* binding */ pinVersion),
  g: () => (/* binding */ promptVersions),
  eU: () => (/* binding */ requireVersion)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
;// CONCATENATED MODULE: ./lib/lifecycle/config-edit.js




/**
 * Sets environments.<env>.<prompt> to a version in a config file's text. The
 * text is spliced, not re-serialised: every byte outside the changed (or added)
 * line stays as it was, comments, key order, quoting and blank lines included.
 * The yaml Document API only locates the nodes.
 */
function setActiveVersion(text, file, environment, prompt, version) {
    // Validates the whole file first, with the project's safe loader: no edit of a file that does not load.
    (0,load/* parseProjectConfig */.Bf)(text, file);
    const doc = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: false, lineCounter: new dist/* LineCounter */.HN() });
    const envs = doc.get("environments", true);
    if (!(0,dist/* isMap */.jh)(envs))
        throw unknownEnvironment(environment, [], file);
    const env = envs.get(environment, true);
    if (!(0,dist/* isMap */.jh)(env))
        throw unknownEnvironment(environment, envNames(envs), file);
    const current = env.get(prompt, true);
    let edited;
    if ((0,dist/* isScalar */.jn)(current) && current.range) {
        const [start, end] = current.range;
        edited = text.slice(0, start) + versionText(current, version) + text.slice(end);
    }
    else {
        edited = insertPair(text, env, prompt, version);
    }
    // The splice must say what we meant, in a file that still loads.
    const check = (0,load/* parseProjectConfig */.Bf)(edited, file).config.environments?.[environment]?.[prompt];
    if (check === undefined || (0,schema/* parseVersionRef */.PL)(check) !== version)
        throw new Error(`editing ${file} did not set environments.${environment}.${prompt} to ${version}`);
    return edited;
}
/** The active version of a prompt in an environment, or undefined; the environment must exist. */
function activeIn(config, environment, prompt, file) {
    const env = config.environments?.[environment];
    if (!env)
        throw unknownEnvironment(environment, Object.keys(config.environments ?? {}), file);
    const v = env[prompt];
    return v === undefined ? undefined : (0,schema/* parseVersionRef */.PL)(v);
}
function envNames(envs) {
    return envs.items.flatMap((p) => ((0,dist/* isScalar */.jn)(p.key) ? [String(p.key.value)] : []));
}
function unknownEnvironment(environment, known, file) {
    return new errors/* UserError */.yo(`unknown environment "${environment}"`, { file, field: "environments" }, known.length > 0
        ? `use one of: ${known.join(", ")}`
        : "the config defines no environments; add environments: {<name>: {<prompt>: <version>}}");
}
/** The new version written the way the old one was: 3, v3, "v3" or 'v3'. */
function versionText(old, version) {
    const asString = typeof old.value === "string";
    const body = asString && String(old.value).startsWith("v") ? `v${version}` : String(version);
    if (old.type === dist/* Scalar */.X5.QUOTE_DOUBLE)
        return `"${body}"`;
    if (old.type === dist/* Scalar */.X5.QUOTE_SINGLE)
        return `'${body}'`;
    return body;
}
/** A YAML plain key when the name is safe as one, else a double-quoted key. */
function keyText(name) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}
/** Adds `prompt: version` to an environment's map: a line of its own (block) or an entry before "}" (flow). */
function insertPair(text, env, prompt, version) {
    const range = env.range;
    if (!range)
        throw new Error("the environment's map has no source range");
    const pair = `${keyText(prompt)}: ${version}`;
    if (env.flow) {
        const close = text.lastIndexOf("}", range[1] - 1); // range[1] is exclusive
        if (close < range[0])
            throw new Error("the environment's flow map has no closing brace");
        const inside = text.slice(range[0] + 1, close);
        const sep = inside.trim() === "" ? "" : inside.trimEnd().endsWith(",") ? " " : ", ";
        const at = range[0] + 1 + inside.trimEnd().length;
        return text.slice(0, at) + sep + pair + text.slice(at);
    }
    const last = env.items[env.items.length - 1];
    const firstKey = env.items[0]?.key;
    if (!last || !(0,dist/* isScalar */.jn)(firstKey) || !firstKey.range)
        throw new Error("the environment's map is empty");
    const lineStart = text.lastIndexOf("\n", firstKey.range[0] - 1) + 1;
    const indent = text.slice(lineStart, firstKey.range[0]);
    const lastEnd = (0,dist/* isScalar */.jn)(last.value) && last.value.range ? last.value.range[1] : range[1];
    const eol = text.indexOf("\n", lastEnd);
    const at = eol === -1 ? text.length : eol;
    return text.slice(0, at) + `\n${indent}${pair}` + text.slice(at);
}

;// CONCATENATED MODULE: ./lib/lifecycle/line-diff.js
/**
 * A unified diff of two texts with one changed region (what a promote or a
 * rollback makes): the common leading and trailing lines are context.
 */
function unifiedDiff(before, after, label, context = 3) {
    if (before === after)
        return "";
    const a = before.split("\n");
    const b = after.split("\n");
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head &&
        tail < b.length - head &&
        a[a.length - 1 - tail] === b[b.length - 1 - tail])
        tail++;
    const from = Math.max(0, head - context);
    const aEnd = Math.min(a.length, a.length - tail + context);
    const bEnd = Math.min(b.length, b.length - tail + context);
    const lines = [
        `--- a/${label}`,
        `+++ b/${label}`,
        `@@ -${from + 1},${aEnd - from} +${from + 1},${bEnd - from} @@`,
        ...a.slice(from, head).map((l) => ` ${l}`),
        ...a.slice(head, a.length - tail).map((l) => `-${l}`),
        ...b.slice(head, b.length - tail).map((l) => `+${l}`),
        ...a.slice(a.length - tail, aEnd).map((l) => ` ${l}`),
    ];
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/pin-version.js









/** The project of a promote or rollback: it must have a config file to edit. */
async function editableProject(io, path) {
    const project = await (0,config_project/* openProject */.U8)((0,external_node_path_.resolve)(io.cwd, path ?? "."));
    if (!project.configFile)
        throw new errors/* UserError */.yo("no project config found (agentops.yaml, agentops.yml or prompts/config.yaml)", { file: path ?? "." }, "run this inside the project, or pass --project <folder>");
    return { ...project, configFile: project.configFile };
}
/** A prompt's version files; an unknown prompt is an error naming the known ones. */
async function promptVersions(project, prompt) {
    const known = (await (0,config_project/* listPromptDirs */.nS)(project.promptsDir)).map((d) => (0,external_node_path_.basename)(d));
    if (!known.includes(prompt))
        throw new errors/* UserError */.yo(`unknown prompt "${prompt}"`, { file: project.promptsDir }, known.length > 0 ? `use one of: ${known.join(", ")}` : "the prompts folder holds no prompts");
    return (0,config_project/* listVersions */.yO)((0,external_node_path_.join)(project.promptsDir, prompt));
}
function requireVersion(versions, prompt, version) {
    if (!versions.has(version))
        throw new errors/* UserError */.yo(`${prompt} has no version ${version}`, {}, `available: ${[...versions.keys()]
            .sort((a, b) => a - b)
            .map((v) => `v${v}`)
            .join(", ")}`);
}
/** The environment's current pin; an unknown environment is an error naming the known ones. */
async function currentPin(project, environment, prompt) {
    const text = await (0,files/* readUserFile */.E1)(project.configFile);
    const { config } = (0,load/* parseProjectConfig */.Bf)(text, project.configFile);
    return { text, current: activeIn(config, environment, prompt, project.configFile) };
}
/** Writes (or with dryRun only prints) environments.<env>.<prompt> = version, as a diff. */
async function pinVersion(io, project, change, opts) {
    const label = (0,external_node_path_.relative)(io.cwd, project.configFile) || project.configFile;
    const { environment, prompt, version, current } = change;
    if (current === version) {
        io.stdout(`${environment} already runs ${prompt} v${version}; ${label} is unchanged\n`);
        return cli_io/* EXIT */.d.ok;
    }
    const edited = setActiveVersion(change.text, project.configFile, environment, prompt, version);
    io.stdout(unifiedDiff(change.text, edited, label));
    const from = current === undefined ? "no pinned version" : `v${current}`;
    if (opts.dryRun) {
        io.stdout(`dry run: would ${opts.verb} ${prompt} in ${environment} from ${from} to v${version}\n`);
        return cli_io/* EXIT */.d.ok;
    }
    await (0,promises_.writeFile)(project.configFile, edited);
    io.stdout(`${opts.verb === "promote" ? "promoted" : "rolled back"} ${prompt} in ${environment}: ${from} \u2192 v${version} (${label}); commit it and open a pull request: the gate evaluates the change\n`);
    return cli_io/* EXIT */.d.ok;
}


/***/ }),

/***/ 3795:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERSIONS_HELP: () => (/* binding */ VERSIONS_HELP),
  parseResults: () => (/* binding */ parseResults),
  versionsCommand: () => (/* binding */ versionsCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/lifecycle/versions.js
/** One row per version file: where it runs, and its newest scores from results files (by finished_at). */
function versionRows(prompt, versions, environments, results) {
    return [...versions]
        .sort((a, b) => a - b)
        .map((version) => {
        const envs = Object.entries(environments)
            .filter(([, pins]) => pins[prompt] === version)
            .map(([name]) => name);
        let last;
        for (const { file, results: r } of results)
            for (const run of r.runs) {
                if (run.prompt !== prompt || run.version !== version || run.summary.ok === 0)
                    continue;
                if (last && last.finished_at >= r.finished_at)
                    continue;
                last = {
                    finished_at: r.finished_at,
                    file,
                    mean_score: run.summary.mean_score,
                    pass_rate: run.summary.pass_rate,
                    examples: run.summary.ok,
                };
            }
        return { version, environments: envs, ...(last ? { last } : {}) };
    });
}
/** The rows as a plain-text table. */
function renderVersions(prompt, rows) {
    const lines = [`${prompt}:`];
    for (const r of rows) {
        const where = r.environments.length > 0 ? r.environments.join(", ") : "\u2013";
        const score = r.last
            ? `mean ${r.last.mean_score.toFixed(3)}, all criteria passed on ${(r.last.pass_rate * 100).toFixed(1)}% of ${r.last.examples} (${r.last.finished_at}, ${r.last.file})`
            : "no results";
        lines.push(`  v${r.version}  ${where.padEnd(24)}  ${score}`);
    }
    return lines.join("\n") + "\n";
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/pin-version.js + 2 modules
var pin_version = __webpack_require__(894);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
;// CONCATENATED MODULE: ./lib/cli/versions-command.js










const VERSIONS_HELP = `Usage: agentops versions <prompt> [--results FILE ...] [options]

Lists the versions of <prompt>, which environment runs each and, given results
files (of eval or score, --out), each version's newest scores.

Options:
  --results FILE       a results JSON; repeat for several (the newest run of a version wins)
  --project DIR        the project folder (default: the current folder, searched upwards)
  --format FORMAT      table | json (default: table)
  -h, --help           show this help
`;
async function versionsCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            results: { type: "string", multiple: true },
            project: { type: "string" },
            format: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(VERSIONS_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const [prompt, ...extra] = positionals;
    if (!prompt || extra.length)
        throw new errors/* UserError */.yo("versions takes one prompt", {}, "e.g. agentops versions summarize");
    const format = (0,provider_flags/* oneOf */.yL)(values.format, ["table", "json"], "--format") ?? "table";
    const project = await (0,config_project/* openProject */.U8)((0,external_node_path_.resolve)(io.cwd, values.project ?? "."));
    const versions = await (0,pin_version/* promptVersions */.g)(project, prompt);
    const environments = {};
    for (const [env, pins] of Object.entries(project.config.environments ?? {}))
        environments[env] = Object.fromEntries(Object.entries(pins).map(([k, v]) => [k, (0,schema/* parseVersionRef */.PL)(v)]));
    const results = [];
    for (const f of values.results ?? []) {
        const path = (0,external_node_path_.resolve)(io.cwd, f);
        results.push({
            file: (0,external_node_path_.relative)(io.cwd, path),
            results: parseResults(await (0,files/* readUserFile */.E1)(path, files/* MAX_EVAL_SET_BYTES */.nU), f),
        });
    }
    const rows = versionRows(prompt, [...versions.keys()], environments, results);
    io.stdout(format === "json"
        ? JSON.stringify({ prompt, versions: rows }, null, 2) + "\n"
        : renderVersions(prompt, rows));
    return cli_io/* EXIT */.d.ok;
}
/** A results JSON of eval or score; anything else is the user's mistake, named. */
function parseResults(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* UserError */.yo(`is not JSON (${e instanceof Error ? e.message : String(e)})`, { file }, "pass a results file written by --out");
    }
    if (typeof value !== "object" ||
        value === null ||
        value.kind !== "eval" ||
        !Array.isArray(value.runs))
        throw new errors/* UserError */.yo("is not a results JSON of eval or score", { file, field: "kind" }, "pass a file written by agentops eval --out or agentops score --out");
    return value;
}


/***/ }),

/***/ 2527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ escapeBlock),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   kq: () => (/* binding */ escapeCell)
/* harmony export */ });
/* unused harmony exports defuseCommands, PRE_WIDTH, wrapLines */
/**
 * Model output and PR text end up in markdown that GitHub renders. These
 * helpers make such text inert: no table breaks, no HTML, no mentions or
 * issue links that notify people, no workflow commands in logs.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/**
 * A report line that began with "/agentops" would read as a command (it did to
 * the command parser once). A zero-width space after the slash, wherever such
 * text starts a line, keeps it readable and never a command; mid-line it stays
 * as written, so a hint a reader copies still works. Run after invisible
 * characters are stripped, so "/\u202Aagentops" cannot become a command.
 */
const COMMAND_AT_LINE_START = /^(\s*)\/(?=agentops)/gim;
function defuseCommands(text) {
    return text.replace(COMMAND_AT_LINE_START, "$1/\u200B");
}
/** For text inside a markdown table cell or a heading: one line, no markup. */
function escapeInline(text, maxLength = 200) {
    let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, "")).replace(/\s*\r?\n\s*/g, " \u23ce ");
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}\u2026`;
    return s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/([\\`*_[\]|~!])/g, "\\$1")
        .replace(/@(?=[A-Za-z0-9])/g, "@\u200B")
        .replace(/#(?=\d)/g, "#\u200B")
        .replace(/^::/, ":\u200B:");
}
const BLOCK_ENTITY = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "@": "@&#8203;",
    "#": "#&#8203;",
    "::": ":&#8203;:",
};
/**
 * Text inside a code span: markdown escapes and entities show literally there
 * (`a\\_b`, `&amp;amp;`), so the text goes in as it is and the fence is one backtick
 * longer than the longest run of backticks in it. In a table cell `|` still ends the
 * cell even inside a code span; GFM takes `\\|` there and shows a bare `|`, so only
 * `table` cells get that one escape. Mentions and issue references are not linked
 * inside code, and the span starts mid-line, so no workflow command can start it.
 */
function codeSpan(text, opts = {}) {
    const maxLength = opts.maxLength ?? 200;
    let s = text
        .replace(BIDI, "")
        .replace(CONTROL, "")
        .replace(/\s*\r?\n\s*/g, " \u23ce ");
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}\u2026`;
    if (s.trim() === "")
        return "(empty)";
    if (opts.table)
        s = s.replace(/\|/g, "\\|");
    const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    // CommonMark strips one space from each end when both have one, and a backtick at an end would join the fence.
    const pad = /^`|`$/.test(s) || (s.startsWith(" ") && s.endsWith(" ")) ? " " : "";
    return `${fence}${pad}${s}${pad}${fence}`;
}
/** A <pre> line longer than this runs past GitHub's 780 px comment column (monospace at 85%, with padding). */
const PRE_WIDTH = 84;
/**
 * Lines longer than `width` broken at a space where one is near the end (else mid-word),
 * each continuation indented and marked "\u21aa", so a <pre> block never scrolls sideways
 * (GitHub's sanitizer drops the style a wrapping <pre> would need).
 */
function wrapLines(text, width = PRE_WIDTH) {
    const out = [];
    for (const line of text.split("\n")) {
        let rest = Array.from(line);
        let prefix = "";
        while (prefix.length + rest.length > width) {
            const room = width - prefix.length;
            const space = rest.lastIndexOf(" ", room);
            const cut = space > room / 2 ? space + 1 : room;
            out.push(prefix + rest.slice(0, cut).join("").trimEnd());
            rest = rest.slice(cut);
            prefix = "  \u21aa ";
        }
        out.push(prefix + rest.join(""));
    }
    return out.join("\n");
}
/**
 * For multi-line text shown verbatim (model outputs): an HTML <pre> block with
 * entities escaped, so backticks or fences inside the text cannot break out, and
 * lines wrapped to the comment's width (wrapLines).
 */
function escapeBlock(text, maxLength = 2000, width = PRE_WIDTH) {
    let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, ""));
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}\u2026`;
    s = wrapLines(s, width);
    // One pass: chained replaces would rewrite the entities earlier ones insert
    // ("@" \u2192 "@&#8203;", whose "#8" the issue-link rule then breaks into "&#&#8203;8203;").
    const body = s.replace(/[&<>]|@(?=[A-Za-z0-9])|#(?=\d)|^::/gm, (m) => BLOCK_ENTITY[m] ?? m);
    return `<pre>${body}</pre>`;
}
/**
 * For text inside an HTML table cell (side-by-side examples): entities escaped as in
 * escapeBlock, newlines as <br> so long lines wrap and the HTML block has no blank
 * line (which would end it and let markdown in), leading spaces kept as &nbsp;.
 */
function escapeCell(text, maxLength = 1000) {
    let s = defuseCommands(text.replace(BIDI, "").replace(CONTROL, ""));
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}\u2026`;
    return s
        .split(/\r?\n/)
        .map((line) => line
        .replace(/[&<>]|@(?=[A-Za-z0-9])|#(?=\d)|^::/g, (m) => BLOCK_ENTITY[m] ?? m)
        .replace(/^ +/, (sp) => "&nbsp;".repeat(sp.length))
        .replace(/\t/g, "&nbsp;&nbsp;"))
        .join("<br>");
}


/***/ }),

/***/ 735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn\u2019t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > \ud83d\udc49 **Note**: please don\u2019t use this: it could create fragile structures
 *   > that aren\u2019t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > \ud83d\udc49 **Note**: please don\u2019t use this: it could create fragile structures
 *   > that aren\u2019t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its \u201cvisible\u201d size;
 *   note that what is and isn\u2019t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['\u4e2d\u6587', 'Charlie'],
 *     ['\ud83d\udc69\u200d\u2764\ufe0f\u200d\ud83d\udc69', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | \u4e2d\u6587 | Charlie |
 *   | \ud83d\udc69\u200d\u2764\ufe0f\u200d\ud83d\udc69 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['\u4e2d\u6587', 'Charlie'],
 *       ['\ud83d\udc69\u200d\u2764\ufe0f\u200d\ud83d\udc69', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | \u4e2d\u6587  | Charlie |
 *   | \ud83d\udc69\u200d\u2764\ufe0f\u200d\ud83d\udc69    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don\u2019t align delimiters, but otherwise we\u2019d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don\u2019t add the opening space if we\u2019re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}


/***/ })

};
