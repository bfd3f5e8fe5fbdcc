export const id = 858;
export const ids = [858];
export const modules = {

/***/ 5:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ readUserFileBase64),
/* harmony export */   E1: () => (/* binding */ readUserFile),
/* harmony export */   nU: () => (/* binding */ MAX_EVAL_SET_BYTES)
/* harmony export */ });
/* unused harmony exports MAX_CONFIG_BYTES, isInside */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);


/** Prompt files, configs and rubrics are small; anything larger is almost certainly a mistake. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Eval sets can be large (10,000 examples), but not unbounded. */
const MAX_EVAL_SET_BYTES = 64 * 1024 * 1024;
const utf8 = new TextDecoder("utf-8", { fatal: true });
/**
 * Reads a user file as UTF-8 with a size cap. Symlinks are refused so that a
 * config cannot point the tool at files outside the repository (e.g. /proc/self/environ).
 */
async function readUserFile(path, maxBytes = MAX_CONFIG_BYTES) {
    const bytes = await readCheckedBytes(path, maxBytes);
    try {
        return stripBom(utf8.decode(bytes));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("is not valid UTF-8 text", { file: path }, "save the file as UTF-8");
    }
}
/** A user's binary file (an image, audio) as base64, with readUserFile's checks. */
async function readUserFileBase64(path, maxBytes) {
    return (await readCheckedBytes(path, maxBytes)).toString("base64");
}
async function readCheckedBytes(path, maxBytes) {
    let stat;
    try {
        stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("file not found", { file: path }, "check the path, relative to the current directory");
    }
    if (stat.isSymbolicLink()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("is a symbolic link; agentops only reads regular files", { file: path });
    }
    if (!stat.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("is not a regular file", { file: path });
    if (stat.size > maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`is ${stat.size} bytes, over the limit of ${maxBytes} bytes`, { file: path });
    }
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path);
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** True when `path` resolves (after symlinks) inside `root`. */
async function isInside(root, path) {
    const [r, p] = await Promise.all([realpath(root), realpath(path)]);
    return p === r || p.startsWith(r.endsWith("/") ? r : `${r}/`);
}


/***/ }),

/***/ 4116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseJsonLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);

/**
 * The non-blank lines of a JSONL text (eval sets, traces, imported samples), parsed. A line that is
 * not JSON stops the read with an error naming the file and line; `hint` says what a line should be.
 * Lazy, so a caller's own check of an earlier line still reports before a later line's syntax.
 */
