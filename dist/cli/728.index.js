export const id = 728;
export const ids = [728];
export const modules = {

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

/***/ 728:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SCORE_HELP: () => (/* binding */ SCORE_HELP),
  criteriaList: () => (/* binding */ criteriaList),
  scoreCommand: () => (/* binding */ scoreCommand),
  scoreTraces: () => (/* binding */ scoreTraces)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/compare/compare.js + 6 modules
var compare = __webpack_require__(4369);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/engine/eval-gate.js
var eval_gate = __webpack_require__(3924);
// EXTERNAL MODULE: ./lib/engine/evaluate.js + 17 modules
var evaluate = __webpack_require__(4029);
// EXTERNAL MODULE: ./lib/engine/scorers/model-criteria.js + 1 modules
var model_criteria = __webpack_require__(8902);
// EXTERNAL MODULE: ./lib/lifecycle/feedback.js
var feedback = __webpack_require__(5273);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
// EXTERNAL MODULE: ./lib/engine/sample.js
var engine_sample = __webpack_require__(3358);
;// CONCATENATED MODULE: ./lib/lifecycle/score-traces.js




/**
 * What a criterion needs from every trace beyond its input and output, or
 * undefined when the answer alone is enough. Production traffic carries no
 * `expected` and no expected tool calls, and may not log latency or usage.
 */
function missingNeed(c, traces) {
    const lacking = (field, has) => {
        const trace = traces.find((t) => !has(t));
        return trace ? { trace, field } : undefined;
    };
    if (c.type === "equals" || c.type === "similarity")
        return lacking("expected", (t) => t.expected !== undefined);
    if (c.type === "llm_judge" && (0,schema/* judgePresetOf */.OZ)(c) === "correctness")
        return lacking("expected", (t) => t.expected !== undefined);
    if (c.type === "llm_judge" && (0,schema/* judgePresetOf */.OZ)(c) === "faithfulness" && c.context) {
        const field = c.context;
        return lacking(`input.${field}`, (t) => Object.hasOwn(t.input, field));
    }
    if (c.type === "tool_call" && c.calls === undefined)
        return lacking("expected_tool_calls", () => false);
    if (c.type === "latency")
        return lacking("latency_ms", (t) => t.latency_ms !== undefined);
    if (c.type === "cost")
        return lacking("usage", (t) => t.usage !== undefined);
    return undefined;
}
/**
 * What scoring traces evaluates: the prompt version's criteria over an "eval set"
 * made of the traces. The template is replaced by a constant, so a trace need
 * not carry the template's variables (its answer is already there); the judges
 * still see the trace's input, expected and output.
 *
 * A criterion the traces cannot feed (it compares against `expected`, or scores
 * a measurement the traces did not log) is skipped and named, so the others
 * still run; `chosen` (--criteria) picks criteria by name, and a chosen one the
 * traces cannot feed is an error naming the first trace that lacks the field.
 */
function scoringSuite(prompt, traces, file, sample, chosen) {
    const { items, sampled } = (0,engine_sample/* sampleById */.H)(traces, sample);
    const all = prompt.data.eval_criteria;
    if (chosen) {
        const unknown = chosen.find((n) => !all.some((c) => c.name === n));
        if (unknown !== undefined)
            throw new errors/* UserError */.yo(`--criteria names "${unknown}", which ${prompt.file} does not define`, { file: prompt.file, field: "eval_criteria" }, `choose from: ${all.map((c) => c.name).join(", ")}`);
    }
    const skipped = [];
    const kept = [];
    for (const c of all) {
        if (chosen && !chosen.includes(c.name)) {
            skipped.push({ criterion: c.name, type: c.type, reason: "not chosen by --criteria" });
            continue;
        }
        const missing = missingNeed(c, items);
        if (!missing) {
            kept.push(c);
            continue;
        }
        if (chosen)
            throw new errors/* UserError */.yo(`trace "${missing.trace.id}" has no ${missing.field}, which criterion "${c.name}" (${c.type}) scores`, { file, line: missing.trace.line, field: missing.field }, `log ${missing.field} with every trace, or leave "${c.name}" out of --criteria`);
        const having = items.filter((t) => !missingNeed(c, [t])).length;
        skipped.push({
            criterion: c.name,
            type: c.type,
            reason: `needs ${missing.field}, which ${items.length - having} of ${items.length} traces lack (first: "${missing.trace.id}", line ${missing.trace.line})`,
        });
    }
    if (kept.length === 0)
        throw new errors/* UserError */.yo(`no criterion of ${prompt.file} can score these traces: ${skipped.map((s) => `${s.criterion} (${s.reason})`).join("; ")}`, { file, field: "expected" }, "log the fields those criteria need with every trace, or add a reference-free criterion (e.g. llm_judge, regex, json_schema)");
    const data = { ...prompt.data, template: "(a logged production answer)", repeats: 1, eval_criteria: kept };
    delete data.system;
    const scoring = { ...prompt, data };
    const evalSet = {
        file,
        examples: items.map((t) => ({
            id: t.id,
            line: t.line,
            input: t.input,
            ...(t.expected !== undefined ? { expected: t.expected } : {}),
            ...(t.tags ? { tags: t.tags } : {}),
            ...(t.metadata ? { metadata: t.metadata } : {}),
        })),
    };
    (0,load/* checkEvalSetFitsPrompt */.ZK)(scoring, evalSet);
    return { prompt: scoring, evalSet, skipped, ...(sampled ? { sampled } : {}) };
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/format.js
var format = __webpack_require__(7703);
;// CONCATENATED MODULE: ./lib/lifecycle/trace-report.js



/** Disagreements shown in the text and markdown; the results JSON holds all of them. */
const SHOWN = 10;
const verdict = (passed) => (passed ? "pass" : "fail");
function humanSays(d) {
    const parts = [
        ...(d.human.thumbs ? [d.human.thumbs === "up" ? "\ud83d\udc4d thumbs up" : "\ud83d\udc4e thumbs down"] : []),
        ...(d.human.rating !== undefined ? [`rating ${d.human.rating}`] : []),
    ];
    return `${verdict(d.human.passed)} (${parts.join(", ")})`;
}
const kappaText = (k) => k === null ? "\u03ba undefined: one class only" : `Cohen's \u03ba ${k.toFixed(2)}`;
function renderTraceScoringText(t) {
    const lines = [];
    for (const s of t.skipped_criteria)
        lines.push(`skipped ${s.criterion} (${s.type}): ${s.reason}`);
    for (const a of t.feedback_agreement) {
        lines.push(`${a.criterion}: the judge agrees with the human feedback on ${(0,format/* pct */.Oe)(a.agreement)} of ${(0,format/* int */.Wh)(a.n)} traces (${kappaText(a.kappa)})`);
        for (const d of a.disagreements.slice(0, SHOWN))
            lines.push(`  ${d.id} (line ${d.line}): judge ${verdict(d.judge.passed)} (score ${d.judge.score.toFixed(2)}), human ${humanSays(d)}${d.human.comment ? ` \u2014 ${JSON.stringify(d.human.comment.slice(0, 120))}` : ""}`);
        if (a.disagreements.length > SHOWN)
            lines.push(`  \u2026and ${a.disagreements.length - SHOWN} more in the results JSON (trace_scoring)`);
    }
    if (t.with_feedback > 0 && t.feedback_agreement.length === 0)
        lines.push(`${(0,format/* int */.Wh)(t.with_feedback)} traces carry feedback, but no llm_judge criterion ran to compare with it`);
    return lines.length ? `\n${lines.join("\n")}\n` : "";
}
function renderTraceScoringMarkdown(t) {
    const parts = [];
    if (t.skipped_criteria.length) {
        parts.push("### Criteria not run on these traces", "", (0,markdown_table/* markdownTable */.Q)([
            ["criterion", "type", "why"],
            ...t.skipped_criteria.map((s) => [(0,report_escape/* escapeInline */.VV)(s.criterion), s.type, (0,report_escape/* escapeInline */.VV)(s.reason)]),
        ]), "");
    }
    if (t.feedback_agreement.length) {
        parts.push("### Judges against the human feedback", "");
        for (const a of t.feedback_agreement) {
            parts.push(`**${(0,report_escape/* escapeInline */.VV)(a.criterion)}**: agrees on ${(0,format/* pct */.Oe)(a.agreement)} of ${(0,format/* int */.Wh)(a.n)} traces (${kappaText(a.kappa)})`, "");
            if (a.disagreements.length)
                parts.push((0,markdown_table/* markdownTable */.Q)([
                    ["trace", "judge", "human", "comment"],
                    ...a.disagreements
                        .slice(0, SHOWN)
                        .map((d) => [
                        (0,report_escape/* escapeInline */.VV)(d.id),
                        `${verdict(d.judge.passed)} (${d.judge.score.toFixed(2)})`,
                        (0,report_escape/* escapeInline */.VV)(humanSays(d)),
                        (0,report_escape/* escapeInline */.VV)(d.human.comment ?? "", 200),
                    ]),
                ]), "");
            if (a.disagreements.length > SHOWN)
                parts.push(`\u2026and ${a.disagreements.length - SHOWN} more in the results JSON (trace_scoring).`, "");
        }
    }
    return parts.length ? `\n${parts.join("\n")}` : "";
}

// EXTERNAL MODULE: ./lib/engine/providers/types.js
var types = __webpack_require__(9434);
;// CONCATENATED MODULE: ./lib/lifecycle/trace-provider.js

/**
 * A provider whose chat answers are the logged outputs, looked up by example id:
 * scoring traces never calls the model under test. Moderation and embeddings
 * (criteria that need them) go to `models`. A logged answer counts as cached:
 * this run paid nothing for it.
 */
function traceProvider(traces, models, usesModels = true) {
    const byId = new Map(traces.map((t) => [t.id, t]));
    return {
        id: usesModels ? `traces+${models.id}` : "traces",
        complete(_request, options = {}) {
            const trace = options.exampleId === undefined ? undefined : byId.get(options.exampleId);
            if (!trace)
                return Promise.reject(new types/* ProviderError */.m(`no logged trace for example "${options.exampleId ?? "?"}"`, {
                    kind: "internal",
                }));
            return Promise.resolve({
                text: trace.output,
                usage: trace.usage ?? { prompt_tokens: 0, completion_tokens: 0 },
                latencyMs: trace.latency_ms ?? 0,
                cached: true,
            });
        },
        ...(models.moderate ? { moderate: models.moderate.bind(models) } : {}),
        ...(models.embed ? { embed: models.embed.bind(models) } : {}),
    };
}

// EXTERNAL MODULE: ./lib/lifecycle/traces.js
var lifecycle_traces = __webpack_require__(7352);
// EXTERNAL MODULE: ./lib/report/progress.js
var progress = __webpack_require__(7751);
// EXTERNAL MODULE: ./lib/report/eval-report.js + 1 modules
var eval_report = __webpack_require__(1541);
// EXTERNAL MODULE: ./lib/report/results.js
var report_results = __webpack_require__(8372);
// EXTERNAL MODULE: ./lib/secrets.js
var secrets = __webpack_require__(150);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/pin-version.js + 2 modules
var pin_version = __webpack_require__(894);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
;// CONCATENATED MODULE: ./lib/cli/score-command.js























const SCORE_HELP = `Usage: agentops score <traces.jsonl> --prompt <name> [options]

Scores logged production traces with a prompt version's criteria, without
calling the model under test: each trace's logged output is the answer. Judges,
moderation and embeddings (llm_judge, safety, similarity by embedding) still
call their models, within the budgets. A line is {id?, input, output, tags?,
metadata?, timestamp?, expected?, latency_ms?, usage?, feedback?} or an OpenAI
chat-completion log record (messages and choices, or request/response); see
the README, "After the merge". feedback is {thumbs: up|down, rating: 1-5,
comment}: each llm_judge criterion's agreement with it (Cohen's kappa and the
traces they disagree on) is reported. A criterion the traces cannot feed (it
compares against expected, or scores latency_ms/usage they did not log) is
skipped and named; the others run.

Options:
  --prompt NAME        the prompt whose criteria score the traces
  --version N          that version's criteria (default: the one active in --env)
  --env NAME           environment whose active version to use (default: production)
  --criteria A,B       score only these criteria (an error if the traces cannot feed one)
  --sample N           score a deterministic sample of N traces (by sha256 of the id)
  --project DIR        the project folder (default: the current folder, searched upwards)
${provider_flags/* providerOptions */.AA}
  --threshold X        also fail when the mean overall score is below X (0..1)
  --out FILE           write the results JSON (eval's shape, plus trace_scoring) to FILE
  --format FORMAT      table | json | markdown (default: table)
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes as for eval: 0 every threshold met, 1 a criterion below its threshold,
2 bad input or usage, 3 incomplete, 4 internal error.
`;
const FORMATS = ["table", "json", "markdown"];
/** Scores a traces file; shared with drift, which scores raw traces on the way. */
async function scoreTraces(opts, io, preparsed) {
    const rel = (p) => (0,external_node_path_.relative)(io.cwd, p) || ".";
    const tracesPath = (0,external_node_path_.resolve)(io.cwd, opts.tracesFile);
    const traces = preparsed ?? (0,lifecycle_traces/* parseTraces */.m)(await (0,files/* readUserFile */.E1)(tracesPath, files/* MAX_EVAL_SET_BYTES */.nU), opts.tracesFile);
    const opened = await (0,config_project/* openProject */.U8)((0,external_node_path_.resolve)(io.cwd, opts.project ?? "."));
    await (0,pin_version/* promptVersions */.g)(opened, opts.prompt); // an unknown prompt is an error naming the known ones
    const { project, targets } = await (0,config_project/* resolveTargets */.h5)((0,external_node_path_.join)(opened.promptsDir, opts.prompt), {
        ...(opts.version !== undefined ? { version: opts.version } : {}),
        ...(opts.environment ? { environment: opts.environment } : {}),
    });
    const target = targets[0];
    if (!target)
        throw new Error(`no version of ${opts.prompt} to score`);
    const loaded = await (0,evaluate/* loadTarget */.K)(project, target);
    const suite = scoringSuite(loaded.prompt, traces, rel(tracesPath), opts.sample, opts.criteria);
    const signal = (0,provider_flags/* runSignal */.KF)(opts.flags, io);
    // Rule criteria alone call nothing: no provider needs configuring for them (mock is never asked).
    const needsModels = suite.prompt.data.eval_criteria.some((c) => c.type === "llm_judge" || (0,model_criteria/* isModelCriterion */.NY)(c));
    const flags = needsModels || opts.flags.provider || project.config.provider || io.env.OPENAI_API_KEY
        ? opts.flags
        : { ...opts.flags, provider: "mock" };
    const setup = await (0,provider_flags/* makeRunSetup */.vp)(project, flags, io);
    const now = io.now ?? Date.now;
    const startedAt = new Date(now());
    const label = `${target.name} v${target.version} on ${rel(tracesPath)}`;
    const run = await (0,evaluate/* evaluatePrompt */.eo)(suite.prompt, suite.evalSet, {
        name: target.name,
        reason: `scoring traces (${target.reason})`,
        file: rel(loaded.prompt.file),
        evalSetFile: rel(tracesPath),
    }, {
        ...setup.run,
        provider: traceProvider(traces, setup.run.provider, needsModels),
        ...(signal ? { signal } : {}),
        ...(opts.quiet ? {} : { onProgress: (0,progress/* progressPrinter */._)(label, (s) => io.stderr(`${s}\n`), now) }),
    });
    // --sample cut the traces before the run saw them; say so as max_examples would.
    const sampled = run.sampled ?? suite.sampled;
    const evalResults = (0,report_results/* buildEvalResults */.pA)({
        version: version/* VERSION */.x,
        provider: needsModels ? `traces+${setup.run.provider.id}` : "traces",
        startedAt,
        finishedAt: new Date(now()),
        runs: [{ ...run, ...(sampled ? { sampled } : {}) }],
        failed: [],
        secrets: (0,secrets/* secretsFromEnv */.zr)(io.env),
    });
    const judges = suite.prompt.data.eval_criteria.flatMap((c) => (c.type === "llm_judge" ? [c.name] : []));
    const scored = new Set(suite.evalSet.examples.map((e) => e.id));
    const inRun = traces.filter((t) => scored.has(t.id));
    // Feedback comments are production text: masked like the rest of the results.
    const results = {
        ...evalResults,
        trace_scoring: (0,secrets/* scrubDeep */.wE)({
            traces_file: rel(tracesPath),
            traces: inRun.length,
            with_feedback: inRun.filter((t) => (0,feedback/* humanPass */.b)(t.feedback) !== undefined).length,
            skipped_criteria: suite.skipped,
            feedback_agreement: (0,feedback/* feedbackAgreement */.K)(judges, run.examples, inRun),
        }, (0,secrets/* secretsFromEnv */.zr)(io.env)),
    };
    return { results, maxErrorRate: project.config.thresholds?.max_error_rate ?? compare/* DEFAULT_GATE */.sV.maxErrorRate };
}
async function scoreCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            prompt: { type: "string" },
            version: { type: "string" },
            env: { type: "string" },
            sample: { type: "string" },
            criteria: { type: "string" },
            project: { type: "string" },
            ...provider_flags/* RUN_FLAG_SPECS */.SB,
            threshold: { type: "string" },
            out: { type: "string" },
            format: { type: "string" },
            quiet: { type: "boolean", short: "q" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(SCORE_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const [tracesFile, ...extra] = positionals;
    if (!tracesFile || extra.length)
        throw new errors/* UserError */.yo("score takes exactly one traces file", {}, "run: agentops score --help");
    if (!values.prompt)
        throw new errors/* UserError */.yo("score needs --prompt", {}, "e.g. --prompt summarize");
    const format = (0,provider_flags/* oneOf */.yL)(values.format, FORMATS, "--format") ?? "table";
    const threshold = fraction(values.threshold, "--threshold");
    const version = (0,provider_flags/* positiveInt */.NJ)(values.version, "--version");
    const sample = (0,provider_flags/* positiveInt */.NJ)(values.sample, "--sample");
    const criteria = criteriaList(values.criteria);
    const { results, maxErrorRate } = await scoreTraces({
        tracesFile,
        prompt: values.prompt,
        ...(version !== undefined ? { version } : {}),
        ...(values.env ? { environment: values.env } : {}),
        ...(sample !== undefined ? { sample } : {}),
        ...(criteria ? { criteria } : {}),
        ...(values.project ? { project: values.project } : {}),
        ...(values.quiet ? { quiet: true } : {}),
        flags: (0,provider_flags/* runFlags */.lM)(values),
    }, io);
    if (values.out) {
        const out = (0,external_node_path_.resolve)(io.cwd, values.out);
        await (0,promises_.writeFile)(out, JSON.stringify(results, null, 2) + "\n");
        if (!values.quiet)
            io.stderr(`results written to ${(0,external_node_path_.relative)(io.cwd, out)}\n`);
    }
    if (format === "json")
        io.stdout(JSON.stringify(results, null, 2) + "\n");
    else if (format === "markdown")
        io.stdout((0,eval_report/* renderEvalMarkdown */.s)(results) +
            (results.trace_scoring ? renderTraceScoringMarkdown(results.trace_scoring) : ""));
    else
        io.stdout((0,eval_report/* renderEvalText */.c)(results) + (results.trace_scoring ? renderTraceScoringText(results.trace_scoring) : ""));
    const gate = (0,eval_gate/* decideEval */.v)(results, { ...(threshold !== undefined ? { threshold } : {}), maxErrorRate });
    for (const reason of gate.reasons)
        io.stderr(`${gate.outcome === "fail" ? "failed" : "incomplete"}: ${reason}\n`);
    return gate.outcome === "fail"
        ? cli_io/* EXIT */.d.regression
        : gate.outcome === "incomplete"
            ? cli_io/* EXIT */.d.inconclusive
            : cli_io/* EXIT */.d.ok;
}
function fraction(value, flag) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
        throw new errors/* UserError */.yo(`${flag} takes a number from 0 to 1, got "${value}"`, {}, `e.g. ${flag} 0.85`);
    return n;
}
/** --criteria a,b: names, trimmed, none empty. */
function criteriaList(value) {
    if (value === undefined)
        return undefined;
    const names = value.split(",").map((n) => n.trim());
    if (names.some((n) => n === ""))
        throw new errors/* UserError */.yo(`--criteria takes names separated by commas, got "${value}"`, {}, "e.g. --criteria tone,format");
    return [...new Set(names)];
}


/***/ }),

