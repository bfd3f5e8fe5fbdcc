export const id = 487;
export const ids = [487];
export const modules = {

/***/ 7487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DRIFT_HELP: () => (/* binding */ DRIFT_HELP),
  driftCommand: () => (/* binding */ driftCommand)
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
// EXTERNAL MODULE: ./lib/compare/stats.js
var stats = __webpack_require__(3128);
;// CONCATENATED MODULE: ./lib/lifecycle/drift-stats.js
/**
 * The statistics of `agentops drift`, written down in docs/statistics.md
 * ("Drift") exactly as computed here. Pure.
 */

/** The specification's bands: < 0.1 none, 0.1\u20130.25 moderate, > 0.25 significant. */
function psiBand(psi) {
    return psi < 0.1 ? "none" : psi <= 0.25 ? "moderate" : "significant";
}
/** Added to every kept bin's count on both sides, so an empty bin has a finite log ratio. */
const PSI_SMOOTHING = 0.5;
/**
 * Population stability index of two histograms over the same bins (baseline
 * counts a, current counts b): \u03a3 (q\u1d62 \u2212 p\u1d62) \u00b7 ln(q\u1d62 / p\u1d62) with p\u1d62 = (a\u1d62 + \u00bd)/(N\u2090 + \u00bdk),
 * q\u1d62 = (b\u1d62 + \u00bd)/(N_b + \u00bdk), over the k bins that are not empty on both sides.
 */
function psi(a, b) {
    const kept = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (x > 0 || y > 0)
            kept.push([x, y]);
    }
    const k = kept.length;
    if (k === 0)
        return 0;
    const na = kept.reduce((s, [x]) => s + x, 0) + PSI_SMOOTHING * k;
    const nb = kept.reduce((s, [, y]) => s + y, 0) + PSI_SMOOTHING * k;
    let sum = 0;
    for (const [x, y] of kept) {
        const p = (x + PSI_SMOOTHING) / na;
        const q = (y + PSI_SMOOTHING) / nb;
        sum += (q - p) * Math.log(q / p);
    }
    return sum;
}
/** Scores in [0, 1] into 10 equal-width bins [0, 0.1), \u2026, [0.9, 1]; an edge value goes up (1 into the last). */
function scoreBins(values) {
    const counts = new Array(10).fill(0);
    for (const v of values) {
        // 1e-9 keeps 0.3 \u2212 0.1 (0.19999\u202698 in binary) in the bin that starts at 0.2.
        const i = Math.min(9, Math.max(0, Math.floor(v * 10 + 1e-9)));
        counts[i] = (counts[i] ?? 0) + 1;
    }
    return counts;
}
/**
 * The baseline's deciles as bin edges (type-7 quantiles at 0.1 \u2026 0.9); a value
 * goes into the bin of the number of edges \u2264 it, so ties share a bin and a
 * repeated edge leaves an empty bin (dropped by psi).
 */
function decileEdges(baseline) {
    const sorted = [...baseline].sort((x, y) => x - y);
    return Array.from({ length: 9 }, (_, i) => (0,stats/* quantile */.YV)(sorted, (i + 1) / 10));
}
function binByEdges(values, edges) {
    const counts = new Array(edges.length + 1).fill(0);
    for (const v of values) {
        const i = edges.filter((e) => e <= v).length;
        counts[i] = (counts[i] ?? 0) + 1;
    }
    return counts;
}
/** Category counts of both windows over the union of their categories, in first-seen order. */
function categoryBins(a, b) {
    const categories = [...new Set([...a, ...b])];
    const count = (xs) => categories.map((c) => xs.filter((x) => x === c).length);
    return { categories, a: count(a), b: count(b) };
}
/**
 * Two-sample Kolmogorov\u2013Smirnov test: D = max |F\u2090(x) \u2212 F_b(x)| over the pooled
 * values (empirical CDFs, share \u2264 x), and the asymptotic p-value Q_KS(\u03bb) with
 * \u03bb = (\u221an\u2091 + 0.12 + 0.11/\u221an\u2091)\u00b7D, n\u2091 = n\u2090n_b/(n\u2090 + n_b) (Stephens' correction).
 */
