export const id = 29;
export const ids = [29];
export const modules = {

/***/ 8974:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ toolDefinition),
/* harmony export */   M2: () => (/* binding */ toolFields),
/* harmony export */   OP: () => (/* binding */ declaredTools)
/* harmony export */ });
/* unused harmony export toolChoiceOf */
/** The long form the API takes, whichever form the prompt file used. */
function toolDefinition(spec) {
    const f = "function" in spec ? spec.function : spec;
    return {
        type: "function",
        function: {
            name: f.name,
            ...(f.description !== undefined ? { description: f.description } : {}),
            ...(f.parameters !== undefined ? { parameters: f.parameters } : {}),
            ...(f.strict !== undefined ? { strict: f.strict } : {}),
        },
    };
}
/** `tool_choice` as the API takes it: a tool name becomes `{type: function, function: {name}}`. */
function toolChoiceOf(choice) {
    if (choice === "auto" || choice === "none" || choice === "required")
        return choice;
    return { type: "function", function: { name: choice } };
}
/** Tool fields of a request, present only when the prompt declares tools (so other requests keep their keys). */
function toolFields(prompt) {
    if (!prompt.tools)
        return {};
    return {
        tools: prompt.tools.map(toolDefinition),
        ...(prompt.tool_choice !== undefined ? { tool_choice: toolChoiceOf(prompt.tool_choice) } : {}),
    };
}
/** Declared tool name -> its parameters schema (undefined when it declares none). */
function declaredTools(tools) {
    return new Map((tools ?? []).map((t) => [t.function.name, t.function.parameters]));
}


/***/ }),

/***/ 3556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ou: () => (/* binding */ toolPath),
/* harmony export */   lF: () => (/* binding */ unmatchedCalls),
/* harmony export */   p9: () => (/* binding */ callsOf)
/* harmony export */ });
/*
 * What an agent did on one example, as the results JSON keeps it: one step per model call,
 * each with the tool calls it made and what answered them, and the final answer.
 */
function callsOf(t) {
    return t.steps.flatMap((s) => s.tool_calls);
}
/** Tool names in call order. */
function toolPath(t) {
    return callsOf(t).map((c) => c.name);
}
function unmatchedCalls(t) {
    return callsOf(t).filter((c) => c.unmatched).length;
}


/***/ }),

/***/ 9749:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VD: () => (/* binding */ clusteredPassRate),
/* harmony export */   VK: () => (/* binding */ passAllRepeats),
/* harmony export */   Y8: () => (/* binding */ clusterPairs),
/* harmony export */   _D: () => (/* binding */ clusterSide),
/* harmony export */   mr: () => (/* binding */ clusteredRate),
/* harmony export */   rn: () => (/* binding */ settledExamples)
/* harmony export */ });
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3128);

function clusters(results, criterion) {
    const out = new Map();
    for (const r of results) {
        const v = r.criteria[criterion];
        if (r.status !== "ok" || !v)
            continue;
        let c = out.get(r.id);
        if (!c)
            out.set(r.id, (c = { scores: [], passes: 0 }));
        c.scores.push(v.score);
        if (v.passed)
            c.passes++;
    }
    return out;
}
const mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
/** Per-example means of the examples scored on both sides (in the challenger's order). */
function clusterPairs(champion, challenger, criterion) {
    const a = clusters(champion, criterion);
    const b = clusters(challenger, criterion);
    const out = { ids: [], champion: [], challenger: [], championPass: [], challengerPass: [] };
    for (const [id, y] of b) {
        const x = a.get(id);
        if (!x)
            continue;
        out.ids.push(id);
        out.champion.push(mean(x.scores));
        out.challenger.push(mean(y.scores));
        out.championPass.push(x.passes / x.scores.length);
        out.challengerPass.push(y.passes / y.scores.length);
    }
    return out;
}
/** One side's per-example pass shares and mean scores, paired or not. */
function clusterSide(results, criterion) {
    const pass = [];
    const score = [];
    for (const c of clusters(results, criterion).values()) {
        pass.push(c.passes / c.scores.length);
        score.push(mean(c.scores));
    }
    return { pass, score };
}
const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** A rate over examples (per-example shares) with its 95% t-interval over examples, clamped to [0, 1]. */
function clusteredRate(perExample) {
    if (perExample.length === 0)
        return { rate: 0, ci: [0, 1] };
    const { mean: m, ci } = (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .meanInterval */ .VO)(perExample);
    return { rate: m, ci: [clamp01(ci[0]), clamp01(ci[1])] };
}
/**
 * A pass rate over examples with its 95% Wilson interval over examples: p\u0302 is
 * the mean of the per-example shares of passing repeats, n the number of
 * examples, and the interval Wilson's for p\u0302\u00b7n successes in n. A share lies in
 * [0, 1], so its variance is at most p(1 \u2212 p): the interval is at least as wide
 * as the clustered one, and unlike a t-interval it stays honest at 0 and 1
 * (0 of 7 examples gives 0\u201335%, never "0\u20130%"). Without repeats it is the plain
 * Wilson interval of passes over examples.
 */
function clusteredPassRate(perExample) {
    const n = perExample.length;
    if (n === 0)
        return { rate: 0, ci: [0, 1] };
    const rate = mean(perExample);
    return { rate, ci: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .wilsonInterval */ .Fy)(Math.min(n, Math.max(0, rate * n)), n) };
}
/** pass^k of one side for one criterion; undefined without repeats. */
function passAllRepeats(results, criterion) {
    const asked = new Map();
    for (const r of results)
        asked.set(r.id, (asked.get(r.id) ?? 0) + 1);
    const k = Math.max(0, ...asked.values());
    if (k < 2)
        return undefined;
    const scored = clusters(results, criterion);
    let n = 0;
    let passed = 0;
    for (const [id, c] of scored) {
        if (c.scores.length !== asked.get(id))
            continue;
        n++;
        if (c.passes === c.scores.length)
            passed++;
    }
    return { k, n, passed, rate: n > 0 ? passed / n : 0, ci: (0,_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .wilsonInterval */ .Fy)(passed, n) };
}
/**
 * Examples whose answers are settled: at least two samples on each side and
 * every sample of a side returned the same text. More repeats of them would
 * repeat the same answers; only other examples can add information.
 */
function settledExamples(champion, challenger) {
    const texts = (results) => {
        const m = new Map();
        const counts = new Map();
        for (const r of results) {
            if (r.status !== "ok")
                continue;
            let s = m.get(r.id);
            if (!s)
                m.set(r.id, (s = new Set()));
            s.add(r.output ?? "");
            counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
        }
        // A single sample says nothing about whether the next one would differ.
        for (const [id, n] of counts)
            if (n < 2)
                m.delete(id);
        return m;
    };
    const a = texts(champion);
    const b = texts(challenger);
    const out = new Set();
    for (const [id, s] of b)
        if (s.size === 1 && a.get(id)?.size === 1)
            out.add(id);
    return out;
}


/***/ }),

/***/ 3128:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fy: () => (/* binding */ wilsonInterval),
/* harmony export */   VO: () => (/* binding */ meanInterval),
/* harmony export */   YV: () => (/* binding */ quantile),
/* harmony export */   ay: () => (/* binding */ lgamma)
/* harmony export */ });
/* unused harmony exports mulberry32, t975, mcnemarExact, pairedBootstrap, holm */
/**
 * Pure statistics for paired champion/challenger comparisons. Everything that
 * draws random numbers takes a seed, so a rerun on the same data prints the
 * same intervals (a report that changes on re-run would not be trusted).
 *
 * Invalid arguments (negative counts, mismatched pairs, p-values outside
 * [0, 1]) throw a RangeError rather than returning NaN: a NaN would silently
 * turn into "not significant" further down the gate.
 */
/** Two-sided 95% standard-normal quantile, \u03a6\u207b\u00b9(0.975). */
const Z975 = 1.959963984540054;
/**
 * Mulberry32 (Tommy Ettinger): a small 32-bit-state PRNG, ample for bootstrap
 * resampling. The same seed yields the same sequence on every run, platform and
 * Node version (only 32-bit integer ops and one exact division), which is what
 * makes reported intervals reproducible. Seeds are taken modulo 2\u00b3\u00b2.
 */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/**
 * Sample quantile of an ascending-sorted sample, interpolating linearly between
 * order statistics (Hyndman & Fan type 7, the R and NumPy default). q is
 * clamped to [0, 1]; an empty sample gives NaN.
 */
