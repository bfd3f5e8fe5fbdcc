export const id = 978;
export const ids = [978];
export const modules = {

/***/ 2978:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EVAL_HELP: () => (/* binding */ EVAL_HELP),
/* harmony export */   evalCommand: () => (/* binding */ evalCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _config_project_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(452);
/* harmony import */ var _compare_compare_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4369);
/* harmony import */ var _engine_deadline_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8768);
/* harmony import */ var _engine_eval_gate_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3924);
/* harmony import */ var _engine_evaluate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4029);
/* harmony import */ var _report_eval_report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1541);
/* harmony import */ var _report_results_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8372);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(150);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(3411);
/* harmony import */ var _engine_sample_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3358);
/* harmony import */ var _scale_shard_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(9818);
/* harmony import */ var _scale_write_shard_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5648);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(8908);
/* harmony import */ var _report_progress_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(7751);
/* harmony import */ var _provider_flags_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(8387);
/* harmony import */ var _report_json_file_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(4185);




















const EVAL_HELP = `Usage: agentops eval <path> [options]

Evaluates prompt versions on their eval sets and prints per-criterion results.
<path> is a version file (prompts/summarize/v2.yaml), a prompt folder
(prompts/summarize: its active version), a prompts folder or a project folder
(every prompt's active version).

Options:
  --version N          evaluate version N instead of the active one
  --env NAME           environment whose active version to use (default: production)
${_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .providerOptions */ .AA}
  --threshold X        also fail when a prompt's mean overall score is below X (0..1)
  --out FILE           write the results JSON to FILE
  --shard I/N          evaluate only shard I of N (a stable share of the examples); results go to
                       --out, else agentops-shards/eval-shard-I-of-N.json
  --format FORMAT      table | json | markdown (default: table)
  --by tag             table format: also each criterion by eval-set category
                       (tags, labels.category) and the failing examples by category
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 every threshold met, 1 a criterion below its threshold (or the mean
score below --threshold), 2 bad input or usage (found before any model call),
3 incomplete (stopped early, or more errors than thresholds.max_error_rate),
4 internal error or a prompt that could not be run.
`;
const FORMATS = ["table", "json", "markdown"];
async function evalCommand(argv, io) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            version: { type: "string" },
            env: { type: "string" },
            ..._provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .RUN_FLAG_SPECS */ .SB,
            threshold: { type: "string" },
            out: { type: "string" },
            shard: { type: "string" },
            format: { type: "string" },
            by: { type: "string" },
            quiet: { type: "boolean", short: "q" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(EVAL_HELP);
        return _io_js__WEBPACK_IMPORTED_MODULE_15__/* .EXIT */ .d.ok;
    }
    const [path, ...extra] = positionals;
    if (!path || extra.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("eval takes exactly one path", {}, "run: agentops eval --help");
    const version = (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .positiveInt */ .NJ)(values.version, "--version");
    const format = (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .oneOf */ .yL)(values.format, FORMATS, "--format") ?? "table";
    const byTag = (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .oneOf */ .yL)(values.by, ["tag"], "--by") === "tag";
    const threshold = fraction(values.threshold, "--threshold");
    const shard = values.shard !== undefined ? (0,_scale_shard_js__WEBPACK_IMPORTED_MODULE_13__/* .parseShard */ .uK)(values.shard, "--shard") : undefined;
    const { project, targets } = await (0,_config_project_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveTargets */ .h5)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, path), {
        ...(version !== undefined ? { version } : {}),
        ...(values.env ? { environment: values.env } : {}),
    });
    const rel = (p) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(io.cwd, p) || ".";
    // Load every target first: a typo in the last prompt should not cost the first one's model calls.
    const loaded = [];
    for (const t of targets)
        loaded.push(await (0,_engine_evaluate_js__WEBPACK_IMPORTED_MODULE_8__/* .loadTarget */ .K)(project, t));
    const signal = (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .runSignal */ .KF)((0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .runFlags */ .lM)(values), io);
    const setup = await (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .makeRunSetup */ .vp)(project, (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_16__/* .runFlags */ .lM)(values), io);
    if (shard) {
        // max_examples cuts each eval set as one run would, before the cut is dealt.
        const cut = loaded.map((l) => ({
            prompt: l.target.name,
            examples: (0,_engine_sample_js__WEBPACK_IMPORTED_MODULE_12__/* .sampleById */ .H)(l.evalSet.examples, setup.run.maxExamples).items,
        }));
        (0,_scale_shard_js__WEBPACK_IMPORTED_MODULE_13__/* .shareSets */ .Pp)(cut, shard).forEach((examples, i) => {
            const l = loaded[i];
            if (l)
                l.evalSet = { ...l.evalSet, examples };
        });
    }
    const now = io.now ?? Date.now;
    const startedAt = new Date(now());
    const runs = [];
    const failed = [];
    for (const l of loaded) {
        if (signal?.aborted) {
            failed.push({
                prompt: `${l.target.name} v${l.target.version}`,
                reason: `${(0,_engine_deadline_js__WEBPACK_IMPORTED_MODULE_6__/* .stopReason */ .PJ)(signal)} before it started`,
            });
            continue;
        }
        try {
            const label = `${l.target.name} v${l.target.version}`;
            runs.push(await (0,_engine_evaluate_js__WEBPACK_IMPORTED_MODULE_8__/* .evaluatePrompt */ .eo)(l.prompt, l.evalSet, {
                name: l.target.name,
                reason: l.target.reason,
                file: rel(l.prompt.file),
                evalSetFile: rel(l.evalSet.file),
            }, {
                ...setup.run,
                ...(signal ? { signal } : {}),
                ...(values.quiet ? {} : { onProgress: (0,_report_progress_js__WEBPACK_IMPORTED_MODULE_18__/* .progressPrinter */ ._)(label, (s) => io.stderr(`${s}\n`), now) }),
            }));
        }
        catch (e) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isUserError */ .iU)(e))
                throw e;
            failed.push({ prompt: `${l.target.name} v${l.target.version}`, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e) });
        }
    }
    const results = (0,_report_results_js__WEBPACK_IMPORTED_MODULE_10__/* .buildEvalResults */ .pA)({
        version: _version_js__WEBPACK_IMPORTED_MODULE_19__/* .VERSION */ .x,
        provider: setup.run.provider.id,
        startedAt,
        finishedAt: new Date(now()),
        runs,
        failed,
        secrets: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_11__/* .secretsFromEnv */ .zr)(io.env),
    });
    const outFile = values.out ?? (shard ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(_scale_write_shard_js__WEBPACK_IMPORTED_MODULE_14__/* .DEFAULT_SHARD_DIR */ .Tp, (0,_scale_shard_js__WEBPACK_IMPORTED_MODULE_13__/* .evalShardFileName */ .UX)(shard)) : undefined);
    if (outFile) {
        const out = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, outFile);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(out), { recursive: true });
        const written = shard ? { ...results, shard: { index: shard.index, count: shard.count } } : results;
        await (0,_report_json_file_js__WEBPACK_IMPORTED_MODULE_17__/* .writeJsonFile */ .A)(out, written);
        if (!values.quiet)
            io.stderr(`results written to ${rel(out)}\n`);
    }
    if (format === "json")
        io.stdout(JSON.stringify(results, null, 2) + "\n");
    else if (format === "markdown")
        io.stdout((0,_report_eval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .renderEvalMarkdown */ .s)(results));
    else
        io.stdout((0,_report_eval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .renderEvalText */ .c)(results, { byTag }));
    const gate = (0,_engine_eval_gate_js__WEBPACK_IMPORTED_MODULE_7__/* .decideEval */ .v)(results, {
        ...(threshold !== undefined ? { threshold } : {}),
        maxErrorRate: project.config.thresholds?.max_error_rate ?? _compare_compare_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_GATE */ .sV.maxErrorRate,
    });
    for (const reason of gate.reasons)
        io.stderr(`${gate.outcome === "fail" ? "failed" : "incomplete"}: ${reason}\n`);
    if (failed.length > 0)
        return _io_js__WEBPACK_IMPORTED_MODULE_15__/* .EXIT */ .d.internal;
    return gate.outcome === "fail"
        ? _io_js__WEBPACK_IMPORTED_MODULE_15__/* .EXIT */ .d.regression
        : gate.outcome === "incomplete"
            ? _io_js__WEBPACK_IMPORTED_MODULE_15__/* .EXIT */ .d.inconclusive
            : _io_js__WEBPACK_IMPORTED_MODULE_15__/* .EXIT */ .d.ok;
}
/** A number in [0, 1] from a flag, or undefined when the flag is absent. */
function fraction(value, flag) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${flag} takes a number from 0 to 1, got "${value}"`, {}, `e.g. ${flag} 0.85`);
    return n;
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

/***/ 7391:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ isPlannedSkip),
/* harmony export */   c: () => (/* binding */ REMOVED_BY_CHANGE)
/* harmony export */ });
/* harmony import */ var _unchanged_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7359);
/**
 * Why a prompt of the plan is not evaluated when that is the plan's own decision, taken alike by one
 * run and every shard: not a failure, not an incomplete run, nothing missing.
 */

const REMOVED_BY_CHANGE = "removed by this change";
const PLANNED = new Set([REMOVED_BY_CHANGE, _unchanged_js__WEBPACK_IMPORTED_MODULE_0__/* .UNCHANGED_REQUESTS */ .T]);
/** The reason is the plan's decision (removed, or byte-identical requests), not something that went wrong. */
function isPlannedSkip(reason) {
    return PLANNED.has(reason);
}


/***/ }),

/***/ 7359:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ sameRequests),
/* harmony export */   T: () => (/* binding */ UNCHANGED_REQUESTS)
/* harmony export */ });
/* harmony import */ var _engine_build_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9234);
/* harmony import */ var _engine_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9471);


/** The reason a not-tested prompt is listed under "Not evaluated"; not a failure to evaluate. */
const UNCHANGED_REQUESTS = "its rendered requests are byte-identical to the base's: not tested, and not counted in any \u03b1 family";
/** Every example's request (and what else drives the calls: steps, repeats) is the same on both sides. */
function sameRequests(champion, challenger, evalSet) {
    const a = champion.data;
    const b = challenger.data;
    if ((a.max_steps ?? 1) !== (b.max_steps ?? 1) || (a.repeats ?? 1) !== (b.repeats ?? 1))
        return false;
    if (evalSet.examples.length === 0)
        return false;
    for (const example of evalSet.examples) {
        try {
            if ((0,_engine_request_js__WEBPACK_IMPORTED_MODULE_1__/* .requestKey */ .lq)((0,_engine_build_request_js__WEBPACK_IMPORTED_MODULE_0__/* .buildRequest */ .m)(a, example)) !== (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_1__/* .requestKey */ .lq)((0,_engine_build_request_js__WEBPACK_IMPORTED_MODULE_0__/* .buildRequest */ .m)(b, example)))
                return false;
        }
        catch {
            // A side that cannot render an example is a difference the run reports.
            return false;
        }
    }
    return true;
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

/***/ 4185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeJsonFile)
/* harmony export */ });
/* unused harmony export jsonPieces */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);

const isObject = (v) => v !== null && typeof v === "object";
/** The value JSON.stringify would serialise in place of `v` (toJSON, e.g. a Date). */
function jsonValue(v, key) {
    if (isObject(v) && typeof v.toJSON === "function")
        return v.toJSON(key);
    return v;
}
/** JSON.stringify skips these as members and writes null for them as array elements. */
const skipped = (v) => v === undefined || typeof v === "function" || typeof v === "symbol";
/** Containers worth splitting: arrays, and objects that hold an array (a run holds its examples). */
function splits(v) {
    if (Array.isArray(v))
        return v.length > 0;
    return isObject(v) && Object.values(v).some((m) => Array.isArray(m));
}
/** Pieces of JSON.stringify(value, null, 2). */
function jsonPieces(value) {
    return pieces(jsonValue(value, ""), "");
}
/** `v` with toJSON already applied, at `indent` (what precedes its closing line). */
function* pieces(v, indent) {
    if (!splits(v)) {
        const text = JSON.stringify(v, null, 2) ?? "null";
        // JSON text has no raw newline inside a string, so each one starts a line to indent.
        yield indent ? text.replaceAll("\n", `\n${indent}`) : text;
        return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
        yield "[";
        for (let i = 0; i < v.length; i++) {
            yield `${i > 0 ? "," : ""}\n${inner}`;
            const element = jsonValue(v[i], String(i));
            if (skipped(element))
                yield "null";
            else
                yield* pieces(element, inner);
        }
        yield `\n${indent}]`;
        return;
    }
    let first = true;
    yield "{";
    for (const k of Object.keys(v)) {
        const member = jsonValue(v[k], k);
        if (skipped(member))
            continue;
        yield `${first ? "" : ","}\n${inner}${JSON.stringify(k)}: `;
        first = false;
        yield* pieces(member, inner);
    }
    yield first ? "}" : `\n${indent}}`;
}
const CHUNK_CHARS = 1 << 20;
/** Writes `JSON.stringify(value, null, 2) + "\n"` to `path`, a megabyte at a time. */
async function writeJsonFile(path, value) {
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, "w");
    try {
        let buffer = "";
        for (const piece of jsonPieces(value)) {
            buffer += piece;
            if (buffer.length >= CHUNK_CHARS) {
                await file.write(buffer);
                buffer = "";
            }
        }
        await file.write(`${buffer}\n`);
    }
    finally {
        await file.close();
    }
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


/***/ }),

/***/ 9818:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ shardName),
/* harmony export */   BU: () => (/* binding */ inShare),
/* harmony export */   Pp: () => (/* binding */ shareSets),
/* harmony export */   UX: () => (/* binding */ evalShardFileName),
/* harmony export */   iN: () => (/* binding */ shardFileName),
/* harmony export */   tC: () => (/* binding */ shareOf),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export MAX_SHARDS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/**
 * Which examples a shard evaluates: every (prompt, example id) pair is ordered by
 * a hash of both, then dealt round-robin, so the shares are the same on every
 * machine and their sizes differ by at most one.
 */


/** The most shards a run may be split into: beyond it a share is a handful of calls. */
const MAX_SHARDS = 256;
/** "2/3" as shard 2 of 3; `field` names the flag or input in the error. */
function parseShard(text, field) {
    const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${field} takes i/N with 1 \u2264 i \u2264 N \u2264 ${MAX_SHARDS}, got "${text}"`, {}, `e.g. ${field} 1/3 for the first of three shards`);
    return { index, count };
}
const shardName = (s) => `${s.index}/${s.count}`;
/** The results file a shard writes, named by its shard so that the shards' files never collide. */
const shardFileName = (s) => `shard-${s.index}-of-${s.count}.json`;
const keyOf = (k) => `${k.prompt}\u0000${k.id}`;
function rank(k) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256")
        .update(`agentops-shard:${keyOf(k)}`)
        .digest("hex");
}
/** The keys of the given shard's share (as `prompt\0id`); a key listed twice counts once. */
function shareOf(keys, shard) {
    const unique = new Map(keys.map((k) => [keyOf(k), rank(k)]));
    // Ties are impossible in practice (sha256); the key breaks them so the order is total anyway.
    const ordered = [...unique].sort(([ka, ra], [kb, rb]) => ra < rb ? -1 : ra > rb ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0);
    return new Set(ordered.filter((_, i) => i % shard.count === shard.index - 1).map(([k]) => k));
}
const inShare = (share, k) => share.has(keyOf(k));
/** The results file of an eval shard: apart from compare shards' (merge reads those only). */
const evalShardFileName = (s) => `eval-shard-${s.index}-of-${s.count}.json`;
/** Each eval set cut to the shard's share of every (prompt, example id) pair across `sets`. */
function shareSets(sets, shard) {
    const share = shareOf(sets.flatMap((s) => s.examples.map((e) => ({ prompt: s.prompt, id: e.id }))), shard);
    return sets.map((s) => s.examples.filter((e) => inShare(share, { prompt: s.prompt, id: e.id })));
}


/***/ }),

/***/ 5648:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rz: () => (/* binding */ shardProblems),
/* harmony export */   Tp: () => (/* binding */ DEFAULT_SHARD_DIR),
/* harmony export */   aL: () => (/* binding */ writeShardResults)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _pipeline_not_evaluated_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7391);



/** The folder a shard's results go to when no file is named (the CLI's; the Action's is under RUNNER_TEMP). */
const DEFAULT_SHARD_DIR = "agentops-shards";
async function writeShardResults(path, results) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, JSON.stringify(results) + "\n");
}
/** Prompts a shard could not evaluate (a removed or unchanged prompt is not a failure) and runs cut short. */
function shardProblems(results) {
    return [
        ...results.not_evaluated.filter((n) => !(0,_pipeline_not_evaluated_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlannedSkip */ .W)(n.reason)).map((n) => `${n.prompt}: ${n.reason}`),
        ...results.prompts.flatMap((p) => [p.first_pass.champion, p.first_pass.challenger].flatMap((r) => r?.stopped ? [`${p.name}: ${r.stopped.reason}`] : [])),
    ];
}


/***/ })

};