/***/ 3924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ decideEval)
/* harmony export */ });
/* unused harmony export failedMustPass */
/* harmony import */ var _compare_error_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8499);

/**
 * A run's must_pass examples that failed a criterion in any repeat, or whose request was refused
 * (a deterministic error: the same request fails again). Transient errors are outages, not failures.
 */
function failedMustPass(run) {
    const ids = new Set(run.must_pass ?? []);
    const failed = new Set();
    for (const r of run.examples) {
        if (!ids.has(r.id))
            continue;
        const refused = r.status === "error" && (0,_compare_error_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyError */ .f)(r.error?.kind) === "deterministic";
        if (refused || (r.status === "ok" && Object.values(r.criteria).some((v) => !v.passed)))
            failed.add(r.id);
    }
    return [...ids].filter((id) => failed.has(id));
}
/**
 * `agentops eval` as a CI gate: it fails when a criterion misses its threshold
 * or a prompt's mean score is below `--threshold`; it is incomplete (never a
 * pass) when the run could not measure: stopped early, a prompt not run, or
 * more errored examples than `maxErrorRate` allows.
 */
function decideEval(results, opts) {
    const incomplete = [];
    const failed = [];
    for (const f of results.failed)
        incomplete.push(`${f.prompt} could not be run: ${f.reason}`);
    for (const run of results.runs) {
        const label = `${run.prompt} v${run.version}`;
        if (run.stopped)
            incomplete.push(`${label} stopped early: ${run.stopped.reason}`);
        const s = run.summary;
        const errorRate = s.examples > 0 ? (s.errors + s.skipped) / s.examples : 0;
        if (errorRate > opts.maxErrorRate)
            incomplete.push(`${label}: ${(errorRate * 100).toFixed(0)}% of examples errored or were skipped (limit ${(opts.maxErrorRate * 100).toFixed(0)}%)`);
        if (s.ok === 0)
            incomplete.push(`${label}: no example could be scored`);
        for (const c of run.criteria)
            if (c.threshold !== undefined && c.threshold_met === false)
                failed.push(`${label}: ${c.name} is below its threshold of ${(c.threshold * 100).toFixed(0)}%`);
        for (const id of failedMustPass(run))
            failed.push(`${label}: must-pass example ${id} failed`);
        if (opts.threshold !== undefined && s.ok > 0 && s.mean_score < opts.threshold)
            failed.push(`${label}: mean score ${s.mean_score.toFixed(3)} is below --threshold ${opts.threshold.toString()}`);
    }
    // Could-not-measure wins: what was scored may not be representative (a failed must-pass example
    // is listed too, and still makes the exit code non-zero).
    if (incomplete.length > 0)
        return { outcome: "incomplete", reasons: [...incomplete, ...failed] };
    if (failed.length > 0)
        return { outcome: "fail", reasons: failed };
    return { outcome: "pass", reasons: [] };
}