function quantile(sorted, q) {
    const n = sorted.length;
    if (n === 0)
        return NaN;
    const h = (n - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(h);
    const a = sorted[lo] ?? NaN;
    // Return the order statistic itself when h is whole, so an infinite neighbour cannot give Inf\u00b70 = NaN.
    if (h === lo || lo + 1 >= n)
        return a;
    const b = sorted[lo + 1] ?? NaN;
    return a + (h - lo) * (b - a);
}
/**
 * Wilson score interval for a binomial proportion: unlike the Wald interval it
 * stays inside [0, 1] and is not degenerate at 0/n and n/n. n = 0 \u2192 [0, 1].
 */
function wilsonInterval(successes, n, z = Z975) {
    if (!(n >= 0) || !(successes >= 0 && successes <= n)) {
        throw new RangeError(`wilsonInterval needs 0 \u2264 successes \u2264 n, got ${successes}/${n}`);
    }
    if (n === 0)
        return [0, 1];
    const p = successes / n;
    const z2 = z * z;
    const denom = 1 + z2 / n;
    const centre = (p + z2 / (2 * n)) / denom;
    const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
    // At 0/n and n/n the bound is exactly 0 or 1 algebraically; pin it so rounding cannot leave 1e-17 or 0.9999999999999999.
    const lower = successes === 0 ? 0 : Math.max(0, centre - half);
    const upper = successes === n ? 1 : Math.min(1, centre + half);
    return [lower, upper];
}
/** Student-t 0.975 quantiles for df = 1\u202630 (to 10 significant digits), where series expansions are poor. */
const T975_SMALL = [
    12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
    2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
    2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
    2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];
/**
 * Student-t 0.975 quantile (two-sided 95%). Table for df \u2264 30; beyond, the
 * Cornish\u2013Fisher expansion of t around the normal quantile (Abramowitz &
 * Stegun 26.7.5, terms to \u03bd\u207b\u2074), whose error is below 1e-7 at df = 31 and
 * shrinks as \u03bd\u207b\u2075. df is floored; df < 1 gives NaN.
 */
function t975(df) {
    if (!(df >= 1))
        return NaN;
    const d = Math.floor(df);
    const tabled = T975_SMALL[d - 1];
    if (tabled !== undefined)
        return tabled;
    const x = Z975;
    const x2 = x * x;
    const x3 = x2 * x;
    const x5 = x3 * x2;
    const x7 = x5 * x2;
    const x9 = x7 * x2;
    const g1 = (x3 + x) / 4;
    const g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
    const g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
    const g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
    return x + (g1 + (g2 + (g3 + g4 / d) / d) / d) / d;
}
/**
 * Mean with a 95% Student-t interval, mean \u00b1 t\u2080.\u2089\u2087\u2085(n\u22121)\u00b7s/\u221an. Not clamped:
 * callers clamp where a bound is known. n = 0 \u2192 mean 0 with the uninformative
 * [0, 1] (scores live in [0, 1]); n = 1 \u2192 a zero-width interval at the value,
 * since one observation carries no estimate of spread.
 */
function meanInterval(values) {
    const n = values.length;
    if (n === 0)
        return { mean: 0, ci: [0, 1] };
    let sum = 0;
    for (const v of values)
        sum += v;
    let mean = sum / n;
    if (n === 1)
        return { mean, ci: [mean, mean] };
    // Two-pass (corrected) algorithm: the second pass fixes the mean's rounding and avoids the
    // catastrophic cancellation of the one-pass \u03a3x\u00b2 \u2212 n\u00b7x\u0304\u00b2 variance formula.
    let dev = 0;
    for (const v of values)
        dev += v - mean;
    mean += dev / n;
    let ss = 0;
    for (const v of values)
        ss += (v - mean) ** 2;
    const half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
    return { mean, ci: [mean - half, mean + half] };
}
/** Lanczos coefficients for g = 7, n = 9 (the Numerical Recipes / Godfrey set). */
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/**
 * ln \u0393(x) by the Lanczos approximation (g = 7), relative error ~1e-15 for
 * x > 0; the reflection formula \u0393(x)\u0393(1\u2212x) = \u03c0 / sin(\u03c0x) covers x < 0.5.
 */
function lgamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
    const y = x - 1;
    let a = LANCZOS[0] ?? 1;
    const t = y + 7.5;
    for (let i = 1; i < LANCZOS.length; i++)
        a += (LANCZOS[i] ?? 0) / (y + i);
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
const isCount = (x) => Number.isSafeInteger(x) && x >= 0;
/**
 * Exact two-sided McNemar test. Under H0 the b + c discordant pairs split as
 * X ~ Binomial(b + c, 1/2), so p = min(1, 2\u00b7P(X \u2264 min(b, c))); b + c = 0 \u2192 1.
 *
 * The largest tail term C(n, k)/2\u207f is taken in log space through ln \u0393 (it
 * underflows as a plain product long before n = 100 000); the rest of the tail
 * is summed relative to it with the ratio C(n, i\u22121)/C(n, i) = i/(n\u2212i+1) < 1, so
 * nothing overflows and only three ln \u0393 calls are made. The result underflows
 * to 0 only when the true p-value is below ~1e-308 (e.g. min(b, c) = 0 with
 * b + c > 1074).
 */
function mcnemarExact(b, c) {
    if (!isCount(b) || !isCount(c)) {
        throw new RangeError(`mcnemarExact needs non-negative integer counts, got b=${b}, c=${c}`);
    }
    const n = b + c;
    // With b = c the lower tail already holds at least half the mass.
    if (n === 0 || b === c)
        return 1;
    const k = Math.min(b, c);
    const logTop = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + n * Math.log(0.5);
    let term = 1;
    let sum = 1;
    for (let i = k; i >= 1; i--) {
        const ratio = i / (n - i + 1);
        term *= ratio;
        sum += term;
        // Ratios shrink as i falls, so the remaining tail is at most term\u00b7ratio/(1 \u2212 ratio).
        if ((term * ratio) / (1 - ratio) < sum * 1e-17)
            break;
    }
    return Math.min(1, 2 * Math.exp(logTop + Math.log(sum)));
}
/**
 * Percentile bootstrap (Efron) of the mean paired difference, challenger \u2212
 * champion. Index i of both arrays is the same example: resampling pairs, not
 * the two sides apart, keeps the per-example correlation that makes paired
 * comparisons far tighter than comparing two raw means.
 *
 * O(resamples\u00b7n) time, two Float64Array allocations in total; deterministic for
 * a given seed. n = 0 \u2192 delta 0, ci [0, 0].
 */
function pairedBootstrap(champion, challenger, opts = {}) {
    if (champion.length !== challenger.length) {
        throw new RangeError(`paired samples differ in length: ${champion.length} vs ${challenger.length}`);
    }
    const resamples = opts.resamples ?? 2000;
    if (!Number.isSafeInteger(resamples) || resamples < 1) {
        throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
    }
    const confidence = opts.confidence ?? 0.95;
    if (!(confidence > 0 && confidence < 1)) {
        throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
    }
    const n = champion.length;
    if (n === 0)
        return { delta: 0, ci: [0, 0], resamples };
    const diffs = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
        const d = (challenger[i] ?? 0) - (champion[i] ?? 0);
        diffs[i] = d;
        sum += d;
    }
    // Same left-to-right summation as each resample, so a constant shift gives ci === [delta, delta] exactly.
    const delta = sum / n;
    const random = mulberry32(opts.seed ?? 20240601);
    const means = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
        let s = 0;
        for (let i = 0; i < n; i++)
            s += diffs[Math.floor(random() * n)] ?? 0;
        means[r] = s / n;
    }
    // TypedArray#sort is numeric (not lexicographic like Array#sort without a comparator).
    means.sort();
    const alpha = 1 - confidence;
    return { delta, ci: [quantile(means, alpha / 2), quantile(means, 1 - alpha / 2)], resamples };
}
/**
 * Holm\u2013Bonferroni step-down adjusted p-values: with p\u208d\u2081\u208e \u2264 \u2026 \u2264 p\u208d\u2098\u208e,
 * p\u0303\u208d\u1d62\u208e = max\u2c7c\u2264\u1d62 min(1, (m \u2212 j + 1)\u00b7p\u208d\u2c7c\u208e). Returned in input order; controls the
 * family-wise error rate without Bonferroni's loss of power.
 */
function holm(pValues) {
    const m = pValues.length;
    for (const p of pValues) {
        if (!(p >= 0 && p <= 1))
            throw new RangeError(`p-values must be in [0, 1], got ${p}`);
    }
    const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    const adjusted = new Array(m).fill(1);
    let running = 0;
    order.forEach(({ p, i }, rank) => {
        // The running maximum enforces monotonicity: a larger raw p never gets a smaller adjusted p.
        running = Math.max(running, Math.min(1, (m - rank) * p));
        adjusted[i] = running;
    });
    return adjusted;
}


/***/ }),

/***/ 9964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QW: () => (/* binding */ UNTAGGED),
/* harmony export */   f1: () => (/* binding */ exampleCategories)
/* harmony export */ });
/* unused harmony export categoriesOf */
/** Examples with neither tags nor labels.category. */
const UNTAGGED = "(untagged)";
/** An example's categories: its tags, then labels.category when it is a string; deduplicated. */
function categoriesOf(example) {
    const category = example.labels?.category;
    const all = [...(example.tags ?? []), ...(typeof category === "string" ? [category] : [])];
    return [...new Set(all.map((t) => t.trim()).filter((t) => t.length > 0))];
}
/** id \u2192 categories, for the examples that have any; undefined when none has (nothing to break down). */
function exampleCategories(examples) {
    const out = {};
    for (const e of examples) {
        const c = categoriesOf(e);
        if (c.length > 0)
            out[e.id] = c;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}


/***/ }),

/***/ 2761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ aggregateCriteria),
/* harmony export */   IG: () => (/* binding */ cohensKappa),
/* harmony export */   eh: () => (/* binding */ summarize)
/* harmony export */ });
/* harmony import */ var _compare_cluster_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9749);
/* harmony import */ var _compare_stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3128);


const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** A human label as pass/fail: a boolean, "pass"/"fail", or a 1\u20135 score where 4 and 5 pass. */
function humanPass(label) {
    if (typeof label === "boolean")
        return label;
    if (typeof label === "number")
        return label >= 4;
    if (label === "pass" || label === "fail")
        return label === "pass";
    return undefined;
}
function cohensKappa(pairs) {
    const n = pairs.length;
    if (n === 0)
        return null;
    const agree = pairs.filter(([a, b]) => a === b).length / n;
    const pa = pairs.filter(([a]) => a).length / n;
    const pb = pairs.filter(([, b]) => b).length / n;
    const chance = pa * pb + (1 - pa) * (1 - pb);
    return chance === 1 ? null : (agree - chance) / (1 - chance);
}
function judgeAgreement(name, results, examples) {
    const labels = new Map(examples.map((e) => [e.id, humanPass(e.labels?.[name])]));
    // One label is one judgement: repeats of an example are folded into its majority verdict.
    const votes = new Map();
    for (const r of results) {
        const verdict = r.criteria[name];
        if (r.status !== "ok" || !verdict || labels.get(r.id) === undefined)
            continue;
        const v = votes.get(r.id) ?? { passes: 0, n: 0 };
        v.n++;
        if (verdict.passed)
            v.passes++;
        votes.set(r.id, v);
    }
    const pairs = [];
    for (const [id, v] of votes)
        pairs.push([2 * v.passes >= v.n, labels.get(id) === true]);
    if (pairs.length === 0)
        return undefined;
    return {
        n: pairs.length,
        agreement: pairs.filter(([a, b]) => a === b).length / pairs.length,
        kappa: cohensKappa(pairs),
    };
}
function aggregateCriteria(criteria, results, examples = []) {
    return criteria.map((c) => {
        const scores = [];
        let passed = 0;
        for (const r of results) {
            const verdict = r.criteria[c.name];
            if (r.status !== "ok" || !verdict)
                continue;
            scores.push(verdict.score);
            if (verdict.passed)
                passed++;
        }
        const n = scores.length;
        // The unit is the example: with repeats, an example's figure is its mean over them, and
        // intervals are over examples (repeats of one example are not independent samples).
        const side = (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_0__/* .clusterSide */ ._D)(results, c.name);
        const repeated = side.pass.length < n;
        const score = repeated ? (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_0__/* .clusteredRate */ .mr)(side.score) : undefined;
        const rate = repeated ? (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_0__/* .clusteredPassRate */ .VD)(side.pass) : undefined;
        const passAll = (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_0__/* .passAllRepeats */ .VK)(results, c.name);
        const { mean, ci } = score ? { mean: score.rate, ci: score.ci } : (0,_compare_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .meanInterval */ .VO)(scores);
        const agg = {
            name: c.name,
            type: c.type,
            n,
            passed,
            pass_rate: rate ? rate.rate : n > 0 ? passed / n : 0,
            pass_rate_ci: rate ? rate.ci : (0,_compare_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .wilsonInterval */ .Fy)(passed, n),
            mean_score: mean,
            mean_score_ci: n > 0 ? [clamp01(ci[0]), clamp01(ci[1])] : [0, 1],
            ...(passAll ? { pass_all_repeats: passAll } : {}),
        };
        if (c.type === "llm_judge") {
            const agreement = judgeAgreement(c.name, results, examples);
            if (agreement)
                agg.judge_agreement = agreement;
        }
        if (c.threshold !== undefined) {
            agg.threshold = c.threshold;
            // One meaning for every criterion: the minimum mean score (a pass/fail check's is its pass rate).
            agg.threshold_met = n > 0 && mean >= c.threshold;
        }
        return agg;
    });
}
function summarize(results) {
    const ok = results.filter((r) => r.status === "ok");
    // A refused request the gate counted as a failure has no latency to speak of.
    const latencies = Float64Array.from(ok.filter((r) => !r.charged_error).map((r) => r.latency_ms ?? 0)).sort();
    const error_kinds = {};
    for (const r of results) {
        if (r.status === "error" && r.error)
            error_kinds[r.error.kind] = (error_kinds[r.error.kind] ?? 0) + 1;
    }
    const passed = ok.filter((r) => r.passed).length;
    return {
        examples: results.length,
        ok: ok.length,
        errors: results.filter((r) => r.status === "error").length,
        skipped: results.filter((r) => r.status === "skipped").length,
        passed,
        pass_rate: ok.length > 0 ? passed / ok.length : 0,
        mean_score: ok.length > 0 ? ok.reduce((s, r) => s + (r.score ?? 0), 0) / ok.length : 0,
        latency_ms: latencies.length > 0 ? { p50: (0,_compare_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .quantile */ .YV)(latencies, 0.5), p95: (0,_compare_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .quantile */ .YV)(latencies, 0.95) } : null,
        tokens: {
            prompt: ok.reduce((s, r) => s + (r.usage?.prompt_tokens ?? 0), 0),
            completion: ok.reduce((s, r) => s + (r.usage?.completion_tokens ?? 0), 0),
            ...cachedTokens(ok),
        },
        cost_usd: results.some((r) => r.usage && r.cost_usd === undefined)
            ? null
            : results.reduce((s, r) => s + (r.cost_usd ?? 0), 0),
        cached: ok.filter((r) => r.cached).length,
        error_kinds,
        truncated: ok.filter((r) => r.finish_reason === "length").length,
    };
}
/** The prompt-cache hits of a run's answers, only when there were some (results without them stay as they were). */
function cachedTokens(ok) {
    const cached = ok.reduce((s, r) => s + (r.usage?.cached_tokens ?? 0), 0);
    return cached > 0 ? { cached } : {};
}