function ksTest(a, b) {
    if (a.length === 0 || b.length === 0)
        return null;
    const sa = [...a].sort((x, y) => x - y);
    const sb = [...b].sort((x, y) => x - y);
    let i = 0;
    let j = 0;
    let d = 0;
    while (i < sa.length && j < sb.length) {
        const x = Math.min(sa[i] ?? Infinity, sb[j] ?? Infinity);
        while (i < sa.length && (sa[i] ?? Infinity) <= x)
            i++;
        while (j < sb.length && (sb[j] ?? Infinity) <= x)
            j++;
        d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
    }
    const ne = (sa.length * sb.length) / (sa.length + sb.length);
    const root = Math.sqrt(ne);
    return { d, p_value: kolmogorovQ((root + 0.12 + 0.11 / root) * d) };
}
/**
 * Q_KS(\u03bb) = 2 \u03a3\u2c7c\u208c\u2081^\u221e (\u22121)^(j\u22121) e^(\u22122j\u00b2\u03bb\u00b2), summed until a term is under 0.1% of
 * the previous one or 1e-8 of the sum; when it does not settle in 100 terms
 * (\u03bb near 0) the answer is 1.
 */
function kolmogorovQ(lambda) {
    const a2 = -2 * lambda * lambda;
    let sum = 0;
    let sign = 2;
    let previous = 0;
    for (let j = 1; j <= 100; j++) {
        const term = sign * Math.exp(a2 * j * j);
        sum += term;
        if (Math.abs(term) <= 0.001 * previous || Math.abs(term) <= 1e-8 * sum)
            return Math.min(1, Math.max(0, sum));
        sign = -sign;
        previous = Math.abs(term);
    }
    return 1;
}
/**
 * Two-proportion z-test (pooled): z = (p_b \u2212 p\u2090)/\u221a(p\u0304(1 \u2212 p\u0304)(1/n\u2090 + 1/n_b)),
 * p\u0304 = (x\u2090 + x_b)/(n\u2090 + n_b), two-sided p = 2(1 \u2212 \u03a6(|z|)). No spread (p\u0304 0 or 1): z 0, p 1.
 */