function* parseJsonLines(text, file, hint) {
    const lines = text.split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
        if (raw.trim() === "")
            continue;
        let value;
        try {
            value = JSON.parse(raw);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`line is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { file, line: i + 1 }, hint);
        }
        yield { value, line: i + 1 };
    }
}


/***/ }),

/***/ 8858:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZK: () => (/* binding */ checkEvalSetFitsPrompt),
  fH: () => (/* binding */ loadEvalSet),
  WM: () => (/* binding */ loadProjectConfig),
  li: () => (/* binding */ loadPromptFile),
  ge: () => (/* binding */ parseEvalSet),
  Bf: () => (/* binding */ parseProjectConfig),
  sl: () => (/* binding */ parsePromptFile)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/agent/check.js

const TOOL_CRITERIA = new Set(["tool_call", "tool_args_valid", "trajectory"]);
/** Tool criteria on a prompt without tools can never be met: a wrong setup, said before any call. */
function checkToolCriteria(data, file, lineOf) {
    if (data.tools)
        return;
    data.eval_criteria.forEach((c, i) => {
        if (!TOOL_CRITERIA.has(c.type))
            return;
        const line = lineOf(["eval_criteria", i, "type"]);
        throw new errors/* UserError */.yo(`criterion "${c.name}" (${c.type}) scores tool calls, but the prompt declares no tools`, { file, ...(line ? { line } : {}), field: `eval_criteria[${i}].type` }, "declare the prompt's tools (tools: [{name, description, parameters}]) or remove the criterion");
    });
}
/** tool_call without inline `calls` compares with each example's expected_tool_calls: every example needs them. */
function checkExpectedToolCalls(data, promptFile, evalSet) {
    const c = data.eval_criteria.find((k) => k.type === "tool_call" && k.calls === undefined);
    if (!c)
        return;
    const missing = evalSet.examples.find((ex) => ex.expected_tool_calls === undefined);
    if (!missing)
        return;
    throw new errors/* UserError */.yo(`example "${missing.id}" has no "expected_tool_calls", which criterion "${c.name}" (tool_call) of ${promptFile} compares against`, { file: evalSet.file, line: missing.line, field: "expected_tool_calls" }, 'add "expected_tool_calls": [{"name": "\u2026", "arguments": {\u2026}}] (or [] for no call) to every example, or give the criterion calls:');
}

// EXTERNAL MODULE: ./lib/config/json-lines.js
var json_lines = __webpack_require__(4116);
// EXTERNAL MODULE: ./lib/config/pattern.js
var pattern = __webpack_require__(9744);
// EXTERNAL MODULE: ./lib/config/files.js
var files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
// EXTERNAL MODULE: ./lib/config/template.js
var template = __webpack_require__(354);
// EXTERNAL MODULE: ./lib/config/validate.js
var validate = __webpack_require__(2622);
// EXTERNAL MODULE: ./lib/config/yaml.js
var yaml = __webpack_require__(8099);
;// CONCATENATED MODULE: ./lib/config/load.js









/** Parses a prompt file's text; `file` is only used in messages. */
function parsePromptFile(text, file) {
    const { value, lineOf } = (0,yaml/* parseYaml */.h)(text, file);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new errors/* UserError */.yo("a prompt file must be a YAML mapping (name:, version:, template:, \u2026)", { file });
    }
    const raw = value;
    const criteria = raw.eval_criteria;
    if (Array.isArray(criteria)) {
        criteria.forEach((c, i) => {
            const type = typeof c === "object" && c !== null ? c.type : undefined;
            if (typeof type === "string" && !schema/* CRITERION_TYPES */.SF.includes(type)) {
                const line = lineOf(["eval_criteria", i, "type"]);
                throw new errors/* UserError */.yo(`unknown criterion type "${type}"`, { file, ...(line ? { line } : {}), field: `eval_criteria[${i}].type` }, `use one of: ${schema/* CRITERION_TYPES */.SF.join(", ")}`);
            }
        });
    }
    const data = (0,validate/* validateOrThrow */.A)(schema/* PromptFile */.L3, value, file, lineOf, "prompt file");
    data.eval_criteria.forEach((c, i) => checkCriterion(c, file, ["eval_criteria", i], lineOf));
    checkToolCriteria(data, file, lineOf);
    return {
        file,
        data,
        criterionLines: data.eval_criteria.map((_, i) => lineOf(["eval_criteria", i])),
    };
}
async function loadPromptFile(file) {
    return parsePromptFile(await (0,files/* readUserFile */.E1)(file), file);
}
function checkCriterion(c, file, at, lineOf) {
    if (c.type === "regex") {
        try {
            (0,pattern/* compilePattern */.E)(c.pattern, c.flags);
        }
        catch (e) {
            const line = lineOf([...at, "pattern"]);
            throw new errors/* UserError */.yo(`invalid regular expression: ${e instanceof Error ? e.message : String(e)}`, { file, ...(line ? { line } : {}), field: (0,validate/* formatPath */.j)([...at, "pattern"]) }, "patterns use RE2 syntax (no lookarounds or backreferences, so no pattern can stall a run); YAML single quotes avoid double escaping of backslashes");
        }
    }
}
/** An example's own checks: what the schema cannot say (patterns, names, files). */
function checkExampleChecks(example, file, line) {
    const names = new Set();
    (example.checks ?? []).forEach((c, i) => {
        checkCriterion(c, file, ["checks", i], () => line);
        const at = (field) => ({
            file,
            line,
            field: `checks[${i}].${field}`,
        });
        if (names.has(c.name))
            throw new errors/* UserError */.yo(`example "${example.id}" has two checks named "${c.name}"`, at("name"), "give each check of an example its own name; the report says which one failed by it");
        names.add(c.name);
        if (c.type === "llm_judge" && c.rubric_file !== undefined)
            throw new errors/* UserError */.yo(`example "${example.id}": a check cannot read its rubric from a file`, at("rubric_file"), "write the rubric inline (rubric: \u2026), or use a preset");
    });
}
/** Parses JSONL text: one example per line; blank lines are skipped. */
function parseEvalSet(text, file) {
    const examples = [];
    const firstLineOfId = new Map();
    const lines = (0,json_lines/* parseJsonLines */.L)(text, file, 'each line must be one JSON object, e.g. {"id": "ex1", "input": {"text": "\u2026"}}');
    for (const { value, line } of lines) {
        const example = (0,validate/* validateOrThrow */.A)(schema/* EvalExample */.Te, value, file, () => line, "eval set");
        checkExampleChecks(example, file, line);
        const earlier = firstLineOfId.get(example.id);
        if (earlier !== undefined) {
            throw new errors/* UserError */.yo(`duplicate example id "${example.id}" (first used on line ${earlier})`, { file, line, field: "id" }, "give every example a unique id; results are paired across versions by id");
        }
        firstLineOfId.set(example.id, line);
        examples.push({ ...example, line });
    }
    if (examples.length === 0) {
        throw new errors/* UserError */.yo("eval set has no examples", { file }, "add one JSON object per line");
    }
    return { file, examples };
}
async function loadEvalSet(file) {
    return parseEvalSet(await (0,files/* readUserFile */.E1)(file, files/* MAX_EVAL_SET_BYTES */.nU), file);
}
const NEEDS_EXPECTED = new Set(["equals", "similarity"]);
/**
 * Checks, before any model call, that every example can be rendered and scored:
 * each template variable is present and criteria that compare to `expected` have one.
 */
function checkEvalSetFitsPrompt(prompt, evalSet) {
    const vars = [
        ...(0,template/* templateVariables */.Qp)(prompt.data.template ?? ""),
        ...(0,template/* templateVariables */.Qp)(prompt.data.system ?? ""),
        ...(prompt.data.messages ?? []).flatMap((m) => (0,template/* contentTemplates */.Dd)(m.content).flatMap(template/* templateVariables */.Qp)),
    ];
    const needsExpected = prompt.data.eval_criteria.find((c) => NEEDS_EXPECTED.has(c.type) || (c.type === "llm_judge" && (0,schema/* judgePresetOf */.OZ)(c) === "correctness"));
    const contexts = prompt.data.eval_criteria.flatMap((c) => c.type === "llm_judge" && (0,schema/* judgePresetOf */.OZ)(c) === "faithfulness" && c.context
        ? [{ c, field: c.context }]
        : []);
    checkExpectedToolCalls(prompt.data, prompt.file, evalSet);
    const conversationOnly = prompt.data.template === undefined && prompt.data.messages === undefined;
    for (const ex of evalSet.examples) {
        const turns = ex.input.messages;
        if (conversationOnly && !(Array.isArray(turns) && turns.length > 0)) {
            throw new errors/* UserError */.yo(`example "${ex.id}" has no input.messages, and ${prompt.file} has no template or messages: nothing would be sent`, { file: evalSet.file, line: ex.line, field: "input.messages" }, `give ${prompt.file} a template (the user turn), or the example its conversation in input.messages`);
        }
        for (const v of vars) {
            if (!Object.hasOwn(ex.input, v)) {
                throw new errors/* UserError */.yo(`example "${ex.id}" has no input "${v}", which the template of ${prompt.file} uses`, { file: evalSet.file, line: ex.line, field: `input.${v}` }, `add "${v}" to the example's input, or remove {${v}} from the template`);
            }
        }
        for (const { c, field } of contexts) {
            if (!Object.hasOwn(ex.input, field)) {
                throw new errors/* UserError */.yo(`example "${ex.id}" has no input "${field}", which criterion "${c.name}" judges the answer against (context)`, { file: evalSet.file, line: ex.line, field: `input.${field}` }, `add "${field}" to the example's input, or point context: at the field holding the source text`);
            }
        }
        checkChecksFit(prompt, evalSet.file, ex);
        if (needsExpected && ex.expected === undefined) {
            throw new errors/* UserError */.yo(`example "${ex.id}" has no "expected", which criterion "${needsExpected.name}" (${needsExpected.type}) compares against`, { file: evalSet.file, line: ex.line, field: "expected" }, 'add "expected" to every example, or remove that criterion');
        }
    }
}
const load_TOOL_CRITERIA = new Set(["tool_call", "tool_args_valid", "trajectory"]);
/** An example's checks can be scored with this prompt: what they compare against is there. */
function checkChecksFit(prompt, file, ex) {
    (ex.checks ?? []).forEach((c, i) => {
        const where = { file, line: ex.line, field: `checks[${i}]` };
        const name = `example "${ex.id}": check "${c.name}" (${c.type})`;
        const fail = (what, fix, field = "") => {
            throw new errors/* UserError */.yo(`${name} ${what}`, { ...where, field: where.field + field }, fix);
        };
        if ((NEEDS_EXPECTED.has(c.type) || (c.type === "llm_judge" && (0,schema/* judgePresetOf */.OZ)(c) === "correctness")) &&
            ex.expected === undefined)
            fail("compares against the example's expected answer, which it has none of", 'add "expected" to the example, or remove the check');
        if (load_TOOL_CRITERIA.has(c.type) && !prompt.data.tools)
            fail(`scores tool calls, but ${prompt.file} declares no tools`, "remove the check, or declare the prompt's tools", ".type");
        if (c.type === "tool_call" && c.calls === undefined && ex.expected_tool_calls === undefined)
            fail("compares with expected_tool_calls, which the example has none of", 'give the check calls: [...] or the example "expected_tool_calls"');
        if (c.type === "llm_judge" &&
            (0,schema/* judgePresetOf */.OZ)(c) === "faithfulness" &&
            c.context &&
            !Object.hasOwn(ex.input, c.context))
            fail(`judges against input "${c.context}", which the example has none of`, `add "${c.context}" to the example's input`, ".context");
    });
}
function parseProjectConfig(text, file) {
    const { value, lineOf } = (0,yaml/* parseYaml */.h)(text, file);
    const config = (0,validate/* validateOrThrow */.A)(schema/* ProjectConfig */.Sk, value ?? {}, file, lineOf, "project config");
    return { file, config };
}
async function loadProjectConfig(file) {
    return parseProjectConfig(await (0,files/* readUserFile */.E1)(file), file);
}


