export const id = 318;
export const ids = [318,795];
export const modules = {

/***/ 9318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CURATE_HELP: () => (/* binding */ CURATE_HELP),
  curateCommand: () => (/* binding */ curateCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/engine/evaluate.js + 17 modules
var evaluate = __webpack_require__(4029);
// EXTERNAL MODULE: ./lib/engine/scorers/model-criteria.js + 1 modules
var model_criteria = __webpack_require__(8902);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/engine/scorers/embedder.js
var embedder = __webpack_require__(8682);
// EXTERNAL MODULE: ./lib/lifecycle/feedback.js
var feedback = __webpack_require__(5273);
;// CONCATENATED MODULE: ./lib/lifecycle/curate.js
/**
 * The flywheel: production traces that failed, that a person flagged, or on
 * which a judge and a person disagree become proposed eval examples. Pure but
 * for the embedding call, which is passed in.
 */



const FROM_PRODUCTION = "from-production";
const UNTAGGED = "(untagged)";
/** Lower-cased, whitespace collapsed and trimmed, keys sorted: "Refund?  " and "refund?" are one input. */
function normalizeInput(value) {
    const walk = (v) => {
        if (typeof v === "string")
            return v.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
        if (Array.isArray(v))
            return v.map(walk);
        if (v !== null && typeof v === "object")
            return Object.fromEntries(Object.keys(v)
                .sort()
                .map((k) => [k, walk(v[k])]));
        return v;
    };
    return JSON.stringify(walk(value));
}
/** Every string of an input, joined: what is embedded. */
function inputText(value) {
    if (typeof value === "string")
        return value;
    if (Array.isArray(value))
        return value.map(inputText).filter(Boolean).join("\n");
    if (value !== null && typeof value === "object")
        return Object.values(value).map(inputText).filter(Boolean).join("\n");
    return typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}
/** Why a trace is worth an example: judge/person disagreement first, then flagged, then failing. */
const RANK = { disagreement: 0, flagged: 1, failed: 2 };
/**
 * The traces worth a look, in the order they are taken: by their strongest
 * reason, then by their line. `judges` are the llm_judge criteria whose
 * verdicts are compared with the feedback. Errors are not candidates (nothing
 * was scored).
 */
function candidates(traces, results, judges) {
    const first = new Map();
    for (const r of results)
        if (r.status === "ok" && !first.has(r.id))
            first.set(r.id, r);
    const out = [];
    for (const trace of traces) {
        const r = first.get(trace.id);
        if (!r)
            continue;
        const reasons = [];
        const human = (0,feedback/* humanPass */.b)(trace.feedback);
        for (const name of judges) {
            const v = r.criteria[name];
            if (v && human !== undefined && v.passed !== human)
                reasons.push({ kind: "disagreement", criterion: name, judge: v.passed, human });
        }
        if (human === false)
            reasons.push({
                kind: "flagged",
                ...(trace.feedback?.thumbs ? { thumbs: trace.feedback.thumbs } : {}),
                ...(trace.feedback?.rating !== undefined ? { rating: trace.feedback.rating } : {}),
            });
        const failed = Object.entries(r.criteria)
            .filter(([, v]) => !v.passed)
            .map(([name]) => name);
        if (failed.length)
            reasons.push({ kind: "failed", criteria: failed });
        if (reasons.length === 0)
            continue;
        reasons.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
        out.push({
            trace,
            reasons,
            stratum: trace.tags?.[0] ?? UNTAGGED,
            normalized: normalizeInput(trace.input),
        });
    }
    const rank = (c) => RANK[c.reasons[0]?.kind ?? "failed"];
    return out.sort((a, b) => rank(a) - rank(b) || a.trace.line - b.trace.line);
}
/** Drops candidates whose normalized input equals an eval example's or an earlier candidate's. */
function dedupeByInput(list, examples) {
    const known = new Map(examples.map((e) => [normalizeInput(e.input), e.id]));
    const seen = new Map();
    const kept = [];
    const dropped = [];
    for (const c of list) {
        const example = known.get(c.normalized);
        const earlier = seen.get(c.normalized);
        if (example !== undefined)
            dropped.push({
                trace: c.trace.id,
                line: c.trace.line,
                why: "same input as an eval example",
                of: example,
            });
        else if (earlier !== undefined)
            dropped.push({ trace: c.trace.id, line: c.trace.line, why: "same input as a kept trace", of: earlier });
        else {
            seen.set(c.normalized, c.trace.id);
            kept.push(c);
        }
    }
    return { kept, dropped };
}
/**
 * Drops candidates whose input embedding has cosine \u2265 `threshold` with an eval
 * example's or an earlier kept candidate's (greedy, in the candidates' order).
 * `embed` answers one vector per text, in order.
 */
async function dedupeByEmbedding(list, examples, threshold, embed) {
    const vectors = await embed([
        ...examples.map((e) => inputText(e.input)),
        ...list.map((c) => inputText(c.trace.input)),
    ]);
    const exampleVectors = examples.map((e, i) => ({ id: e.id, v: vectors[i] ?? [] }));
    const keptVectors = [];
    const kept = [];
    const dropped = [];
    list.forEach((c, i) => {
        const v = vectors[examples.length + i] ?? [];
        const near = (pool) => {
            let best;
            for (const p of pool) {
                const s = (0,embedder/* cosine */.sw)(v, p.v);
                if (s >= threshold && (!best || s > best.s))
                    best = { id: p.id, s };
            }
            return best;
        };
        const example = near(exampleVectors);
        const earlier = example ? undefined : near(keptVectors);
        if (example)
            dropped.push({
                trace: c.trace.id,
                line: c.trace.line,
                why: "embedding near an eval example",
                of: example.id,
                similarity: example.s,
            });
        else if (earlier)
            dropped.push({
                trace: c.trace.id,
                line: c.trace.line,
                why: "embedding near a kept trace",
                of: earlier.id,
                similarity: earlier.s,
            });
        else {
            kept.push(c);
            keptVectors.push({ id: c.trace.id, v });
        }
    });
    return { kept, dropped };
}
/**
 * Up to `max` candidates drawn round-robin over the strata (first tag), each
 * stratum in its own order, strata in order of first appearance: a common
 * tag cannot crowd out a rare one.
 */
function stratify(list, max) {
    const strata = new Map();
    for (const c of list) {
        const s = strata.get(c.stratum) ?? [];
        s.push(c);
        strata.set(c.stratum, s);
    }
    const queues = [...strata.values()];
    const out = [];
    for (let round = 0; out.length < max; round++) {
        let took = false;
        for (const q of queues) {
            const c = q[round];
            if (c && out.length < max) {
                out.push(c);
                took = true;
            }
        }
        if (!took)
            break;
    }
    return out;
}
function describeReason(r) {
    if (r.kind === "failed")
        return `failed ${r.criteria.join(", ")}`;
    if (r.kind === "flagged")
        return `flagged by a person (${[r.thumbs ? `thumbs ${r.thumbs}` : "", r.rating !== undefined ? `rating ${r.rating}` : ""].filter(Boolean).join(", ")})`;
    return `judge ${r.criterion} said ${r.judge ? "pass" : "fail"}, the person ${r.human ? "pass" : "fail"}`;
}
/** A fresh id from the trace's id and input: the same trace proposes the same id on every run. */
function freshId(trace, normalized) {
    return `prod-${(0,external_node_crypto_.createHash)("sha256").update(`${trace.id}\n${normalized}`).digest("hex").slice(0, 10)}`;
}
function propose(c, tracesFile) {
    const tags = [...(c.trace.tags ?? []).filter((t) => t !== FROM_PRODUCTION), FROM_PRODUCTION];
    return {
        id: freshId(c.trace, c.normalized),
        input: c.trace.input,
        reference_output: c.trace.output,
        tags,
        metadata: {
            ...(c.trace.metadata ?? {}),
            curated_from: {
                trace: c.trace.id,
                file: tracesFile,
                line: c.trace.line,
                ...(c.trace.timestamp !== undefined ? { timestamp: c.trace.timestamp } : {}),
                why: c.reasons.map(describeReason),
                ...(c.trace.feedback?.comment !== undefined ? { comment: c.trace.feedback.comment } : {}),
            },
        },
    };
}

// EXTERNAL MODULE: ./lib/lifecycle/traces.js
var lifecycle_traces = __webpack_require__(7352);
// EXTERNAL MODULE: ./lib/secrets.js
var secrets = __webpack_require__(150);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/pin-version.js + 2 modules
var pin_version = __webpack_require__(894);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
// EXTERNAL MODULE: ./lib/cli/versions-command.js + 1 modules
var versions_command = __webpack_require__(3795);
;// CONCATENATED MODULE: ./lib/cli/curate-command.js
















const CURATE_HELP = `Usage: agentops curate <score results.json> --prompt <name> [options]

Proposes new eval examples from production: the traces that failed a
criterion, that a person flagged (thumbs down, rating 1-3) or on which an
llm_judge and the person's feedback disagree. "Scored traces" are the results
JSON that agentops score --out wrote, and the traces file it scored (for the
inputs and feedback; the results carry neither).

Near-duplicates are removed: same input after normalizing (case, spacing, key
order), against the eval set and each other; and, when the project config sets
embedding_model, inputs whose embeddings have cosine >= --similarity. The rest
are drawn round-robin over the traces' first tag (--max in all). Each becomes
an example with a fresh id, tags [...its tags, from-production], the logged
answer as reference_output (never as expected: a person writes that), and
metadata.curated_from (trace id, file, line, why).

Options:
  --prompt NAME        the prompt whose run in the results to curate from
  --traces FILE        the traces file that was scored (default: the one the results name,
                       trace_scoring.traces_file, relative to the current folder)
  --out FILE           write the proposals here (default: curated-<prompt>.jsonl); never overwrites
  --write              append them to the prompt's eval set instead (refuses id clashes, and
                       examples the eval set could not load, e.g. criteria that need expected)
  --max N              propose at most N examples (default 50)
  --similarity X       embedding cosine at or above which two inputs are duplicates (default 0.95)
  --project DIR        the project folder (default: the current folder, searched upwards)
${provider_flags/* providerOptions */.AA}
  -q, --quiet          no summary on stderr
  -h, --help           show this help

Exit codes: 0 proposals written (or none to propose), 2 bad input or usage, 4 internal error.
`;
async function curateCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            prompt: { type: "string" },
            traces: { type: "string" },
            out: { type: "string" },
            write: { type: "boolean" },
            max: { type: "string" },
            similarity: { type: "string" },
            project: { type: "string" },
            ...provider_flags/* RUN_FLAG_SPECS */.SB,
            quiet: { type: "boolean", short: "q" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(CURATE_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const [resultsFile, ...extra] = positionals;
    if (!resultsFile || extra.length)
        throw new errors/* UserError */.yo("curate takes exactly one results file (of agentops score --out)", {}, "run: agentops curate --help");
    const prompt = values.prompt;
    if (!prompt)
        throw new errors/* UserError */.yo("curate needs --prompt", {}, "e.g. --prompt triage");
    if (values.write && values.out)
        throw new errors/* UserError */.yo("--write and --out exclude each other", {}, "--write appends to the eval set; --out writes a file to review");
    const max = (0,provider_flags/* positiveInt */.NJ)(values.max, "--max") ?? 50;
    const similarity = values.similarity === undefined ? 0.95 : Number(values.similarity);
    if (values.similarity !== undefined && (!Number.isFinite(similarity) || similarity <= 0 || similarity > 1))
        throw new errors/* UserError */.yo(`--similarity takes a number in (0, 1], got "${values.similarity}"`, {}, "e.g. --similarity 0.95");
    const results = (0,versions_command.parseResults)(await (0,files/* readUserFile */.E1)((0,external_node_path_.resolve)(io.cwd, resultsFile), files/* MAX_EVAL_SET_BYTES */.nU), resultsFile);
    const run = results.runs.filter((r) => r.prompt === prompt).at(-1);
    if (!run)
        throw new errors/* UserError */.yo(`holds no run of prompt "${prompt}" (it has: ${[...new Set(results.runs.map((r) => r.prompt))].join(", ") || "none"})`, { file: resultsFile, field: "runs" }, `pass the results of agentops score --prompt ${prompt} --out FILE`);
    const tracesFile = values.traces ?? results.trace_scoring?.traces_file;
    if (!tracesFile)
        throw new errors/* UserError */.yo("names no traces file (it is not a results JSON of agentops score)", { file: resultsFile, field: "trace_scoring.traces_file" }, "pass the traces it scored with --traces FILE");
    const traces = (0,lifecycle_traces/* parseTraces */.m)(await (0,files/* readUserFile */.E1)((0,external_node_path_.resolve)(io.cwd, tracesFile), files/* MAX_EVAL_SET_BYTES */.nU), tracesFile);
    const known = new Set(traces.map((t) => t.id));
    const stranger = run.examples.find((e) => !known.has(e.id));
    if (stranger)
        throw new errors/* UserError */.yo(`the results scored trace "${stranger.id}", which ${tracesFile} does not hold`, { file: resultsFile, field: "runs[].examples[].id" }, "pass the traces file that was scored (--traces)");
    const opened = await (0,config_project/* openProject */.U8)((0,external_node_path_.resolve)(io.cwd, values.project ?? "."));
    await (0,pin_version/* promptVersions */.g)(opened, prompt);
    const { project, targets } = await (0,config_project/* resolveTargets */.h5)((0,external_node_path_.join)(opened.promptsDir, prompt), {
        version: run.version,
    });
    const target = targets[0];
    if (!target)
        throw new Error(`no version ${run.version} of ${prompt}`);
    const loaded = await (0,evaluate/* loadTarget */.K)(project, target);
    const evalSet = loaded.evalSet;
    const judges = run.criteria.flatMap((c) => (c.type === "llm_judge" ? [c.name] : []));
    const all = candidates(traces, run.examples, judges);
    const byInput = dedupeByInput(all, evalSet.examples);
    let pool = byInput.kept;
    const dropped = [...byInput.dropped];
    const model = project.config.embedding_model;
    if (model && pool.length > 0) {
        const setup = await (0,provider_flags/* makeRunSetup */.vp)(project, (0,provider_flags/* runFlags */.lM)(values), io);
        const provider = setup.run.provider;
        const embed = async (texts) => {
            if (!provider.embed)
                throw new errors/* UserError */.yo(`embedding_model is set, but the ${provider.id} provider has no embeddings`, { file: project.configFile ?? "project config", field: "embedding_model" }, "use a provider with embeddings (openai or mock), or remove embedding_model");
            const out = [];
            for (let i = 0; i < texts.length; i += 128) {
                const r = await provider.embed({ model, input: texts.slice(i, i + 128).map(model_criteria/* embeddedText */.OG) });
                out.push(...r.vectors);
            }
            return out;
        };
        const byEmbedding = await dedupeByEmbedding(pool, evalSet.examples, similarity, embed);
        pool = byEmbedding.kept;
        dropped.push(...byEmbedding.dropped);
    }
    const chosen = stratify(pool, max);
    // Production inputs and answers may hold a key someone pasted: masked like every other output.
    const proposals = (0,secrets/* scrubDeep */.wE)(chosen.map((c) => propose(c, tracesFile)), (0,secrets/* secretsFromEnv */.zr)(io.env));
    const clash = proposals.find((p) => evalSet.examples.some((e) => e.id === p.id));
    const rel = (p) => (0,external_node_path_.relative)(io.cwd, p) || ".";
    let where;
    if (values.write) {
        if (clash)
            throw new errors/* UserError */.yo(`proposed id "${clash.id}" is already in the eval set (from trace "${clash.metadata.curated_from.trace}": curated before?)`, { file: rel(evalSet.file), field: "id" }, "remove that trace from the traces file, or the example from the eval set");
        const text = await (0,promises_.readFile)(evalSet.file, "utf8");
        // The line the first appended example will have, so an error names it.
        const firstLine = (text === "" ? 0 : text.replace(/\n$/, "").split("\n").length) + 1;
        try {
            (0,load/* checkEvalSetFitsPrompt */.ZK)(loaded.prompt, {
                file: rel(evalSet.file),
                examples: proposals.map((p, i) => ({ ...p, line: firstLine + i })),
            });
        }
        catch (e) {
            if (!(0,errors/* isUserError */.iU)(e))
                throw e;
            throw new errors/* UserError */.yo(`--write would add examples ${rel(evalSet.file)} cannot use: ${e.message}`, e.location, "write the proposals to a file to review (drop --write), fill in what they lack (e.g. expected from reference_output), then append them");
        }
        if (proposals.length > 0) {
            const lines = proposals.map((p) => JSON.stringify(p)).join("\n") + "\n";
            await (0,promises_.appendFile)(evalSet.file, text.endsWith("\n") || text === "" ? lines : `\n${lines}`);
        }
        where = `appended to ${rel(evalSet.file)}`;
    }
    else {
        const out = (0,external_node_path_.resolve)(io.cwd, values.out ?? `curated-${prompt}.jsonl`);
        try {
            await (0,promises_.writeFile)(out, proposals.map((p) => JSON.stringify(p) + "\n").join(""), { flag: "wx" });
        }
        catch (e) {
            if (e instanceof Error && "code" in e && e.code === "EEXIST")
                throw new errors/* UserError */.yo("already exists; curate never overwrites a file someone may be reviewing", { file: rel(out) }, "move it away, or pass --out with another name");
            throw e;
        }
        where = `written to ${rel(out)}`;
    }
    if (!values.quiet)
        io.stderr(summary(all.length, traces.length, dropped, chosen.length, pool.length, proposals, where));
    return cli_io/* EXIT */.d.ok;
}
function summary(found, traces, dropped, kept, pool, proposals, where) {
    const lines = [
        `${found} of ${traces} traces are worth a look (failing, flagged, or judge and person disagree); ${dropped.length} near-duplicates removed; ${kept} proposed${pool > kept ? ` (--max; ${pool - kept} more)` : ""}, ${where}`,
    ];
    const tags = new Map();
    for (const p of proposals) {
        const t = p.tags.length > 1 ? (p.tags[0] ?? "") : "(untagged)";
        tags.set(t, (tags.get(t) ?? 0) + 1);
    }
    if (proposals.length)
        lines.push(`by tag: ${[...tags].map(([t, n]) => `${t} ${n}`).join(", ")}`);
    for (const d of dropped.slice(0, 10))
        lines.push(`  dropped ${d.trace} (line ${d.line}): ${d.why} ${d.of}${d.similarity !== undefined ? ` (cosine ${d.similarity.toFixed(3)})` : ""}`);
    if (dropped.length > 10)
        lines.push(`  \u2026and ${dropped.length - 10} more dropped`);
    for (const p of proposals.slice(0, 10)) {
        const from = p.metadata.curated_from;
        lines.push(`  ${p.id} from ${from.trace}: ${from.why.join("; ")}`);
    }
    if (proposals.length)
        lines.push("review: correct each reference_output into expected (or delete the example), then append the file to the eval set");
    return lines.join("\n") + "\n";
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


/***/ })

};
