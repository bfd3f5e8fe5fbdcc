export const id = 727;
export const ids = [727];
export const modules = {

/***/ 5171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w3: () => (/* binding */ categoryBreakdown)
/* harmony export */ });
/* unused harmony exports CONCENTRATED_DROP, CONCENTRATED_MIN_EXAMPLES */
/* harmony import */ var _config_categories_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9964);


/** A category's drop must be at least this large (fraction) to be called concentrated. */
const CONCENTRATED_DROP = 0.1;
/** \u2026and hold at least this many examples: one example falling is an example, not a category. */
const CONCENTRATED_MIN_EXAMPLES = 3;
/** Per example: the mean score and passing share of one criterion over its scored repeats. */
function perExample(results, criterion) {
    const out = new Map();
    for (const r of results) {
        const v = r.criteria[criterion];
        if (r.status !== "ok" || !v)
            continue;
        let c = out.get(r.id);
        if (!c)
            out.set(r.id, (c = { sum: 0, n: 0, passes: 0 }));
        c.sum += v.score;
        c.n++;
        if (v.passed)
            c.passes++;
    }
    return out;
}
const mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
const score = (c) => c.sum / c.n;
function tagsOf(categories, id) {
    const c = categories[id];
    return c && c.length > 0 ? c : [_config_categories_js__WEBPACK_IMPORTED_MODULE_0__/* .UNTAGGED */ .QW];
}
/** \u0394 of one criterion over a set of paired example ids; null when there is none. */
function pairedDelta(ids, a, b) {
    const paired = ids.filter((id) => a.has(id) && b.has(id));
    if (paired.length === 0)
        return null;
    const x = paired.map((id) => score(a.get(id)));
    const y = paired.map((id) => score(b.get(id)));
    return { delta: mean(y) - mean(x), champion: mean(x) };
}
/**
 * Splits every criterion of the challenger by category. An example with several
 * categories counts in each. A concentrated drop is the worst category of a
 * criterion that fell over the whole eval set, when that category holds CONCENTRATED_MIN_EXAMPLES or more, fell by
 * CONCENTRATED_DROP or more, and by at least twice what the examples outside it
 * fell (each side's figures on paired examples).
 */
function categoryBreakdown(champion, challenger, categories) {
    if (!categories || Object.keys(categories).length === 0)
        return undefined;
    const names = challenger.criteria.map((c) => c.name);
    const order = [];
    for (const r of challenger.examples)
        for (const t of tagsOf(categories, r.id))
            if (!order.includes(t))
                order.push(t);
    // Untagged last: it is the remainder, not a category anyone chose.
    const cats = [...order.filter((t) => t !== _config_categories_js__WEBPACK_IMPORTED_MODULE_0__/* .UNTAGGED */ .QW).sort(), ...order.filter((t) => t === _config_categories_js__WEBPACK_IMPORTED_MODULE_0__/* .UNTAGGED */ .QW)];
    const rows = [];
    const concentrated = [];
    for (const name of names) {
        const b = perExample(challenger.examples, name);
        const a = champion?.criteria.some((c) => c.name === name)
            ? perExample(champion.examples, name)
            : undefined;
        // Only a criterion that fell over the whole eval set has a regression to locate.
        const overall = a ? pairedDelta([...b.keys()], a, b) : null;
        let worst;
        for (const category of cats) {
            const ids = [...b.keys()].filter((id) => tagsOf(categories, id).includes(category));
            if (ids.length === 0)
                continue;
            const paired = a ? pairedDelta(ids, a, b) : null;
            rows.push({
                criterion: name,
                category,
                examples: ids.length,
                champion: paired ? paired.champion : null,
                challenger: mean(ids.map((id) => score(b.get(id)))),
                delta: paired ? paired.delta : null,
                failing: ids.filter((id) => {
                    const c = b.get(id);
                    return c.passes / c.n < 0.5;
                }),
            });
            if (!a || !paired || !overall || overall.delta >= 0 || ids.length < CONCENTRATED_MIN_EXAMPLES)
                continue;
            const outside = pairedDelta([...b.keys()].filter((id) => !tagsOf(categories, id).includes(category)), a, b);
            if (!outside)
                continue;
            const drop = {
                criterion: name,
                category,
                delta: paired.delta,
                elsewhere: outside.delta,
                examples: ids.length,
            };
            if (paired.delta <= -CONCENTRATED_DROP &&
                paired.delta <= 2 * Math.min(outside.delta, 0) &&
                (!worst || paired.delta < worst.delta))
                worst = drop;
        }
        if (worst)
            concentrated.push(worst);
    }
    return { categories: cats, rows, concentrated };
}


/***/ }),

/***/ 4369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sV: () => (/* binding */ DEFAULT_GATE),
  gi: () => (/* binding */ comparePrompt),
  zU: () => (/* binding */ failureKind),
  dJ: () => (/* binding */ gateSettings),
  Bn: () => (/* binding */ overallVerdict),
  bN: () => (/* binding */ testedCriteria),
  oo: () => (/* binding */ undecided)
});

// UNUSED EXPORTS: finalLevel

// EXTERNAL MODULE: ./lib/compare/cluster.js
var cluster = __webpack_require__(9749);
// EXTERNAL MODULE: ./lib/compare/stats.js
var stats = __webpack_require__(3128);
;// CONCATENATED MODULE: ./lib/compare/distributions.js
/**
 * Normal quantile and Student-t distribution functions for the sequential gate. Levels
 * there go down to ~1e-5 (\u03b1 spread over criteria and looks), so the tails must
 * be right where a table of 0.975 quantiles is of no use.
 */

/**
 * Standard normal quantile \u03a6\u207b\u00b9(p) by Acklam's rational approximation
 * (relative error 1.15e-9), which is plenty for critical values.
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1)) {
        if (p === 0)
            return -Infinity;
        if (p === 1)
            return Infinity;
        throw new RangeError(`normalQuantile needs p in [0, 1], got ${p}`);
    }
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const [a0, a1, a2, a3, a4, a5] = a;
    const [b0, b1, b2, b3, b4] = b;
    const [c0, c1, c2, c3, c4, c5] = c;
    const [d0, d1, d2, d3] = d;
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
            ((((d0 * q + d1) * q + d2) * q + d3) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
        (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1));
}
/** Continued fraction of the regularized incomplete beta function (Numerical Recipes' betacf, modified Lentz). */
function betaContinuedFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const step = d * c;
        h *= step;
        if (Math.abs(step - 1) < 1e-14)
            break;
    }
    return h;
}
/** Regularized incomplete beta I_x(a, b). */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp((0,stats/* lgamma */.ay)(a + b) - (0,stats/* lgamma */.ay)(a) - (0,stats/* lgamma */.ay)(b) + a * Math.log(x) + b * Math.log(1 - x));
    // The continued fraction converges fast only on one side of the mean; use the symmetry on the other.
    return x < (a + 1) / (a + b + 2)
        ? (front * betaContinuedFraction(a, b, x)) / a
        : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}