/***/ }),

/***/ 9234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ buildRequest)
/* harmony export */ });
/* harmony import */ var _agent_tools_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8974);
/* harmony import */ var _config_template_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(354);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9471);




const ROLES = new Set(["system", "user", "assistant"]);
/** An example's `input.messages`, the conversation so far: data, never rendered. */
function conversationSoFar(example, evalSetFile) {
    const raw = example.input.messages;
    if (raw === undefined)
        return [];
    const where = {
        ...(evalSetFile ? { file: evalSetFile } : {}),
        line: example.line,
        field: "input.messages",
    };
    const fix = 'give a list of {"role": "user" | "assistant" | "system", "content": "\u2026"}';
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`example "${example.id}": input.messages is not a list`, where, fix);
    return raw.map((m, i) => {
        const r = m !== null && typeof m === "object" ? m : {};
        if (typeof r.role !== "string" || !ROLES.has(r.role) || typeof r.content !== "string") {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`example "${example.id}": input.messages[${i}] is not a {role, content} turn`, { ...where, field: `input.messages[${i}]` }, fix);
        }
        return { role: r.role, content: r.content };
    });
}
/**
 * The chat request a prompt version sends for one example: system, the prompt's messages, the
 * example's conversation so far, then the final user turn (template).
 */
function buildRequest(prompt, example, evalSetFile) {
    const where = { exampleId: example.id, line: example.line, ...(evalSetFile ? { file: evalSetFile } : {}) };
    const messages = [];
    if (prompt.system)
        messages.push({ role: "system", content: (0,_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplate */ .Xm)(prompt.system, example.input, where) });
    for (const m of prompt.messages ?? []) {
        const content = (0,_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .mapContentTemplates */ .rl)(m.content, (t) => (0,_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplate */ .Xm)(t, example.input, where));
        messages.push(typeof content === "string"
            ? { role: m.role, content }
            : { role: m.role, content: (0,_request_js__WEBPACK_IMPORTED_MODULE_2__/* .partsText */ ._r)(content), parts: content });
    }
    messages.push(...conversationSoFar(example, evalSetFile));
    if (prompt.template !== undefined)
        messages.push({ role: "user", content: (0,_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplate */ .Xm)(prompt.template, example.input, where) });
    return {
        model: prompt.model,
        messages,
        ...(prompt.temperature !== undefined ? { temperature: prompt.temperature } : {}),
        ...(prompt.max_tokens !== undefined ? { max_tokens: prompt.max_tokens } : {}),
        ...(0,_agent_tools_js__WEBPACK_IMPORTED_MODULE_3__/* .toolFields */ .M2)(prompt),
        ...(prompt.response_format !== undefined ? { response_format: prompt.response_format } : {}),
    };
}


/***/ }),

/***/ 4029:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eo: () => (/* binding */ evaluatePrompt),
  K: () => (/* binding */ loadTarget),
  $6: () => (/* binding */ resolveRubrics)
});

// UNUSED EXPORTS: evalSetPath, judgesOf

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/config/categories.js
var config_categories = __webpack_require__(9964);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/engine/example-checks.js
var example_checks = __webpack_require__(428);
// EXTERNAL MODULE: ./lib/engine/aggregate.js
var aggregate = __webpack_require__(2761);
// EXTERNAL MODULE: ./lib/config/template.js
var template = __webpack_require__(354);
// EXTERNAL MODULE: ./lib/engine/request.js
var engine_request = __webpack_require__(9471);
;// CONCATENATED MODULE: ./lib/agent/fixtures.js

/**
 * Whether `want` is contained in `have`: every key of an object with a contained value, arrays
 * element by element with equal length, anything else equal as JSON. `{}` is contained in any object.
 */