/***/ }),

/***/ 9744:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ compilePattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

/*
 * The regex compiler sits beside the loader, which validates patterns before any
 * model call, and below the scorer that runs them: RE2 semantics (linear-time
 * matching) in both places, and no import cycle between config and engine.
 */
const FLAG_BITS = {
    i: re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE,
    m: re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.MULTILINE,
    s: re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.DOTALL,
    u: 0, // RE2 is Unicode-aware already
};
const compiled = new Map();
/** Compiles a pattern with RE2 semantics; throws with RE2's message when the syntax is unsupported. */
function compilePattern(pattern, flags = "") {
    const key = `${flags}/${pattern}`;
    let re = compiled.get(key);
    if (!re) {
        let bits = 0;
        for (const f of flags)
            bits |= FLAG_BITS[f] ?? 0;
        re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(pattern, bits);
        compiled.set(key, re);
    }
    return re;
}


/***/ }),

/***/ 1091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ PromptFile),
/* harmony export */   Lc: () => (/* binding */ EXAMPLE_CHECKS),
/* harmony export */   OZ: () => (/* binding */ judgePresetOf),
/* harmony export */   PL: () => (/* binding */ parseVersionRef),
/* harmony export */   SF: () => (/* binding */ CRITERION_TYPES),
/* harmony export */   Sk: () => (/* binding */ ProjectConfig),
/* harmony export */   Te: () => (/* binding */ EvalExample)
/* harmony export */ });
/* unused harmony exports FormatCheck, Contains, Regex, Equals, JsonSchemaCriterion, OneOf, Length, SIMILARITY_METHODS, Similarity, Safety, Latency, Cost, ExpectedToolCall, ToolCallCriterion, ToolArgsValid, TrajectoryCriterion, JUDGE_PRESETS, isJudgePreset, LlmJudge, ExampleChecksCriterion, Check, Criterion, ToolSpec, ContentPartTemplate, MessageTemplate, ResponseFormat, toolSpecName, ToolFixture, Budgets, ProviderConfig */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