/***/ }),

/***/ 5273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ feedbackAgreement),
/* harmony export */   b: () => (/* binding */ humanPass)
/* harmony export */ });
/* harmony import */ var _engine_aggregate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2761);

/**
 * A person's feedback as pass/fail, by the rule `labels` already uses: thumbs
 * up passes and down fails; without a thumbs, a rating of 4 or 5 passes and 1\u20133
 * fails; a comment alone is no verdict.
 */
function humanPass(f) {
    if (!f)
        return undefined;
    if (f.thumbs !== undefined)
        return f.thumbs === "up";
    if (f.rating !== undefined)
        return f.rating >= 4;
    return undefined;
}
/**
 * Each judge's agreement with the traces' feedback. A trace counts once: its
 * first scored answer (scoring traces runs no repeats). Judges without any
 * trace carrying feedback are left out.
 */
function feedbackAgreement(judges, results, traces) {
    const byId = new Map(traces.map((t) => [t.id, t]));
    const firstOk = new Map();
    for (const r of results)
        if (r.status === "ok" && !firstOk.has(r.id))
            firstOk.set(r.id, r);
    return judges.flatMap((name) => {
        const pairs = [];
        const disagreements = [];
        for (const [id, r] of firstOk) {
            const trace = byId.get(id);
            const human = humanPass(trace?.feedback);
            const verdict = r.criteria[name];
            if (!trace?.feedback || human === undefined || !verdict)
                continue;
            pairs.push([verdict.passed, human]);
            if (verdict.passed !== human)
                disagreements.push({
                    id,
                    line: trace.line,
                    judge: { passed: verdict.passed, score: verdict.score },
                    human: { ...trace.feedback, passed: human },
                });
        }
        if (pairs.length === 0)
            return [];
        return [
            {
                criterion: name,
                n: pairs.length,
                agreement: pairs.filter(([a, b]) => a === b).length / pairs.length,
                kappa: (0,_engine_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .cohensKappa */ .IG)(pairs),
                disagreements,
            },
        ];
    });
}