/** Student-t CDF with df degrees of freedom (df \u2265 1, not necessarily whole). */
function studentTCdf(t, df) {
    if (!(df > 0))
        throw new RangeError(`studentTCdf needs df > 0, got ${df}`);
    if (t === Infinity)
        return 1;
    if (t === -Infinity)
        return 0;
    const tail = incompleteBeta(df / (df + t * t), df / 2, 0.5) / 2;
    return t >= 0 ? 1 - tail : tail;
}
/** Student-t quantile, by bisection on the CDF (60 halvings: far below any level the gate uses). */
function studentTQuantile(p, df) {
    if (!(p > 0 && p < 1))
        throw new RangeError(`studentTQuantile needs p in (0, 1), got ${p}`);
    if (p === 0.5)
        return 0;
    let lo = -1;
    let hi = 1;
    while (studentTCdf(lo, df) > p)
        lo *= 2;
    while (studentTCdf(hi, df) < p)
        hi *= 2;
    for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (studentTCdf(mid, df) < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

;// CONCATENATED MODULE: ./lib/compare/sequential.js
/**
 * The sequential non-inferiority test of the gate. docs/statistics.md says why
 * each constant has the value it has; change them together with that page and
 * the figures of `npm run bench:gate`.
 *
 * H0: the challenger is not worse than the champion by more than the tolerance
 * (\u0394 \u2265 \u2212tol). Rejecting H0 fails the criterion. The unit is the example: the
 * test is a paired t-test on per-example mean differences, shifted by the
 * tolerance, one-sided.
 */

/** Share of a criterion's \u03b1 spent over all interim looks together (Haybittle\u2013Peto shape); the rest is the final look's. */
const INTERIM_ALPHA_SHARE = 0.1;
/** Rounds of sampling the futility stop plans for: it asks whether a drop this run could detect by then is still plausible. */
const DESIGN_ROUNDS = 6;
/**
 * Log likelihood ratio of "no change" over "the design drop" above which the only criterion of a
 * prompt is decided not worse; with m criteria, see futilityLogLr.
 */
const FUTILITY_LOG_LR = 1;
/** The power the minimum detectable drop is stated at. */
const POWER = 0.8;
/**
 * The one-sided nominal level of one look. Each interim look spends an equal
 * part of INTERIM_ALPHA_SHARE of the criterion's \u03b1/m, the final look the rest;
 * by the union bound the chance of any false failure over all looks is at most
 * \u03b1/m, whatever the correlation between looks (so re-estimating the variance
 * and choosing which examples to sample cannot break it).
 */
function sequential_lookLevel(design, final) {
    const perCriterion = design.alpha / Math.max(1, design.familySize);
    if (design.maxRounds <= 1)
        return perCriterion;
    const interim = (perCriterion * INTERIM_ALPHA_SHARE) / (design.maxRounds - 1);
    return final ? perCriterion - interim * (design.maxRounds - 1) : interim;
}
/** The paired test on per-example means, or null with fewer than two examples (no spread to estimate). */
function nonInferiorityTest(champion, challenger, tol) {
    const n = champion.length;
    if (n < 2 || challenger.length !== n)
        return null;
    const diffs = challenger.map((y, i) => y - (champion[i] ?? 0));
    const delta = diffs.reduce((s, v) => s + v, 0) / n;
    const ss = diffs.reduce((s, v) => s + (v - delta) ** 2, 0);
    const se = Math.sqrt(ss / (n - 1) / n);
    const df = n - 1;
    const shifted = delta + tol;
    // Float noise in the mean of identical differences must not read as spread.
    const noSpread = se <= 1e-12;
    const statistic = noSpread ? (shifted > 1e-12 ? Infinity : shifted < -1e-12 ? -Infinity : 0) : shifted / se;
    return { n, delta, se: noSpread ? 0 : se, df, statistic, p_value: studentTCdf(statistic, df) };
}
/** The critical value of a one-sided level with df degrees of freedom. */
function critical(level, df) {
    return -studentTQuantile(level, df);
}
/**
 * The drop (positive fraction) the futility stop weighs "no change" against:
 * the tolerance plus what DESIGN_ROUNDS rounds of the first look's spread could
 * detect with POWER at the final level.
 */
function designDrop(firstSe, tol, finalLevel, df) {
    const beyond = (critical(finalLevel, df) + normalQuantile(POWER)) * (firstSe / Math.sqrt(DESIGN_ROUNDS));
    return tol + beyond;
}
/**
 * The log likelihood ratio a criterion of a prompt with m tested criteria needs
 * to be decided not worse: FUTILITY_LOG_LR \u2212 ln m, never below 0. A prompt
 * samples until its last criterion stops, so with m criteria each one's
 * likelihood ratio threshold is divided by m (the futility side's counterpart
 * of \u03b1/m), but the data must still favour "no change" over the design drop.
 * Only passing gets easier: the test's levels do not depend on it.
 */
function futilityLogLr(familySize) {
    return Math.max(0, FUTILITY_LOG_LR - Math.log(Math.max(1, familySize)));
}
/**
 * Decided not worse: the data favour "no change" over "worse by the design
 * drop" by a log likelihood ratio above futilityLogLr(familySize). Stopping
 * here never adds a failure, so it costs no type I error, only power.
 */
function isFutile(test, tol, drop, familySize) {
    if (test.se === 0)
        return test.delta >= -tol;
    return ((test.delta + drop / 2) * drop) / test.se ** 2 > futilityLogLr(familySize);
}
/** Worse than the champion beyond the tolerance at this look's level. */
function rejects(test, level) {
    return test.p_value <= level;
}
/**
 * The smallest drop (positive fraction) a final look on this much data detects
 * with POWER. With no spread at all the floor is one example of n flipping.
 */
function minimumDetectableDrop(se, n, tol, finalLevel, df) {
    const floor = n > 0 ? 1 / n : 1;
    return tol + (critical(finalLevel, Math.max(1, df)) + normalQuantile(POWER)) * Math.max(se, floor);
}

;// CONCATENATED MODULE: ./lib/compare/criterion.js



const points = (x) => `${x >= 0 ? "+" : "\u2212"}${Math.abs(x * 100).toFixed(1)} pts`;
const pctOf = (x) => `${(x * 100).toFixed(1)}%`;
function side(pass, score) {
    const r = (0,cluster/* clusteredPassRate */.VD)(pass);
    return { mean: score.length ? (0,stats/* meanInterval */.VO)(score).mean : 0, pass_rate: r.rate, pass_rate_ci: r.ci };
}
/** The figures of a criterion at this look, before any decision. */
function measureCriterion(c, champion, challenger, look) {
    const all = (0,cluster/* clusterSide */._D)(challenger.examples, c.name);
    const allRate = (0,cluster/* clusteredPassRate */.VD)(all.pass);
    const challengerAll = (0,cluster/* passAllRepeats */.VK)(challenger.examples, c.name);
    const row = {
        name: c.name,
        type: c.type,
        status: "ok",
        decision: "undecided",
        decided_by: null,
        rounds: look.round,
        reason: "",
        pairs: 0,
        champion: null,
        challenger: (() => {
            const figures = side(all.pass, all.score);
            return {
                ...figures,
                pass_rate_all: allRate.rate,
                mean_all: figures.mean,
                n: all.pass.length,
                ...(challengerAll ? { pass_all_repeats: challengerAll } : {}),
            };
        })(),
        delta: null,
        delta_ci: null,
        test: null,
        minimum_detectable_drop: null,
        ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
    };
    if (!champion?.criteria.some((k) => k.name === c.name))
        return row;
    const pairs = (0,cluster/* clusterPairs */.Y8)(champion.examples, challenger.examples, c.name);
    const n = pairs.ids.length;
    if (n === 0)
        return row;
    row.pairs = n;
    const championAll = (0,cluster/* passAllRepeats */.VK)(champion.examples, c.name);
    row.champion = {
        ...side(pairs.championPass, pairs.champion),
        ...(championAll ? { pass_all_repeats: championAll } : {}),
    };
    row.challenger = { ...row.challenger, ...side(pairs.challengerPass, pairs.challenger) };
    const diffs = pairs.challenger.map((y, i) => y - (pairs.champion[i] ?? 0));
    const { mean, ci } = (0,stats/* meanInterval */.VO)(diffs);
    row.delta = mean;
    // A difference of means of scores in [0, 1] lies in [\u22121, 1]: the t-interval of a small set can reach past that.
    row.delta_ci = [Math.max(-1, ci[0]), Math.min(1, ci[1])];
    return row;
}
/**
 * Decides a criterion at this look. A decision taken at an earlier look
 * (`previous`) stands; only its figures are refreshed.
 */
function decideCriterion(row, champion, challenger, look, previous) {
    const tol = look.tol;
    if (row.challenger.n === 0) {
        // Every example errored or was skipped: there is nothing to hold against a threshold.
        return {
            ...row,
            status: "inconclusive",
            decision: "inconclusive",
            decided_by: "not_measured",
            reason: "no example could be scored",
        };
    }
    // One meaning for every criterion: the minimum mean score (for a pass/fail check, its pass rate).
    // Unrounded: 0.8999 misses a threshold of 0.9 even though both print as 90%.
    if (row.threshold !== undefined && row.challenger.mean_all < row.threshold) {
        // A pass/fail check's mean score is its pass rate: call it that.
        const what = row.challenger.mean_all === row.challenger.pass_rate_all ? "pass rate" : "mean score";
        let reason = `${what} ${pctOf(row.challenger.mean_all)} is below the threshold of ${(row.threshold * 100).toFixed(0)}%`;
        // A reviewer should know when this change did not cause the miss.
        if (row.champion && row.champion.mean < row.threshold)
            reason += `, as on the base (${pctOf(row.champion.mean)})`;
        return { ...row, status: "below_threshold", decision: "fail", decided_by: "threshold", reason };
    }
    if (!champion?.criteria.some((k) => k.name === row.name)) {
        return {
            ...row,
            status: "new",
            decision: "pass",
            decided_by: "no_baseline",
            reason: champion ? "new criterion: absolute threshold only" : "no baseline: absolute threshold only",
        };
    }
    if (row.delta === null || row.delta_ci === null) {
        return {
            ...row,
            status: "inconclusive",
            decision: "inconclusive",
            decided_by: "not_measured",
            reason: "no example was scored on both sides, so there is nothing to compare",
        };
    }
    const pairs = (0,cluster/* clusterPairs */.Y8)(champion.examples, challenger.examples, row.name);
    const test = nonInferiorityTest(pairs.champion, pairs.challenger, tol);
    const finalLevel = sequential_lookLevel(look.design, true);
    const mdd = test ? minimumDetectableDrop(test.se, test.n, tol, finalLevel, test.df) : null;
    const drop = previous?.design_drop ??
        (test && test.se > 0 ? designDrop(test.se, tol, finalLevel, test.df) : undefined);
    const figures = {
        ...row,
        minimum_detectable_drop: mdd,
        ...(drop !== undefined ? { design_drop: drop } : {}),
    };
    const interval = `\u0394 ${points(row.delta)}, 95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])}`;
    if (previous && previous.decision !== "undecided") {
        return {
            ...figures,
            status: previous.status,
            decision: previous.decision,
            decided_by: previous.decided_by,
            rounds: previous.rounds,
            test: previous.test,
            reason: previous.reason,
        };
    }
    if (!test) {
        // One paired example has no spread to test against; more repeats cannot add examples.
        return {
            ...figures,
            decision: "pass",
            decided_by: "end_of_sampling",
            reason: `one example scored on both sides is too few to test (${interval})`,
        };
    }
    const level = sequential_lookLevel(look.design, look.final);
    if (rejects(test, level)) {
        return {
            ...figures,
            status: "regressed",
            decision: "fail",
            decided_by: "test",
            test: {
                name: "paired t-test on per-example means, one-sided, against the tolerance",
                statistic: test.statistic,
                df: test.df,
                p_value: test.p_value,
                level,
                round: look.round,
            },
            reason: `dropped ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])}), worse than the ${(tol * 100).toFixed(1)}-point tolerance allows`,
        };
    }
    const improved = row.delta > tol && row.delta_ci[0] > 0;
    const passed = {
        ...figures,
        status: improved ? "improved" : "ok",
        decision: "pass",
    };
    // At the last look this only names why it passes; before it, it ends sampling for the criterion.
    const futile = test.se === 0
        ? test.delta >= -tol
        : drop !== undefined && isFutile(test, tol, drop, look.design.familySize);
    if (futile) {
        // The futility stop weighs "no change" against a drop of D, not against the tolerance: the estimate
        // can lie below \u2212tolerance, and then the report must not say "not worse" (never \u2705 when the 95%
        // interval lies wholly below it).
        const dropText = drop === undefined ? "" : ` of ${(drop * 100).toFixed(1)} pts or more`;
        if (!improved && row.delta_ci[1] < -tol)
            return {
                ...passed,
                status: "possible_drop",
                decided_by: "not_worse",
                reason: `possible drop, not confirmed: ${interval} lies wholly below the \u2212${(tol * 100).toFixed(1)}-point tolerance; sampling stopped because the data favour no change over a drop${dropText}`,
            };
        return {
            ...passed,
            decided_by: "not_worse",
            ...(row.delta < -tol ? { below_tolerance: true } : {}),
            reason: improved
                ? `improved ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])})`
                : row.delta < -tol
                    ? `no sign of a drop${dropText} (${interval}); the estimate is below the tolerance, but the test at this prompt's level did not reject`
                    : `not worse beyond the tolerance (${interval})`,
        };
    }
    if (look.final) {
        const detect = mdd === null ? "" : `; this run detects drops of ${(mdd * 100).toFixed(1)} pts or more`;
        if (!improved && row.delta_ci[1] < -tol) {
            return {
                ...passed,
                status: "possible_drop",
                decided_by: "end_of_sampling",
                reason: `possible drop, not confirmed: ${interval} lies wholly below the \u2212${(tol * 100).toFixed(1)}-point tolerance, but the test at this prompt's level did not reject${detect}`,
            };
        }
        return {
            ...passed,
            decided_by: "end_of_sampling",
            reason: improved
                ? `improved ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])})`
                : `no evidence of a drop beyond the tolerance (${interval})${detect}`,
        };
    }
    return { ...figures, decision: "undecided", reason: `undecided at round ${look.round} (${interval})` };
}

// EXTERNAL MODULE: ./lib/compare/categories.js
var compare_categories = __webpack_require__(5171);
// EXTERNAL MODULE: ./lib/compare/cost.js
var compare_cost = __webpack_require__(7806);
;// CONCATENATED MODULE: ./lib/compare/flipped.js
/** The criteria results of one answer, as shown (the detail shortened). */
function shownScores(criteria) {
    return Object.fromEntries(Object.entries(criteria).map(([k, v]) => [
        k,
        {
            passed: v.passed,
            score: v.score,
            ...(v.detail !== undefined ? { detail: v.detail.slice(0, 300) } : {}),
        },
    ]));
}
/** Per example: how many samples passed every criterion in `names`, and one output of each kind. */
function tallies(results, names) {
    const out = new Map();
    for (const r of results) {
        if (r.status !== "ok" || !names.every((k) => r.criteria[k]))
            continue;
        let t = out.get(r.id);
        if (!t)
            out.set(r.id, (t = { passed: 0, samples: 0, criteria: {} }));
        const all = names.every((k) => r.criteria[k]?.passed);
        t.samples++;
        if (all) {
            t.passed++;
            t.passing ??= r;
        }
        else
            t.failing ??= r;
        for (const k of names)
            t.criteria[k] = (t.criteria[k] ?? 0) + (r.criteria[k]?.passed ? 1 : 0);
    }
    return out;
}
/**
 * Examples whose majority flipped: most of their samples passed every criterion
 * on one side and most failed on the other (an even split is neither).
 */
function flippedExamples(champion, challenger, criteria, inputs) {
    const names = criteria.map((c) => c.name).filter((k) => champion.criteria.some((c) => c.name === k));
    if (names.length === 0)
        return [];
    const a = tallies(champion.examples, names);
    const b = tallies(challenger.examples, names);
    const out = [];
    const share = (t, k) => (k === undefined ? t.passed : (t.criteria[k] ?? 0)) / t.samples;
    for (const [id, y] of b) {
        const x = a.get(id);
        if (!x)
            continue;
        const down = share(x) > 0.5 && share(y) < 0.5;
        const up = share(x) < 0.5 && share(y) > 0.5;
        if (!down && !up)
            continue;
        const shown = inputs.get(id);
        const before = down ? x.passing : x.failing;
        const after = down ? y.failing : y.passing;
        out.push({
            id,
            direction: down ? "pass_to_fail" : "fail_to_pass",
            input: shown?.input ?? {},
            ...(shown && shown.expected !== undefined ? { expected: shown.expected } : {}),
            champion_output: before?.output ?? "",
            challenger_output: after?.output ?? "",
            ...(before ? { champion_scores: shownScores(before.criteria) } : {}),
            ...(after ? { challenger_scores: shownScores(after.criteria) } : {}),
            criteria: names.filter((k) => (down ? share(x, k) > share(y, k) : share(x, k) < share(y, k))),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/compare/failing.js

/** Examples kept per criterion in the results; the report says how many more there are. */
const MAX_FAILING_KEPT = 10;
/** Per below-threshold criterion: the examples most of whose repeats fail it, in eval-set order. */
function failingExamples(challenger, rows, inputs) {
    return rows
        .filter((r) => r.status === "below_threshold")
        .map((r) => {
        const byId = new Map();
        for (const e of challenger.examples) {
            const v = e.criteria[r.name];
            if (e.status !== "ok" || !v)
                continue;
            const t = byId.get(e.id) ?? { passes: 0, n: 0 };
            t.n++;
            if (v.passed)
                t.passes++;
            else
                t.failed ??= e;
            byId.set(e.id, t);
        }
        const ids = [...byId].filter(([, t]) => t.passes / t.n < 0.5);
        return {
            criterion: r.name,
            total: ids.length,
            examples: ids.slice(0, MAX_FAILING_KEPT).map(([id, t]) => {
                const shown = inputs.get(id);
                const e = t.failed;
                return {
                    id,
                    input: shown?.input ?? {},
                    ...(shown && shown.expected !== undefined ? { expected: shown.expected } : {}),
                    output: e.output ?? "",
                    scores: shownScores(e.criteria),
                };
            }),
        };
    });
}

// EXTERNAL MODULE: ./lib/compare/error-kinds.js
var error_kinds = __webpack_require__(8499);
;// CONCATENATED MODULE: ./lib/compare/must-pass.js
/** The must_pass examples the challenger failed on any gating criterion in any repeat, in eval-set order. */
function mustPassFailures(challenger, mustPass, criteria, inputs) {
    const byId = new Map();
    for (const r of challenger) {
        if (!mustPass.has(r.id) || r.status !== "ok")
            continue;
        const t = byId.get(r.id) ?? { failed: 0, of: 0, criteria: new Set() };
        t.of++;
        const missed = criteria.filter((name) => r.criteria[name]?.passed === false);
        if (missed.length > 0) {
            t.failed++;
            for (const name of missed)
                t.criteria.add(name);
            t.first ??= r;
        }
        byId.set(r.id, t);
    }
    const order = [...inputs.keys()];
    const rank = (id) => {
        const i = order.indexOf(id);
        return i < 0 ? order.length : i;
    };
    return [...byId]
        .filter(([, t]) => t.failed > 0)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([id, t]) => ({
        id,
        failed: t.failed,
        of: t.of,
        criteria: [...t.criteria],
        input: inputs.get(id)?.input ?? {},
        output: t.first?.output ?? "",
        ...(t.first?.charged_error && t.first.error ? { error: t.first.error.message } : {}),
    }));
}

;// CONCATENATED MODULE: ./lib/compare/compare.js








const DEFAULT_GATE = {
    tolerancePoints: 2,
    maxErrorRate: 0.1,
    alpha: 0.01,
    maxSamplingRounds: 16,
};
/** Gate settings from the (trusted) config's thresholds, with explicit overrides (flags, Action inputs) first. */
function gateSettings(thresholds, overrides = {}) {
    return {
        tolerancePoints: overrides.tolerance ?? thresholds?.regression_tolerance ?? DEFAULT_GATE.tolerancePoints,
        maxErrorRate: thresholds?.max_error_rate ?? DEFAULT_GATE.maxErrorRate,
        alpha: overrides.alpha ?? thresholds?.alpha ?? DEFAULT_GATE.alpha,
        maxSamplingRounds: thresholds?.max_sampling_rounds ?? DEFAULT_GATE.maxSamplingRounds,
        ...(thresholds?.max_cost_increase !== undefined
            ? { maxCostIncreasePct: thresholds.max_cost_increase }
            : {}),
        ...(thresholds?.max_latency_increase !== undefined
            ? { maxLatencyIncreasePct: thresholds.max_latency_increase }
            : {}),
    };
}
function errorRate(run) {
    return run.summary.examples > 0 ? (run.summary.errors + run.summary.skipped) / run.summary.examples : 0;
}
/** Criteria that have a champion figure to be tested against. */
function testedCriteria(champion, criteria) {
    return champion ? criteria.filter((c) => champion.criteria.some((k) => k.name === c.name)).length : 0;
}
/** Compares a challenger run with its champion (or with nothing) at one look and decides the gate. */
function comparePrompt(champion, challenger, criteria, settings = DEFAULT_GATE, inputs = new Map(), at = { round: 1, maxRounds: 1, final: true }) {
    const look = {
        round: at.round,
        final: at.final,
        tol: settings.tolerancePoints / 100,
        design: {
            alpha: settings.alpha,
            familySize: at.familySize ?? testedCriteria(champion, criteria),
            maxRounds: at.maxRounds,
        },
    };
    const previous = new Map(at.previous?.criteria.map((r) => [r.name, r]));
    const rows = criteria.map((c) => decideCriterion(measureCriterion(c, champion, challenger, look), champion, challenger, look, previous.get(c.name)));
    const removed = (champion?.criteria ?? [])
        .filter((c) => !criteria.some((k) => k.name === c.name))
        .map((c) => ({
        name: c.name,
        type: c.type,
        status: "removed",
        decision: "pass",
        decided_by: null,
        rounds: at.round,
        reason: "criterion removed by this change",
        pairs: 0,
        champion: { mean: c.mean_score, pass_rate: c.pass_rate, pass_rate_ci: c.pass_rate_ci },
        challenger: { mean: 0, pass_rate: 0, pass_rate_ci: [0, 1], pass_rate_all: 0, mean_all: 0, n: 0 },
        delta: null,
        delta_ci: null,
        test: null,
        minimum_detectable_drop: null,
    }));
    const champIds = new Set(champion?.examples.filter((r) => r.status === "ok").map((r) => r.id));
    const charged = challenger.examples.filter((r) => r.charged_error).length;
    const transient = challenger.examples.filter((r) => r.status === "error" &&
        (0,error_kinds/* classifyError */.f)(r.error?.kind) === "transient" &&
        (champion === null || champIds.has(r.id))).length;
    const errors = {
        champion: champion ? champion.summary.errors + champion.summary.skipped : 0,
        challenger: challenger.summary.errors + challenger.summary.skipped,
        excluded_pairs: champion
            ? new Set(challenger.examples.map((r) => r.id)).size -
                new Set(challenger.examples.filter((r) => r.status === "ok" && champIds.has(r.id)).map((r) => r.id))
                    .size
            : 0,
        ...(charged > 0 ? { charged } : {}),
        ...(transient > 0 ? { transient } : {}),
    };
    const mdd = rows.reduce((worst, r) => r.minimum_detectable_drop !== null && (worst === null || r.minimum_detectable_drop > worst.drop)
        ? { drop: r.minimum_detectable_drop, criterion: r.name, examples: r.pairs }
        : worst, null);
    const cost = (0,compare_cost/* costChange */._Y)(champion, challenger, settings);
    const mustPass = at.mustPass
        ? mustPassFailures(challenger.examples, at.mustPass, criteria.map((c) => c.name), inputs)
        : [];
    const { verdict, reason } = decidePrompt(rows, champion, challenger, settings, cost, mustPass);
    const categories = (0,compare_categories/* categoryBreakdown */.w3)(champion, challenger, challenger.example_categories ?? champion?.example_categories);
    const failing = failingExamples(challenger, rows, inputs);
    return {
        prompt: challenger.prompt,
        verdict,
        reason,
        baseline: champion !== null,
        champion_version: champion?.version ?? null,
        challenger_version: challenger.version,
        criteria: [...rows, ...removed],
        flipped: champion ? flippedExamples(champion, challenger, criteria, inputs) : [],
        errors,
        sampling: {
            rounds: at.round,
            max_rounds: at.maxRounds,
            deterministic: at.deterministic ?? false,
            ended: at.ended ?? (at.final ? "max_sampling_rounds" : null),
        },
        tolerance: look.tol,
        minimum_detectable_drop: mdd,
        ...(look.design.familySize > 0
            ? {
                family: {
                    alpha: settings.alpha,
                    criteria: look.design.familySize,
                    final_level: sequential_lookLevel(look.design, true),
                },
            }
            : {}),
        ...(mustPass.length > 0 ? { must_pass: mustPass } : {}),
        cost,
        ...(categories ? { categories } : {}),
        ...(failing.length > 0 ? { failing } : {}),
    };
}
/** The final look's level for a design, for the report's footnotes. */
function finalLevel(settings, familySize) {
    return lookLevel({ alpha: settings.alpha, familySize, maxRounds: settings.maxSamplingRounds }, true);
}
/** Undecided criteria: more rounds are worth running for them. */
function undecided(c) {
    return c.criteria.some((k) => k.decision === "undecided");
}
function decidePrompt(rows, champion, challenger, settings, cost, mustPass) {
    // A must_pass example the challenger failed fails the prompt whatever the statistics or the
    // error rate say: it is the base's promise about that one case.
    if (mustPass.length > 0) {
        const ids = mustPass.map((m) => m.id);
        return {
            verdict: "fail",
            reason: `must-pass example${ids.length === 1 ? "" : "s"} failed: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ` and ${ids.length - 5} more` : ""}`,
        };
    }
    const failing = rows.filter((r) => r.decision === "fail");
    const failed = [
        ...failing.map((r) => `${r.name}: ${r.reason}`),
        ...(cost?.exceeded ?? []).map((g) => g.reason),
    ].join("; ");
    // Too many errors make the verdict inconclusive, not a failure: what was scored may not be
    // representative (an outage, a budget stop). What the scored part showed is still said.
    for (const [side, run] of [
        ["challenger", challenger],
        ["champion", champion],
    ]) {
        if (run && errorRate(run) > settings.maxErrorRate) {
            const common = commonestError(run);
            return {
                verdict: "inconclusive",
                reason: `${(errorRate(run) * 100).toFixed(0)}% of the ${side}'s examples errored or were skipped (limit ${(settings.maxErrorRate * 100).toFixed(0)}%)` +
                    (common ? `; ${common.count} of them: ${common.message}` : "") +
                    (failing.length ? `; on the rest, ${failed}` : ""),
            };
        }
    }
    if (failing.length || cost?.exceeded.length)
        return { verdict: "fail", reason: failed };
    const unsure = rows.find((r) => r.decision === "inconclusive");
    if (unsure)
        return { verdict: "inconclusive", reason: `${unsure.name}: ${unsure.reason}` };
    const unmeasured = cost?.unmeasured[0];
    if (unmeasured)
        return { verdict: "inconclusive", reason: unmeasured.reason };
    if (!champion)
        return rows.some((r) => r.threshold !== undefined)
            ? { verdict: "pass", reason: "no baseline \u2014 absolute thresholds only, and they are met" }
            : {
                verdict: "pass",
                reason: "no baseline and no thresholds \u2014 nothing gates this prompt; add threshold: to its criteria",
            };
    const possible = rows.filter((r) => r.status === "possible_drop").map((r) => r.name);
    if (possible.length > 0)
        return {
            verdict: "pass",
            reason: `\u26a0\ufe0f possible drop, not confirmed: ${possible.join(", ")} (95% interval wholly below \u2212tolerance; the test did not reject)`,
        };
    return { verdict: "pass", reason: "no evidence of a drop beyond the tolerance, thresholds met" };
}
/** The error message most examples of a run share, so an inconclusive verdict says what went wrong. */
function commonestError(run) {
    const counts = new Map();
    for (const r of run.examples)
        if (r.status !== "ok" && r.error)
            counts.set(r.error.message, (counts.get(r.error.message) ?? 0) + 1);
    let best;
    for (const [message, count] of counts)
        if (!best || count > best.count)
            best = { message, count };
    return best;
}
/**
 * What a failing gate is called: a regression when a criterion dropped, a miss of absolute
 * thresholds, else a cost or latency increase beyond its gate.
 */
function failureKind(comparisons) {
    const failing = comparisons.filter((c) => c.verdict === "fail");
    if (failing.some((c) => c.must_pass?.length))
        return "must-pass example failed";
    if (failing.some((c) => c.criteria.some((k) => k.status === "regressed")))
        return "regression";
    if (failing.some((c) => c.criteria.some((k) => k.status === "below_threshold")) || failing.length === 0)
        return "below threshold";
    return failing.some((c) => c.cost?.exceeded.length) ? "cost or latency increase" : "below threshold";
}
/** The overall verdict: any failure fails; otherwise any inconclusive is inconclusive. */
function overallVerdict(prompts) {
    if (prompts.some((p) => p.verdict === "fail"))
        return "fail";
    if (prompts.some((p) => p.verdict === "inconclusive"))
        return "inconclusive";
    return "pass";
}


/***/ }),

/***/ 7806:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mp: () => (/* binding */ signedPct),
/* harmony export */   _Y: () => (/* binding */ costChange)
/* harmony export */ });
/* unused harmony exports LARGE_INCREASE_PCT, sideCost */
/** An increase this large (percent) is pointed out in the report even without a gate. */
const LARGE_INCREASE_PCT = 25;
function sideCost(run) {
    const ok = run.examples.filter((r) => r.status === "ok");
    const tokens = ok.reduce((s, r) => s + (r.usage ? r.usage.prompt_tokens + r.usage.completion_tokens : 0), 0);
    const priced = ok.every((r) => r.cost_usd !== undefined);
    return {
        tokens: ok.length ? tokens / ok.length : 0,
        cost_usd: ok.length && priced ? ok.reduce((s, r) => s + (r.cost_usd ?? 0), 0) / ok.length : null,
        latency_p95_ms: run.summary.latency_ms?.p95 ?? null,
    };
}
function change(a, b) {
    if (a === null || b === null)
        return null;
    const pct = a > 0 ? ((b - a) / a) * 100 : null;
    return { champion: a, challenger: b, change_pct: pct, large: pct !== null && pct >= LARGE_INCREASE_PCT };
}
/** "+344%", "\u221212%". */
function signedPct(pct) {
    return `${pct >= 0 ? "+" : "\u2212"}${Math.abs(pct).toFixed(0)}%`;
}
/** The challenger's change against the champion, and which gates it exceeds; null without a champion. */
function costChange(champion, challenger, gates = {}) {
    if (!champion)
        return null;
    const a = sideCost(champion);
    const b = sideCost(challenger);
    const out = {
        tokens: a.tokens > 0 || b.tokens > 0 ? change(a.tokens, b.tokens) : null,
        cost_usd: change(a.cost_usd, b.cost_usd),
        latency_p95_ms: change(a.latency_p95_ms, b.latency_p95_ms),
        exceeded: [],
        unmeasured: [],
    };
    const cost = out.cost_usd?.change_pct;
    if (gates.maxCostIncreasePct !== undefined &&
        cost !== undefined &&
        cost !== null &&
        cost > gates.maxCostIncreasePct)
        out.exceeded.push({
            gate: "max_cost_increase",
            reason: `cost per answer ${signedPct(cost)} against the champion, above the ${gates.maxCostIncreasePct}% allowed (thresholds.max_cost_increase)`,
        });
    if (gates.maxCostIncreasePct !== undefined && (cost === undefined || cost === null))
        out.unmeasured.push({
            gate: "max_cost_increase",
            reason: "thresholds.max_cost_increase is set, but the cost per answer is unknown on a side (no price for its model: add it under pricing: in the config)",
        });
    const latency = out.latency_p95_ms?.change_pct;
    if (gates.maxLatencyIncreasePct !== undefined &&
        latency !== undefined &&
        latency !== null &&
        latency > gates.maxLatencyIncreasePct)
        out.exceeded.push({
            gate: "max_latency_increase",
            reason: `p95 latency ${signedPct(latency)} against the champion, above the ${gates.maxLatencyIncreasePct}% allowed (thresholds.max_latency_increase)`,
        });
    if (gates.maxLatencyIncreasePct !== undefined && (latency === undefined || latency === null))
        out.unmeasured.push({
            gate: "max_latency_increase",
            reason: "thresholds.max_latency_increase is set, but a side has no answered example to measure latency on",
        });
    return out;
}


/***/ }),

