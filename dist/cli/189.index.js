export const id = 189;
export const ids = [189];
export const modules = {

/***/ 6189:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MERGE_HELP: () => (/* binding */ MERGE_HELP),
  mergeCommand: () => (/* binding */ mergeCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/report/compare-report.js + 5 modules
var compare_report = __webpack_require__(3322);
// EXTERNAL MODULE: ./lib/engine/aggregate.js
var aggregate = __webpack_require__(2761);
// EXTERNAL MODULE: ./lib/config/categories.js
var config_categories = __webpack_require__(9964);
// EXTERNAL MODULE: ./lib/pipeline/compare-run.js + 2 modules
var compare_run = __webpack_require__(2830);
// EXTERNAL MODULE: ./lib/pipeline/sampling-rounds.js
var sampling_rounds = __webpack_require__(7455);
// EXTERNAL MODULE: ./lib/pipeline/not-evaluated.js
var not_evaluated = __webpack_require__(7391);
// EXTERNAL MODULE: ./lib/compare/error-kinds.js
var error_kinds = __webpack_require__(8499);
// EXTERNAL MODULE: ./lib/scale/plan-identity.js
var plan_identity = __webpack_require__(570);
;// CONCATENATED MODULE: ./lib/scale/merge.js








/** The files are shards of one plan, each once; a missing shard is allowed (it makes the verdict inconclusive). */
function checkShards(files) {
    const [first, ...rest] = files;
    if (!first)
        throw new errors/* UserError */.yo("merge needs at least one shard results file", {}, "agentops merge --help");
    for (const f of rest) {
        if (f.results.plan_id === first.results.plan_id)
            continue;
        const diff = (0,plan_identity/* identityDifference */.qA)(first.results.plan, f.results.plan) ?? "the plan identity";
        throw new errors/* UserError */.yo(`${f.file} comes from another plan than ${first.file} (${diff})`, {}, "merge only the shards of one run: same base and head commits, prompts, eval sets, gate settings and shard count");
    }
    const byIndex = new Map();
    for (const f of files) {
        const seen = byIndex.get(f.results.shard.index);
        if (seen)
            throw new errors/* UserError */.yo(`shard ${f.results.shard.index}/${f.results.shard.count} is given twice: ${seen.file} and ${f.file}`, {}, "pass each shard's results once (a rerun's artifact replaces the first one's)");
        byIndex.set(f.results.shard.index, f);
    }
    const count = first.results.plan.shards;
    const missing = [];
    for (let i = 1; i <= count; i++)
        if (!byIndex.has(i))
            missing.push(i);
    const shards = [...byIndex.values()]
        .sort((a, b) => a.results.shard.index - b.results.shard.index)
        .map((f) => f.results);
    return { count, shards, missing };
}
/** One side's runs of the shards as one run: eval-set order, repeats inner, as runSuite orders them. */
function joinRuns(runs, criteria, evalSet, sampled) {
    const [base] = runs;
    if (!base)
        throw new Error("joinRuns needs a run");
    const order = new Map(evalSet.examples.map((e, i) => [e.id, i]));
    const examples = runs
        .flatMap((r) => r.examples)
        .sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0) || x.repeat - y.repeat);
    const stopped = runs.find((r) => r.stopped)?.stopped;
    const { stopped: _s, sampled: _c, example_categories: _e, ...meta } = base;
    // Each shard knew the categories of its own share only.
    const categories = (0,config_categories/* exampleCategories */.f1)(evalSet.examples);
    return {
        ...meta,
        ...(categories ? { example_categories: categories } : {}),
        summary: (0,aggregate/* summarize */.eh)(examples),
        criteria: (0,aggregate/* aggregateCriteria */.$F)(criteria, examples, evalSet.examples),
        examples,
        ...(sampled ? { sampled } : {}),
        ...(stopped ? { stopped } : {}),
    };
}
const sampleKey = (id, repeat) => `${id}\u0000${repeat}`;
/** The samples the shards ran in further rounds, so the gate's replay asks them instead of a model. */
class RoundAnswers {
    answers = new Map();
    stops = new Map();
    constructor(parts) {
        for (const part of parts)
            for (const r of part.rounds)
                for (const side of ["champion", "challenger"]) {
                    const run = r[side];
                    for (const e of run.examples)
                        this.answers.set(`${side}\u0000${r.round}\u0000${sampleKey(e.id, e.repeat)}`, e);
                    if (run.stopped)
                        this.stops.set(`${side}\u0000${r.round}`, run.stopped.reason);
                }
    }
    /** A round's run on `items`; a sample no shard ran is skipped and ends sampling, as a stop would. */
    run(base, side, round, items) {
        let missing = false;
        const examples = items.map((it) => {
            const found = this.answers.get(`${side}\u0000${round}\u0000${sampleKey(it.id, it.repeat)}`);
            if (found)
                return found;
            missing = true;
            const message = "the shard holding this example did not run this round";
            return {
                id: it.id,
                repeat: it.repeat,
                status: "skipped",
                error: { kind: "skipped", message },
                criteria: {},
            };
        });
        const stopped = this.stops.get(`${side}\u0000${round}`) ?? (missing ? "a shard did not run every round" : undefined);
        const { stopped: _s, ...meta } = base;
        return {
            ...meta,
            summary: (0,aggregate/* summarize */.eh)(examples),
            examples,
            ...(stopped ? { stopped: { reason: stopped } } : {}),
        };
    }
}
function joinPrompt(parts) {
    const [head] = parts;
    if (!head)
        throw new Error("joinPrompt needs a part");
    const byId = new Map(parts.flatMap((p) => p.eval_set.examples).map((e) => [e.id, e]));
    const evalSet = {
        file: head.eval_set.file,
        examples: [...byId.values()].sort((a, b) => a.line - b.line),
    };
    const champions = parts.flatMap((p) => (p.first_pass.champion ? [p.first_pass.champion] : []));
    const champion = head.champion && champions.length > 0
        ? joinRuns(champions, head.champion.data.eval_criteria, evalSet, head.sampled)
        : null;
    const joined = joinRuns(parts.map((p) => p.first_pass.challenger), head.challenger.data.eval_criteria, evalSet, head.sampled);
    // As in one run: a refused request where the champion answered is the challenger's failure.
    const charged = (0,error_kinds/* chargeErrors */.s)(champion?.examples ?? null, joined.examples, head.challenger.data.eval_criteria.map((c) => c.name));
    const challenger = charged.charged === 0
        ? joined
        : {
            ...joined,
            examples: charged.examples,
            summary: (0,aggregate/* summarize */.eh)(charged.examples),
            criteria: (0,aggregate/* aggregateCriteria */.$F)(head.challenger.data.eval_criteria, charged.examples, evalSet.examples),
        };
    const mustPass = new Set(evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id));
    const added = new Set(parts.flatMap((p) => p.added ?? []));
    const prepared = {
        name: head.name,
        reasons: head.reasons,
        champion: head.champion,
        challenger: head.challenger,
        criteria: head.criteria,
        evalSet,
        ...(head.baseline_note ? { baselineNote: head.baseline_note } : {}),
        challengerFile: head.challenger_file,
        ...(head.challenger_sha256 ? { challengerSha256: head.challenger_sha256 } : {}),
        ...(head.champion_file ? { championFile: head.champion_file } : {}),
        ...(head.champion_sha256 ? { championSha256: head.champion_sha256 } : {}),
        criterionLines: head.criterion_lines,
        ...(added.size > 0 ? { added } : {}),
    };
    const sampled = {
        criteria: head.criteria,
        championCriteria: head.champion?.data.eval_criteria ?? [],
        evalSet,
        champion,
        challenger,
        inputs: new Map(evalSet.examples.map((e) => [
            e.id,
            { input: e.input, ...(e.expected !== undefined ? { expected: e.expected } : {}) },
        ])),
        temperatureZero: head.champion?.data.temperature === 0 && head.challenger.data.temperature === 0,
        ...(mustPass.size > 0 ? { mustPass } : {}),
    };
    return { prepared, sampled, answers: new RoundAnswers(parts) };
}
const shardLabel = (index, count) => `shard ${index}/${count}`;
/** Merges checked shards into the results of one run; missing shards make it inconclusive and are named. */
async function mergeShards(checked, now = Date.now, 
/** Where the prompt headings link to (the Action's repository on its server). */
opts = {}) {
    const { count, shards, missing } = checked;
    const [first] = shards;
    if (!first)
        throw new errors/* UserError */.yo("merge needs at least one shard results file");
    const joined = [];
    const notEvaluated = [];
    for (const { name } of first.plan.prompts) {
        const parts = shards.flatMap((s) => s.prompts.filter((p) => p.name === name));
        const skipped = shards.flatMap((s) => s.not_evaluated
            .filter((n) => n.prompt === name)
            .map((n) => ({ shard: s.shard.index, reason: n.reason })));
        if (skipped.length > 0) {
            // What the plan decides (removed, unchanged requests) is decided alike in every shard; anything
            // else happened in one shard and names it.
            const [once] = skipped;
            const planned = (0,not_evaluated/* isPlannedSkip */.W)(once?.reason ?? "") && skipped.every((s) => s.reason === once?.reason);
            const reason = planned
                ? (once?.reason ?? "")
                : skipped.map((s) => `${shardLabel(s.shard, count)}: ${s.reason}`).join("; ");
            notEvaluated.push({ prompt: name, reason });
            continue;
        }
        if (parts.length > 0)
            joined.push(joinPrompt(parts));
    }
    for (const i of missing)
        notEvaluated.push({
            prompt: shardLabel(i, count),
            reason: "no results: the shard's job failed or its results were not passed to merge",
        });
    // Split as one run splits: the base examples decide, the added ones can only add failures.
    const sampled = [];
    const owner = [];
    joined.forEach((j, k) => {
        for (const population of (0,compare_run/* splitPopulations */.Dd)(j.sampled, j.prepared.added ?? new Set())) {
            sampled.push(population);
            owner.push(k);
        }
    });
    const comparisons = await (0,sampling_rounds/* decideInRounds */.FF)(sampled, first.plan.gate, (i, side, round, items) => {
        const j = joined[owner[i] ?? -1];
        const base = side === "champion" ? j.sampled.champion : j.sampled.challenger;
        if (!base)
            throw new Error("a round was asked of a side that does not run");
        return Promise.resolve(j.answers.run(base, side, round, items));
    });
    const prepared = joined.map((j) => j.prepared);
    const perPrompt = (0,compare_run/* perPromptDecisions */.Lf)(prepared, sampled, owner, comparisons);
    const startedAt = new Date(Math.min(...shards.map((s) => Date.parse(s.started_at))));
    const results = (0,compare_run/* assembleResults */.L5)({
        mergeBaseSha: first.plan.merge_base_sha,
        headSha: first.plan.head_sha,
        ignored: first.ignored,
        gateChanges: first.gate_changes,
    }, first.labels, {
        ignoredInputs: first.ignored_inputs,
        run: { provider: { id: first.provider } },
        ...(opts.repositoryUrl ? { repositoryUrl: opts.repositoryUrl } : {}),
    }, {
        startedAt,
        prepared,
        sampled: perPrompt.sampled,
        comparisons: perPrompt.comparisons,
        notEvaluated,
    }, now);
    (0,compare_run/* withAddedExamples */.Sp)(results, perPrompt.added);
    // Approving a gate change on a run that lacks shards would accept answers nobody saw.
    const verdict = missing.length > 0 && results.verdict !== "fail" ? "inconclusive" : results.verdict;
    return { ...results, verdict, shards: { count, merged: shards.map((s) => s.shard.index), missing } };
}
/** The line the merged report adds under the unsharded one's. */
function shardNote(results) {
    const s = results.shards;
    if (!s)
        return "";
    const missing = s.missing.length > 0 ? `; missing: ${s.missing.map((i) => shardLabel(i, s.count)).join(", ")}` : "";
    return `\n<sub>Merged from ${s.merged.length} of ${s.count} shards${missing}.</sub>\n`;
}