/** Inclusive bounds; either side may be omitted. */
const Bounds = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
    max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
})
    .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, {
    message: "min must not be greater than max",
});
const fraction = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1);
/** Fields every criterion accepts. */
const common = {
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100),
    /** Minimum share of examples that must pass this criterion (0..1). Missing it fails the gate. */
    threshold: fraction.optional(),
    /** Relative weight in the per-example overall score. */
    /** 0: the criterion must still pass, but does not count in the example's score (as promptfoo's weight 0). */
    weight: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().max(1000).optional(),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2000).optional(),
};
/** Graded criteria pass an example when its score reaches `min_score`. */
const graded = { min_score: fraction.optional() };
const stringOrList = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1)]);
const FormatCheck = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("format_check"),
    /** Exactly this many bullet points: the short form of `bullets: {min: N, max: N}`. */
    expected: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().max(1000).optional(),
    bullets: Bounds.optional(),
    lines: Bounds.optional(),
    json: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
})
    .refine((c) => c.expected !== undefined || c.bullets || c.lines || c.json === true, {
    message: "format_check checks nothing: give expected (the exact number of bullets), bullets: {min, max}, lines: {min, max} or json: true",
});
const Contains = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["contains", "not_contains", "icontains", "not_icontains"]),
    value: stringOrList,
});
const Regex = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("regex"),
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(1000),
    flags: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[imsu]*$/, "only the flags i, m, s and u are allowed")
        .optional(),
    /** false: the output must NOT match. */
    match: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const Equals = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("equals"),
    ignore_case: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /**
     * exact (default): the whole answer; starts_with, includes, fuzzy: against any of the accepted
     * answers (`expected`: a text or a list of texts) \u2014 OpenAI Evals' Match, Includes and FuzzyMatch.
     */
    mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["exact", "starts_with", "includes", "fuzzy"]).optional(),
    /** Compare as JSON values (key order and whitespace ignored). */
    json: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const JsonSchemaCriterion = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("json_schema"),
    schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
});
const OneOf = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("one_of"),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1),
    case_sensitive: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const Length = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("length"),
    chars: Bounds.optional(),
    words: Bounds.optional(),
});
const SIMILARITY_METHODS = ["rouge_l", "token_f1", "embedding"];
const Similarity = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    ...graded,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("similarity"),
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(SIMILARITY_METHODS).optional(),
    /** embedding: the embedding model; default the project's embedding_model. */
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200).optional(),
})
    .refine((c) => c.model === undefined || c.method === "embedding", {
    message: "model is for method: embedding only",
    path: ["model"],
});
/**
 * The output must not be flagged by the endpoint's moderation API (or, where it
 * has none, by the judge's safety preset).
 */