/***/ 8499:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ classifyError),
/* harmony export */   s: () => (/* binding */ chargeErrors)
/* harmony export */ });
const TRANSIENT = new Set([
    "timeout",
    "connection",
    "rate_limited",
    "server_error",
    "bad_response",
    "unreachable",
]);
const NOT_RUN = new Set([
    "skipped",
    "aborted",
    "auth",
    "quota_exhausted",
    "config",
    "no_key",
    "no_recording",
    "unsupported",
]);
/** What an error kind (ProviderError.kind, as stored in an example result) means for the gate. */
function classifyError(kind) {
    if (kind === undefined)
        return "deterministic";
    if (TRANSIENT.has(kind))
        return "transient";
    if (NOT_RUN.has(kind))
        return "not_run";
    // Unknown kinds are the safe side: a failure of the side that produced them, never an outage.
    return "deterministic";
}
/**
 * Charges the challenger's deterministic errors as failures of every criterion (score 0), on the
 * examples the champion answered (every example without a champion: a new prompt's thresholds
 * must not be met by leaving its failures out). The error stays on the result, so the report can
 * say which request was refused.
 */
function chargeErrors(champion, challenger, criteria) {
    const answered = champion ? new Set(champion.filter((r) => r.status === "ok").map((r) => r.id)) : null;
    let charged = 0;
    let transient = 0;
    const examples = challenger.map((r) => {
        if (r.status !== "error" || (answered && !answered.has(r.id)))
            return r;
        const cls = classifyError(r.error?.kind);
        if (cls === "transient")
            transient++;
        if (cls !== "deterministic")
            return r;
        charged++;
        const detail = `failed: the request errored (${r.error?.kind ?? "error"}), which counts as a failure`;
        return {
            ...r,
            status: "ok",
            output: "",
            charged_error: true,
            criteria: Object.fromEntries(criteria.map((name) => [name, { score: 0, passed: false, detail }])),
            passed: false,
            score: 0,
        };
    });
    return { examples, charged, transient };
}