function isSubset(want, have) {
    if (Array.isArray(want)) {
        return Array.isArray(have) && want.length === have.length && want.every((w, i) => isSubset(w, have[i]));
    }
    if (want !== null && typeof want === "object") {
        if (have === null || typeof have !== "object" || Array.isArray(have))
            return false;
        const h = have;
        return Object.entries(want).every(([k, v]) => Object.hasOwn(h, k) && isSubset(v, h[k]));
    }
    return (0,engine_request/* canonicalJson */.dj)(want) === (0,engine_request/* canonicalJson */.dj)(have);
}
/** Equal as JSON values: key order does not matter. */
function jsonEqual(a, b) {
    return (0,engine_request/* canonicalJson */.dj)(a) === (0,engine_request/* canonicalJson */.dj)(b);
}
/** A call's arguments as an object; undefined when they are not a JSON object. */
function parseArguments(text) {
    try {
        const v = JSON.parse(text === "" ? "{}" : text);
        return v !== null && typeof v === "object" && !Array.isArray(v)
            ? v
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The first fixture with the call's name whose arguments are a subset of the call's; a call
 * with none (or with arguments that are not a JSON object) gets an error result the model can
 * read, and is counted as unmatched.
 */
function matchFixture(fixtures, name, args) {
    const index = fixtures.findIndex((f) => f.name === name && args !== undefined && isSubset(f.arguments ?? {}, args));
    const found = index >= 0 ? fixtures[index] : undefined;
    if (found)
        return { index, result: found.result ?? null };
    return { unmatched: true, result: { error: `no fixture for ${name}` } };
}
/** A tool result as the content of a tool message: strings as they are, anything else as JSON. */
function resultText(result) {
    return typeof result === "string" ? result : JSON.stringify(result ?? null);
}

;// CONCATENATED MODULE: ./lib/agent/loop.js

/**
 * Call ids are renumbered per step and call: the model's own ids are random, and the next
 * step's request (hence its cache key and recording) must depend only on what was called.
 */
const callId = (step, index) => `call_${step + 1}_${index + 1}`;
/**
 * The agent loop. While the model answers with tool calls and steps remain, every call is
 * answered from the example's fixtures (data, never a tool run) and the conversation goes on.
 */
async function runSteps(provider, request, opts) {
    const callOptions = {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.repeat !== undefined ? { repeat: opts.repeat } : {}),
        ...(opts.exampleId !== undefined ? { exampleId: opts.exampleId } : {}),
    };
    if (!request.tools) {
        const completion = await provider.complete(request, callOptions);
        opts.onStep?.(completion);
        return { completion };
    }
    const messages = [...request.messages];
    const trajectory = { steps: [], final: "" };
    const usage = { prompt_tokens: 0, completion_tokens: 0 };
    let latencyMs = 0;
    let cached = true;
    let last;
    for (let step = 0; step < Math.max(1, opts.maxSteps); step++) {
        last = await provider.complete({ ...request, messages: [...messages] }, callOptions);
        opts.onStep?.(last);
        usage.prompt_tokens += last.usage.prompt_tokens;
        usage.completion_tokens += last.usage.completion_tokens;
        latencyMs += last.latencyMs;
        cached &&= last.cached;
        const asked = last.toolCalls ?? [];
        const answer = step + 1 < opts.maxSteps;
        const calls = asked.map((c) => ({ name: c.name, arguments: c.arguments }));
        trajectory.steps.push({ tool_calls: calls });
        if (asked.length === 0)
            break;
        if (!answer) {
            trajectory.stopped = "max_steps";
            break;
        }
        const renumbered = asked.map((c, i) => ({ ...c, id: callId(step, i) }));
        messages.push({ role: "assistant", content: last.text, tool_calls: renumbered });
        calls.forEach((call, i) => {
            const match = matchFixture(opts.fixtures, call.name, parseArguments(call.arguments));
            if ("unmatched" in match)
                call.unmatched = true;
            else
                call.fixture = match.index;
            call.result = match.result;
            messages.push({ role: "tool", tool_call_id: callId(step, i), content: resultText(match.result) });
        });
    }
    if (!last)
        throw new Error("the agent loop made no call");
    trajectory.final = last.text;
    const completion = {
        text: last.text,
        usage,
        latencyMs,
        cached,
        ...(cached && last.answeredAt !== undefined ? { answeredAt: last.answeredAt } : {}),
        ...(last.finishReason !== undefined ? { finishReason: last.finishReason } : {}),
    };
    return { completion, trajectory };
}

// EXTERNAL MODULE: ./lib/engine/budget.js
var engine_budget = __webpack_require__(3861);
// EXTERNAL MODULE: ./lib/engine/build-request.js
var build_request = __webpack_require__(9234);
// EXTERNAL MODULE: ./lib/engine/deadline.js
var deadline = __webpack_require__(8768);
// EXTERNAL MODULE: ./lib/engine/judge.js + 1 modules
var judge = __webpack_require__(8365);
// EXTERNAL MODULE: ./lib/engine/output-cap.js
var output_cap = __webpack_require__(5168);
// EXTERNAL MODULE: ./lib/engine/pool.js
var pool = __webpack_require__(8678);
// EXTERNAL MODULE: ./lib/engine/providers/types.js
var types = __webpack_require__(9434);
// EXTERNAL MODULE: ./lib/engine/sample.js
var sample = __webpack_require__(3358);
;// CONCATENATED MODULE: ./lib/engine/scorers/contains.js
const quoteList = (values) => values.map((v) => JSON.stringify(v)).join(", ");
function scoreContains(c, ctx) {
    const values = typeof c.value === "string" ? [c.value] : c.value;
    const fold = c.type === "icontains" || c.type === "not_icontains";
    const haystack = fold ? ctx.output.toLowerCase() : ctx.output;
    const present = values.filter((v) => haystack.includes(fold ? v.toLowerCase() : v));
    const absent = values.filter((v) => !present.includes(v));
    if (c.type === "contains" || c.type === "icontains") {
        return {
            score: present.length / values.length,
            passed: absent.length === 0,
            detail: absent.length > 0 ? `missing: ${quoteList(absent)}` : "all present",
        };
    }
    return {
        score: absent.length / values.length,
        passed: present.length === 0,
        detail: present.length > 0 ? `forbidden: ${quoteList(present)}` : "none present",
    };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/cost.js
function scoreCost(c, ctx) {
    // An unknown price must not pass a cost gate by default; the detail says how to fix it.
    if (ctx.costUsd === undefined) {
        return {
            score: 0,
            passed: false,
            detail: "cost unknown (no price for this model; add it under pricing:)",
        };
    }
    const passed = ctx.costUsd <= c.max_usd;
    return { score: passed ? 1 : 0, passed, detail: `$${ctx.costUsd.toFixed(5)} (max $${c.max_usd})` };
}

// EXTERNAL MODULE: ./lib/engine/scorers/json-output.js
var json_output = __webpack_require__(448);
;// CONCATENATED MODULE: ./lib/engine/scorers/equals.js

const verdict = (passed, detail) => ({
    score: passed ? 1 : 0,
    passed,
    detail,
});
const PREVIEW = 80;
/** With `json: true` a string `expected` holds JSON text; any other `expected` already is the value. */
function expectedJson(expected) {
    return typeof expected === "string" ? (0,json_output/* parseJsonOutput */.dl)(expected) : { ok: true, value: expected };
}
function compareJson(output, expected) {
    const got = (0,json_output/* parseJsonOutput */.dl)(output);
    if (!got.ok)
        return verdict(false, "output is not JSON");
    const want = expectedJson(expected);
    if (!want.ok)
        return verdict(false, "expected value is not JSON");
    const at = (0,json_output/* jsonDifference */.q_)(got.value, want.value);
    if (at === undefined)
        return verdict(true, "equal");
    return verdict(false, at === "" ? "JSON differs from expected" : `JSON differs from expected at ${at}`);
}
function compareText(output, expected, ignoreCase) {
    const norm = (s) => (ignoreCase ? s.trim().toLowerCase() : s.trim());
    if (norm(output) === norm(expected))
        return verdict(true, "equal");
    const want = expected.trim();
    const shown = want.length > PREVIEW ? `${want.slice(0, PREVIEW)}\u2026` : want;
    return verdict(false, `expected ${JSON.stringify(shown)}`);
}
/** OpenAI Evals' normalization (evals/elsuite/utils.py normalize): lower case, no ASCII punctuation, no articles, single spaces. */
function normalizeAnswer(s) {
    return s
        .toLowerCase()
        .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, "")
        .replace(/\b(a|an|the)\b/g, " ")
        .split(/\s+/)
        .filter((w) => w !== "")
        .join(" ");
}
/** fuzzy_match of evals/elsuite/utils.py: either contains the other after normalization; empty only matches empty. */
function fuzzyMatch(a, b) {
    const x = normalizeAnswer(a);
    const y = normalizeAnswer(b);
    if (x === "" || y === "")
        return x === y;
    return x.includes(y) || y.includes(x);
}
const MODE_TEXT = { starts_with: "starts with", includes: "includes", fuzzy: "fuzzy-matches" };
/** Any of the accepted answers, as OpenAI Evals' Match (starts with), Includes and FuzzyMatch check them. */
function compareAny(output, expected, mode, ignoreCase) {
    const ideals = typeof expected === "string" ? [expected] : expected;
    if (!Array.isArray(ideals) || !ideals.every((x) => typeof x === "string"))
        return verdict(false, "expected is not a text or a list of texts");
    const fold = (s) => (ignoreCase ? s.toLowerCase() : s);
    const hit = ideals.find((ideal) => mode === "fuzzy"
        ? fuzzyMatch(output, ideal)
        : mode === "starts_with"
            ? fold(output).startsWith(fold(ideal))
            : fold(output).includes(fold(ideal)));
    if (hit !== undefined)
        return verdict(true, `${MODE_TEXT[mode]} ${JSON.stringify(hit.slice(0, PREVIEW))}`);
    const shown = ideals
        .slice(0, 3)
        .map((i) => JSON.stringify(i.length > PREVIEW ? `${i.slice(0, PREVIEW)}\u2026` : i));
    return verdict(false, `no accepted answer: ${MODE_TEXT[mode]} none of ${shown.join(", ")}${ideals.length > 3 ? ", \u2026" : ""}`);
}
function scoreEquals(c, ctx) {
    const expected = ctx.example.expected;
    if (expected === undefined)
        return verdict(false, "example has no expected value");
    if (c.mode !== undefined && c.mode !== "exact")
        return compareAny(ctx.output, expected, c.mode, c.ignore_case ?? false);
    // A structured expected value (object, number, \u2026) can only be met by JSON output.
    if (c.json || typeof expected !== "string")
        return compareJson(ctx.output, expected);
    return compareText(ctx.output, expected, c.ignore_case ?? false);
}

;// CONCATENATED MODULE: ./lib/engine/scorers/bounds.js
function withinBounds(value, bounds) {
    return ((bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max));
}
function describeBounds(bounds) {
    if (bounds.min !== undefined && bounds.min === bounds.max)
        return `exactly ${bounds.min}`;
    if (bounds.min !== undefined && bounds.max !== undefined)
        return `${bounds.min}\u2013${bounds.max}`;
    if (bounds.min !== undefined)
        return `at least ${bounds.min}`;
    if (bounds.max !== undefined)
        return `at most ${bounds.max}`;
    return "any number";
}
function boundsCheck(count, unit, bounds) {
    const ok = withinBounds(count, bounds);
    return { ok, note: ok ? `${count} ${unit}` : `${count} ${unit}, expected ${describeBounds(bounds)}` };
}
/** Score = share of checks that hold; passed = all hold. No checks configured counts as a pass. */
function shareOf(checks) {
    if (checks.length === 0)
        return { score: 1, passed: true, detail: "no checks configured" };
    const held = checks.filter((c) => c.ok).length;
    return {
        score: held / checks.length,
        passed: held === checks.length,
        detail: checks.map((c) => c.note).join("; "),
    };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/format-check.js


/**
 * A Markdown list item: "-", "*", "+", "\u2022" or "1." / "1)" followed by whitespace and some text.
 * Requiring the space keeps "**bold**", "---" rules and "1.5 million" from counting as bullets.
 */
const BULLET = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+\S/;
const linesOf = (output) => output.split(/\r\n|\r|\n/);
function countBullets(output) {
    return linesOf(output).filter((l) => BULLET.test(l)).length;
}
function countLines(output) {
    return linesOf(output).filter((l) => l.trim() !== "").length;
}
function jsonCheck(output) {
    const parsed = (0,json_output/* parseJsonOutput */.dl)(output);
    return parsed.ok ? { ok: true, note: "valid JSON" } : { ok: false, note: `not JSON (${parsed.error})` };
}
function scoreFormatCheck(c, ctx) {
    const checks = [];
    if (c.expected !== undefined)
        checks.push(boundsCheck(countBullets(ctx.output), "bullets", { min: c.expected, max: c.expected }));
    if (c.bullets)
        checks.push(boundsCheck(countBullets(ctx.output), "bullets", c.bullets));
    if (c.lines)
        checks.push(boundsCheck(countLines(ctx.output), "lines", c.lines));
    if (c.json)
        checks.push(jsonCheck(ctx.output));
    return shareOf(checks);
}

// EXTERNAL MODULE: ./node_modules/@cfworker/json-schema/dist/esm/validator.js + 6 modules
var validator = __webpack_require__(207);
;// CONCATENATED MODULE: ./lib/engine/scorers/json-schema.js


// @cfworker/json-schema interprets the schema; nothing from a prompt file is ever compiled to code.
// Criteria live as long as the run, so the same schema object is met once per example.
const validators = new WeakMap();
function validatorFor(schema) {
    let v = validators.get(schema);
    if (!v) {
        // Short-circuit: the detail shows one explanation, so stop at the first failure.
        v = new validator/* Validator */.D(schema, "2020-12", true);
        validators.set(schema, v);
    }
    return v;
}
/**
 * Keywords whose error only says "a subschema failed"; the validator lists such a wrapper before
 * the error that explains it ("#: Property "a" does not match" precedes "#/a: expected string").
 * anyOf/oneOf are not wrappers: the errors after them come from alternatives that all failed, and
 * quoting one of those would mislead.
 */
const WRAPPERS = new Set([
    "properties",
    "patternProperties",
    "items",
    "prefixItems",
    "additionalItems",
    "$ref",
    "$dynamicRef",
    "$recursiveRef",
    "allOf",
    "dependentSchemas",
    "if",
    "then",
    "else",
]);
/** The first error that says what is wrong, rather than where it is nested. */
function firstCause(errors) {
    return errors.find((e) => !WRAPPERS.has(e.keyword)) ?? errors.at(-1);
}
function scoreJsonSchema(c, ctx) {
    const parsed = (0,json_output/* parseJsonOutput */.dl)(ctx.output);
    if (!parsed.ok)
        return { score: 0, passed: false, detail: "not JSON" };
    const result = validatorFor(c.schema).validate(parsed.value);
    if (result.valid)
        return { score: 1, passed: true, detail: "valid" };
    const e = firstCause(result.errors);
    return { score: 0, passed: false, detail: e ? `${e.instanceLocation}: ${e.error}` : "invalid" };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/latency.js
function scoreLatency(c, ctx) {
    const passed = ctx.latencyMs <= c.max_ms;
    // Rounded up, so a call that failed by a fraction of a millisecond does not read "500 ms (max 500)".
    return { score: passed ? 1 : 0, passed, detail: `${Math.ceil(ctx.latencyMs)} ms (max ${c.max_ms})` };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/length.js

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/**
 * What a reader counts as characters: "\u00e9" (either Unicode form), an emoji with a skin tone or a
 * flag is one, however many code points or UTF-16 units it takes.
 */
function countChars(text) {
    let n = 0;
    for (const _ of segmenter.segment(text))
        n++;
    return n;
}
function countWords(text) {
    return text.split(/\s+/).filter((w) => w !== "").length;
}
function scoreLength(c, ctx) {
    const checks = [];
    if (c.chars)
        checks.push(boundsCheck(countChars(ctx.output), "chars", c.chars));
    if (c.words)
        checks.push(boundsCheck(countWords(ctx.output), "words", c.words));
    return shareOf(checks);
}

// EXTERNAL MODULE: ./lib/engine/scorers/one-of.js
var one_of = __webpack_require__(6876);
// EXTERNAL MODULE: ./lib/config/pattern.js
var pattern = __webpack_require__(9744);
;// CONCATENATED MODULE: ./lib/engine/scorers/regex.js

/**
 * Patterns come from prompt files (a pull request can write them) and run on model
 * outputs. JavaScript's backtracking engine lets a pattern like `(a+)+b` stall a run
 * on thirty-odd characters, so patterns run on RE2 (re2js), whose matching time is
 * linear in the input. The price: no lookarounds or backreferences \u2014 the loader says so.
 * Outputs are still capped, so even linear scans stay short.
 */
const MAX_REGEX_INPUT = 100_000;
const SNIPPET = 40;
function describeMatch(found) {
    const shown = found.length > SNIPPET ? `${found.slice(0, SNIPPET)}\u2026` : found;
    return `matches ${JSON.stringify(shown)}`;
}
function scoreRegex(c, ctx) {
    const matcher = (0,pattern/* compilePattern */.E)(c.pattern, c.flags ?? "").matcher(ctx.output.slice(0, MAX_REGEX_INPUT));
    const found = matcher.find() ? (matcher.group() ?? "") : null;
    const wanted = c.match ?? true;
    const passed = (found !== null) === wanted;
    return {
        score: passed ? 1 : 0,
        passed,
        detail: found !== null ? describeMatch(found) : "does not match",
    };
}

// EXTERNAL MODULE: ./lib/engine/scorers/model-criteria.js + 1 modules
var model_criteria = __webpack_require__(8902);
// EXTERNAL MODULE: ./lib/engine/scorers/similarity.js
var similarity = __webpack_require__(6737);
// EXTERNAL MODULE: ./lib/agent/tools.js
var tools = __webpack_require__(8974);
// EXTERNAL MODULE: ./lib/agent/trajectory.js
var trajectory = __webpack_require__(3556);
;// CONCATENATED MODULE: ./lib/engine/scorers/tool-args-valid.js




/** Why a call's arguments are not acceptable, or undefined when they are. */
function problem(call, declared) {
    if (!declared.has(call.name))
        return `${call.name}: not a declared tool`;
    const args = parseArguments(call.arguments);
    if (args === undefined)
        return `${call.name}: arguments are not a JSON object`;
    const schema = declared.get(call.name);
    if (!schema)
        return undefined;
    const result = validatorFor(schema).validate(args);
    if (result.valid)
        return undefined;
    const e = firstCause(result.errors);
    return `${call.name}: ${e ? `${e.instanceLocation}: ${e.error}` : "invalid arguments"}`;
}
/** Every call names a declared tool and its arguments validate against that tool's parameters. */
function scoreToolArgsValid(_c, ctx) {
    const calls = ctx.trajectory ? (0,trajectory/* callsOf */.p9)(ctx.trajectory) : [];
    if (calls.length === 0)
        return { score: 1, passed: true, detail: "no tool calls" };
    const declared = (0,tools/* declaredTools */.OP)(ctx.tools);
    const problems = calls.map((call) => problem(call, declared)).filter((p) => p !== undefined);
    const valid = calls.length - problems.length;
    return {
        score: valid / calls.length,
        passed: problems.length === 0,
        detail: problems.length === 0
            ? `${calls.length} call(s) valid`
            : `${valid}/${calls.length} valid; ${problems[0] ?? ""}`,
    };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/tool-call.js


function matcher(mode) {
    return (made, want) => {
        if (made.name !== want.name)
            return false;
        if (want.arguments === undefined)
            return true;
        const args = parseArguments(made.arguments);
        if (args === undefined)
            return false;
        return mode === "exact" ? jsonEqual(want.arguments, args) : isSubset(want.arguments, args);
    };
}
/** Most pairs of a one-to-one matching in any order (augmenting paths; lists are short). */
function maxMatching(made, want, ok) {
    const owner = new Array(want.length).fill(-1);
    const tryAssign = (i, seen) => {
        for (let j = 0; j < want.length; j++) {
            const w = want[j];
            if (seen[j] || !w || !ok(made[i], w))
                continue;
            seen[j] = true;
            const o = owner[j] ?? -1;
            if (o < 0 || tryAssign(o, seen)) {
                owner[j] = i;
                return true;
            }
        }
        return false;
    };
    let n = 0;
    for (let i = 0; i < made.length; i++)
        if (tryAssign(i, new Array(want.length).fill(false)))
            n++;
    return n;
}
/** Most pairs matched in the same order on both sides (longest common subsequence). */
function inOrder(made, want, ok) {
    let prev = new Array(want.length + 1).fill(0);
    for (const m of made) {
        const row = [0];
        want.forEach((w, j) => {
            row.push(ok(m, w) ? (prev[j] ?? 0) + 1 : Math.max(prev[j + 1] ?? 0, row[j] ?? 0));
        });
        prev = row;
    }
    return prev[want.length] ?? 0;
}
/**
 * F1 of the calls made against the expected calls: precision over the calls made, recall over
 * the expected ones. Expecting [] passes only when no tool was called.
 */
function scoreToolCall(c, ctx) {
    const want = c.calls ?? ctx.example.expected_tool_calls ?? [];
    const made = ctx.trajectory ? (0,trajectory/* callsOf */.p9)(ctx.trajectory) : [];
    const names = (xs) => xs.map((x) => x.name).join(", ") || "none";
    if (want.length === 0) {
        const none = made.length === 0;
        return {
            score: none ? 1 : 0,
            passed: none,
            detail: none ? "no call, as expected" : `expected no call, made: ${names(made)}`,
        };
    }
    const ok = matcher(c.arguments ?? "subset");
    const matched = (c.order === "strict" ? inOrder : maxMatching)(made, want, ok);
    const f1 = matched === 0 ? 0 : (2 * matched) / (made.length + want.length);
    const min = c.min_score ?? 1;
    return {
        score: f1,
        // F1 is 1 exactly when every call matched; the epsilon only absorbs rounding below 1.
        passed: f1 >= min - 1e-9,
        detail: `F1 ${f1.toFixed(2)}: ${matched} of ${want.length} expected matched (${names(want)}), ${made.length} made (${names(made)})`,
    };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/trajectory.js

/** Whether `sequence` appears in `path` in order, other calls allowed between. */
function containsInOrder(path, sequence) {
    let next = 0;
    for (const name of path)
        if (name === sequence[next])
            next++;
    return next >= sequence.length;
}
/** Checks the shape of what the agent did; the score is the share of checks met, and all must be met to pass. */
function scoreTrajectory(c, ctx) {
    const path = ctx.trajectory ? (0,trajectory/* toolPath */.Ou)(ctx.trajectory) : [];
    const steps = ctx.trajectory?.steps.length ?? 1;
    const calls = ctx.trajectory ? (0,trajectory/* callsOf */.p9)(ctx.trajectory).length : 0;
    if (c.when_called !== undefined && !path.includes(c.when_called))
        return { score: 1, passed: true, detail: `not applicable: ${c.when_called} not called` };
    const failures = [];
    let checks = 0;
    for (const name of c.must_call ?? []) {
        checks++;
        if (!path.includes(name))
            failures.push(`${name} not called`);
    }
    for (const name of c.must_not_call ?? []) {
        checks++;
        if (path.includes(name))
            failures.push(`${name} called`);
    }
    if (c.sequence) {
        checks++;
        if (!containsInOrder(path, c.sequence))
            failures.push(`not in order ${c.sequence.join(" \u2192 ")}`);
    }
    if (c.max_steps !== undefined) {
        checks++;
        if (steps > c.max_steps)
            failures.push(`${steps} steps > ${c.max_steps}`);
    }
    if (c.max_tool_calls !== undefined) {
        checks++;
        if (calls > c.max_tool_calls)
            failures.push(`${calls} calls > ${c.max_tool_calls}`);
    }
    const shown = path.length > 0 ? path.join(" \u2192 ") : "no calls";
    return {
        score: checks === 0 ? 1 : (checks - failures.length) / checks,
        passed: failures.length === 0,
        detail: failures.length === 0 ? `ok: ${shown}` : `${failures.join("; ")} (path: ${shown})`,
    };
}

;// CONCATENATED MODULE: ./lib/engine/scorers/index.js















/** example_checks is scored by the runner from the example's own checks (which are scored here). */
function isRuleCriterion(c) {
    return c.type !== "llm_judge" && c.type !== "example_checks" && !(0,model_criteria/* isModelCriterion */.NY)(c);
}
function dispatch(c, ctx) {
    switch (c.type) {
        case "format_check":
            return scoreFormatCheck(c, ctx);
        case "contains":
        case "not_contains":
        case "icontains":
        case "not_icontains":
            return scoreContains(c, ctx);
        case "regex":
            return scoreRegex(c, ctx);
        case "equals":
            return scoreEquals(c, ctx);
        case "json_schema":
            return scoreJsonSchema(c, ctx);
        case "one_of":
            return (0,one_of/* scoreOneOf */.m)(c, ctx);
        case "length":
            return scoreLength(c, ctx);
        case "similarity":
            return (0,similarity/* scoreSimilarity */.Eg)(c, ctx);
        case "latency":
            return scoreLatency(c, ctx);
        case "cost":
            return scoreCost(c, ctx);
        case "tool_call":
            return scoreToolCall(c, ctx);
        case "tool_args_valid":
            return scoreToolArgsValid(c, ctx);
        case "trajectory":
            return scoreTrajectory(c, ctx);
        default: {
            // Adding a criterion type to the schema without a scorer fails to compile here.
            const unknown = c;
            throw new Error(`no scorer for ${JSON.stringify(unknown)}`);
        }
    }
}
const clamp01 = (x) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
/**
 * Scores one output on one rule-based criterion. Never throws and never returns a score outside
 * [0, 1]: a scorer failure (a deeply nested JSON output overflowing the stack, a bad pattern that
 * slipped past the loader) fails that criterion for that example, with the reason as detail.
 */
async function scoreCriterion(c, ctx) {
    try {
        const r = await dispatch(c, ctx);
        return { ...r, score: clamp01(r.score) };
    }
    catch (e) {
        return { score: 0, passed: false, detail: `scorer error: ${(0,errors/* errorMessage */.gJ)(e)}` };
    }
}

;// CONCATENATED MODULE: ./lib/engine/scorers/model-budget.js

/** Tokenizers average ~4 characters a token on English; 3 leaves room for other text. */
const tokensOf = (text) => Math.ceil(text.length / 3) + 1;
/**
 * The worst case of an example's embedding calls, reserved with its chat call:
 * the answer at max_tokens and the expected text, per embedding criterion.
 * Moderation is free; a safety check that falls back to the judge is reserved
 * as a judge by the runner.
 */
function embeddingEstimate(criteria, example, maxOutputTokens, scorer, price) {
    const spend = { usd: 0, tokens: 0 };
    if (!scorer)
        return spend;
    for (const c of criteria) {
        if (!(0,model_criteria/* isModelCriterion */.NY)(c) || c.type !== "similarity")
            continue;
        const expected = example.expected === undefined ? 0 : tokensOf((0,model_criteria/* referenceText */.n5)(example.expected));
        const tokens = maxOutputTokens + expected;
        spend.tokens += tokens;
        spend.usd += price?.(scorer.embeddingModelOf(c), { prompt_tokens: tokens, completion_tokens: 0 }) ?? 0;
    }
    return spend;
}
/**
 * Embeds a suite's expected texts before its examples run, in batches, so each
 * example's request carries only its answer. Reserved and settled on the
 * shared budget like any call; a refusal or a failure only means the examples
 * embed their expected texts themselves (and fail on their own if it persists).
 */
async function prefetchExpected(criteria, examples, scorer, budget, price, signal) {
    if (!scorer)
        return;
    for (const [model, texts] of (0,model_criteria/* expectedTexts */.T_)(criteria, examples, scorer)) {
        const unique = [...new Set(texts)];
        if (unique.length === 0)
            continue;
        const tokens = unique.reduce((n, t) => n + tokensOf(t), 0);
        const reservation = budget.tryReserve({
            tokens,
            usd: price?.(model, { prompt_tokens: tokens, completion_tokens: 0 }) ?? 0,
        });
        if ("refused" in reservation)
            return;
        const spent = { usd: 0, tokens: 0 };
        try {
            for (const call of await scorer.prefetch(model, unique, signal)) {
                if (call.cached)
                    continue;
                spent.tokens += call.usage.prompt_tokens;
                spent.usd += price?.(model, call.usage) ?? 0;
            }
        }
        catch {
            // The examples ask again and report the failure as theirs.
        }
        finally {
            budget.settle(reservation, spent);
        }
    }
}

;// CONCATENATED MODULE: ./lib/engine/runner.js
















function* workItems(examples, repeats, only) {
    if (only) {
        const byId = new Map(examples.map((e) => [e.id, e]));
        for (const { id, repeat } of only) {
            const example = byId.get(id);
            if (example)
                yield { example, repeat };
        }
        return;
    }
    for (const example of examples)
        for (let repeat = 0; repeat < (example.repeats ?? repeats); repeat++)
            yield { example, repeat };
}
/**
 * A generous upper bound of a call's spend, as a function of the answer tokens
 * it is allowed (prices are linear in tokens), reserved before the call starts.
 */
function estimateSpend(request, judges, price, extra, steps = 1) {
    // Tokenizers average ~4 characters a token on English; 3 leaves room for other text.
    const promptTokensOnce = Math.ceil(request.messages.reduce((n, m) => n + (0,engine_request/* contentChars */.VL)(m), 0) / 3) + 10;
    // An agent's later steps resend the conversation so far: each step is reserved as a whole call.
    const promptTokens = steps * promptTokensOnce;
    const at = (answerTokens) => {
        const outputTokens = steps * answerTokens;
        const judgeTokens = judges * (promptTokens + outputTokens + 400 + judge/* JUDGE_MAX_TOKENS */.g7);
        const usd = price?.(request.model, {
            prompt_tokens: promptTokens + judgeTokens,
            completion_tokens: outputTokens,
        }) ?? 0;
        const more = extra(answerTokens);
        return { usd: usd + more.usd, tokens: promptTokens + outputTokens + judgeTokens + more.tokens };
    };
    const base = at(0);
    const one = at(1);
    return {
        base,
        perToken: { usd: one.usd - base.usd, tokens: one.tokens - base.tokens },
        maxTokens: request.max_tokens ?? 1024,
    };
}
/** Evaluates one prompt version over its eval set. */
async function runSuite(prompt, evalSet, opts) {
    const { items: examples, sampled } = (0,sample/* sampleById */.H)(evalSet.examples, opts.maxExamples, opts.sample);
    const repeats = prompt.data.repeats ?? 1;
    const total = opts.items
        ? [...workItems(examples, repeats, opts.items)].length
        : examples.reduce((n, e) => n + (e.repeats ?? repeats), 0);
    const results = new Array(total);
    const budget = opts.budget ?? new engine_budget/* Budget */.__();
    const budgetPrice = opts.budgetPrice ?? opts.price;
    const suiteSpend = new engine_budget/* SuiteSpend */.dO();
    const ledger = {
        settle: (r, actual) => {
            suiteSpend.observe(r.estimate, actual);
            budget.settle(r, actual);
        },
        answered: (completionTokens) => suiteSpend.answered(completionTokens),
    };
    // Examples the budget left unscored: refused, or cut to a smaller answer allowance that the answer outgrew.
    const budgetLeftOut = new Set();
    let stoppedByBudget = false;
    const unpriced = unpricedNote(prompt.data.model, opts.price, budgetPrice, budget);
    const progress = { done: 0, total, errors: 0, cached: 0 };
    const stop = new AbortController();
    let stopped;
    const stopWith = (reason) => {
        stopped ??= { reason };
        stop.abort();
    };
    const onAbort = () => stopWith((0,deadline/* stopReason */.PJ)(opts.signal));
    if (opts.signal?.aborted)
        onAbort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const limit = typeof opts.concurrency === "number" ? () => opts.concurrency : opts.concurrency;
    // A safety check may fall back to the judge: reserved as one.
    const judgesIn = (list) => list.filter((c) => c.type === "llm_judge" || c.type === "safety").length;
    const judges = judgesIn(prompt.data.eval_criteria);
    const criteria = prompt.data.eval_criteria;
    try {
        await prefetchExpected(criteria, examples, opts.models, budget, budgetPrice, stop.signal);
        await (0,pool/* runPool */.kD)(workItems(examples, repeats, opts.items), limit, async ({ example, repeat }, i) => {
            const full = (0,build_request/* buildRequest */.m)(prompt.data, example, evalSet.file);
            const embeddings = (answerTokens) => embeddingEstimate([...criteria, ...(example.checks ?? [])], example, answerTokens, opts.models, budgetPrice);
            const cost = estimateSpend(full, judges + judgesIn(example.checks ?? []), budgetPrice, embeddings, prompt.data.max_steps);
            const fallbackTokens = suiteSpend.fallbackTokens();
            // A call that does not fit yet waits, or runs with a smaller max_tokens (src/engine/budget.ts).
            const reservation = await budget.reserve({
                cost,
                expected: suiteSpend.expected((0,engine_budget/* costAt */.B6)(cost, cost.maxTokens)),
                ...(fallbackTokens !== undefined ? { fallbackTokens } : {}),
            }, { order: i, signal: stop.signal });
            if ("refused" in reservation) {
                const byBudget = stopped === undefined && reservation.refused === budget.stopReason;
                const reason = stopped?.reason ?? unpriced + reservation.refused;
                stoppedByBudget ||= byBudget;
                if (stoppedByBudget)
                    budgetLeftOut.add(example.id);
                results[i] = skipped(example, repeat, reason);
                stopWith(reason);
                return;
            }
            const cut = reservation.maxTokens < cost.maxTokens;
            const request = cut ? { ...full, max_tokens: reservation.maxTokens } : full;
            const ctx = {
                prompt,
                example,
                repeat,
                request,
                opts: { ...opts, ...(budgetPrice ? { budgetPrice } : {}) },
                signal: stop.signal,
            };
            const evaluated = await evaluateExample(ctx, reservation, ledger);
            const { fatal } = evaluated;
            let { result } = evaluated;
            // An answer the budget's cut allowance stopped short is not the prompt's answer: left out, not scored.
            if (cut && result.status === "ok" && result.finish_reason === "length") {
                budgetLeftOut.add(example.id);
                result = {
                    ...skipped(example, repeat, `the budget could pay for at most ${reservation.maxTokens} answer tokens here, and the answer was longer`),
                    ...(result.usage ? { usage: result.usage } : {}),
                };
            }
            if (fatal)
                stopWith(result.error?.message ?? "a fatal provider error");
            results[i] = result;
            progress.done++;
            if (result.status === "error")
                progress.errors++;
            if (result.cached)
                progress.cached++;
            const heldBy = opts.held?.();
            opts.onProgress?.({ ...progress, spentUsd: budget.spend.usd, ...(heldBy ? { heldBy } : {}) });
        }, {
            signal: stop.signal,
            ...(opts.slots ? { slots: opts.slots } : {}),
            onSkipped: ({ example, repeat }, i) => {
                const reason = stopped?.reason ?? "the run stopped early";
                if (stoppedByBudget)
                    budgetLeftOut.add(example.id);
                results[i] = skipped(example, repeat, reason);
            },
        });
    }
    finally {
        opts.signal?.removeEventListener("abort", onAbort);
    }
    if (budgetLeftOut.size > 0) {
        const of = new Set(results.map((r) => r.id)).size;
        const said = `the budget left out ${budgetLeftOut.size} of ${of} examples`;
        stopped = { reason: stopped ? `${stopped.reason}; ${said}` : said, left_out: budgetLeftOut.size };
    }
    return { results, repeats, ...(stopped ? { stopped } : {}), ...(sampled ? { sampled } : {}) };
}
/**
 * Said beside a budget stop when the model has no known price: budgets count it
 * at the highest known price rather than as free, which is why they stop early.
 */
function unpricedNote(model, price, budgetPrice, budget) {
    if (!budget.limitsCost || !budgetPrice || price === budgetPrice)
        return "";
    const probe = { prompt_tokens: 1_000_000, completion_tokens: 0 };
    if (price?.(model, probe) !== undefined)
        return "";
    return `"${model}" has no price: counted at the highest known price (set pricing in the config); `;
}
function skipped(example, repeat, reason) {
    return {
        id: example.id,
        repeat,
        status: "skipped",
        error: { kind: "skipped", message: reason },
        criteria: {},
    };
}
function addUsage(a, b) {
    const cached = (a.cached_tokens ?? 0) + (b.cached_tokens ?? 0);
    return {
        prompt_tokens: a.prompt_tokens + b.prompt_tokens,
        completion_tokens: a.completion_tokens + b.completion_tokens,
        ...(cached > 0 ? { cached_tokens: cached } : {}),
    };
}
function errorResult(ctx, e, usage) {
    // A user's data mistake must reach the user as such, not hide among infra errors.
    if ((0,errors/* isUserError */.iU)(e))
        throw e;
    const kind = e instanceof types/* ProviderError */.m ? e.kind : "internal";
    ctx.opts.onCallResult?.(kind === "rate_limited" ? "rate_limited" : "error");
    return {
        result: {
            id: ctx.example.id,
            repeat: ctx.repeat,
            status: "error",
            error: { kind, message: (0,errors/* errorMessage */.gJ)(e) },
            criteria: {},
            ...(usage ? { usage } : {}),
        },
        fatal: e instanceof types/* ProviderError */.m && e.fatal,
    };
}
/** A data URL, or a long run of base64 alone: bytes, not text a judge could read. */
const BASE64_DATA = /^(?:data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=\s]*|[A-Za-z0-9+/=\s]{1000,})$/;
/**
 * The input as a judge or grading model sees it: an input the prompt shows the model as an image or
 * audio, or any other input that is base64 data, is named, not sent (base64 is no picture to a text
 * judge, and costs as much as a long text).
 */
function shownToJudge(input, media) {
    const shown = {};
    for (const [k, v] of Object.entries(input)) {
        if (media.has(k))
            shown[k] = "(an image or audio the model was shown; not given to the judge)";
        else if (typeof v === "string" && v.length >= 1000 && BASE64_DATA.test(v))
            shown[k] = `(${Math.round(v.length / 1024)} KB of base64 data; not given to the judge)`;
        else
            shown[k] = v;
    }
    return shown;
}
/**
 * Scores one answer on a list of criteria: rule-based ones first (free and fast), then moderation and
 * embeddings (cheap), then the judges, which see at most 64 KB of the answer. Throws a model call's
 * failure (the example is then an error). example_checks is left to the caller.
 */
async function scoreCriteria(list, s) {
    const { ctx } = s;
    const { prompt, example, opts } = ctx;
    const criteria = {};
    for (const c of list) {
        if (!isRuleCriterion(c))
            continue;
        criteria[c.name] = await scoreCriterion(c, {
            output: s.output,
            example,
            latencyMs: s.latencyMs,
            ...(s.cost !== undefined ? { costUsd: s.cost } : {}),
            ...(s.trajectory ? { trajectory: s.trajectory } : {}),
            ...((opts.toolSchemas ?? ctx.request.tools) ? { tools: opts.toolSchemas ?? ctx.request.tools } : {}),
        });
    }
    const judged = (0,output_cap/* judgedOutput */.nN)(s.output);
    // Built once, and only when a judge or grading model is in the list: nothing else reads it.
    let shown;
    const judgeInput = () => (shown ??= shownToJudge(example.input, (0,template/* mediaInputs */.Iy)(prompt.data.messages ?? [])));
    for (const c of list) {
        if (!(0,model_criteria/* isModelCriterion */.NY)(c))
            continue;
        if (!opts.models) {
            throw new types/* ProviderError */.m(`criterion "${c.name}" needs a model provider, but none is set`, {
                kind: "config",
                fatal: true,
            });
        }
        const { verdict, calls } = await opts.models.score(c, {
            input: judgeInput(),
            ...(example.expected !== undefined ? { expected: example.expected } : {}),
            output: judged,
            modelUnderTest: opts.judgeFallback ?? prompt.data.model,
        }, ctx.signal);
        for (const call of calls)
            s.account(call.model, call.usage, call.cached);
        criteria[c.name] = verdict;
    }
    for (const c of list) {
        if (c.type !== "llm_judge")
            continue;
        if (!opts.judge) {
            throw new types/* ProviderError */.m(`criterion "${c.name}" needs a judge, but no model provider is set for judging`, {
                kind: "config",
                fatal: true,
            });
        }
        const verdict = await opts.judge.judge(c, {
            input: judgeInput(),
            ...(example.expected !== undefined ? { expected: example.expected } : {}),
            output: judged,
            modelUnderTest: opts.judgeFallback ?? prompt.data.model,
        }, { signal: ctx.signal });
        s.account(verdict.model, verdict.usage, verdict.cached);
        const score = (verdict.score - 1) / 4;
        criteria[c.name] = {
            score,
            passed: score >= (c.min_score ?? 0.75),
            detail: `${verdict.score}/5 ${verdict.reason}`.trim(),
        };
    }
    return criteria;
}
async function evaluateExample(ctx, reservation, budget) {
    const { prompt, example, opts } = ctx;
    let usage = { prompt_tokens: 0, completion_tokens: 0 };
    // Two figures: what the answer costs at list price (the cost criterion and the report compare
    // versions by it, cached or not), and what this run paid (budgets; a cached answer is free now).
    let cost = 0;
    const spent = { usd: 0, tokens: 0 };
    const account = (model, u, cached) => {
        usage = addUsage(usage, u);
        const price = opts.price?.(model, u);
        cost = cost === undefined || price === undefined ? undefined : cost + price;
        if (!cached) {
            spent.usd += (opts.budgetPrice ?? opts.price)?.(model, u) ?? 0;
            spent.tokens += u.prompt_tokens + u.completion_tokens;
        }
    };
    const settle = () => budget.settle(reservation, spent);
    let completion;
    let trajectory;
    try {
        ({ completion, trajectory } = await runSteps(opts.provider, ctx.request, {
            signal: ctx.signal,
            repeat: ctx.repeat,
            exampleId: ctx.example.id,
            maxSteps: prompt.data.max_steps ?? 1,
            fixtures: example.tool_results ?? [],
            // Per step: a cached step is free now, and the steps before a failing one were paid for.
            onStep: (step) => {
                budget.answered(step.usage.completion_tokens);
                account(ctx.request.model, step.usage, step.cached);
            },
        }));
        opts.onCallResult?.("ok");
    }
    catch (e) {
        settle();
        return errorResult(ctx, e, usage.prompt_tokens + usage.completion_tokens > 0 ? usage : undefined);
    }
    const scoreCtx = {
        ctx,
        output: completion.text,
        latencyMs: completion.latencyMs,
        account,
        cost,
        trajectory,
    };
    let criteria;
    try {
        criteria = await scoreCriteria(prompt.data.eval_criteria, scoreCtx);
        // The example's own checks are scored like the prompt's criteria and count as its one criterion.
        const own = prompt.data.eval_criteria.find((c) => c.type === "example_checks");
        if (own)
            criteria[own.name] = (0,example_checks/* foldChecks */.l)(example.checks, await scoreCriteria(example.checks ?? [], scoreCtx));
    }
    catch (e) {
        settle();
        return errorResult(ctx, e, usage);
    }
    settle();
    let weighted = 0;
    let weights = 0;
    let allPassed = true;
    for (const c of prompt.data.eval_criteria) {
        const verdict = criteria[c.name];
        if (!verdict)
            continue;
        const w = c.weight ?? 1;
        weighted += w * verdict.score;
        weights += w;
        allPassed &&= verdict.passed;
    }
    const result = {
        id: example.id,
        repeat: ctx.repeat,
        status: "ok",
        ...(0,output_cap/* storedOutput */.L)(completion.text),
        ...(completion.finishReason && completion.finishReason !== "stop"
            ? { finish_reason: completion.finishReason }
            : {}),
        latency_ms: completion.latencyMs,
        usage,
        ...(cost !== undefined ? { cost_usd: cost } : {}),
        cached: completion.cached,
        ...(completion.cached && completion.answeredAt !== undefined
            ? { answered_at: completion.answeredAt }
            : {}),
        criteria,
        passed: allPassed,
        score: weights > 0 ? weighted / weights : 0,
        ...(trajectory ? { trajectory } : {}),
    };
    return { result, fatal: false };
}

;// CONCATENATED MODULE: ./lib/engine/evaluate.js










/** Which model judges each llm_judge criterion of a prompt, known before any call. */
function judgesOf(prompt, judge, fallback) {
    return prompt.data.eval_criteria.flatMap((c) => {
        if (c.type !== "llm_judge")
            return [];
        const model = judge?.modelFor?.(c, fallback ?? prompt.data.model) ?? null;
        const preset = (0,schema/* judgePresetOf */.OZ)(c);
        return [{ criterion: c.name, model, ...(preset ? { preset } : {}), self: model === prompt.data.model }];
    });
}
/** The eval set beside the prompt, or the one the prompt file names (inside the project). */
function evalSetPath(project, prompt) {
    if (!prompt.data.eval_set)
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(prompt.file), "eval_set.jsonl");
    return (0,config_project/* resolveInside */.LI)(project.root, (0,external_node_path_.resolve)((0,external_node_path_.dirname)(prompt.file), prompt.data.eval_set), prompt.file, "eval_set");
}
/**
 * Fills each llm_judge criterion's rubric from its rubric_file. `read` takes a
 * path relative to the prompt file and returns undefined when there is none
 * (from disk for eval, from a git revision for compare).
 */
async function resolveRubrics(prompt, read) {
    const criteria = await Promise.all(prompt.data.eval_criteria.map(async (c, i) => {
        if (c.type !== "llm_judge" || c.rubric_file === undefined)
            return c;
        const text = await read(c.rubric_file);
        if (text === undefined) {
            throw new errors/* UserError */.yo(`rubric file "${c.rubric_file}" not found`, {
                file: prompt.file,
                ...(prompt.criterionLines[i] ? { line: prompt.criterionLines[i] } : {}),
                field: `eval_criteria[${i}].rubric_file`,
            }, "the path is relative to the prompt file and must stay inside the repository");
        }
        return { ...c, rubric: text };
    }));
    return { ...prompt, data: { ...prompt.data, eval_criteria: criteria } };
}
/** Loads and cross-checks a target before any model call, so a data mistake costs nothing. */
async function loadTarget(project, target) {
    const loaded = await (0,load/* loadPromptFile */.li)(target.file);
    if (loaded.data.version !== target.version) {
        throw new errors/* UserError */.yo(`the file says version ${loaded.data.version}, but its name says v${target.version}`, { file: target.file, field: "version" }, "make the version field match the file name");
    }
    const prompt = await resolveRubrics(loaded, async (rel) => {
        const path = (0,config_project/* resolveInside */.LI)(project.root, (0,external_node_path_.resolve)((0,external_node_path_.dirname)(loaded.file), rel), loaded.file, "rubric_file");
        try {
            return await (0,files/* readUserFile */.E1)(path);
        }
        catch (e) {
            if (e instanceof errors/* UserError */.yo && e.message === "file not found")
                return undefined;
            throw e;
        }
    });
    const evalSet = await (0,load/* loadEvalSet */.fH)(evalSetPath(project, prompt));
    (0,load/* checkEvalSetFitsPrompt */.ZK)(prompt, evalSet);
    return { target, prompt: (0,example_checks/* withExampleChecks */.q)(prompt, evalSet), evalSet };
}
/** Runs one prompt version over an eval set and aggregates the results. */
async function evaluatePrompt(prompt, evalSet, meta, opts) {
    const run = await runSuite(prompt, evalSet, opts);
    const judges = judgesOf(prompt, opts.judge, opts.judgeFallback);
    const categories = (0,config_categories/* exampleCategories */.f1)(evalSet.examples);
    const mustPass = evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id);
    return {
        prompt: meta.name,
        version: prompt.data.version,
        file: meta.file,
        eval_set: meta.evalSetFile,
        model: prompt.data.model,
        reason: meta.reason,
        repeats: run.repeats,
        summary: (0,aggregate/* summarize */.eh)(run.results),
        criteria: (0,aggregate/* aggregateCriteria */.$F)(prompt.data.eval_criteria, run.results, evalSet.examples),
        examples: run.results,
        ...(run.sampled ? { sampled: run.sampled } : {}),
        ...(run.stopped ? { stopped: run.stopped } : {}),
        ...(judges.length > 0 ? { judges } : {}),
        ...(categories ? { example_categories: categories } : {}),
        ...(mustPass.length > 0 ? { must_pass: mustPass } : {}),
    };
}


/***/ }),

/***/ 428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ foldChecks),
/* harmony export */   q: () => (/* binding */ withExampleChecks)
/* harmony export */ });
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1091);