const Safety = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("safety"),
    /** The moderation model; default the project's moderation_model. */
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200).optional(),
});
const Latency = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("latency"),
    max_ms: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive(),
});
const Cost = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("cost"),
    /** Per-example ceiling in USD; with threshold 0.95 this gates the 95th percentile. */
    max_usd: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive(),
});
/** A tool's name as the chat-completions API allows it. */
const toolName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_-]{1,64}$/, "a tool name is 1-64 letters, digits, '_' or '-'");
const toolNames = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(toolName).min(1).max(100);
const jsonObject = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J());
/** One expected call: the tool, and (optionally) arguments the call must carry. */
const ExpectedToolCall = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ name: toolName, arguments: jsonObject.optional() });
/** F1 of the calls made against the expected ones (the example's expected_tool_calls, or `calls`). */
const ToolCallCriterion = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    ...graded,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("tool_call"),
    /** Expected calls for every example; without it each example's expected_tool_calls. */
    calls: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ExpectedToolCall).max(100).optional(),
    /** subset: the expected arguments must appear in the call's; exact: they must be all of them. */
    arguments: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["exact", "subset"]).optional(),
    /** strict: the calls must come in the expected order. */
    order: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["any", "strict"]).optional(),
});
/** Every call's arguments are JSON that validates against the declared tool's parameters. */
const ToolArgsValid = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ ...common, type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("tool_args_valid") });
const TrajectoryCriterion = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("trajectory"),
    must_call: toolNames.optional(),
    must_not_call: toolNames.optional(),
    /** Tools that must be called in this order; other calls may come between. */
    sequence: toolNames.optional(),
    /** At most this many model calls (steps). */
    max_steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().max(100).optional(),
    max_tool_calls: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().max(1000).optional(),
    /** Check only answers that called this tool (e.g. "refund only after a lookup"); others pass as not applicable. */
    when_called: toolName.optional(),
})
    .refine((c) => [c.must_call, c.must_not_call, c.sequence, c.max_steps, c.max_tool_calls].some((x) => x !== undefined), {
    message: "trajectory checks nothing: give must_call, must_not_call, sequence, max_steps or max_tool_calls",
});
const JudgeShot = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    score: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(5),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(500).optional(),
});
/** Built-in rubrics (text in src/engine/judge-presets.ts and docs/judges.md). */
const JUDGE_PRESETS = [
    "relevance",
    "correctness",
    "faithfulness",
    "safety",
    "helpfulness",
    "conciseness",
];
function isJudgePreset(name) {
    return JUDGE_PRESETS.includes(name);
}
const LlmJudge = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...common,
    ...graded,
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("llm_judge"),
    /** What a good answer looks like; the judge scores 1 (bad) to 5 (excellent) against it. */
    rubric: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(20_000).optional(),
    /** A file holding the rubric, relative to the prompt file (inside the repository). */
    rubric_file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** A built-in rubric; without rubric, rubric_file or preset, a criterion named after a preset uses it. */
    preset: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(JUDGE_PRESETS).optional(),
    /** faithfulness: the input field holding the context the answer must be supported by. */
    context: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200).optional(),
    /** Overrides the project's judge_model for this criterion. */
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Scored examples that calibrate the judge (few-shot). */
    examples: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(JudgeShot).max(10).optional(),
})
    .refine((c) => [c.rubric, c.rubric_file, c.preset].filter((x) => x !== undefined).length <= 1, {
    message: "give one of rubric, rubric_file or preset, not several",
    path: ["rubric"],
})
    .refine((c) => c.rubric !== undefined ||
    c.rubric_file !== undefined ||
    c.preset !== undefined ||
    isJudgePreset(c.name), {
    message: `no rubric: give rubric, rubric_file or preset (one of ${JUDGE_PRESETS.join(", ")}), or name the criterion after a preset`,
    path: ["rubric"],
})
    .refine((c) => judgePresetOf(c) !== "faithfulness" || c.context !== undefined, {
    message: "the faithfulness preset needs context: the input field holding the source text",
    path: ["context"],
});
/** The built-in rubric a judge criterion uses, if any: its preset, or its name when nothing else is given. */
function judgePresetOf(c) {
    if (c.preset)
        return c.preset;
    if (c.rubric !== undefined || c.rubric_file !== undefined)
        return undefined;
    return isJudgePreset(c.name) ? c.name : undefined;
}
const CRITERION_TYPES = [
    "format_check",
    "contains",
    "not_contains",
    "icontains",
    "not_icontains",
    "regex",
    "equals",
    "json_schema",
    "one_of",
    "length",
    "similarity",
    "latency",
    "cost",
    "llm_judge",
    "safety",
    "tool_call",
    "tool_args_valid",
    "trajectory",
    "example_checks",
];
/**
 * The example's own `checks` as one criterion of the prompt: an example passes it when all its checks
 * pass; an example without checks passes it as not applicable.
 */