/***/ }),

/***/ 2160:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wy: () => (/* binding */ categorySection),
/* harmony export */   dn: () => (/* binding */ categoryTable)
/* harmony export */ });
/* unused harmony exports concentratedSentence, spreadSentence, categoryChart */
/* harmony import */ var markdown_table__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(735);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2527);
/**
 * The per-category breakdown (src/compare/categories.ts) as markdown: a sentence
 * for each drop that sits in one category, a table of every criterion by
 * category, and a small Mermaid chart when a drop is concentrated. Pure.
 */


/** Charts stay small: past this many categories the table says it better. */
const CHART_MAX_CATEGORIES = 10;
const points = (x) => Math.abs(x * 100).toFixed(0);
const pctOf = (x) => (x * 100).toFixed(0);
const code = (s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(s, { maxLength: 60 });
const codeInTable = (s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(s, { maxLength: 60, table: true });
/** "overlap fell 25 points on `refund`, 1 point elsewhere" (or "rose 3 points elsewhere"). */
function concentratedSentence(d) {
    const elsewhere = Math.abs(d.elsewhere) < 0.005
        ? "unchanged elsewhere"
        : `${d.elsewhere < 0 ? "" : "rose "}${points(d.elsewhere)} point${points(d.elsewhere) === "1" ? "" : "s"} elsewhere`;
    return `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(d.criterion)} fell ${points(d.delta)} points on ${code(d.category)} (${d.examples} example${d.examples === 1 ? "" : "s"}), ${elsewhere}`;
}
/** For a failing criterion with no concentrated drop: "meaning fell on 5 of 6 categories, most on `billing` (22 points)". */
function spreadSentence(b, criterion) {
    const rows = b.rows.filter((r) => r.criterion === criterion && r.delta !== null);
    const fell = rows.filter((r) => (r.delta ?? 0) <= -0.005);
    if (rows.length < 2 || fell.length === 0)
        return undefined;
    const worst = fell.reduce((w, r) => ((r.delta ?? 0) < (w.delta ?? 0) ? r : w));
    return `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(criterion)} fell on ${fell.length} of ${rows.length} categories, most on ${code(worst.category)} (${points(worst.delta ?? 0)} points, ${worst.examples} example${worst.examples === 1 ? "" : "s"})`;
}
function cell(r, plain = false) {
    if (!r)
        return "\u2013";
    if (r.champion === null || r.delta === null)
        return `${pctOf(r.challenger)}%`;
    const d = Math.round(r.delta * 100);
    const delta = d === 0 ? "\u00b10" : `${d > 0 ? "+" : "\u2212"}${Math.abs(d)}`;
    const text = `${pctOf(r.champion)} \u2192 ${pctOf(r.challenger)} (${delta})`;
    return r.delta <= -0.1 && !plain ? `**${text}**` : text;
}
/** Rows are categories, columns criteria; a cell is champion \u2192 challenger (\u0394 points), or the challenger alone. */
function categoryTable(b, escape) {
    const name = escape ?? codeInTable;
    const head = escape ?? ((s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(s, 60));
    const criteria = [...new Set(b.rows.map((r) => r.criterion))];
    const at = new Map(b.rows.map((r) => [`${r.criterion}\u0000${r.category}`, r]));
    const rows = b.categories.map((cat) => {
        const n = Math.max(0, ...b.rows.filter((r) => r.category === cat).map((r) => r.examples));
        return [
            `${name(cat)} (${n})`,
            ...criteria.map((c) => cell(at.get(`${c}\u0000${cat}`), escape !== undefined)),
        ];
    });
    return (0,markdown_table__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Q)([["category (examples)", ...criteria.map(head)], ...rows], {
        align: ["l", ...criteria.map(() => "r")],
    });
}
/** Mermaid labels: quoted strings, so only a safe alphabet and no quote can reach them. */
const label = (s) => s.replace(/[^A-Za-z0-9 _./()-]/g, "_").slice(0, 24);
/**
 * A bar chart of one criterion by category, the challenger as bars and the
 * champion as a line: drawn for the first failing criterion, else for a
 * concentrated drop, where a picture shows at once which categories fell. Empty when
 * it would add nothing (no such criterion, one category, too many).
 */
function categoryChart(b, failing = []) {
    // The criterion that failed the gate (the first given: the worst) is the one a reviewer asks about;
    // a concentrated drop of a passing criterion is charted only when nothing failed.
    const criterion = failing[0] ?? b.concentrated[0]?.criterion;
    if (criterion === undefined || b.categories.length < 2 || b.categories.length > CHART_MAX_CATEGORIES)
        return [];
    const drop = { criterion };
    const rows = b.categories.flatMap((cat) => {
        const r = b.rows.find((x) => x.criterion === drop.criterion && x.category === cat);
        return r && r.champion !== null ? [r] : [];
    });
    if (rows.length < 2)
        return [];
    const list = (xs) => `[${xs.map((x) => (x * 100).toFixed(0)).join(", ")}]`;
    return [
        "```mermaid",
        "xychart-beta",
        `    title "${label(drop.criterion)} by category - challenger bars, champion line"`,
        `    x-axis [${rows.map((r) => `"${label(r.category)}"`).join(", ")}]`,
        `    y-axis "score (%)" 0 --> 100`,
        `    bar ${list(rows.map((r) => r.challenger))}`,
        `    line ${list(rows.map((r) => r.champion ?? 0))}`,
        "```",
        "",
    ];
}
/**
 * The compare report's category part: sentences first (each concentrated drop, and how each
 * failing criterion's drop spreads), then the chart, then the table folded away.
 */
function categorySection(b, failing = []) {
    if (!b)
        return [];
    const out = [];
    for (const d of b.concentrated)
        out.push(`- By category: ${concentratedSentence(d)}.`);
    for (const name of failing) {
        if (b.concentrated.some((d) => d.criterion === name))
            continue;
        const spread = spreadSentence(b, name);
        if (spread)
            out.push(`- By category: ${spread}.`);
    }
    if (out.length > 0)
        out.push("");
    out.push(...categoryChart(b, failing));
    out.push(`<details><summary>By category (${b.categories.length}): score % champion \u2192 challenger (\u0394 points)</summary>`, "", categoryTable(b), "", "Examples count in each of their categories (tags and labels.category); figures are descriptive, not tested per category.", "", "</details>", "");
    return out;
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

/***/ 7703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   X9: () => (/* binding */ pctRange),
/* harmony export */   fN: () => (/* binding */ score),
/* harmony export */   ms: () => (/* binding */ ms)
/* harmony export */ });
/** Small, locale-independent number formats shared by every renderer. */
function pct(x, digits = 1) {
    return `${(x * 100).toFixed(digits)}%`;
}
function pctRange([lo, hi]) {
    return `${(lo * 100).toFixed(0)}\u2013${(hi * 100).toFixed(0)}%`;
}
function score(x) {
    return x.toFixed(2);
}
function int(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
/** "1 example", "2 examples", "1,200 examples". */
function count(n, noun) {
    return `${int(n)} ${noun}${Math.round(n) === 1 ? "" : "s"}`;
}
function ms(n) {
    return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${int(n)} ms`;
}


/***/ }),

/***/ 5664:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ judgeLines)
/* harmony export */ });
/**
 * Who judged what, one line per llm_judge criterion; a judge that is the model
 * under test is called out, since a model tends to rate its own answers highly.
 */
function judgeLines(run) {
    return (run.judges ?? []).map((j) => {
        const rubric = j.preset ? ` (built-in rubric: ${j.preset})` : "";
        if (j.model === null)
            return `${j.criterion}: no judge model${rubric}`;
        return j.self
            ? `\u26a0\ufe0f ${j.criterion} is judged by ${j.model}, the model under test${rubric}: set judge_model in the config to a different model for a fair judge`
            : `${j.criterion} judged by ${j.model}${rubric}`;
    });
}


/***/ }),

/***/ 7751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ progressPrinter)
/* harmony export */ });
/**
 * Prints a progress line at most every `intervalMs`, plus the last one, so long
 * runs show life in CI logs without flooding them.
 */
function progressPrinter(label, write, now = Date.now, intervalMs = 2000) {
    const start = now();
    let last = start;
    return (p) => {
        const t = now();
        const final = p.done === p.total;
        if (!final && t - last < intervalMs)
            return;
        if (final && t - start < intervalMs)
            return;
        last = t;
        const errors = p.errors ? `, ${p.errors} error${p.errors === 1 ? "" : "s"}` : "";
        const cached = p.cached ? `, ${p.cached} cached` : "";
        const spent = p.spentUsd ? `, $${p.spentUsd.toFixed(4)} spent` : "";
        const held = p.heldBy && !final ? `; held by ${p.heldBy}` : "";
        write(`[${label}] ${p.done}/${p.total} examples done${errors}${cached}${spent} (${((t - start) / 1000).toFixed(1)} s)${held}`);
    };
}


/***/ }),

/***/ 9410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hD: () => (/* binding */ toolUseEvalSection),
  Tj: () => (/* binding */ toolUseSection),
  to: () => (/* binding */ toolUseText)
});

// UNUSED EXPORTS: compactTrajectory

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/agent/trajectory.js
var trajectory = __webpack_require__(3556);
;// CONCATENATED MODULE: ./lib/agent/tool-stats.js

const START = "start";
const END = "end";
const cell = (from, to) => `${from}\u0000${to}`;
/** Tool-use figures of one run; undefined when no scored sample has a trajectory (not an agent). */
function toolUseOf(results) {
    const traced = results.filter((r) => r.status === "ok" && r.trajectory);
    if (traced.length === 0)
        return undefined;
    const use = {
        samples: traced.length,
        calls: {},
        mean_steps: 0,
        unmatched: 0,
        transitions: new Map(),
    };
    let steps = 0;
    for (const r of traced) {
        const t = r.trajectory;
        if (!t)
            continue;
        steps += t.steps.length;
        use.unmatched += (0,trajectory/* unmatchedCalls */.lF)(t);
        for (const c of (0,trajectory/* callsOf */.p9)(t))
            use.calls[c.name] = (use.calls[c.name] ?? 0) + 1;
        const path = [START, ...(0,trajectory/* toolPath */.Ou)(t), END];
        for (let i = 0; i + 1 < path.length; i++) {
            const key = cell(path[i] ?? START, path[i + 1] ?? END);
            use.transitions.set(key, (use.transitions.get(key) ?? 0) + 1);
        }
    }
    use.mean_steps = steps / traced.length;
    return use;
}
/** A transition's share of samples: sides of different sizes compare fairly. */
function rate(use, from, to) {
    if (!use || use.samples === 0)
        return 0;
    return (use.transitions.get(cell(from, to)) ?? 0) / use.samples;
}
/** The `limit` cells whose rate changed most between the sides (ties in first-seen order), changed cells only. */
function mostChanged(champion, challenger, limit = 3) {
    if (!champion || !challenger)
        return new Set();
    const keys = new Set([...champion.transitions.keys(), ...challenger.transitions.keys()]);
    const changes = [...keys]
        .map((k) => {
        const [from = "", to = ""] = k.split("\u0000");
        return { k, d: Math.abs(rate(challenger, from, to) - rate(champion, from, to)) };
    })
        .filter((x) => x.d > 1e-12)
        .sort((a, b) => b.d - a.d);
    return new Set(changes.slice(0, limit).map((x) => x.k));
}

// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/format.js
var format = __webpack_require__(7703);
;// CONCATENATED MODULE: ./lib/report/tool-use.js




/*
 * The tool-use part of a report: per side, calls per tool, mean steps and unmatched calls; the
 * transition matrix of the trajectories (start \u2192 tools \u2192 end) with the most-changed cells
 * marked; and the trajectories of flipped examples, compactly. Tool names come from prompt
 * files and arguments from models: everything is escaped.
 */
// Every use of a tool name is in a table.
const tool_use_name = (s) => s === START || s === END ? `*${s}*` : (0,report_escape/* codeSpan */.SS)(s, { maxLength: 64, table: true });
function tools(...uses) {
    return [...new Set(uses.flatMap((u) => Object.keys(u?.calls ?? {})))].sort();
}
function summaryTable(champion, challenger, both) {
    const fig = (u, f) => (u ? f(u) : "\u2013");
    const row = (label, f) => both ? [label, fig(champion, f), fig(challenger, f)] : [label, fig(challenger, f)];
    const rows = [
        both ? ["", "champion", "challenger"] : ["", "value"],
        ...tools(champion, challenger).map((t) => row(`calls to ${tool_use_name(t)}`, (u) => (0,format/* int */.Wh)(u.calls[t] ?? 0))),
        row("mean steps", (u) => u.mean_steps.toFixed(2)),
        row("unmatched calls (no fixture)", (u) => (0,format/* int */.Wh)(u.unmatched)),
        row("answers", (u) => (0,format/* int */.Wh)(u.samples)),
    ];
    return (0,markdown_table/* markdownTable */.Q)(rows, { align: both ? ["l", "r", "r"] : ["l", "r"] });
}
function matrix(champion, challenger) {
    const names = tools(champion, challenger);
    const marked = mostChanged(champion, challenger);
    const count = (u, k) => u?.transitions.get(k) ?? 0;
    const rows = [START, ...names].map((from) => [
        tool_use_name(from),
        ...[...names, END].map((to) => {
            const k = cell(from, to);
            const b = count(challenger, k);
            if (!champion)
                return b ? (0,format/* int */.Wh)(b) : "\u00b7";
            const a = count(champion, k);
            if (a === 0 && b === 0)
                return "\u00b7";
            const text = a === b ? (0,format/* int */.Wh)(a) : `${(0,format/* int */.Wh)(a)} \u2192 ${(0,format/* int */.Wh)(b)}`;
            return marked.has(k) ? `**${text}** \u25c0` : text;
        }),
    ]);
    return (0,markdown_table/* markdownTable */.Q)([["from \\ to", ...[...names, END].map(tool_use_name)], ...rows], {
        align: ["l", ...names.map(() => "c"), "c"],
    });
}
/** One line per call: step, tool, arguments, result; then the answer. */
function compactTrajectory(t) {
    if (!t)
        return "(no trajectory)";
    const lines = [];
    t.steps.forEach((s, i) => {
        for (const c of s.tool_calls) {
            const result = c.result === undefined ? "(not answered: no steps left)" : JSON.stringify(c.result).slice(0, 160);
            lines.push(`${i + 1}. ${c.name}(${c.arguments.slice(0, 160)}) \u2192 ${c.unmatched ? "UNMATCHED " : ""}${result}`);
        }
    });
    lines.push(`answer: ${t.final.trim() === "" ? "(empty answer)" : t.final.slice(0, 200)}`);
    return lines.join("\n");
}
function firstOf(run, id) {
    return run?.examples.find((r) => r.id === id && r.status === "ok")?.trajectory;
}
function flippedTrajectories(champion, challenger, flipped, limit) {
    const shown = [...flipped]
        .sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "pass_to_fail" ? -1 : 1))
        .filter((f) => firstOf(challenger, f.id) ?? firstOf(champion, f.id))
        .slice(0, limit);
    if (shown.length === 0)
        return [];
    const out = [`<details><summary>Trajectories of ${(0,format/* count */.U9)(shown.length, "flipped example")}</summary>`, ""];
    for (const f of shown) {
        out.push(`**${(0,report_escape/* escapeInline */.VV)(f.id)}** \u2014 ${f.direction === "pass_to_fail" ? "pass \u2192 fail" : "fail \u2192 pass"}`, "");
        out.push("Champion:", (0,report_escape/* escapeBlock */.$o)(compactTrajectory(firstOf(champion, f.id)), 1200), "");
        out.push("Challenger:", (0,report_escape/* escapeBlock */.$o)(compactTrajectory(firstOf(challenger, f.id)), 1200), "");
    }
    out.push("</details>", "");
    return out;
}
/** The compare report's tool-use section of one prompt; nothing for a prompt without tools. */
function toolUseSection(champion, challenger, flipped = [], flippedLimit = 5) {
    const a = champion ? toolUseOf(champion.examples) : undefined;
    const b = toolUseOf(challenger.examples);
    if (!a && !b)
        return [];
    const both = champion !== null;
    return [
        "**Tool use**",
        "",
        summaryTable(a, b, both),
        "",
        both
            ? "Transitions between tools over all answers (champion \u2192 challenger; \u25c0 marks the cells that changed most):"
            : "Transitions between tools over all answers:",
        "",
        matrix(both ? a : undefined, b),
        "",
        ...flippedTrajectories(champion, challenger, flipped, flippedLimit),
    ];
}
/** The eval report's tool-use section of one run. */
function toolUseEvalSection(run) {
    return toolUseSection(null, run);
}
/** Plain-text lines for the terminal: calls per tool, mean steps, unmatched calls. */
function toolUseText(run) {
    const u = toolUseOf(run.examples);
    if (!u)
        return [];
    const calls = Object.entries(u.calls)
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([t, n]) => `${t} ${n}`);
    return [
        `tool calls: ${calls.join(", ") || "none"} \u00b7 mean steps ${u.mean_steps.toFixed(2)} \u00b7 unmatched ${u.unmatched}`,
    ];
}


/***/ }),

/***/ 8448:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ truncatedSides),
/* harmony export */   z: () => (/* binding */ truncatedNote)
/* harmony export */ });
/** Answers cut at max_tokens, in words: scored as usual, but a reader should know. */
function truncatedNote(summary, whose) {
    // Results written before the count existed have no `truncated`.
    const n = summary?.truncated ?? 0;
    if (n === 0)
        return [];
    return [`${n} of ${whose} answers ${n === 1 ? "was" : "were"} cut at max_tokens (finish_reason "length")`];
}
/** The compare report's line for both sides, e.g. "3 of the challenger's answers were cut at max_tokens". */
function truncatedSides(champion, challenger) {
    const lines = [
        ...truncatedNote(champion?.summary, "the champion's"),
        ...truncatedNote(challenger.summary, "the challenger's"),
    ];
    return lines.length > 0 ? [`${lines.join("; ")}; they are scored as they are.`, ""] : [];
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