/***/ }),

/***/ 7352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseTraces)
/* harmony export */ });
/* unused harmony export toTrace */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2857);
/* harmony import */ var _config_json_lines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4116);
/* harmony import */ var _config_validate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2622);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(452);




const Usage = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    prompt_tokens: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().nonnegative(),
    completion_tokens: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().nonnegative(),
});
/** At least one of thumbs, rating, comment: an empty object is a logging bug worth naming. */
const FeedbackSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    thumbs: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(["up", "down"]).optional(),
    rating: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().min(1).max(5).optional(),
    comment: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().max(10_000).optional(),
})
    .refine((f) => f.thumbs !== undefined || f.rating !== undefined || f.comment !== undefined, {
    message: "feedback needs thumbs (up|down), rating (1\u20135) or comment",
});
const id = zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(200), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int()]).transform(String);
/** The plain form: {id?, input, output, tags?, metadata?, timestamp?} and a few optional measurements. */
const PlainTrace = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    id: id.optional(),
    input: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()]),
    output: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()), zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J())]),
    expected: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J().optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()).optional(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()).optional(),
    timestamp: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    latency_ms: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().nonnegative().optional(),
    usage: Usage.optional(),
    feedback: FeedbackSchema.optional(),
});
const Content = zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    zod__WEBPACK_IMPORTED_MODULE_3__/* ["null"] */ .chJ(),
    zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ type: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), text: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional() })),
]);
const Message = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    role: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    content: Content.optional(),
    tool_calls: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()).optional(),
});
const Choices = zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ message: Message })).min(1);
const Completion = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    created: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().optional(),
    choices: Choices,
    usage: Usage.optional(),
});
/** An OpenAI chat-completion log record: the request's messages, and the response's choices. */
const ChatLogTrace = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    id: id.optional(),
    created: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().optional(),
    messages: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(Message).optional(),
    request: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ messages: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(Message) }).optional(),
    choices: Choices.optional(),
    response: Completion.optional(),
    usage: Usage.optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()).optional(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()).optional(),
    timestamp: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    latency_ms: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().nonnegative().optional(),
    feedback: FeedbackSchema.optional(),
});
function text(content) {
    if (typeof content === "string")
        return content;
    if (!content)
        return "";
    return content.flatMap((p) => (p.type === "text" && p.text !== undefined ? [p.text] : [])).join("");
}
const isChatLog = (v) => !("output" in v) && ("messages" in v || "request" in v || "choices" in v || "response" in v);
/** One line's value as a trace; `fallbackId` names a line without an id. */
function toTrace(value, file, line) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo("a trace must be a JSON object", { file, line }, 'e.g. {"input": {...}, "output": "..."}');
    const raw = value;
    const at = () => line;
    const fallbackId = `line-${line}`;
    if (!isChatLog(raw)) {
        const t = (0,_config_validate_js__WEBPACK_IMPORTED_MODULE_1__/* .validateOrThrow */ .A)(PlainTrace, raw, file, at, "trace");
        return {
            id: t.id ?? fallbackId,
            line,
            input: typeof t.input === "string" ? { input: t.input } : t.input,
            output: typeof t.output === "string" ? t.output : JSON.stringify(t.output),
            ...(t.expected !== undefined ? { expected: t.expected } : {}),
            ...(t.tags ? { tags: t.tags } : {}),
            ...(t.metadata ? { metadata: t.metadata } : {}),
            ...(t.timestamp !== undefined ? { timestamp: t.timestamp } : {}),
            ...(t.latency_ms !== undefined ? { latency_ms: t.latency_ms } : {}),
            ...(t.usage ? { usage: t.usage } : {}),
            ...(t.feedback ? { feedback: feedbackOf(t.feedback) } : {}),
        };
    }
    const t = (0,_config_validate_js__WEBPACK_IMPORTED_MODULE_1__/* .validateOrThrow */ .A)(ChatLogTrace, raw, file, at, "chat-completion log record");
    const messages = t.messages ?? t.request?.messages;
    const choice = (t.choices ?? t.response?.choices)?.[0];
    if (!messages || !choice)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo("a chat-completion log record needs the request's messages and the response's choices", { file, line, field: messages ? "choices" : "messages" }, "give messages (or request.messages) and choices (or response.choices)");
    const answer = choice.message;
    const output = answer.content === null && answer.tool_calls ? JSON.stringify(answer.tool_calls) : text(answer.content);
    const created = t.created ?? t.response?.created;
    const usage = t.usage ?? t.response?.usage;
    return {
        id: t.id ?? t.response?.id ?? fallbackId,
        line,
        input: { messages: messages.map((m) => ({ role: m.role, content: text(m.content) })) },
        output,
        ...(t.tags ? { tags: t.tags } : {}),
        ...(t.metadata ? { metadata: t.metadata } : {}),
        ...(t.timestamp !== undefined
            ? { timestamp: t.timestamp }
            : created !== undefined
                ? { timestamp: new Date(created * 1000).toISOString() }
                : {}),
        ...(t.latency_ms !== undefined ? { latency_ms: t.latency_ms } : {}),
        ...(usage ? { usage } : {}),
        ...(t.feedback ? { feedback: feedbackOf(t.feedback) } : {}),
    };
}
/** Drops the keys zod leaves as undefined (exactOptionalPropertyTypes). */
function feedbackOf(f) {
    return {
        ...(f.thumbs !== undefined ? { thumbs: f.thumbs } : {}),
        ...(f.rating !== undefined ? { rating: f.rating } : {}),
        ...(f.comment !== undefined ? { comment: f.comment } : {}),
    };
}
/** Parses a traces JSONL file: one trace per line, blank lines skipped, ids unique. */
function parseTraces(textOf, file) {
    const traces = [];
    const seen = new Map();
    for (const { value, line } of (0,_config_json_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJsonLines */ .L)(textOf, file, "each line must be one JSON object")) {
        const trace = toTrace(value, file, line);
        const earlier = seen.get(trace.id);
        if (earlier !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`duplicate trace id "${trace.id}" (first used on line ${earlier})`, { file, line, field: "id" }, "give every trace a unique id, or none (then the line number is its id)");
        seen.set(trace.id, line);
        traces.push(trace);
    }
    if (traces.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo("holds no traces", { file }, "one JSON object per line");
    return traces;
}


/***/ }),