/**
 * The prompt as it is evaluated on this eval set: when examples carry their own checks and the prompt
 * does not declare the example_checks criterion, it gets one, so the checks count (as one criterion)
 * in eval, the gate and the report without the prompt file having to name them.
 */
function withExampleChecks(prompt, evalSet) {
    if (prompt.data.eval_criteria.some((c) => c.type === "example_checks"))
        return prompt;
    if (!evalSet.examples.some((e) => e.checks !== undefined))
        return prompt;
    return {
        ...prompt,
        data: {
            ...prompt.data,
            eval_criteria: [...prompt.data.eval_criteria, { name: _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EXAMPLE_CHECKS */ .Lc, type: "example_checks" }],
        },
        criterionLines: [...prompt.criterionLines, undefined],
    };
}
const DETAIL_MAX = 300;
/**
 * One verdict from an example's checks: it passes when every check passes; its score is the weighted
 * mean of theirs; the detail names the checks that failed, so a report shows which one did.
 */
function foldChecks(checks, verdicts) {
    if (!checks || checks.length === 0)
        return { score: 1, passed: true, detail: "not applicable: the example has no checks" };
    let weighted = 0;
    let weights = 0;
    const failed = [];
    for (const c of checks) {
        const v = verdicts[c.name] ?? { score: 0, passed: false, detail: "not scored" };
        const w = c.weight ?? 1;
        weighted += w * v.score;
        weights += w;
        if (!v.passed)
            failed.push(`${c.name} (${c.type})${v.detail ? `: ${v.detail}` : ""}`);
    }
    const score = weights > 0 ? weighted / weights : failed.length === 0 ? 1 : 0;
    if (failed.length === 0)
        return { score, passed: true, detail: `all ${checks.length} checks passed` };
    const text = `failed ${failed.length} of ${checks.length}: ${failed.join("; ")}`;
    return {
        score,
        passed: false,
        detail: text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}\u2026` : text,
    };
}


/***/ }),

/***/ 5168:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ storedOutput),
/* harmony export */   Nt: () => (/* binding */ MAX_STORED_OUTPUT_BYTES),
/* harmony export */   nN: () => (/* binding */ judgedOutput)
/* harmony export */ });
/* unused harmony exports utf8Prefix, MAX_JUDGED_OUTPUT_BYTES */
/**
 * Answers as stored in results: a model can answer megabytes, and a results
 * file (and every report built from it) must stay bounded whatever it sends.
 * Criteria score the whole answer before it is capped.
 */
/** Most UTF-8 bytes of one answer we store. */
const MAX_STORED_OUTPUT_BYTES = 64 * 1024;
/** The longest start of `text` that fits in `maxBytes` of UTF-8, never cutting a character. */
function utf8Prefix(text, maxBytes) {
    // Each UTF-16 code unit is at least one byte, so no more than maxBytes of them can fit.
    let head = text.slice(0, maxBytes);
    const last = head.charCodeAt(head.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        head = head.slice(0, -1); // half a surrogate pair
    const bytes = Buffer.from(head, "utf8");
    if (bytes.length <= maxBytes)
        return head;
    let cut = maxBytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the character that did not fit.
    while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80)
        cut--;
    return bytes.subarray(0, cut).toString("utf8");
}
function storedOutput(text, maxBytes = MAX_STORED_OUTPUT_BYTES) {
    // Fast path: even at 3 bytes per code unit it fits.
    if (text.length * 3 <= maxBytes)
        return { output: text };
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes <= maxBytes)
        return { output: text };
    return { output: utf8Prefix(text, maxBytes), output_truncated: true, output_bytes: bytes };
}
/**
 * Most UTF-8 bytes of an answer sent on to a judge or a moderation endpoint: a
 * megabyte answer would fail that call (context limits) or cost a fortune, while
 * its start says what a judge needs. Rule-based criteria still see all of it.
 */
const MAX_JUDGED_OUTPUT_BYTES = 64 * 1024;
/** The answer as a judge or moderation sees it: its start, marked when cut. */
function judgedOutput(text) {
    const stored = storedOutput(text, MAX_JUDGED_OUTPUT_BYTES);
    return stored.output_truncated
        ? `${stored.output}\n[\u2026 the answer goes on: ${stored.output_bytes ?? 0} bytes in all]`
        : stored.output;
}


/***/ }),

/***/ 8678:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ slotsFor),
/* harmony export */   kD: () => (/* binding */ runPool)
/* harmony export */ });
/* unused harmony export Slots */
/**
 * Call slots shared by every pool of a run (champion and challenger, every
 * prompt), so what runs at the same time never exceeds one limit. `limit` is
 * read before each start, so a caller can lower or raise it while pools run
 * (adaptive concurrency). A freed slot goes to a waiting pool before the pool
 * that freed it, so pools sharing the slots take turns instead of one starving.
 */
class Slots {
    limit;
    taken = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    /** Calls in flight across every pool. */
    get inFlight() {
        return this.taken;
    }
    get room() {
        return this.taken < Math.max(1, this.limit());
    }
    tryTake() {
        if (!this.room)
            return false;
        this.taken++;
        return true;
    }
    /** Calls `wake` once, when a slot frees; it should try again. */
    whenFree(wake) {
        this.waiting.push(wake);
    }
    give() {
        this.taken--;
        while (this.room && this.waiting.length > 0)
            this.waiting.shift()?.();
    }
}
/** Slots from a number or a limit read before each start. */
function slotsFor(concurrency) {
    return new Slots(typeof concurrency === "number" ? () => concurrency : concurrency);
}
/**
 * Runs `worker` over `items` with at most `limit()` calls in flight (or as many
 * as `opts.slots`, shared with other pools, allows), in input order of start.
 * Stops starting new items once `signal` aborts; items not started are
 * reported to `onSkipped` so nothing disappears silently.
 */
async function runPool(items, limit, worker, opts = {}) {
    const slots = opts.slots ?? new Slots(limit);
    const iterator = items[Symbol.iterator]();
    let index = 0;
    let inFlight = 0;
    let done = false;
    let waiting = false;
    let failure;
    return new Promise((resolve, reject) => {
        const finishIfIdle = () => {
            if (inFlight > 0 || waiting)
                return;
            if (failure)
                reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
            else
                resolve();
        };
        const drainSkipped = () => {
            for (let next = iterator.next(); !next.done; next = iterator.next())
                opts.onSkipped?.(next.value, index++);
            done = true;
        };
        const settle = () => {
            inFlight--;
            slots.give();
        };
        const pump = () => {
            while (!done && !failure && !waiting) {
                if (opts.signal?.aborted) {
                    drainSkipped();
                    break;
                }
                if (!slots.tryTake()) {
                    waiting = true;
                    slots.whenFree(() => {
                        waiting = false;
                        pump();
                    });
                    break;
                }
                const next = iterator.next();
                if (next.done) {
                    done = true;
                    slots.give();
                    break;
                }
                const i = index++;
                inFlight++;
                worker(next.value, i).then(() => {
                    settle();
                    pump();
                    finishIfIdle();
                }, (error) => {
                    failure ??= { error };
                    settle();
                    finishIfIdle();
                });
            }
            finishIfIdle();
        };
        pump();
    });
}


/***/ }),

/***/ 3358:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ sampleById)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);

/**
 * Keeps `max` items chosen by a hash of their id: the same ids on every run and
 * on both sides of a comparison, so a sampled champion and challenger still pair.
 * The original order is kept.
 */
function sampleById(items, max, opts) {
    if (max === undefined || items.length <= max)
        return { items: [...items] };
    const salt = opts ? `agentops-sample:${opts.seed}:` : "agentops-sample:";
    const rank = (id) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(`${salt}${id}`).digest("hex");
    const first = opts?.first;
    const tier = (id) => (first === undefined || first.has(id) ? 0 : 1);
    const keep = new Set(items
        .map((i) => ({ id: i.id, t: tier(i.id), r: rank(i.id) }))
        .sort((a, b) => a.t - b.t || (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
        .slice(0, max)
        .map((x) => x.id));
    const added = first !== undefined && items.some((i) => !first.has(i.id));
    const method = opts
        ? `${added ? "base examples first, then added ones; " : ""}deterministic by sha256 of the base commit and the example id`
        : "deterministic by sha256 of the example id";
    return { items: items.filter((i) => keep.has(i.id)), sampled: { kept: max, of: items.length, method } };
}


/***/ }),

/***/ 448:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dl: () => (/* binding */ parseJsonOutput),
/* harmony export */   q_: () => (/* binding */ jsonDifference)
/* harmony export */ });
/* unused harmony export jsonEqual */
/**
 * Models often wrap JSON in a Markdown fence; accept exactly one around the whole output.
 * The lazy body is followed by an end anchor, so matching stays linear in the output length.
 */
const FENCE = /^```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/i;
function parseJsonOutput(output) {
    const trimmed = output.trim();
    const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
    try {
        return { ok: true, value: JSON.parse(body) };
    }
    catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
}
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * Where two JSON values first differ, as a JSON Pointer ("" is the root); undefined when they are equal.
 * Object key order does not matter; array order does.
 */
function jsonDifference(a, b, at = "") {
    if (a === b)
        return undefined;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return at;
        for (let i = 0; i < a.length; i++) {
            const d = jsonDifference(a[i], b[i], `${at}/${i}`);
            if (d !== undefined)
                return d;
        }
        return undefined;
    }
    if (isObject(a) && isObject(b)) {
        const keys = Object.keys(a);
        if (keys.length !== Object.keys(b).length)
            return at;
        for (const k of keys) {
            if (!Object.hasOwn(b, k))
                return at;
            const d = jsonDifference(a[k], b[k], `${at}/${escapePointer(k)}`);
            if (d !== undefined)
                return d;
        }
        return undefined;
    }
    return at;
}
function jsonEqual(a, b) {
    return jsonDifference(a, b) === undefined;
}
function escapePointer(key) {
    return key.replaceAll("~", "~0").replaceAll("/", "~1");
}