const ExampleChecksCriterion = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ ...common, type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("example_checks") });
/** The name the criterion gets when the eval set has checks and the prompt does not declare it. */
const EXAMPLE_CHECKS = "example checks";
const CHECK_TYPES = [
    FormatCheck,
    Contains,
    Regex,
    Equals,
    JsonSchemaCriterion,
    OneOf,
    Length,
    Similarity,
    Latency,
    Cost,
    LlmJudge,
    Safety,
    ToolCallCriterion,
    ToolArgsValid,
    TrajectoryCriterion,
];
/** A check an example carries: any criterion type but example_checks itself. */
const Check = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt("type", CHECK_TYPES);
const Criterion = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt("type", [...CHECK_TYPES, ExampleChecksCriterion]);
/** A function tool: OpenAI's `{type: function, function: {...}}` or the short `{name, description, parameters}`. */
const ShortTool = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: toolName,
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(10_000).optional(),
    /** A JSON Schema of the arguments. */
    parameters: jsonObject.optional(),
    /** OpenAI structured outputs: the arguments must follow the schema exactly. */
    strict: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const ToolSpec = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("function"), function: ShortTool }),
    ShortTool,
]);
/**
 * A part of a user turn, in the chat-completions form, with {placeholders} in its strings: an
 * image is a URL or a data URL (`data:image/png;base64,{photo}`), audio base64 data.
 */
const ContentPartTemplate = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt("type", [
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("text"), text: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100_000) }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("image_url"),
        image_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
            url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100_000),
            detail: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["auto", "low", "high"]).optional(),
        }),
    }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("input_audio"),
        input_audio: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ data: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100_000), format: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["wav", "mp3"]) }),
    }),
]);
const MessageTemplate = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    role: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["system", "user", "assistant"]),
    /** Text, or (a user turn only) a list of parts that can show the model images and audio. */
    content: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100_000), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ContentPartTemplate).min(1).max(100)]),
})
    .superRefine((m, ctx) => {
    if (typeof m.content !== "string" && m.role !== "user") {
        ctx.addIssue({
            code: "custom",
            path: ["content"],
            message: `a ${m.role} turn is text; only a user turn can hold parts (images, audio)`,
        });
    }
});
const ResponseFormat = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt("type", [
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("text") }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("json_object") }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz("json_schema"),
        json_schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
            name: toolName,
            description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(10_000).optional(),
            schema: jsonObject.optional(),
            strict: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
        }),
    }),
]);
/** The tool's name, whichever form it is written in. */
function toolSpecName(t) {
    return "function" in t ? t.function.name : t.name;
}
const PromptFile = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "use lowercase letters, digits, '-' and '_' (at most 64)"),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2000).optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    temperature: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(2).optional(),
    max_tokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().max(1_000_000).optional(),
    system: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(100_000).optional(),
    /**
     * The final user turn; optional when `messages` holds the conversation. Without template and
     * messages, each example's `input.messages` is the whole conversation, sent as it is (an imported
     * OpenAI Evals sample that ends with a system message); load.ts checks every example has one.
     */
    template: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100_000).optional(),
    /** Turns before the final user turn (few-shot, multi-turn set-ups), with {placeholders}. */
    messages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(MessageTemplate).min(1).max(200).optional(),
    tools: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ToolSpec).min(1).max(128).optional(),
    /** auto, none, required, or the name of a declared tool the model must call. */
    tool_choice: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["auto", "none", "required"]), toolName]).optional(),
    response_format: ResponseFormat.optional(),
    /** Model calls per example: while the model calls tools and steps remain, fixtures answer and it goes on. */
    max_steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(50).optional(),
    eval_set: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Runs per example, to measure output variance (temperature > 0). */
    repeats: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(20).optional(),
    eval_criteria: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Criterion).min(1),
})
    .superRefine((p, ctx) => {
    const declared = new Set();
    (p.tools ?? []).forEach((t, i) => {
        const name = toolSpecName(t);
        if (declared.has(name))
            ctx.addIssue({ code: "custom", path: ["tools", i], message: `duplicate tool name "${name}"` });
        declared.add(name);
    });
    const choice = p.tool_choice;
    if (choice !== undefined && !["auto", "none", "required"].includes(choice) && !declared.has(choice)) {
        ctx.addIssue({
            code: "custom",
            path: ["tool_choice"],
            message: `tool_choice names "${choice}", which tools does not declare`,
        });
    }
    if (choice !== undefined && declared.size === 0) {
        ctx.addIssue({ code: "custom", path: ["tool_choice"], message: "tool_choice without tools" });
    }
    const seen = new Set();
    p.eval_criteria.forEach((c, i) => {
        if (seen.has(c.name)) {
            ctx.addIssue({
                code: "custom",
                path: ["eval_criteria", i, "name"],
                message: `duplicate criterion name "${c.name}"`,
            });
        }
        seen.add(c.name);
    });
});
const ToolFixture = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: toolName,
    arguments: jsonObject.optional(),
    result: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J(),
});
const exampleId = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int()]).transform(String);
const EvalExample = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: exampleId,
    input: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
    expected: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    /** A logged production answer kept by `agentops curate` for a person to turn into `expected`; never scored. */
    reference_output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(100_000).optional(),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    /** Samples of this example, overriding the prompt's `repeats` (e.g. more for a flaky case). */
    repeats: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(20).optional(),
    /** Tool results as data: a call gets the first fixture of its name whose arguments are a subset of its own. */
    tool_results: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ToolFixture).max(1000).optional(),
    /** The calls this example should produce; [] means none. */
    expected_tool_calls: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ExpectedToolCall).max(100).optional(),
    /** The gate fails when the challenger fails this example in any repeat, whatever the statistics say. */
    must_pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /** This example's own criteria, scored as the prompt's one "example checks" criterion. */
    checks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Check).min(1).max(100).optional(),
});
const versionRef = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    // One spelling per version: "v03" or "03" could resolve differently in another tool.
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^v?[1-9]\d*$/, 'use a number like 3 or "v3" (no leading zeros)'),
]);
const positiveInt = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive();
const Budgets = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    max_examples: positiveInt.optional(),
    max_cost_usd: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().optional(),
    max_tokens_total: positiveInt.optional(),
});
const ProviderConfig = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["replay", "mock", "openai"]),
    /** replay: folder (relative to the config file) holding recorded responses as *.jsonl. */
    recordings: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