/***/ 1541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ renderEvalMarkdown),
  c: () => (/* binding */ renderEvalText)
});

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/report/judges.js
var judges = __webpack_require__(5664);
// EXTERNAL MODULE: ./lib/engine/output-cap.js
var output_cap = __webpack_require__(5168);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/categories.js
var categories = __webpack_require__(2160);
;// CONCATENATED MODULE: ./lib/report/eval-categories.js


/** Failing ids listed per category before "\u2026". */
const IDS_SHOWN = 8;
/** "accuracy: 4 failing examples \u2014 `billing` 2 (tkt-005, tkt-014), `shipping` 2 (\u2026)"; one line per criterion with failures. */
function failingByCategory(b, escape) {
    const criteria = [...new Set(b.rows.map((r) => r.criterion))];
    return criteria.flatMap((criterion) => {
        const rows = b.rows.filter((r) => r.criterion === criterion && r.failing.length > 0);
        if (rows.length === 0)
            return [];
        const ids = new Set(rows.flatMap((r) => r.failing));
        const parts = rows
            .sort((x, y) => y.failing.length - x.failing.length ||
            b.categories.indexOf(x.category) - b.categories.indexOf(y.category))
            .map((r) => {
            const shown = r.failing.slice(0, IDS_SHOWN).join(", ");
            const more = r.failing.length > IDS_SHOWN ? `, \u2026 ${r.failing.length - IDS_SHOWN} more` : "";
            return `${escape(r.category)} ${r.failing.length} (${escape(shown + more)})`;
        });
        return [
            `${escape(criterion)}: ${ids.size} failing example${ids.size === 1 ? "" : "s"} \u2014 ${parts.join("; ")}`,
        ];
    });
}
/** Plain text for a terminal: the table, then failures by category. */
function categoryText(b) {
    if (!b)
        return ["  no example has tags or labels.category: nothing to break down"];
    const table = (0,categories/* categoryTable */.dn)(b, (s) => s)
        .split("\n")
        .map((l) => `  ${l}`);
    const failing = failingByCategory(b, (s) => s).map((l) => `  ${l}`);
    return ["  by category (score %; an example counts in each of its categories):", ...table, ...failing];
}
/** Markdown, folded: the table and failures by category. */
function categoryMarkdown(b) {
    if (!b)
        return [];
    const failing = failingByCategory(b, (s) => (0,report_escape/* escapeInline */.VV)(s, 300)).map((l) => `- ${l}`);
    return [
        `<details><summary>By category (${b.categories.length}): score %</summary>`,
        "",
        (0,categories/* categoryTable */.dn)(b),
        "",
        ...(failing.length > 0 ? [...failing, ""] : []),
        "</details>",
        "",
    ];
}