;// CONCATENATED MODULE: ./lib/scale/read-shards.js
/** Reads shard results files from paths and folders (the edge the merge's pure part stays behind). */



/** download-artifact puts each artifact in a folder of its own: shard files are looked for below too. */
const SHARD_FILE = /^shard-\d+-of-\d+\.json$/;
async function filesUnder(dir) {
    const out = [];
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isDirectory())
            out.push(...(await filesUnder(path)));
        else if (entry.isFile() && SHARD_FILE.test(entry.name))
            out.push(path);
    }
    return out.sort();
}
function isShardResults(v) {
    if (typeof v !== "object" || v === null)
        return false;
    const r = v;
    const shard = r.shard;
    return (r.kind === "compare-shard" &&
        r.schema_version === 1 &&
        typeof r.plan_id === "string" &&
        typeof r.plan === "object" &&
        r.plan !== null &&
        Number.isInteger(shard?.index) &&
        Number.isInteger(shard?.count) &&
        Array.isArray(r.prompts) &&
        Array.isArray(r.not_evaluated));
}
async function readOne(path, shown) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(path, "utf8"));
    }
    catch (e) {
        throw new errors/* UserError */.yo(`${shown} is not a JSON results file (${e instanceof SyntaxError ? e.message : "unreadable"})`, { file: shown }, "pass the files that agentops compare --shard wrote");
    }
    if (!isShardResults(value))
        throw new errors/* UserError */.yo(`${shown} is not the results of a shard (kind "compare-shard", schema_version 1)`, { file: shown }, "pass the files that agentops compare --shard i/N wrote, not a merged or unsharded result");
    return { file: shown, results: value };
}
/** Each path is a shard results file, or a folder searched for shard-I-of-N.json files. */
async function readShardFiles(paths, resolvePath, show) {
    const files = [];
    for (const p of paths) {
        const abs = resolvePath(p);
        const info = await (0,promises_.stat)(abs).catch(() => undefined);
        if (!info)
            throw new errors/* UserError */.yo(`${p} not found`, { file: p }, "pass shard results files or a folder of them");
        if (!info.isDirectory()) {
            files.push(await readOne(abs, p));
            continue;
        }
        for (const f of await filesUnder(abs))
            files.push(await readOne(f, show(f)));
    }
    return files;
}