const ProjectConfig = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    /** Folder holding one sub-folder per prompt, relative to the config file. */
    prompts_dir: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Which environment's active version is the baseline for the gate. */
    gate_environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** environment -> prompt name -> active version */
    environments: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), versionRef)).optional(),
    provider: ProviderConfig.optional(),
    judge_model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** Model for safety criteria's moderation calls (default omni-moderation-latest). */
    moderation_model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200).optional(),
    /** Model for similarity criteria with method: embedding (default text-embedding-3-small). */
    embedding_model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200).optional(),
    /** USD per million tokens, for models the built-in table lacks or whose price changed. */
    pricing: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        input: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
        output: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
        /** Input tokens served from the provider's prompt cache; default the input price. */
        cached_input: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional(),
    }))
        .optional(),
    concurrency: positiveInt.max(256).optional(),
    budgets: Budgets.optional(),
    thresholds: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        /** Largest tolerated drop of a criterion's pass rate or mean score, in points (0..100). */
        regression_tolerance: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).optional(),
        /** Share of examples that may error before a verdict becomes "inconclusive" (0..1). */
        max_error_rate: fraction.optional(),
        /** Family-wise chance of failing a PR that is not worse beyond the tolerance, over every criterion of every prompt. */
        alpha: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).max(0.5).optional(),
        /** Looks of the sequential test: the first pass plus up to this many minus one further rounds of repeats. */
        max_sampling_rounds: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(50).optional(),
        /** Percent the challenger's cost per answer may rise against the champion before the gate fails. */
        max_cost_increase: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100_000).optional(),
        /** Percent the challenger's p95 latency may rise against the champion before the gate fails. */
        max_latency_increase: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100_000).optional(),
        /** Cached answers older than this many days are asked again (default 30). */
        max_answer_age_days: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().max(3650).optional(),
    })
        .optional(),
});
function parseVersionRef(v) {
    return typeof v === "number" ? v : Number(v.replace(/^v/, ""));
}


/***/ }),

/***/ 354:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ contentTemplates),
/* harmony export */   Iy: () => (/* binding */ mediaInputs),
/* harmony export */   Qp: () => (/* binding */ templateVariables),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   rl: () => (/* binding */ mapContentTemplates)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);

/**
 * `{name}` placeholders, filled by plain substitution. `{{` and `}}` stand for
 * literal braces. Anything else in braces (e.g. a JSON example) is left as it is,
 * so templates can show JSON without escaping.
 */