// EXTERNAL MODULE: ./lib/report/format.js
var format = __webpack_require__(7703);
// EXTERNAL MODULE: ./lib/report/truncated.js
var truncated = __webpack_require__(8448);
// EXTERNAL MODULE: ./lib/report/tool-use.js + 1 modules
var tool_use = __webpack_require__(9410);
;// CONCATENATED MODULE: ./lib/report/eval-report.js








function eval_report_status(c) {
    if (c.n === 0)
        return "no data";
    if (c.threshold_met === undefined)
        return "info";
    return c.threshold_met ? "ok" : "BELOW THRESHOLD";
}
function criteriaTable(run, escape) {
    const rows = run.criteria.map((c) => [
        escape(c.name),
        c.type,
        c.n > 0 ? `${(0,format/* pct */.Oe)(c.pass_rate)} (${c.passed}/${c.n})` : "\u2013",
        c.n > 0 ? (0,format/* pctRange */.X9)(c.pass_rate_ci) : "\u2013",
        c.n > 0 ? (0,format/* score */.fN)(c.mean_score) : "\u2013",
        c.threshold !== undefined ? `\u2265 ${(0,format/* pct */.Oe)(c.threshold, 0)}` : "\u2013",
        eval_report_status(c),
    ]);
    return (0,markdown_table/* markdownTable */.Q)([["criterion", "type", "pass rate", "95% CI", "mean score", "threshold", "status"], ...rows], {
        align: ["l", "l", "r", "r", "r", "r", "l"],
    });
}
function headline(run) {
    const s = run.summary;
    const parts = [
        (0,format/* count */.U9)(s.examples, "example"),
        `${s.errors} errors`,
        ...(s.skipped ? [`${s.skipped} skipped`] : []),
        ...(s.latency_ms ? [`latency p50 ${(0,format.ms)(s.latency_ms.p50)} / p95 ${(0,format.ms)(s.latency_ms.p95)}`] : []),
        `${(0,format/* int */.Wh)(s.tokens.prompt + s.tokens.completion)} tokens`,
        s.cost_usd === null ? "cost unknown (no price for the model)" : `$${s.cost_usd.toFixed(4)}`,
        ...(s.cached ? [`${s.cached} from cache or recording`] : []),
    ];
    return parts.join(" \u00b7 ");
}
/** How far each LLM judge can be trusted: its agreement with the eval set's human labels. */
function judgeAgreement(run) {
    return run.criteria.flatMap((c) => {
        const a = c.judge_agreement;
        if (!a)
            return [];
        const kappa = a.kappa === null ? "\u03ba undefined: one class only" : `Cohen's \u03ba ${a.kappa.toFixed(2)}`;
        return [
            `${c.name}: the judge agrees with the human labels on ${(0,format/* pct */.Oe)(a.agreement)} of ${(0,format/* int */.Wh)(a.n)} examples (${kappa})`,
        ];
    });
}
/** With repeats, how reliably each criterion passes: pass^k beside the mean pass rate. */
function consistency(run) {
    return run.criteria.flatMap((c) => {
        const k = c.pass_all_repeats;
        if (!k)
            return [];
        return [
            `${c.name}: pass^${k.k} ${(0,format/* pct */.Oe)(k.rate)} (${k.passed}/${k.n} examples passed in every repeat, 95% CI ${(0,format/* pctRange */.X9)(k.ci)})`,
        ];
    });
}
function missing(run) {
    const lines = [];
    if (run.sampled)
        lines.push(`sampled ${(0,format/* int */.Wh)(run.sampled.kept)} of ${(0,format/* count */.U9)(run.sampled.of, "example")} (max_examples; ${run.sampled.method})`);
    if (run.stopped)
        lines.push(`stopped early: ${run.stopped.reason}`);
    const kinds = Object.entries(run.summary.error_kinds);
    if (kinds.length)
        lines.push(`errors by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(", ")}`);
    lines.push(...(0,truncated/* truncatedNote */.z)(run.summary, "the"));
    const capped = run.examples.filter((e) => e.output_truncated).length;
    if (capped > 0)
        lines.push(`${capped} answer${capped === 1 ? " is" : "s are"} longer than ${output_cap/* MAX_STORED_OUTPUT_BYTES */.Nt / 1024} KB: scored whole, stored shortened in the results (output_truncated)`);
    const firstError = run.examples.find((e) => e.status === "error");
    if (firstError?.error)
        lines.push(`first error (${firstError.id}): ${firstError.error.message}`);
    return lines;
}
function breakdownOf(results, run) {
    return results.categories?.find((c) => c.prompt === run.prompt && c.version === run.version)?.breakdown;
}
/** Plain-text report for a terminal; `byTag` adds each run's breakdown by category (--by tag). */
function renderEvalText(results, opts = {}) {
    const out = [];
    for (const run of results.runs) {
        out.push(`${run.prompt} v${run.version} \u2014 ${run.reason}`);
        out.push(`  ${run.file} on ${run.eval_set} \u00b7 model ${run.model}`);
        out.push(`  ${headline(run)}`);
        out.push("");
        out.push(criteriaTable(run, (s) => s));
        out.push("");
        const s = run.summary;
        out.push(`  all criteria passed on ${s.passed}/${(0,format/* count */.U9)(s.ok, "example")} (${(0,format/* pct */.Oe)(s.pass_rate)}), mean score ${(0,format/* score */.fN)(s.mean_score)}`);
        for (const line of [
            ...(0,judges/* judgeLines */.L)(run),
            ...judgeAgreement(run),
            ...consistency(run),
            ...missing(run),
            ...(0,tool_use/* toolUseText */.to)(run),
        ])
            out.push(`  ${line}`);
        if (opts.byTag)
            out.push("", ...categoryText(breakdownOf(results, run)));
        out.push("");
    }
    for (const f of results.failed)
        out.push(`${f.prompt}: not evaluated \u2014 ${f.reason}`, "");
    if (!results.complete)
        out.push("The run is incomplete: see above for what is missing.");
    return out.join("\n");
}
/** Markdown report (for a job summary or a file). All user and model text is escaped. */
function renderEvalMarkdown(results) {
    const out = ["## agentops eval", ""];
    for (const run of results.runs) {
        out.push(`### ${(0,report_escape/* escapeInline */.VV)(run.prompt)} v${run.version}`, "");
        out.push(`${(0,report_escape/* escapeInline */.VV)(run.reason)} \u00b7 ${(0,report_escape/* codeSpan */.SS)(run.model)} \u00b7 ${headline(run)}`, "");
        out.push(criteriaTable(run, (s) => (0,report_escape/* escapeInline */.VV)(s)), "");
        const judging = [...(0,judges/* judgeLines */.L)(run), ...judgeAgreement(run), ...consistency(run)];
        for (const line of judging)
            out.push(`- ${(0,report_escape/* escapeInline */.VV)(line, 300)}`);
        if (judging.length > 0)
            out.push("");
        for (const line of missing(run))
            out.push(`> ${(0,report_escape/* escapeInline */.VV)(line, 500)}`, "");
        out.push(...(0,tool_use/* toolUseEvalSection */.hD)(run));
        out.push(...categoryMarkdown(breakdownOf(results, run)));
    }
    for (const f of results.failed)
        out.push(`- **${(0,report_escape/* escapeInline */.VV)(f.prompt)}**: not evaluated \u2014 ${(0,report_escape/* escapeInline */.VV)(f.reason, 500)}`);
    if (!results.complete)
        out.push("", "**The run is incomplete**: some examples or prompts were not evaluated (see above).");
    return out.join("\n") + "\n";
}