// EXTERNAL MODULE: ./lib/secrets.js
var secrets = __webpack_require__(150);
// EXTERNAL MODULE: ./lib/cli/compare-command.js + 8 modules
var compare_command = __webpack_require__(5677);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/merge-command.js










const MERGE_HELP = `Usage: agentops merge <results or folder>... [options]

Merges the results of agentops compare --shard I/N into one verdict: checks that
every file comes from the same plan (commits, prompt versions, eval sets, gate
settings, shard count) and that no shard is given twice, then decides the gate
as one unsharded run on the same answers would. A missing shard makes the
verdict inconclusive and is named. A folder is searched for shard-I-of-N.json.

Options:
  --out FILE           write the merged results JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  -h, --help           show this help

Exit codes: as agentops compare (0 pass, 1 fail, 2 bad input or mixed plans, 3 inconclusive, 5 needs approval).
`;
async function mergeCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            out: { type: "string" },
            report: { type: "string" },
            format: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(MERGE_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "json")
        throw new errors/* UserError */.yo(`--format must be markdown or json, got "${format}"`);
    if (positionals.length === 0)
        throw new errors/* UserError */.yo("merge takes the shards' results files or a folder of them", {}, "agentops merge --help");
    const files = await readShardFiles(positionals, (p) => (0,external_node_path_.resolve)(io.cwd, p), (abs) => (0,external_node_path_.relative)(io.cwd, abs) || abs);
    const checked = checkShards(files);
    const results = (0,secrets/* scrubDeep */.wE)(await mergeShards(checked, io.now), (0,secrets/* secretsFromEnv */.zr)(io.env));
    const markdown = (0,compare_report/* renderCompareMarkdown */.xm)(results) + shardNote(results);
    for (const i of checked.missing)
        io.stderr(`missing: shard ${i}/${checked.count}\n`);
    if (values.out)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.out), JSON.stringify(results, null, 2) + "\n");
    if (values.report)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.report), markdown);
    io.stdout(format === "json" ? JSON.stringify(results, null, 2) + "\n" : markdown);
    return (0,compare_command.exitCodeFor)(results);
}


/***/ })

};