const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function templateVariables(template) {
    const names = new Set();
    for (const m of template.matchAll(PLACEHOLDER))
        if (m[1])
            names.add(m[1]);
    return [...names];
}
function renderTemplate(template, input, where) {
    return template.replace(PLACEHOLDER, (whole, name) => {
        if (whole === "{{")
            return "{";
        if (whole === "}}")
            return "}";
        if (name === undefined)
            return whole;
        if (!Object.hasOwn(input, name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`example "${where.exampleId}" has no input "${name}", which the template uses`, { ...(where.file ? { file: where.file } : {}), ...(where.line ? { line: where.line } : {}) }, `add "${name}" to that example's input, or remove {${name}} from the template`);
        }
        const value = input[name];
        return typeof value === "string" ? value : JSON.stringify(value);
    });
}
/** The template strings of a turn: its text, or each part's text, image URL or audio data. */
function contentTemplates(content) {
    const out = [];
    mapContentTemplates(content, (t) => (out.push(t), t));
    return out;
}
/**
 * A turn with each of its template strings (in contentTemplates' order) replaced by `f` of it,
 * every other field of a part kept: rendering a turn, or converting an imported one.
 */
function mapContentTemplates(content, f) {
    if (typeof content === "string")
        return f(content);
    return content.map((p) => {
        if (p.type === "text")
            return { ...p, text: f(p.text) };
        if (p.type === "image_url")
            return { ...p, image_url: { ...p.image_url, url: f(p.image_url.url) } };
        return { ...p, input_audio: { ...p.input_audio, data: f(p.input_audio.data) } };
    });
}
/**
 * Inputs a prompt shows the model as images or audio: a judge is told they were there, not sent
 * their base64 (which it cannot see as a picture, and which would cost as much as a long text).
 */
function mediaInputs(messages) {
    const names = new Set();
    for (const m of messages) {
        if (typeof m.content === "string")
            continue;
        for (const p of m.content) {
            if (p.type === "image_url")
                for (const n of templateVariables(p.image_url.url))
                    names.add(n);
            if (p.type === "input_audio")
                for (const n of templateVariables(p.input_audio.data))
                    names.add(n);
        }
    }
    return names;
}


/***/ }),

/***/ 2622:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ validateOrThrow),
/* harmony export */   j: () => (/* binding */ formatPath)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);

/** `eval_criteria[2].pattern` from zod's path array. */
function formatPath(path) {
    let out = "";
    for (const key of path) {
        if (typeof key === "number")
            out += `[${key}]`;
        else
            out += out ? `.${String(key)}` : String(key);
    }
    return out;
}
/**
 * Validates `value` and turns the first problem into a UserError that names the
 * file, the line (when the caller can locate it) and the field.
 */
function validateOrThrow(schema, value, file, lineOf, what) {
    const result = schema.safeParse(value);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    if (!issue)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`invalid ${what}`, { file });
    let path = [...issue.path];
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
        const key = issue.keys[0] ?? "";
        path = [...path, key];
        message = `unknown field "${key}"`;
    }
    else if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
        message = "is required";
    }
    const line = lineOf(path);
    return throwAt(message, file, line, path, what);
}
function throwAt(message, file, line, path, what) {
    const field = formatPath(path);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(message, { file, ...(line ? { line } : {}), ...(field ? { field } : {}) }, `see the ${what} format in the README`);
}


/***/ }),

/***/ 8099:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);


/**
 * Parses YAML with the core schema only (no custom tags such as !!js/function),
 * a low alias budget against "billion laughs" documents, and duplicate keys refused.
 */
function parseYaml(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        schema: "core",
        customTags: [],
        uniqueKeys: true,
        prettyErrors: false,
        strict: true,
    });
    // Warnings include unresolved tags such as !!js/function: refuse them rather than guess.
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) {
        const line = lineCounter.linePos(first.pos[0]).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`invalid YAML: ${first.message.split("\n")[0] ?? first.message}`, { file, ...(line ? { line } : {}) }, "fix the YAML syntax at that line");
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`YAML could not be expanded: ${e instanceof Error ? e.message : String(e)}`, { file }, "remove excessive aliases (*name) from the file");
    }
    const lineOf = (path) => {
        let node = doc.contents;
        let found = isNodeWithRange(node) ? node : undefined;
        for (const key of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
                const next = node.get(typeof key === "number" ? key : String(key), true);
                if (!isNodeWithRange(next))
                    break;
                node = next;
                found = next;
            }
            else
                break;
        }
        const offset = found?.range?.[0];
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    };
    return { value, lineOf };
}
function isNodeWithRange(n) {
    return typeof n === "object" && n !== null && "range" in n;
}


/***/ })

};