/***/ }),

/***/ 8372:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pA: () => (/* binding */ buildEvalResults)
/* harmony export */ });
/* unused harmony exports RESULTS_SCHEMA_VERSION, evalCategories */
/* harmony import */ var _compare_categories_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5171);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(150);


const RESULTS_SCHEMA_VERSION = 1;
/** The category breakdown of every run that has categories. */
function evalCategories(runs) {
    return runs.flatMap((r) => {
        const breakdown = (0,_compare_categories_js__WEBPACK_IMPORTED_MODULE_1__/* .categoryBreakdown */ .w3)(null, r, r.example_categories);
        return breakdown ? [{ prompt: r.prompt, version: r.version, breakdown }] : [];
    });
}
function buildEvalResults(input) {
    const results = {
        schema_version: RESULTS_SCHEMA_VERSION,
        kind: "eval",
        tool: { name: "agentops", version: input.version },
        provider: input.provider,
        started_at: input.startedAt.toISOString(),
        finished_at: input.finishedAt.toISOString(),
        complete: input.failed.length === 0 && input.runs.every((r) => !r.stopped),
        runs: input.runs,
        failed: input.failed,
    };
    const categories = evalCategories(input.runs);
    if (categories.length > 0)
        results.categories = categories;
    // Scrubbed as a value, not as JSON text: JSON would hide a key split by a newline as "\n".
    return (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubDeep */ .wE)(results, input.secrets ?? []);
}


/***/ })

};