/***/ }),

/***/ 6876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ scoreOneOf),
/* harmony export */   y: () => (/* binding */ normalizeLabel)
/* harmony export */ });
const QUOTES = /^["'`\u201c\u201d\u2018\u2019]+|["'`\u201c\u201d\u2018\u2019]+$/g;
const unquote = (s) => s.trim().replace(QUOTES, "").trim();
/**
 * `"Billing."`, `Billing".` and `` `billing` `` all answer "billing": models dress labels in quotes,
 * backticks and a full stop. Only one trailing period goes, inside or outside the quotes.
 */
function normalizeLabel(output) {
    const s = unquote(output);
    return s.endsWith(".") ? unquote(s.slice(0, -1)) : s;
}
function scoreOneOf(c, ctx) {
    const fold = (s) => (c.case_sensitive ? s : s.toLowerCase());
    const answer = normalizeLabel(ctx.output);
    // Labels are normalized too, so a label that itself ends in "." (say "U.S.") still matches.
    const label = c.labels.find((l) => fold(normalizeLabel(l)) === fold(answer));
    if (label !== undefined)
        return { score: 1, passed: true, detail: label };
    return { score: 0, passed: false, detail: `${JSON.stringify(answer.slice(0, 60))} is not a label` };
}


/***/ })

};