function twoProportionTest(xa, na, xb, nb) {
    if (na === 0 || nb === 0)
        return null;
    const pooled = (xa + xb) / (na + nb);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
    if (se === 0)
        return { z: 0, p_value: 1 };
    const z = (xb / nb - xa / na) / se;
    return { z, p_value: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}
/** \u03a6(x) = 1 \u2212 \u00bd\u00b7erfc(x/\u221a2), erfc by the Chebyshev fit of Numerical Recipes' erfcc (|error| < 1.2e-7). */
function normalCdf(x) {
    const z = Math.abs(x) / Math.SQRT2;
    const t = 1 / (1 + 0.5 * z);
    const erfc = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t *
                                                (0.27886807 +
                                                    t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
/**
 * Jensen\u2013Shannon divergence of two histograms over the same bins (counts a, b):
 * JS = \u00bd \u03a3 p\u1d62 log\u2082(p\u1d62/m\u1d62) + \u00bd \u03a3 q\u1d62 log\u2082(q\u1d62/m\u1d62), p\u1d62 = a\u1d62/N\u2090, q\u1d62 = b\u1d62/N_b, m\u1d62 = (p\u1d62 + q\u1d62)/2,
 * a term with p\u1d62 = 0 (or q\u1d62 = 0) being 0. Base 2, so 0 \u2264 JS \u2264 1 (1: no label in
 * common). No smoothing: m\u1d62 > 0 wherever a term is counted. An empty window gives 0.
 */
function jsDivergence(a, b) {
    const na = a.reduce((s, x) => s + x, 0);
    const nb = b.reduce((s, x) => s + x, 0);
    if (na === 0 || nb === 0)
        return 0;
    let sum = 0;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const p = (a[i] ?? 0) / na;
        const q = (b[i] ?? 0) / nb;
        const m = (p + q) / 2;
        if (p > 0)
            sum += 0.5 * p * Math.log2(p / m);
        if (q > 0)
            sum += 0.5 * q * Math.log2(q / m);
    }
    // Rounding can leave \u22121e-17 for identical histograms.
    return Math.min(1, Math.max(0, sum));
}

;// CONCATENATED MODULE: ./lib/lifecycle/drift.js

/** Every scored observation (example \u00d7 repeat) of a criterion: its score and whether it passed. */
function observations(results, criterion) {
    return results.flatMap((r) => {
        const c = r.status === "ok" ? r.criteria[criterion] : undefined;
        return c ? [{ score: c.score, passed: c.passed }] : [];
    });
}
const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
function criterionDrift(name, baseline, current) {
    const a = observations(baseline, name);
    const b = observations(current, name);
    const sa = a.map((o) => o.score);
    const sb = b.map((o) => o.score);
    const graded = [...sa, ...sb].some((s) => s !== 0 && s !== 1);
    const pa = a.filter((o) => o.passed).length;
    const pb = b.filter((o) => o.passed).length;
    const value = psi(scoreBins(sa), scoreBins(sb));
    return {
        criterion: name,
        graded,
        n: { baseline: a.length, current: b.length },
        mean: { baseline: mean(sa), current: mean(sb) },
        pass_rate: { baseline: a.length ? pa / a.length : 0, current: b.length ? pb / b.length : 0 },
        psi: value,
        band: psiBand(value),
        ks: graded ? ksTest(sa, sb) : null,
        pass_rate_test: twoProportionTest(pa, a.length, pb, b.length),
    };
}
/** Characters of every string in a value, recursively (an input's text length). */
function textLength(value) {
    if (typeof value === "string")
        return value.length;
    if (Array.isArray(value))
        return value.reduce((n, v) => n + textLength(v), 0);
    if (value !== null && typeof value === "object")
        return Object.values(value).reduce((n, v) => n + textLength(v), 0);
    return 0;
}
function numericDrift(feature, a, b) {
    const edges = decileEdges(a);
    const value = a.length && b.length ? psi(binByEdges(a, edges), binByEdges(b, edges)) : 0;
    return {
        feature,
        kind: "numeric",
        n: { baseline: a.length, current: b.length },
        psi: value,
        band: psiBand(value),
        ks: ksTest(a, b),
    };
}
function categoricalDrift(feature, a, b) {
    const bins = categoryBins(a, b);
    const value = a.length && b.length ? psi(bins.a, bins.b) : 0;
    return {
        feature,
        kind: "categorical",
        n: { baseline: a.length, current: b.length },
        psi: value,
        band: psiBand(value),
        ks: null,
        shares: bins.categories.map((category, i) => ({
            category,
            baseline: a.length ? (bins.a[i] ?? 0) / a.length : 0,
            current: b.length ? (bins.b[i] ?? 0) / b.length : 0,
        })),
    };
}
const MISSING = "(missing)";
const UNTAGGED = "(untagged)";
/** Input drift: text length, tag mix, and each --field (numeric when every present value is a number). */
function inputDrift(a, b, fields) {
    const tags = (ts) => ts.flatMap((t) => (t.tags?.length ? t.tags : [UNTAGGED]));
    const out = [
        numericDrift("text length", a.map((t) => textLength(t.input)), b.map((t) => textLength(t.input))),
        categoricalDrift("tags", tags(a), tags(b)),
    ];
    for (const field of fields) {
        const values = (ts) => ts.map((t) => (Object.hasOwn(t.input, field) ? t.input[field] : undefined));
        const va = values(a);
        const vb = values(b);
        const present = [...va, ...vb].filter((v) => v !== undefined);
        if (present.length > 0 && present.every((v) => typeof v === "number")) {
            const nums = (vs) => vs.filter((v) => typeof v === "number");
            out.push(numericDrift(`input.${field}`, nums(va), nums(vb)));
        }
        else {
            const cat = (vs) => vs.map((v) => (v === undefined ? MISSING : typeof v === "string" ? v : JSON.stringify(v)));
            out.push(categoricalDrift(`input.${field}`, cat(va), cat(vb)));
        }
    }
    return out;
}
function driftReport(input) {
    const criteria = input.criteria.map((c) => criterionDrift(c, input.baseline, input.current));
    const inputs = Array.isArray(input.inputs) ? input.inputs : [];
    const outputs = input.outputs ?? [];
    const drifted = [...criteria, ...inputs, ...outputs].some((d) => d.psi > input.failPsi);
    return {
        prompt: input.prompt,
        fail_psi: input.failPsi,
        criteria,
        inputs,
        outputs,
        ...(Array.isArray(input.inputs) ? {} : { inputs_note: input.inputs.note }),
        drifted,
    };
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/format.js
var format = __webpack_require__(7703);
;// CONCATENATED MODULE: ./lib/lifecycle/drift-report.js



const BAND = {
    none: "none",
    moderate: "\u26a0\ufe0f moderate",
    significant: "\u274c significant",
};
const p = (x) => (x < 0.001 ? x.toExponential(1) : x.toPrecision(2));
const psiCell = (psi, band) => `${psi.toFixed(3)} (${BAND[band]})`;
const ksCell = (ks) => ks ? `D ${ks.d.toFixed(3)}, p ${p(ks.p_value)}` : "\u2013";
function topShares(f) {
    if (!f.shares)
        return "";
    const moved = [...f.shares]
        .sort((a, b) => Math.abs(b.current - b.baseline) - Math.abs(a.current - a.baseline))
        .slice(0, 3);
    return moved
        .map((s) => `${(0,report_escape/* escapeInline */.VV)(s.category, 60)} ${(0,format/* pct */.Oe)(s.baseline)} \u2192 ${(0,format/* pct */.Oe)(s.current)}`)
        .join("; ");
}
/** The drift report as markdown; names and categories from traces are escaped. */
function renderDriftMarkdown(r) {
    const head = r.drifted
        ? `## \u274c agentops drift: ${(0,report_escape/* escapeInline */.VV)(r.prompt)} \u2014 PSI above ${r.fail_psi}`
        : `## \u2705 agentops drift: ${(0,report_escape/* escapeInline */.VV)(r.prompt)} \u2014 no PSI above ${r.fail_psi}`;
    const criteria = (0,markdown_table/* markdownTable */.Q)([
        ["criterion", "n (baseline \u2192 current)", "mean", "pass rate", "PSI", "KS (graded)", "pass rate z-test"],
        ...r.criteria.map((c) => [
            (0,report_escape/* escapeInline */.VV)(c.criterion),
            `${c.n.baseline} \u2192 ${c.n.current}`,
            `${(0,format/* pct */.Oe)(c.mean.baseline)} \u2192 ${(0,format/* pct */.Oe)(c.mean.current)}`,
            `${(0,format/* pct */.Oe)(c.pass_rate.baseline)} \u2192 ${(0,format/* pct */.Oe)(c.pass_rate.current)}`,
            psiCell(c.psi, c.band),
            ksCell(c.ks),
            c.pass_rate_test ? `z ${c.pass_rate_test.z.toFixed(2)}, p ${p(c.pass_rate_test.p_value)}` : "\u2013",
        ]),
    ]);
    const parts = [head, "", "### Scores", "", criteria, ""];
    if (r.outputs.length > 0)
        parts.push("### Outputs (labels)", "", (0,markdown_table/* markdownTable */.Q)([
            ["label of", "n (baseline \u2192 current)", "PSI", "JS divergence", "largest moves"],
            ...r.outputs.map((f) => [
                (0,report_escape/* escapeInline */.VV)(f.feature),
                `${f.n.baseline} \u2192 ${f.n.current}`,
                psiCell(f.psi, f.band),
                f.js_divergence.toFixed(3),
                topShares(f),
            ]),
        ]), "");
    parts.push("### Inputs", "");
    if (r.inputs.length > 0) {
        parts.push((0,markdown_table/* markdownTable */.Q)([
            ["feature", "n (baseline \u2192 current)", "PSI", "KS", "largest moves"],
            ...r.inputs.map((f) => [
                (0,report_escape/* escapeInline */.VV)(f.feature),
                `${f.n.baseline} \u2192 ${f.n.current}`,
                psiCell(f.psi, f.band),
                ksCell(f.ks),
                topShares(f),
            ]),
        ]), "");
    }
    else
        parts.push((0,report_escape/* escapeInline */.VV)(r.inputs_note ?? "no input features", 500), "");
    parts.push("PSI bands: < 0.1 none, 0.1\u20130.25 moderate, > 0.25 significant. Scores in 10 equal bins over [0, 1]; input lengths and numbers in the baseline's deciles; \u00bd added to every bin not empty on both sides. Jensen\u2013Shannon divergence of the label shares in bits (0 same, 1 disjoint), unsmoothed. See docs/statistics.md, \u201cDrift\u201d.", "");
    return parts.join("\n");
}

// EXTERNAL MODULE: ./lib/engine/scorers/json-output.js
var json_output = __webpack_require__(448);
// EXTERNAL MODULE: ./lib/engine/scorers/one-of.js
var one_of = __webpack_require__(6876);
;// CONCATENATED MODULE: ./lib/lifecycle/label-drift.js
/**
 * Drift of what the model says: the distribution of a classifier's output
 * labels between two windows. A label is the `one_of` label an answer matched
 * (its verdict's detail), the answer itself for an `equals` criterion, or a
 * field of a JSON answer (`--field output.<path>`). Pure.
 */



const NOT_A_LABEL = "(not a label)";
const MISSING_FIELD = "(missing)";
/** Labels longer than this are cut: a free-text answer is not a label, but must not bloat the report. */
const MAX_LABEL = 80;
const cut = (s) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}\u2026` : s);
function fieldOf(output, path) {
    const parsed = (0,json_output/* parseJsonOutput */.dl)(output);
    if (!parsed.ok)
        return MISSING_FIELD;
    let v = parsed.value;
    for (const key of path) {
        if (typeof v !== "object" || v === null || !Object.hasOwn(v, key))
            return MISSING_FIELD;
        v = v[key];
    }
    return cut(typeof v === "string" ? v : JSON.stringify(v));
}
/** One label per scored answer (example \u00d7 repeat); answers that errored have none. */
function labelsOf(results, source) {
    return results.flatMap((r) => {
        if (r.status !== "ok" || r.output === undefined)
            return [];
        if (source.kind === "field")
            return [fieldOf(r.output, source.path)];
        if (source.kind === "equals")
            return [cut((0,one_of/* normalizeLabel */.y)(r.output).toLowerCase())];
        const v = r.criteria[source.criterion];
        if (!v)
            return [];
        return [v.passed && v.detail ? cut(v.detail) : NOT_A_LABEL];
    });
}
/** `--field output.a.b` \u2192 the path [a, b]; other fields are input fields. */
function outputFieldSource(field) {
    if (!field.startsWith("output.") || field.length <= "output.".length)
        return undefined;
    return { kind: "field", path: field.slice("output.".length).split("."), name: field };
}
/** The label sources of a prompt's criteria: every one_of and equals criterion. */
function criterionSources(criteria) {
    return criteria.flatMap((c) => c.type === "one_of" || c.type === "equals" ? [{ kind: c.type, criterion: c.name }] : []);
}
function sourceName(s) {
    return s.kind === "field" ? s.name : `${s.criterion} (${s.kind} label)`;
}
function labelDrift(source, baseline, current) {
    const a = labelsOf(baseline, source);
    const b = labelsOf(current, source);
    const bins = categoryBins(a, b);
    const value = a.length && b.length ? psi(bins.a, bins.b) : 0;
    return {
        feature: sourceName(source),
        kind: "categorical",
        n: { baseline: a.length, current: b.length },
        psi: value,
        band: psiBand(value),
        ks: null,
        js_divergence: jsDivergence(bins.a, bins.b),
        shares: bins.categories.map((category, i) => ({
            category,
            baseline: a.length ? (bins.a[i] ?? 0) / a.length : 0,
            current: b.length ? (bins.b[i] ?? 0) / b.length : 0,
        })),
    };
}

// EXTERNAL MODULE: ./lib/lifecycle/traces.js
var lifecycle_traces = __webpack_require__(7352);
// EXTERNAL MODULE: ./lib/secrets.js
var secrets = __webpack_require__(150);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
// EXTERNAL MODULE: ./lib/cli/score-command.js + 3 modules
var score_command = __webpack_require__(728);
// EXTERNAL MODULE: ./lib/cli/versions-command.js + 1 modules
var versions_command = __webpack_require__(3795);
;// CONCATENATED MODULE: ./lib/cli/drift-command.js














const DRIFT_HELP = `Usage: agentops drift --baseline <a> --current <b> --prompt <name> [options]

Compares two windows of a prompt's production traffic: per criterion the shift
of the score distribution (PSI, a two-sample KS test for graded scores, a
two-proportion z-test for pass rates), the drift of the inputs (text
length, tag mix, each --field) and of the output labels (each one_of and
equals criterion's label, each --field output.PATH: PSI and Jensen-Shannon
divergence). A window is a results JSON of agentops score
(--out), or raw traces (JSONL), scored on the way with the prompt's criteria.

Options:
  --baseline FILE      the earlier window
  --current FILE       the window to check
  --prompt NAME        the prompt whose criteria score (and name) the windows
  --version N          that version's criteria, for raw traces (default: the one active in --env)
  --env NAME           environment whose active version to use (default: production)
  --field NAME         an input field to check for drift (raw traces only), or output.PATH:
                       a field of the JSON answer whose values are labels; repeat for several
  --fail-psi X         exit 1 when any PSI is above X (default 0.25)
  --sample N           score a deterministic sample of N traces per raw window
  --project DIR        the project folder (default: the current folder, searched upwards)
${provider_flags/* providerOptions */.AA}
  --out FILE           write the drift JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 no PSI above --fail-psi, 1 a PSI above it, 2 bad input or usage,
3 a raw window could not be scored completely, 4 internal error.
`;
async function driftCommand(argv, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: false,
        strict: true,
        options: {
            baseline: { type: "string" },
            current: { type: "string" },
            prompt: { type: "string" },
            version: { type: "string" },
            env: { type: "string" },
            field: { type: "string", multiple: true },
            "fail-psi": { type: "string" },
            sample: { type: "string" },
            project: { type: "string" },
            ...provider_flags/* RUN_FLAG_SPECS */.SB,
            out: { type: "string" },
            report: { type: "string" },
            format: { type: "string" },
            quiet: { type: "boolean", short: "q" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(DRIFT_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (!values.baseline || !values.current || !values.prompt)
        throw new errors/* UserError */.yo("drift needs --baseline, --current and --prompt", {}, "run: agentops drift --help");
    const format = (0,provider_flags/* oneOf */.yL)(values.format, ["markdown", "json"], "--format") ?? "markdown";
    const failPsi = values["fail-psi"] === undefined ? 0.25 : Number(values["fail-psi"]);
    if (!Number.isFinite(failPsi) || failPsi <= 0)
        throw new errors/* UserError */.yo(`--fail-psi takes a positive number, got "${values["fail-psi"]}"`, {}, "e.g. --fail-psi 0.25");
    const version = (0,provider_flags/* positiveInt */.NJ)(values.version, "--version");
    const sample = (0,provider_flags/* positiveInt */.NJ)(values.sample, "--sample");
    const prompt = values.prompt;
    const load = async (file) => {
        const text = await (0,files/* readUserFile */.E1)((0,external_node_path_.resolve)(io.cwd, file), files/* MAX_EVAL_SET_BYTES */.nU);
        if (text.trimStart().startsWith("{") && looksLikeResults(text)) {
            const parsed = (0,versions_command.parseResults)(text, file);
            const runs = parsed.runs.filter((r) => r.prompt === prompt);
            if (runs.length === 0)
                throw new errors/* UserError */.yo(`holds no run of prompt "${prompt}"`, { file, field: "runs" }, "pass the results of agentops score --prompt " + prompt);
            return {
                results: runs.flatMap((r) => r.examples),
                criteria: [...new Set(runs.flatMap((r) => r.criteria.map((c) => c.name)))],
                types: typesOf(runs, parsed),
                complete: runs.every((r) => !r.stopped),
            };
        }
        const traces = (0,lifecycle_traces/* parseTraces */.m)(text, file);
        const { results } = await (0,score_command.scoreTraces)({
            tracesFile: file,
            prompt,
            ...(version !== undefined ? { version } : {}),
            ...(values.env ? { environment: values.env } : {}),
            ...(sample !== undefined ? { sample } : {}),
            ...(values.project ? { project: values.project } : {}),
            ...(values.quiet ? { quiet: true } : {}),
            flags: (0,provider_flags/* runFlags */.lM)(values),
        }, io, traces);
        const run = results.runs[0];
        const kept = new Set(run?.examples.map((e) => e.id));
        return {
            results: run?.examples ?? [],
            criteria: run?.criteria.map((c) => c.name) ?? [],
            types: typesOf(run ? [run] : [], results),
            traces: traces.filter((t) => kept.has(t.id)),
            complete: results.complete,
        };
    };
    const baseline = await load(values.baseline);
    const current = await load(values.current);
    const criteria = current.criteria.filter((c) => baseline.criteria.includes(c));
    const outputFields = (values.field ?? []).flatMap((f) => {
        const source = outputFieldSource(f);
        return source ? [source] : [];
    });
    const fields = (values.field ?? []).filter((f) => !outputFieldSource(f));
    // A label source counts when both windows have it, with the same type.
    const sources = [
        ...criterionSources(current.types.filter((c) => baseline.types.some((b) => b.name === c.name && b.type === c.type))),
        ...outputFields,
    ];
    // Categories and field values come from production inputs, which may hold a key: masked like eval's results.
    const report = (0,secrets/* scrubDeep */.wE)(driftReport({
        prompt,
        failPsi,
        criteria,
        baseline: baseline.results,
        current: current.results,
        inputs: baseline.traces && current.traces
            ? inputDrift(baseline.traces, current.traces, fields)
            : { note: "input drift needs raw traces on both sides: a results file carries no inputs" },
        outputs: sources.map((source) => labelDrift(source, baseline.results, current.results)),
    }), (0,secrets/* secretsFromEnv */.zr)(io.env));
    const json = JSON.stringify(report, null, 2) + "\n";
    const md = renderDriftMarkdown(report);
    if (values.out)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.out), json);
    if (values.report)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.report), md);
    if (!values.quiet && (values.out || values.report))
        io.stderr(`written: ${[values.out, values.report]
            .filter(Boolean)
            .map((f) => (0,external_node_path_.relative)(io.cwd, (0,external_node_path_.resolve)(io.cwd, f ?? "")))
            .join(", ")}\n`);
    io.stdout(format === "json" ? json : md);
    if (report.drifted) {
        const over = [
            ...report.criteria.map((c) => [c.criterion, c.psi]),
            ...report.inputs.map((f) => [f.feature, f.psi]),
            ...report.outputs.map((f) => [f.feature, f.psi]),
        ]
            .filter(([, v]) => v > failPsi)
            .map(([name, v]) => `${name} (PSI ${v.toFixed(3)})`);
        io.stderr(`drift: ${over.join(", ")} above --fail-psi ${failPsi}\n`);
        return cli_io/* EXIT */.d.regression;
    }
    if (!baseline.complete || !current.complete) {
        io.stderr("incomplete: a window could not be scored completely (see the progress lines)\n");
        return cli_io/* EXIT */.d.inconclusive;
    }
    return cli_io/* EXIT */.d.ok;
}
function typesOf(runs, results) {
    const seen = new Map();
    for (const r of runs)
        for (const c of r.criteria)
            seen.set(c.name, c.type);
    for (const c of results.trace_scoring?.skipped_criteria ?? [])
        if (!seen.has(c.criterion))
            seen.set(c.criterion, c.type);
    return [...seen].map(([name, type]) => ({ name, type }));
}
/** A results JSON is one object with kind "eval"; a traces file is one object per line. */
function looksLikeResults(text) {
    try {
        const v = JSON.parse(text);
        return typeof v === "object" && v !== null && "runs" in v;
    }
    catch {
        return false;
    }
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


/***/ })

};
