export const id = 746;
export const ids = [746];
export const modules = {

/***/ 9746:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IMPORT_HELP: () => (/* binding */ IMPORT_HELP),
  importCommand: () => (/* binding */ importCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/files.js
var config_files = __webpack_require__(5);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
;// CONCATENATED MODULE: ./lib/import/emit.js



const yaml = (value) => (0,dist/* stringify */.As)(value, { lineWidth: 0 });
/**
 * The files of an imported project, by path relative to the output folder. Each is
 * read back with the loaders `agentops eval` uses, so an import never writes a file
 * that eval would refuse.
 */
function projectFiles(project, source) {
    try {
        return readBack(project, source);
    }
    catch (e) {
        if (!(0,errors/* isUserError */.iU)(e))
            throw e;
        // The file it names was never written: say what the conversion produced, and where it came from.
        const { file, field } = e.location;
        throw new errors/* UserError */.yo(`the conversion produced something agentops would refuse, so nothing was written: ${field ? `${field}: ` : ""}${e.message} (in the ${file ?? "file"} it would have written)`, { file: source }, "remove or rewrite that part of the source; the rest can then be imported");
    }
}
function readBack(project, source) {
    const files = new Map();
    const header = `# imported from ${source} by agentops import\n`;
    for (const p of project.prompts) {
        const setPath = `prompts/${p.name}/eval_set.jsonl`;
        const setText = p.examples.map((e) => JSON.stringify(e)).join("\n") + "\n";
        const evalSet = (0,load/* parseEvalSet */.ge)(setText, setPath);
        files.set(setPath, setText);
        p.versions.forEach((v) => {
            const path = `prompts/${p.name}/v${v.version}.yaml`;
            const text = header + yaml(v);
            (0,load/* checkEvalSetFitsPrompt */.ZK)((0,load/* parsePromptFile */.sl)(text, path), evalSet);
            files.set(path, text);
        });
    }
    const configText = header + yaml(project.config);
    (0,load/* parseProjectConfig */.Bf)(configText, "agentops.yaml");
    files.set("agentops.yaml", configText);
    return files;
}

;// CONCATENATED MODULE: ./lib/import/notes.js
/** The same thing left out for the same reason in many tests is one line, with a count. */
function add(list, note) {
    const same = list.find((n) => n.what === note.what && n.reason === note.reason);
    if (!same)
        list.push(note);
    else if (same.where !== note.where)
        same.more++;
}
/** Everything an import did not bring over as it was: printed, never dropped silently. */
class ImportNotes {
    skipped = [];
    changed = [];
    skip(where, what, reason) {
        add(this.skipped, { where, what, reason, more: 0 });
    }
    change(where, what, reason) {
        add(this.changed, { where, what, reason, more: 0 });
    }
}
const bullet = (n) => `  - ${n.where}${n.more ? ` (and ${n.more} more)` : ""}: ${n.what}: ${n.reason}\n`;
/** The summary printed after an import: what was written, then what was not imported and why. */
function renderSummary(project, written) {
    let out = "";
    for (const p of project.prompts) {
        const checked = p.examples.filter((e) => e.checks).length;
        out += `prompt ${p.name}: ${p.versions.length} version(s), ${p.examples.length} example(s)${checked ? ` (${checked} with checks of their own)` : ""}, criteria ${p.versions[0]?.eval_criteria.map((c) => c.name).join(", ") ?? ""}\n`;
        p.origins.forEach((o, i) => (out += `  v${i + 1}: ${o}\n`));
    }
    out += `wrote ${written.length} file(s):\n${written.map((f) => `  ${f}\n`).join("")}`;
    const { skipped, changed } = project.notes;
    if (changed.length)
        out += `\nimported with a difference (${changed.length}):\n${changed.map(bullet).join("")}`;
    out += skipped.length
        ? `\nnot imported (${skipped.length}):\n${skipped.map(bullet).join("")}`
        : "\nnothing was left out.\n";
    return out;
}

;// CONCATENATED MODULE: ./lib/import/glob.js
const MAGIC = /[*?[\]{}]/;
/** Beyond this many matches a pattern is surely not a list of test or prompt files. */
const MAX_MATCHES = 10_000;
const isGlob = (path) => MAGIC.test(path);
/** `{a,b}` alternatives expanded first, as the glob package does (nested braces too). */
function expandBraces(pattern) {
    let depth = 0;
    let start = -1;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\")
            i++;
        else if (c === "{") {
            if (depth === 0)
                start = i;
            depth++;
        }
        else if (c === "}" && depth > 0) {
            depth--;
            if (depth === 0) {
                const body = pattern.slice(start + 1, i);
                const parts = [];
                let d = 0;
                let from = 0;
                for (let j = 0; j < body.length; j++) {
                    const b = body[j];
                    if (b === "\\")
                        j++;
                    else if (b === "{")
                        d++;
                    else if (b === "}")
                        d--;
                    else if (b === "," && d === 0) {
                        parts.push(body.slice(from, j));
                        from = j + 1;
                    }
                }
                parts.push(body.slice(from));
                // `{a}` (no comma) is no alternative: kept as written, as the glob package does.
                if (parts.length < 2)
                    continue;
                const head = pattern.slice(0, start);
                const tail = pattern.slice(i + 1);
                return parts.flatMap((p) => expandBraces(head + p + tail));
            }
        }
    }
    return [pattern];
}
/** One path segment's pattern (`*`, `?`, `[\u2026]`, `[!\u2026]`) as a regular expression. */
function segmentRegExp(segment) {
    let out = "";
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i] ?? "";
        if (c === "\\" && i + 1 < segment.length)
            out += glob_escape(segment[++i] ?? "");
        else if (c === "*")
            out += "[^/]*";
        else if (c === "?")
            out += "[^/]";
        else if (c === "[") {
            const end = segment.indexOf("]", i + 2);
            if (end < 0)
                out += "\\[";
            else {
                let body = segment.slice(i + 1, end);
                const negate = body.startsWith("!") || body.startsWith("^");
                if (negate)
                    body = body.slice(1);
                out += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
                i = end;
            }
        }
        else
            out += glob_escape(c);
    }
    try {
        return new RegExp(`^${out}$`, "u");
    }
    catch {
        // A class no regular expression takes ([z-a]): the glob package matches nothing with it either.
        return /(?!)/;
    }
}
const glob_escape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
/**
 * Expands a glob relative to the config's folder as promptfoo's glob package (`globSync`) matches:
 * `*` and `?` within a name, `[\u2026]`, `{a,b}`, `**` for any folders; names starting with a dot only
 * when the pattern's segment does. Symlinks are not followed. The glob package returns matches in
 * the order it reads folders, which the file system decides: here they are sorted by path, so an
 * import is the same on every machine. A pattern that leaves the folder (`..`, an absolute path) is
 * refused, as every file an import reads stays inside it.
 */
function globber(list) {
    return async (pattern) => {
        const segments = pattern.split("/").filter((s, i) => s !== "." && !(s === "" && i > 0));
        if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern) || segments.includes(".."))
            return { reason: "reaches outside the config's folder; agentops reads only files inside it" };
        const found = new Set();
        for (const alt of expandBraces(segments.join("/"))) {
            await walk(list, "", alt.split("/"), found);
            if (found.size > MAX_MATCHES)
                return { reason: `matches more than ${MAX_MATCHES} files` };
        }
        return { files: [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
    };
}
const join = (dir, name) => (dir ? `${dir}/${name}` : name);
async function walk(list, dir, segs, found) {
    const [seg, ...rest] = segs;
    if (seg === undefined || found.size > MAX_MATCHES)
        return;
    if (seg === "**" && rest.length === 0)
        return walk(list, dir, ["**", "*"], found);
    if (seg === "**") {
        // Zero folders, then every folder below (not hidden ones), as globstar matches.
        await walk(list, dir, rest, found);
        for (const e of await list(dir))
            if (e.dir && !e.name.startsWith("."))
                await walk(list, join(dir, e.name), segs, found);
        return;
    }
    const re = MAGIC.test(seg) ? segmentRegExp(seg) : undefined;
    for (const e of await list(dir)) {
        const hit = re ? re.test(e.name) && (!e.name.startsWith(".") || seg.startsWith(".")) : e.name === seg;
        if (!hit)
            continue;
        if (rest.length === 0) {
            if (e.file)
                found.add(join(dir, e.name));
        }
        else if (e.dir)
            await walk(list, join(dir, e.name), rest, found);
    }
}

// EXTERNAL MODULE: ./lib/config/yaml.js
var config_yaml = __webpack_require__(8099);
// EXTERNAL MODULE: ./lib/config/template.js
var config_template = __webpack_require__(354);
;// CONCATENATED MODULE: ./lib/import/nunjucks.js

/**
 * promptfoo fills `_conversation` while it runs: the prompts and answers of the earlier tests that share
 * a `metadata.conversationId` (run one after another). It is not data a config holds.
 */
const CONVERSATION_REASON = "uses _conversation, which promptfoo fills at run time with the earlier tests' actual prompts and answers (tests sharing a metadata.conversationId, run in order); agentops examples are independent: write each conversation out as an example's input.messages";
const TAG = /\{\{([\s\S]*?)\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
const PLAIN_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;
function parts(text) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(TAG)) {
        out.push({ literal: text.slice(last, m.index) });
        const name = m[1] === undefined ? undefined : PLAIN_NAME.exec(m[1])?.[1];
        if (/\b_conversation\b/.test(m[0]))
            return { reason: CONVERSATION_REASON };
        if (name === undefined) {
            return {
                reason: `uses the template expression ${JSON.stringify(m[0].slice(0, 60))}; agentops fills plain {name} placeholders only (no filters, tags or dotted paths)`,
            };
        }
        out.push({ name });
        last = m.index + m[0].length;
    }
    out.push({ literal: text.slice(last) });
    return out;
}
/**
 * Converts `{{ name }}` to `{name}`. Literal text keeps its braces where agentops
 * reads them as text; where it would not (a literal `{word}` or `}}`), every
 * literal brace is doubled. Checked by rendering both ways with marker values.
 */
function convertTemplate(text) {
    const split = parts(text);
    if (!Array.isArray(split))
        return { ok: false, reason: split.reason };
    const variables = [...new Set(split.flatMap((p) => (p.name ? [p.name] : [])))];
    const marker = (name) => `\u0000${name}\u0000`;
    const want = split.map((p) => (p.name ? marker(p.name) : (p.literal ?? ""))).join("");
    const input = Object.fromEntries(variables.map((v) => [v, marker(v)]));
    const build = (escape) => split.map((p) => (p.name ? `{${p.name}}` : escape(p.literal ?? ""))).join("");
    const plain = build((s) => s);
    if (rendersAs(plain, input, want))
        return { ok: true, template: plain, variables };
    const escaped = build((s) => s.replace(/[{}]/g, (b) => b + b));
    return { ok: true, template: escaped, variables };
}
function rendersAs(template, input, want) {
    try {
        return (0,config_template/* renderTemplate */.Xm)(template, input, { exampleId: "import" }) === want;
    }
    catch {
        return false;
    }
}
/** Fills `{{ name }}` in an assertion value from a test's vars (promptfoo renders values too). */
function renderValue(text, vars) {
    const split = parts(text);
    if (!Array.isArray(split))
        return { ok: false, reason: split.reason };
    let out = "";
    for (const p of split) {
        if (p.name === undefined)
            out += p.literal ?? "";
        else if (!Object.hasOwn(vars, p.name))
            return { ok: false, reason: `uses {{${p.name}}}, which the test does not set` };
        else {
            const v = vars[p.name];
            out += typeof v === "string" ? v : JSON.stringify(v);
        }
    }
    return { ok: true, text: out };
}
/** promptfoo's test for a tag left open in a var's value: it then sends the whole value as written. */
const OPEN_TAG = /(\{%[^%]*$|\{\{[^}]*$|\{#[^#]*$)/m;
/**
 * A string var as promptfoo sends it into a prompt that is not JSON (text, or a chat written as a
 * Nunjucks template): it first renders every string var as a template with the test's vars, once
 * (`evaluatorHelpers.ts` renderPrompt). Only `{{ name }}` of a text var is rendered here.
 */
function renderVarValue(value, vars) {
    if (!/\{\{|\{%|\{#/.test(value) || OPEN_TAG.test(value))
        return { ok: true, text: value };
    const split = parts(value);
    if (!Array.isArray(split))
        return { ok: false, reason: split.reason };
    let out = "";
    for (const p of split) {
        if (p.name === undefined)
            out += p.literal ?? "";
        else if (!Object.hasOwn(vars, p.name))
            return {
                ok: false,
                reason: `uses {{${p.name}}}, which the test does not set: promptfoo fills it with an earlier test's answer (options.storeOutputAs), or renders it empty`,
            };
        else {
            const v = vars[p.name];
            if (typeof v !== "string")
                return { ok: false, reason: `uses {{${p.name}}}, which is not text` };
            out += v;
        }
    }
    return { ok: true, text: out };
}
/** Text meant literally (no placeholders) as an agentops template: braces doubled when they would be read. */
function literalTemplate(text) {
    return rendersAs(text, {}, text) ? text : text.replace(/[{}]/g, (b) => b + b);
}

;// CONCATENATED MODULE: ./lib/import/openai-evals.js




const ROLES = new Set(["system", "user", "assistant"]);
function messages(input) {
    // evals/prompt/base.py: a chat model gets a text prompt as one system message.
    if (typeof input === "string")
        return [{ role: "system", content: input }];
    if (!Array.isArray(input))
        return "input is neither text nor a list of {role, content} messages";
    const out = [];
    for (const m of input) {
        if (typeof m !== "object" || m === null)
            return "input holds a message that is not a mapping";
        const { role, content } = m;
        if (typeof role !== "string" || !ROLES.has(role))
            return `a message with role ${JSON.stringify(role)}`;
        if (typeof content !== "string")
            return "a message whose content is not text (parts: images or audio); agentops inputs are text";
        out.push({ role, content });
    }
    return out;
}
/** How each class of evals/elsuite/basic decides, as its code does (evals/api.py, evals/elsuite/utils.py). */
const CLASSES = {
    Match: { mode: "starts_with", says: "Match: the answer starts with any ideal answer (evals/api.py)" },
    Includes: { mode: "includes", says: "Includes: the answer contains any ideal answer" },
    FuzzyMatch: {
        mode: "fuzzy",
        says: "FuzzyMatch: after normalization (lower case, no punctuation or articles), the answer contains an ideal answer or is contained in one",
    },
};
/**
 * Model-graded specs (evals/registry/modelgraded/<name>.yaml) an agentops judge preset means the same as.
 * `fact` has the grader place the answer against the ideal (A subset, B superset, C same, D disagrees,
 * E differs in ways that do not matter) and reports how many fall in each class, with no pass mark.
 */
const GRADED = {
    fact: {
        criterion: {
            name: "fact",
            type: "llm_judge",
            preset: "correctness",
            min_score: 0.5,
            threshold: 0.75,
        },
        says: "ModelBasedClassify with modelgraded_spec fact: judged with the correctness preset against the ideal " +
            "answer (1-5); an answer passes at 3 or more (min_score 0.5: not contradicting the ideal, as evals' " +
            "choices A, B, C, E), and the mean score must reach 0.75. evals sorts answers into its five choices " +
            "and sets no pass mark",
    },
};
/** The eval's class from the registry spec: the entry whose samples_jsonl is this file, else the only one. */
function scoringFromSpec(spec, samples, notes) {
    const doc = (0,config_yaml/* parseYaml */.h)(spec.text, spec.file).value;
    const entries = Object.entries(typeof doc === "object" && doc !== null ? doc : {})
        .map(([key, v]) => ({
        key,
        v: (typeof v === "object" && v !== null ? v : {}),
    }))
        .filter((e) => typeof e.v.class === "string");
    const argsOf = (e) => typeof e.v.args === "object" && e.v.args !== null ? e.v.args : {};
    const named = entries.filter((e) => {
        const s = argsOf(e).samples_jsonl;
        return typeof s === "string" && (s === samples || s.endsWith(`/${samples}`) || samples.endsWith(s));
    });
    const entry = named[0] ?? (entries.length === 1 ? entries[0] : undefined);
    if (!entry)
        throw new errors/* UserError */.yo(`no eval in the spec runs ${samples}`, { file: spec.file }, "give the registry file of this eval (its args.samples_jsonl names the samples file)");
    const cls = String(entry.v.class);
    const short = cls.split(":").at(-1) ?? cls;
    const args = argsOf(entry);
    if (cls === "evals.elsuite.modelgraded.classify:ModelBasedClassify")
        return gradedFromSpec(entry.key, args, spec.file, notes);
    const known = CLASSES[short];
    if (!known || !cls.startsWith("evals.elsuite.basic."))
        throw new errors/* UserError */.yo(`the eval ${entry.key} is ${cls}, which this importer cannot score the same way`, { file: spec.file, field: `${entry.key}.class` }, "Match, Includes and FuzzyMatch (evals.elsuite.basic) are imported; for a model-graded eval, write an llm_judge criterion with its rubric");
    for (const key of Object.keys(args))
        if (key !== "samples_jsonl" && !(key === "ignore_case" && short === "Includes"))
            notes.skip(`${spec.file} ${entry.key}.args`, key, "no agentops equivalent for this argument of the eval");
    const ignoreCase = short === "Includes" && args.ignore_case === true;
    return {
        kind: "match",
        mode: known.mode,
        ignoreCase,
        says: `${known.says}${ignoreCase ? ", ignoring case" : ""}, from ${entry.key} in ${spec.file}`,
    };
}
/** A ModelBasedClassify eval whose grading spec (`modelgraded_spec`, once `modelgraded_spec_file`) has a preset. */
function gradedFromSpec(key, args, file, notes) {
    const field = "modelgraded_spec" in args ? "modelgraded_spec" : "modelgraded_spec_file";
    const name = args[field];
    const graded = typeof name === "string" ? GRADED[name] : undefined;
    if (!graded)
        throw new errors/* UserError */.yo(`the eval ${key} is model-graded (ModelBasedClassify) with ${field} ${JSON.stringify(name ?? null)}, whose grading prompt and choices no agentops judge preset carries`, { file, field: `${key}.args.${field}` }, `${Object.keys(GRADED).join(", ")} is imported; for this one, write an llm_judge criterion whose rubric says what the grading spec asks`);
    for (const k of Object.keys(args))
        if (k !== "samples_jsonl" && k !== field && !(k === "eval_type" && args[k] === "cot_classify"))
            notes.skip(`${file} ${key}.args`, k, "no agentops equivalent for this argument of the eval");
    if (args.eval_type === "cot_classify")
        notes.change(`${file} ${key}.args`, "eval_type", "cot_classify (the grader reasons, then picks a choice): the agentops judge scores 1-5 with its reason");
    return { kind: "judge", criterion: graded.criterion, says: `${graded.says}, from ${key} in ${file}` };
}
// The template's one placeholder; any brace in the texts is data, so it sits in the example.
const TEMPLATE = "{input}";
const SAMPLE_HINT = 'each line is one sample: {"input": [...], "ideal": "..."}';
/**
 * The lines that parse as JSON. A line that does not is listed with its error and left out when some
 * other line parses; evals itself stops at it (evals/data.py _decode_json raises), so the summary
 * says how many were left out. When none parses, the file is refused at its first line, as before.
 */
function sampleLines(text, file, notes) {
    const good = [];
    const broken = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        if (raw.trim() === "")
            return;
        try {
            good.push({ value: JSON.parse(raw), line: i + 1 });
        }
        catch (e) {
            broken.push({ line: i + 1, error: e instanceof Error ? e.message : String(e) });
        }
    });
    const [first] = broken;
    if (good.length === 0 && first)
        throw new errors/* UserError */.yo(`line is not valid JSON (${first.error})`, { file, line: first.line }, SAMPLE_HINT);
    for (const b of broken)
        notes.skip(`${file}:${b.line}`, `line ${b.line}`, `not valid JSON (${b.error}): left out`);
    if (broken.length)
        notes.skip(file, "broken lines", `${broken.length} of ${broken.length + good.length} non-blank lines are not valid JSON (a sample split by a raw newline, an unescaped quote\u2026) and were left out, each listed with its error; evals itself refuses the file at the first (evals/data.py)`);
    return good;
}
/**
 * OpenAI Evals samples (`{"input": [messages] | "text", "ideal": "\u2026" | ["\u2026", \u2026]}`, one a line) as one
 * prompt: the system message every sample shares is the prompt's; when every conversation ends with a
 * user message, that message is the example's `input.input` and earlier turns its `input.messages`;
 * otherwise each example's `input.messages` is its whole conversation and the prompt adds no turn. The
 * ideal answers are `expected`, scored as the eval's class does (Match when no spec says otherwise; the
 * `fact` model-graded spec as the correctness judge).
 */
function importOpenAiEvals(text, file, options) {
    const notes = new ImportNotes();
    const samplesName = file.split(/[\\/]/).at(-1) ?? file;
    const scoring = options.spec
        ? scoringFromSpec(options.spec, samplesName, notes)
        : {
            kind: "match",
            mode: "starts_with",
            ignoreCase: false,
            says: `${CLASSES.Match?.says ?? ""}; no --spec given, Match assumed`,
        };
    refuseYaml(text, file);
    const parsed = [];
    let textInputs = false;
    for (const { value: sample, line } of sampleLines(text, file, notes)) {
        const s = (typeof sample === "object" && sample !== null ? sample : {});
        if (Array.isArray(s.input) && s.input.some((m) => typeof m === "object" && m !== null && "name" in m))
            notes.change(`${file}:${line}`, "message name", "the name of a message (example_user, example_assistant of few-shot turns) is not sent: the message goes with its role and content");
        if (s.input === undefined && "prompt" in s && "completion" in s) {
            notes.skip(`${file}:${line}`, "sample", "a {prompt, completion} line (the legacy fine-tuning format): evals' Match, Includes and FuzzyMatch read only {input, ideal} samples (they stop at a sample without input), so evals never ran these; rewrite them as {input, ideal}");
            continue;
        }
        if (s.input === undefined) {
            const keys = Object.keys(s).slice(0, 8).join(", ");
            notes.skip(`${file}:${line}`, "sample", `a line without input (its keys: ${keys || "none"}), not an Evals sample {input, ideal}`);
            continue;
        }
        const msgs = messages(s.input);
        if (typeof msgs === "string") {
            notes.skip(`${file}:${line}`, "sample", msgs);
            continue;
        }
        if (msgs.length === 0) {
            notes.skip(`${file}:${line}`, "sample", "its input is an empty list of messages");
            continue;
        }
        // A number is compared as its text, as a custom eval class that formats it would.
        const text = (x) => typeof x === "string" ? x : typeof x === "number" && Number.isFinite(x) ? String(x) : undefined;
        const list = Array.isArray(s.ideal) ? s.ideal.map(text) : [text(s.ideal)];
        const ideals = list.every((x) => x !== undefined) ? list : [];
        if (ideals.length > 0 &&
            (typeof s.ideal === "number" || (Array.isArray(s.ideal) && s.ideal.some((x) => typeof x === "number"))))
            notes.change(`${file}:${line}`, "ideal", "a number: compared as its decimal text");
        if (ideals.length === 0) {
            notes.skip(`${file}:${line}`, "sample", "has no ideal answer (a text or a list of texts)");
            continue;
        }
        textInputs ||= typeof s.input === "string";
        parsed.push({ line, msgs, ideals });
    }
    if (parsed.length === 0)
        throw new errors/* UserError */.yo("no sample could be imported", { file }, [...new Set(notes.skipped.map((n) => n.reason))].join("; ") || "add samples");
    if (textInputs)
        notes.change(file, "input", "a text input is sent as one system message, as evals sends a text prompt to a chat model (evals/prompt/base.py)");
    // When every conversation ends with a user turn, that turn is the template's {input}; otherwise (a
    // conversation of system messages only, say) each example's input.messages is the whole conversation
    // and the prompt adds no turn: the request is the sample's messages, as evals sends them.
    const endsWithUser = parsed.every((p) => p.msgs.at(-1)?.role === "user");
    const firstSystem = parsed[0]?.msgs[0]?.role === "system" ? parsed[0].msgs[0].content : undefined;
    const shared = firstSystem !== undefined &&
        parsed.every((p) => p.msgs[0]?.role === "system" &&
            p.msgs[0].content === firstSystem &&
            // A conversation that is only the shared message would leave its example nothing to send.
            (endsWithUser || p.msgs.length > 1));
    const examples = parsed.map((p) => {
        const own = shared ? p.msgs.slice(1) : p.msgs;
        const turns = endsWithUser ? own.slice(0, -1) : own;
        return {
            id: String(p.line),
            input: {
                ...(endsWithUser ? { input: p.msgs.at(-1)?.content ?? "" } : {}),
                ...(turns.length ? { messages: turns } : {}),
            },
            expected: p.ideals.length === 1 ? p.ideals[0] : p.ideals,
        };
    });
    if (!endsWithUser)
        notes.change(file, "conversation", "not every sample ends with a user message, so each example's input.messages is its whole conversation (after the shared system message), sent as it is with no turn added; the prompt has no template");
    else if (examples.some((e) => e.input.messages !== undefined))
        notes.change(file, "conversation", "turns before the last user message (a system message of its own, few-shot turns) are each example's input.messages, sent as they are");
    notes.change(file, "ideal", `scored as ${scoring.says}`);
    const criterion = scoring.kind === "judge"
        ? { ...scoring.criterion, description: scoring.says.slice(0, 2000) }
        : {
            name: "match",
            type: "equals",
            mode: scoring.mode,
            ...(scoring.ignoreCase ? { ignore_case: true } : {}),
            threshold: 1,
            description: scoring.says.slice(0, 2000),
        };
    return {
        prompts: [
            {
                name: options.name,
                versions: [
                    {
                        name: options.name,
                        version: 1,
                        description: `imported from OpenAI Evals samples ${file}`,
                        model: options.model,
                        ...(shared && firstSystem !== undefined ? { system: literalTemplate(firstSystem) } : {}),
                        ...(endsWithUser ? { template: TEMPLATE } : {}),
                        eval_criteria: [criterion],
                    },
                ],
                examples,
                origins: [`samples of ${file} on ${options.model}, ${scoring.says}`],
            },
        ],
        config: { prompts_dir: "prompts", environments: { production: { [options.name]: 1 } } },
        notes,
    };
}
/** A registry spec handed over as the samples file (a YAML file named .jsonl is in evals' history). */
function refuseYaml(text, file) {
    const lines = text.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim() !== "");
    const line = lines[first] ?? "";
    if (line.trimStart().startsWith("{") || !/^[^\s{}[\]"]+:\s*$/.test(line))
        return;
    throw new errors/* UserError */.yo("this is YAML (an evals registry spec, by its look), not samples: a samples file holds one JSON object a line", { file, line: first + 1 }, "give the samples file its args name (samples_jsonl); pass a registry spec with --spec");
}

// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
;// CONCATENATED MODULE: ./lib/import/google-images.js
/**
 * promptfoo's Google providers send a line of a text turn that is exactly a base64 image held by a
 * var (at least 100 characters, starting as a JPEG, PNG, GIF or WebP does) as an inline image of
 * that type, and the text around it as text parts (src/providers/google/util.ts,
 * processImagesInContents). This is the same request in the chat-completions form: a user turn of
 * parts whose image is a data URL of the var.
 */
const HEADERS = [
    ["/9j/", "image/jpeg"],
    ["iVBORw0KGgo", "image/png"],
    ["R0lGODlh", "image/gif"],
    ["UklGR", "image/webp"],
];
function base64ImageType(value) {
    if (typeof value !== "string" || value.length < 100)
        return undefined;
    return HEADERS.find(([head]) => value.startsWith(head))?.[1];
}
const LONE_PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** The one media type of a var's values across the examples, when every example holds an image. */
function imageType(name, examples) {
    const types = new Set(examples.map((e) => base64ImageType(e.input[name])));
    if (types.size > 1)
        return "mixed";
    const [type] = types;
    return type === undefined ? undefined : { type };
}
/** A text turn split at its lines that are a lone image var; undefined when it has none. */
function split(text, examples) {
    const parts = [];
    let block;
    let found = false;
    for (const line of text.split("\n")) {
        const name = LONE_PLACEHOLDER.exec(line.trim())?.[1];
        const type = name === undefined ? undefined : imageType(name, examples);
        if (type === "mixed")
            return {
                reason: `var ${name ?? ""} is a base64 image in some tests and not in others: promptfoo's Google provider sends it as an image only where it is one; agentops sends one form (here text)`,
            };
        if (name !== undefined && type !== undefined) {
            found = true;
            if (block !== undefined)
                parts.push({ type: "text", text: block });
            block = undefined;
            parts.push({ type: "image_url", image_url: { url: `data:${type.type};base64,{${name}}` } });
        }
        else
            block = block === undefined ? line : `${block}\n${line}`;
    }
    if (block !== undefined && block !== "")
        parts.push({ type: "text", text: block });
    return found ? { parts } : undefined;
}
/**
 * A version for a Google provider, with its user turns as promptfoo's Google provider sends them
 * (images inline), or the reason it cannot be: the version is then left as text.
 */
function withInlineImages(v, examples) {
    let changed = false;
    const messages = [];
    for (const m of v.messages ?? []) {
        const s = typeof m.content === "string" ? split(m.content, examples) : undefined;
        if (s && "reason" in s)
            return s;
        if (s && m.role !== "user")
            return {
                reason: `a ${m.role} turn holds a base64 image var on a line of its own, which agentops sends in user turns only`,
            };
        if (s)
            changed = true;
        messages.push(s ? { role: "user", content: s.parts } : m);
    }
    const t = v.template === undefined ? undefined : split(v.template, examples);
    if (t && "reason" in t)
        return t;
    if (t) {
        changed = true;
        messages.push({ role: "user", content: t.parts });
    }
    if (!changed)
        return { version: v, changed };
    // The turns take the place of the template (and of the old messages) in the written file.
    const entries = Object.entries(v).flatMap(([k, value]) => k === "template"
        ? v.messages
            ? []
            : [["messages", messages]]
        : k === "messages"
            ? [["messages", messages]]
            : [[k, value]]);
    return { version: Object.fromEntries(entries), changed };
}

// EXTERNAL MODULE: ./lib/config/pattern.js
var pattern = __webpack_require__(9744);
;// CONCATENATED MODULE: ./lib/import/promptfoo-javascript.js
const OPS = ["===", "!==", "&&", "||", "<=", ">=", "<", ">", "!", ".", "(", ")", ";"];
class Refused extends Error {
    whole;
    /** A reason that stands on its own (not "this one has \u2026"). */
    constructor(message, whole = false) {
        super(message);
        this.whole = whole;
    }
}
const refuse = (why, whole = false) => {
    throw new Refused(why, whole);
};
function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const c = src.charAt(i);
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === "'" || c === '"') {
            let value = "";
            let j = i + 1;
            for (;;) {
                if (j >= src.length)
                    refuse("an unterminated string");
                const d = src.charAt(j);
                if (d === c)
                    break;
                if (d === "\n")
                    refuse("a line break inside a string");
                if (d === "\\") {
                    const e = src.charAt(j + 1);
                    const simple = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t" };
                    const s = simple[e];
                    if (s === undefined)
                        return refuse(`the string escape \\${e}`);
                    value += s;
                    j += 2;
                    continue;
                }
                value += d;
                j++;
            }
            out.push({ kind: "str", value });
            i = j + 1;
            continue;
        }
        const num = /^\d+(?![\w.])/.exec(src.slice(i));
        if (num) {
            out.push({ kind: "num", value: Number(num[0]) });
            i += num[0].length;
            continue;
        }
        const id = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
        if (id) {
            out.push({ kind: "id", text: id[0] });
            i += id[0].length;
            continue;
        }
        const op = OPS.find((o) => src.startsWith(o, i));
        if (op === undefined)
            refuse(`the character ${JSON.stringify(c)}`);
        else {
            out.push({ kind: "op", text: op });
            i += op.length;
        }
    }
    return out;
}
class Parser {
    t;
    i = 0;
    constructor(t) {
        this.t = t;
    }
    peek() {
        return this.t[this.i];
    }
    isOp(text) {
        const p = this.peek();
        return p?.kind === "op" && p.text === text;
    }
    expectOp(text) {
        if (!this.isOp(text))
            refuse(`expected ${text}`);
        this.i++;
    }
    ident(text) {
        const p = this.peek();
        if (p?.kind === "id" && p.text === text)
            return (this.i++, true);
        return false;
    }
    string() {
        const p = this.peek();
        if (p?.kind !== "str")
            return refuse("an argument that is not a plain string");
        this.i++;
        return p.value;
    }
    number() {
        const p = this.peek();
        if (p?.kind !== "num")
            return refuse("a comparison with something other than a whole number");
        this.i++;
        return p.value;
    }
    parse() {
        const c = this.or();
        if (this.isOp(";"))
            this.i++;
        if (this.i !== this.t.length)
            refuse("more than one expression");
        return c;
    }
    or() {
        const of = [this.and()];
        while (this.isOp("||")) {
            this.i++;
            of.push(this.and());
        }
        return of.length === 1 ? of[0] : { kind: "or", of };
    }
    and() {
        const of = [this.unary()];
        while (this.isOp("&&")) {
            this.i++;
            of.push(this.unary());
        }
        return of.length === 1 ? of[0] : { kind: "and", of };
    }
    unary() {
        if (this.isOp("!"))
            return (this.i++, { kind: "not", of: this.unary() });
        if (this.isOp("(")) {
            this.i++;
            const c = this.or();
            this.expectOp(")");
            return c;
        }
        if (this.ident("typeof")) {
            if (!this.ident("output"))
                refuse("typeof of something other than output");
            this.expectOp("===");
            if (this.string() !== "string")
                refuse("a typeof test other than 'string'");
            return { kind: "always" };
        }
        if (!this.ident("output"))
            return refuse("an expression that does not start from output");
        if (!this.isOp("."))
            return { kind: "truthy" };
        this.i++;
        if (this.ident("length"))
            return { kind: "length", chars: this.bounds() };
        if (this.ident("toLowerCase")) {
            this.expectOp("(");
            this.expectOp(")");
            this.expectOp(".");
            if (!this.ident("includes"))
                refuse("a method other than includes after toLowerCase()");
            const value = this.call();
            // `output.toLowerCase().includes('World')` can never pass; a lower-case needle is icontains exactly.
            if (value !== value.toLowerCase())
                refuse("toLowerCase().includes() of a text with capitals, which never matches");
            return { kind: "contains", fold: true, value };
        }
        if (this.ident("trim")) {
            this.expectOp("(");
            this.expectOp(")");
            this.expectOp(".");
            if (!this.ident("length"))
                refuse("a method other than length after trim()");
            const b = this.bounds();
            if (b.max !== undefined || b.min !== 1)
                refuse("a trimmed length other than > 0");
            return { kind: "nonblank" };
        }
        if (this.ident("includes"))
            return { kind: "contains", fold: false, value: this.call() };
        if (this.ident("startsWith"))
            return { kind: "edge", at: "start", value: this.call() };
        if (this.ident("endsWith"))
            return { kind: "edge", at: "end", value: this.call() };
        return refuse("a property or method of output other than includes, startsWith, endsWith or length");
    }
    call() {
        this.expectOp("(");
        const s = this.string();
        this.expectOp(")");
        if (s === "")
            refuse("an empty text argument");
        return s;
    }
    /** `OP N` after a length: the inclusive bounds it allows. */
    bounds() {
        const p = this.peek();
        if (p?.kind !== "op")
            return refuse("a length that is not compared with a number");
        this.i++;
        const n = this.number();
        switch (p.text) {
            case ">":
                return { min: n + 1 };
            case ">=":
                return { min: n };
            case "<":
                if (n === 0)
                    refuse("a length below 0");
                return { max: n - 1 };
            case "<=":
                return { max: n };
            case "===":
                return { min: n, max: n };
            default:
                return refuse(`a length compared with ${p.text}`);
        }
    }
}
/** The statement promptfoo runs: a one-line value is returned; a body must be comments and one return. */
function expressionOf(value) {
    const text = value.trimEnd();
    if (!text.includes("\n"))
        return text;
    const lines = text.split("\n").filter((l) => !/^\s*(\/\/.*)?$/.test(l));
    const body = lines.join("\n").trim();
    const m = /^return\b([\s\S]*)$/.exec(body);
    if (!m) {
        if (!/\breturn\b/.test(body))
            refuse("a multi-line body without return: promptfoo runs it as a function that returns nothing, so the assertion always fails (an error); add return to the expression you meant", true);
        refuse("a function body with statements before its return");
    }
    return m?.[1] ?? "";
}
const escapeRegex = (s) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
/** What JavaScript's trim() removes: WhiteSpace and LineTerminator (RE2's \s is ASCII only). */
const JS_SPACE = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
const UTF16 = "JavaScript's output.length counts UTF-16 code units, agentops' length counts characters as a reader sees them (an emoji or an accented letter written in two code points is one): answers holding those count shorter";
const isBoolean = (c) => c.kind !== "truthy";
/** Drops what adds nothing to a conjunction: `output &&` before a test that already needs text, `typeof`. */
function simplifyAnd(of) {
    const needsText = of.some((c) => c.kind === "contains" ||
        c.kind === "edge" ||
        c.kind === "nonblank" ||
        (c.kind === "length" && (c.chars.min ?? 0) >= 1));
    return of.filter((c) => c.kind !== "always" && !(c.kind === "truthy" && needsText));
}
function toSpec(c, negated) {
    if (c.kind === "and") {
        // promptfoo fails an assertion whose result is not a boolean: `x && output` returns a string.
        if (!c.of.slice(-1).every(isBoolean))
            refuse("an && whose last operand is output itself (not a boolean)");
        const of = simplifyAnd(c.of);
        if (of.length === 1 && of[0])
            return toSpec(of[0], negated);
        if (negated)
            refuse("not-javascript of a conjunction (at least one fails): no criterion says that");
        if (of.every((x) => x.kind === "truthy" || x.kind === "length")) {
            let min = 0;
            let max;
            for (const x of of) {
                if (x.kind === "truthy")
                    min = Math.max(min, 1);
                if (x.kind === "length") {
                    min = Math.max(min, x.chars.min ?? 0);
                    if (x.chars.max !== undefined)
                        max = Math.min(max ?? Infinity, x.chars.max);
                }
            }
            if (max !== undefined && max < min)
                refuse("length bounds no answer meets");
            return {
                spec: { type: "length", chars: { min, ...(max !== undefined ? { max } : {}) } },
                name: "length",
                difference: UTF16,
            };
        }
        const kinds = new Set(of.map((x) => (x.kind === "not" ? `not-${x.of.kind}-${fold(x.of)}` : `${x.kind}-${fold(x)}`)));
        const [only] = kinds;
        if (kinds.size === 1 && only !== undefined && /^(not-)?contains-/.test(only)) {
            const values = of.map((x) => (x.kind === "not" ? x.of : x).value);
            const not = only.startsWith("not-");
            const folded = only.endsWith("-true");
            const type = `${not ? "not_" : ""}${folded ? "i" : ""}contains`;
            return { spec: { type, value: values }, name: type.replace("_", "-") };
        }
        return refuse("an && of checks of different kinds (one criterion each: write them as separate assertions)");
    }
    if (c.kind === "or") {
        if (!c.of.every(isBoolean))
            refuse("an || with output itself as an operand (not a boolean)");
        if (negated)
            refuse("not-javascript of an ||");
        if (c.of.every((x) => x.kind === "contains" && !x.fold)) {
            const values = c.of.map((x) => x.value);
            return { spec: { type: "regex", pattern: values.map(escapeRegex).join("|") }, name: "contains-any" };
        }
        return refuse("an || of anything but case-sensitive includes");
    }
    if (c.kind === "not") {
        if (c.of.kind === "and" || c.of.kind === "or")
            refuse("a negated && or ||");
        return toSpec(c.of, !negated);
    }
    switch (c.kind) {
        case "truthy":
            return refuse("output itself as the result (a string, not a boolean)");
        case "always":
            return refuse("a test that is always true for a text answer (typeof output)");
        case "contains": {
            const type = `${negated ? "not_" : ""}${c.fold ? "i" : ""}contains`;
            return { spec: { type, value: c.value }, name: type.replace("_", "-") };
        }
        case "edge": {
            const pattern = c.at === "start" ? `^${escapeRegex(c.value)}` : `${escapeRegex(c.value)}$`;
            return {
                spec: { type: "regex", pattern, ...(negated ? { match: false } : {}) },
                name: c.at === "start" ? "starts-with" : "ends-with",
            };
        }
        case "nonblank":
            return {
                spec: { type: "regex", pattern: `[^${JS_SPACE}]`, ...(negated ? { match: false } : {}) },
                name: "not-blank",
            };
        case "length": {
            let chars = c.chars;
            if (negated) {
                // The complement of one bound is one bound; of two (=== N) it is two ranges.
                if (chars.min !== undefined && chars.max !== undefined)
                    refuse("not-javascript of a length equality");
                if (chars.min !== undefined) {
                    if (chars.min === 0)
                        refuse("a length test no answer fails");
                    chars = { max: chars.min - 1 };
                }
                else
                    chars = { min: (chars.max ?? 0) + 1 };
            }
            return { spec: { type: "length", chars }, name: "length", difference: UTF16 };
        }
    }
}
const fold = (c) => String(c.kind === "contains" && c.fold);
/** Maps a `javascript` (or `not-javascript`) assertion's code to a criterion, or says why not. */
function mapJavascript(value, negated, textOutput) {
    if (typeof value !== "string" || value.trim() === "")
        return { ok: false, reason: "code in a file or not text" };
    if (value.startsWith("file://"))
        return { ok: false, reason: `runs code from ${value}` };
    try {
        const expr = expressionOf(value);
        if (/\/\/|\/\*/.test(expr.replace(/'[^'\n]*'|"[^"\n]*"/g, "")))
            refuse("a comment inside the expression");
        const cond = new Parser(tokenize(expr)).parse();
        if (!textOutput)
            refuse("runs code on an output that may be an object: a provider declares tools or a JSON-schema response format (promptfoo then passes the calls or the parsed JSON, not the text)", true);
        const { spec, name, difference } = toSpec(cond, negated);
        return { ok: true, spec, baseName: name, ...(difference ? { difference } : {}) };
    }
    catch (e) {
        if (!(e instanceof Refused))
            throw e;
        if (e.whole)
            return { ok: false, reason: e.message };
        return {
            ok: false,
            reason: `runs code; agentops never executes code and recognises only a few exact expressions (output.includes('\u2026'), output.toLowerCase().includes('\u2026'), output.startsWith/endsWith('\u2026'), output.length compared with a number, joined by && or !), and not this one (${e.message})`,
        };
    }
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-assertions.js




const CODE_TYPES = new Set(["javascript", "python", "ruby", "webhook"]);
/** Assertions that are not about one answer: their true reason. */
const NOT_ONE_ANSWER = {
    "assert-set": "a group of assertions that passes by its own threshold (or weight); agentops has no group criterion, list its assertions in the test instead",
    "select-best": "picks the best of the outputs for the same test (one per prompt and provider); agentops scores each answer on its own and compares versions with compare",
    "max-score": "picks the output with the highest score among those for the same test; agentops scores each answer on its own and compares versions with compare",
};
/** promptfoo's assertion types (BaseAssertionTypesSchema and the special ones, src/types/index.ts at 6d2b815). */
const PROMPTFOO_TYPES = new Set([
    ...["answer-relevance", "bleu", "classifier", "contains", "contains-all", "contains-any", "contains-html"],
    ...["contains-json", "contains-sql", "contains-xml", "context-faithfulness", "context-recall"],
    ...["context-relevance", "conversation-relevance", "cost", "equals", "factuality", "finish-reason"],
    ...["g-eval", "gleu", "guardrails", "icontains", "icontains-all", "icontains-any", "is-html", "is-json"],
    ...["is-refusal", "is-sql", "is-valid-function-call", "is-valid-openai-function-call"],
    ...["is-valid-openai-tools-call", "is-xml", "javascript", "latency", "levenshtein", "llm-rubric", "pi"],
    ...["meteor", "model-graded-closedqa", "model-graded-factuality", "moderation", "perplexity"],
    ...["perplexity-score", "python", "regex", "rouge-n", "ruby", "similar", "starts-with"],
    ...["trace-error-spans", "trace-span-count", "trace-span-duration", "webhook"],
    ...["select-best", "human", "max-score", "assert-set"],
]);
const CONTAINS = { contains: "contains", icontains: "icontains" };
const NOT_CONTAINS = { contains: "not_contains", icontains: "not_icontains" };
const promptfoo_assertions_escapeRegex = (s) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
const fail = (reason) => ({ ok: false, reason });
function strings(value) {
    if (typeof value === "string" && value !== "")
        return [value];
    if (typeof value === "number")
        return [String(value)];
    if (Array.isArray(value) &&
        value.length > 0 &&
        value.every((v) => typeof v === "string" || typeof v === "number"))
        return value.map(String);
    return undefined;
}
/** Renders `{{var}}` in string values from the test's vars, as promptfoo does before asserting. */
function rendered(value, vars) {
    if (typeof value === "string") {
        if (value.startsWith("file://"))
            return { reason: `the value is read from ${value}; inline it first` };
        const r = renderValue(value, vars);
        return r.ok ? { value: r.text } : { reason: r.reason };
    }
    if (Array.isArray(value)) {
        const out = [];
        for (const v of value) {
            const r = rendered(v, vars);
            if ("reason" in r)
                return r;
            out.push(r.value);
        }
        return { value: out };
    }
    return { value };
}
/**
 * Maps one promptfoo assertion, with the test's vars, to an agentops criterion, or says why not.
 * `textOutput`: every provider answers with text (no tools, no JSON-schema response format), so a
 * `javascript` assertion's `output` is the answer's text and its simplest expressions can be read.
 */
function mapAssertion(a, vars, textOutput = false) {
    const negated = a.type.startsWith("not-");
    const base = negated ? a.type.slice(4) : a.type;
    // promptfoo's runAssertion (src/assertions/index.ts) forces a weight-0 assertion to pass: a metric
    // that is reported but never fails a test. An agentops check always can, so it is not one.
    if (a.weight === 0)
        return fail("weight 0: promptfoo reports it as a metric but forces it to pass, so it never fails a test; agentops has no check that cannot fail");
    if (base === "javascript" && typeof a.value === "string" && !a.value.startsWith("file://")) {
        // promptfoo renders the code with the test's vars before running it.
        const r = rendered(a.value, vars);
        if ("reason" in r)
            return fail(r.reason);
        const js = mapJavascript(r.value, negated, textOutput && a.transform === undefined);
        if (!js.ok)
            return fail(js.reason);
        const weight = a.weight !== undefined && a.weight >= 0 && a.weight <= 1000 ? { weight: a.weight } : {};
        return {
            ok: true,
            spec: { ...js.spec, ...weight },
            baseName: js.baseName,
            ...(js.difference ? { difference: js.difference } : {}),
        };
    }
    if (CODE_TYPES.has(base) || base.startsWith("file://"))
        return fail("runs code (or calls a service) to decide; agentops never executes code from a repository");
    const other = NOT_ONE_ANSWER[base];
    if (other !== undefined)
        return fail(other);
    const r = a.fromFile ? { value: a.value } : rendered(a.value, vars);
    if ("reason" in r)
        return fail(r.reason);
    const value = r.value;
    const weight = a.weight !== undefined && a.weight >= 0 && a.weight <= 1000 ? { weight: a.weight } : {};
    const ok = (spec, baseName, extra = {}) => ({
        ok: true,
        spec: { ...spec, ...weight },
        baseName,
        ...extra,
    });
    const list = strings(value);
    switch (base) {
        case "equals":
            if (negated) {
                // promptfoo: the output is not exactly this text. RE2's ^ and $ (no m flag) anchor the whole text.
                if (typeof value !== "string" || value === "")
                    return fail("not-equals of anything but a text: agentops has no not-equals criterion for JSON values");
                const pattern = `^${promptfoo_assertions_escapeRegex(value)}$`;
                if (pattern.length > 1000)
                    return fail("not-equals of a text longer than a regex criterion holds");
                return ok({ type: "regex", pattern, match: false }, "not-equals");
            }
            if (value === undefined)
                return fail("equals without a value");
            return ok(typeof value === "string" ? { type: "equals" } : { type: "equals", json: true }, "equals", {
                expected: value,
            });
        case "contains":
        case "icontains": {
            const v = typeof value === "number" ? String(value) : value;
            if (typeof v !== "string" || v === "")
                return fail(`${a.type} needs a text value`);
            return ok({ type: negated ? NOT_CONTAINS[base] : CONTAINS[base], value: v }, a.type);
        }
        case "contains-all":
        case "icontains-all":
            if (!list)
                return fail(`${a.type} needs a list of texts`);
            if (negated)
                return fail("agentops has no criterion for 'at least one of these is missing'");
            return ok({ type: base === "contains-all" ? "contains" : "icontains", value: list }, a.type);
        case "contains-any":
        case "icontains-any": {
            if (!list)
                return fail(`${a.type} needs a list of texts`);
            const fold = base === "icontains-any";
            if (negated)
                return ok({ type: fold ? "not_icontains" : "not_contains", value: list }, a.type);
            return ok({ type: "regex", pattern: list.map(promptfoo_assertions_escapeRegex).join("|"), ...(fold ? { flags: "i" } : {}) }, a.type);
        }
        case "starts-with":
            if (typeof value !== "string" || value === "")
                return fail("starts-with needs a text value");
            return ok({ type: "regex", pattern: `^${promptfoo_assertions_escapeRegex(value)}`, ...(negated ? { match: false } : {}) }, a.type);
        case "regex": {
            if (typeof value !== "string" || value === "")
                return fail("regex needs a pattern");
            try {
                (0,pattern/* compilePattern */.E)(value);
            }
            catch (e) {
                return fail(`the pattern is not RE2 syntax (${e instanceof Error ? e.message : String(e)}); agentops matches in linear time, without lookarounds or backreferences`);
            }
            return ok({ type: "regex", pattern: value, ...(negated ? { match: false } : {}) }, a.type);
        }
        case "is-json":
        case "contains-json": {
            if (negated)
                return fail(`agentops has no criterion for output that is not JSON`);
            const loose = base === "contains-json"
                ? "the whole output must be JSON (one ```json fence allowed); promptfoo accepted JSON anywhere in the text"
                : undefined;
            const extra = loose ? { difference: loose } : {};
            if (value === undefined || value === null || value === "")
                return ok({ type: "format_check", json: true }, base, extra);
            // promptfoo (src/assertions/json.ts) reads a text value as YAML (JSON is YAML too): the schema.
            let schema = value;
            if (typeof value === "string") {
                try {
                    schema = (0,config_yaml/* parseYaml */.h)(value, a.type).value;
                }
                catch (e) {
                    return fail(`the schema is neither JSON nor YAML (${e instanceof Error ? e.message : String(e)})`);
                }
            }
            if (typeof schema === "object" && schema !== null && !Array.isArray(schema))
                return ok({ type: "json_schema", schema: schema }, base, extra);
            return fail("the schema is not a JSON Schema object (a mapping)");
        }
        case "is-valid-openai-tools-call":
            if (negated)
                return fail("agentops has no criterion for output that is not a tools call");
            return ok({ type: "tool_args_valid" }, "tools-call", {
                difference: "the calls' arguments are validated against the tools the provider's config declares (tool_args_valid); a version whose provider declares no tools checks the output is JSON instead (format_check json: true)",
            });
        case "similar": {
            if (negated)
                return fail("agentops has no criterion for output that is not similar");
            if (typeof value !== "string" || value === "")
                return fail("similar needs the reference text as value");
            const embedder = providerModel(a.provider);
            return ok({
                type: "similarity",
                method: "embedding",
                min_score: a.threshold ?? 0.75,
                ...(embedder ? { model: embedder } : {}),
            }, "similar", { expected: value });
        }
        case "llm-rubric":
            if (negated)
                return fail("agentops has no negated judge criterion");
            if (typeof value !== "string" || value === "")
                return fail("llm-rubric needs the rubric text as value");
            return ok({ type: "llm_judge", rubric: value, ...judgeOptions(a) }, "rubric", {
                difference: "scored 1-5 by the agentops judge against the rubric ((s-1)/4, passing at min_score); promptfoo's grader answered pass/fail",
            });
        case "g-eval":
            if (negated)
                return fail("agentops has no negated judge criterion");
            if (typeof value !== "string" || value === "")
                return fail("g-eval with a list of criteria (promptfoo averages their scores): agentops judges one rubric");
            return ok({ type: "llm_judge", rubric: value, ...judgeOptions({ ...a, threshold: a.threshold ?? 0.7 }) }, "g-eval", {
                difference: "scored 1-5 by the agentops judge against the criteria ((s-1)/4, passing at min_score, promptfoo's threshold, default 0.7); promptfoo's G-Eval wrote evaluation steps first and scored 0-10",
            });
        case "factuality":
            if (negated)
                return fail("agentops has no negated judge criterion");
            if (typeof value !== "string" || value === "")
                return fail("factuality needs the reference answer as value");
            return ok({ type: "llm_judge", preset: "correctness", ...judgeOptions(a) }, "factuality", {
                expected: value,
                difference: "judged with the built-in correctness preset against the example's expected answer",
            });
        case "answer-relevance":
            if (negated)
                return fail("agentops has no negated judge criterion");
            return ok({ type: "llm_judge", preset: "relevance", ...judgeOptions(a) }, "answer-relevance", {
                difference: "judged with the built-in relevance preset; promptfoo compared embeddings of questions generated from the answer",
            });
        case "moderation":
            if (negated)
                return fail("agentops has no criterion for output that must be flagged");
            return ok({ type: "safety" }, "moderation");
        case "cost":
            if (negated)
                return fail("not-cost passes an answer that costs more than the threshold; agentops has no minimum-cost criterion");
            if (a.threshold === undefined || a.threshold <= 0)
                return fail("cost needs a threshold (USD per test)");
            return ok({ type: "cost", max_usd: a.threshold }, "cost");
        case "latency":
            if (negated)
                return fail("not-latency passes an answer slower than the threshold; agentops has no minimum-latency criterion");
            if (a.threshold === undefined || a.threshold <= 0)
                return fail("latency needs a threshold (milliseconds)");
            return ok({ type: "latency", max_ms: a.threshold }, "latency");
        default:
            // Not among promptfoo's assertion types: its runAssertion (src/assertions/index.ts) throws
            // "Unknown assertion type", so the test errors in promptfoo rather than checking anything.
            if (!PROMPTFOO_TYPES.has(base) && !base.startsWith("promptfoo:redteam:"))
                return fail(`not a promptfoo assertion type: promptfoo stops the test with "Unknown assertion type: ${a.type}", so it checked nothing`);
            return fail(`agentops has no criterion like promptfoo's ${a.type}`);
    }
}
function judgeOptions(a) {
    const model = providerModel(a.provider);
    return {
        ...(a.threshold !== undefined && a.threshold >= 0 && a.threshold <= 1 ? { min_score: a.threshold } : {}),
        ...(model ? { model } : {}),
    };
}
/** The model of a promptfoo provider reference (`openai:gpt-4.1`, `{id: \u2026}`), if it names one. */
function providerModel(provider) {
    const id = typeof provider === "string"
        ? provider
        : typeof provider === "object" &&
            provider !== null &&
            typeof provider.id === "string"
            ? provider.id
            : undefined;
    if (!id || !id.includes(":") || id.startsWith("file://"))
        return undefined;
    const parts = id.split(":");
    const model = parts
        .slice(/^(chat|completion|messages|responses|realtime|embedding|embeddings)$/.test(parts[1] ?? "") ? 2 : 1)
        .join(":");
    return model || undefined;
}
const CSV_TYPES = /^(not-)?(equals|contains-any|contains-all|icontains-any|icontains-all|contains-json|is-json|is-valid-openai-tools-call|regex|icontains|contains|starts-with|similar|llm-rubric|factuality|answer-relevance|moderation|cost|latency|levenshtein|rouge-n|javascript|python|webhook)(?:\((\d+(?:\.\d+)?)\))?(?::([\s\S]*))?$/;
/** A CSV `__expected` cell as promptfoo reads it: `type(threshold):value`, `grade:\u2026`, `fn:\u2026`, else equals. */
function assertionFromCell(cell) {
    if (/^(javascript|fn|eval):/.test(cell))
        return { type: "javascript", value: cell.replace(/^\w+:/, "") };
    if (/^python:/.test(cell))
        return { type: "python", value: cell.slice(7) };
    if (/^(grade|llm-rubric):/.test(cell))
        return { type: "llm-rubric", value: cell.replace(/^[\w-]+:/, "") };
    const m = CSV_TYPES.exec(cell);
    if (!m)
        return { type: "equals", value: cell };
    const [, not = "", type = "", threshold, value] = m;
    const t = threshold === undefined ? undefined : Number(threshold);
    const listType = /^i?contains-(any|all)$/.test(type);
    return {
        type: `${not}${type}`,
        ...(value !== undefined
            ? { value: listType ? value.split(",").map((s) => s.trim()) : value.trim() }
            : {}),
        ...(t !== undefined ? { threshold: t } : type === "similar" ? { threshold: 0.8 } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/import/json-file.js

/** JSON text from a file the config names; a syntax error names the file (and line, for JSONL). */
function parseJsonFile(text, file, line) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new errors/* UserError */.yo(`not valid JSON (${e instanceof Error ? e.message : String(e)})`, { file, ...(line ? { line } : {}) }, line ? "each line must be one JSON object" : "fix the JSON syntax");
    }
}
/** A parsed JSON or YAML mapping (an object, not a list or null): the shape every config part is read as. */
const isMap = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

;// CONCATENATED MODULE: ./lib/import/promptfoo-chat-history.js



const promptfoo_chat_history_ROLES = new Set(["system", "user", "assistant"]);
class promptfoo_chat_history_Refused extends Error {
}
const promptfoo_chat_history_refuse = (why) => {
    throw new promptfoo_chat_history_Refused(why);
};
const promptfoo_chat_history_TAG = /\{\{(-?)([\s\S]*?)(-?)\}\}|\{%(-?)([\s\S]*?)(-?)%\}|\{#[\s\S]*?#\}/g;
/** Text, `{{ }}` and `{% %}` in order; comments dropped, `-` whitespace control applied. */
function promptfoo_chat_history_tokenize(text) {
    const out = [];
    let last = 0;
    let trimNext = false;
    const literal = (s, trimEnd) => {
        let t = trimNext ? s.replace(/^\s+/, "") : s;
        if (trimEnd)
            t = t.replace(/\s+$/, "");
        if (t !== "")
            out.push({ kind: "text", text: t });
    };
    for (const m of text.matchAll(promptfoo_chat_history_TAG)) {
        literal(text.slice(last, m.index), m[1] === "-" || m[4] === "-");
        if (m[2] !== undefined)
            out.push({ kind: "expr", body: m[2].trim() });
        else if (m[5] !== undefined)
            out.push({ kind: "stmt", body: m[5].trim() });
        trimNext = m[3] === "-" || m[6] === "-";
        last = m.index + m[0].length;
    }
    literal(text.slice(last), false);
    return out;
}
const EXPR = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\s*(\|\s*dump)?$/;
function parseNodes(toks, at, scope, end) {
    const out = [];
    while (at.i < toks.length) {
        const t = toks[at.i++];
        if (t === undefined)
            break;
        if (t.kind === "text") {
            out.push({ kind: "text", text: t.text });
            continue;
        }
        if (t.kind === "expr") {
            const m = EXPR.exec(t.body);
            if (!m?.[1])
                return promptfoo_chat_history_refuse(`writes {{ ${t.body} }}`);
            const path = [m[1], ...(m[2] ?? "").split(".").filter(Boolean)];
            if (scope.bound.has(m[1])) {
                if (path.length > 2)
                    return promptfoo_chat_history_refuse(`writes {{ ${t.body} }}`);
            }
            else if (scope.inFor)
                return promptfoo_chat_history_refuse(`writes {{ ${t.body} }} inside the loop`);
            else if (path.length > 1 || m[1] === "loop")
                return promptfoo_chat_history_refuse(`writes {{ ${t.body} }}`);
            out.push({ kind: "expr", path, dump: m[3] !== undefined });
            continue;
        }
        const s = t.body;
        let m;
        if (s === end)
            return out;
        if ((m = /^for\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*)$/.exec(s)) && m[1] && m[2]) {
            if (scope.inFor)
                return promptfoo_chat_history_refuse("a loop inside the loop");
            const body = parseNodes(toks, at, { bound: new Set([m[1]]), item: m[1], inFor: true, inPairs: false }, "endfor");
            out.push({ kind: "for", item: m[1], list: m[2], body });
        }
        else if ((m = /^for\s+([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*)$/.exec(s)) &&
            m[1] &&
            m[2] &&
            m[3]) {
            if (!scope.inFor || scope.inPairs || m[3] !== scope.item)
                return promptfoo_chat_history_refuse(`{% ${s} %} outside a loop over the history's elements`);
            const bound = new Set([...scope.bound, m[1], m[2]]);
            const body = parseNodes(toks, at, { ...scope, bound, inPairs: true }, "endfor");
            out.push({ kind: "pairs", key: m[1], value: m[2], of: m[3], body });
        }
        else if ((m = /^set\s+([A-Za-z_]\w*)\s*=\s*loop$/.exec(s)) && m[1]) {
            if (!scope.inFor || scope.inPairs)
                return promptfoo_chat_history_refuse(`{% ${s} %} outside the outer loop`);
            scope.bound.add(m[1]);
            out.push({ kind: "alias", name: m[1] });
        }
        else if ((m = /^if\s+not\s+(?:loop\.last|\(\s*loop\.last\s+and\s+([A-Za-z_]\w*)\.last\s*\))$/.exec(s))) {
            const outer = m[1];
            const comma = toks[at.i];
            const close = toks[at.i + 1];
            if (!scope.inFor || (outer !== undefined && !scope.bound.has(outer)))
                return promptfoo_chat_history_refuse(`{% ${s} %} outside the loop`);
            if (comma?.kind !== "text" ||
                comma.text.trim() !== "," ||
                close?.kind !== "stmt" ||
                close.body !== "endif")
                return promptfoo_chat_history_refuse(`{% ${s} %} around anything but a comma`);
            at.i += 2;
            out.push(outer === undefined ? { kind: "comma" } : { kind: "comma", outer });
        }
        else
            return promptfoo_chat_history_refuse(`uses {% ${s} %}`);
    }
    if (end !== undefined)
        return promptfoo_chat_history_refuse(`a {% ${end === "endfor" ? "for" : "if"} %} without {% ${end} %}`);
    return out;
}
/** Private-use characters: JSON-safe inside strings, and no chat file holds them. */
const mark = (name) => `\uE000${name}\uE001`;
const HISTORY_MARK = "\uE002";
const MARKS = /[\uE000-\uE002]/;
function print(v, dump, what) {
    if (dump)
        return JSON.stringify(v) ?? "";
    if (v === null || v === undefined)
        return "";
    if (typeof v === "string")
        return v;
    if (typeof v === "number" || typeof v === "boolean")
        return String(v);
    // Nunjucks would print "[object Object]" or the elements joined by commas: never what was meant.
    return promptfoo_chat_history_refuse(`writes ${what}, a list or mapping, as text`);
}
/** Renders the parsed forms as Nunjucks does; `history` is the loop's list. */
function render(chat, outer, history) {
    const out = [];
    const run = (nodes, vars) => {
        for (const n of nodes) {
            if (n.kind === "text")
                out.push(n.text);
            else if (n.kind === "expr") {
                const [root = "", key] = n.path;
                if (!vars.has(root)) {
                    out.push(root === chat.history ? print(history, n.dump, root) : outer(root, n.dump));
                    continue;
                }
                let v = vars.get(root);
                if (key !== undefined) {
                    if (!isMap(v) || key in Object.prototype)
                        return promptfoo_chat_history_refuse(`${root}.${key} of an element that is not a mapping`);
                    v = Object.hasOwn(v, key) ? v[key] : undefined;
                }
                out.push(print(v, n.dump, n.path.join(".")));
            }
            else if (n.kind === "for") {
                // A missing var is an empty conversation (Nunjucks loops over nothing); any other shape is listed.
                if (history === undefined || history === null)
                    continue;
                if (isMap(history))
                    return promptfoo_chat_history_refuse(`var ${n.list} is a mapping, not a list: promptfoo's loop writes no message from it`);
                if (!Array.isArray(history))
                    return promptfoo_chat_history_refuse(`var ${n.list} is not a list of messages`);
                history.forEach((item, i) => {
                    const inner = new Map(vars);
                    inner.set(n.item, item);
                    inner.set("loop", { last: i === history.length - 1 });
                    run(n.body, inner);
                });
            }
            else if (n.kind === "pairs") {
                const item = vars.get(n.of);
                if (!isMap(item))
                    return promptfoo_chat_history_refuse(`an element of ${chat.history ?? "the list"} is not a mapping like {user: "\u2026"}`);
                const entries = Object.entries(item);
                entries.forEach(([k, v], i) => {
                    const inner = new Map(vars);
                    inner.set(n.key, k);
                    inner.set(n.value, v);
                    inner.set("loop", { last: i === entries.length - 1 });
                    run(n.body, inner);
                });
            }
            else if (n.kind === "alias")
                vars.set(n.name, vars.get("loop"));
            else {
                const loop = vars.get("loop");
                const outerLoop = n.outer === undefined ? undefined : vars.get(n.outer);
                if (!(loop.last && (outerLoop?.last ?? true)))
                    out.push(",");
            }
        }
    };
    run(chat.nodes, new Map());
    return out.join("");
}
/**
 * Adaline Gateway's message content, `[{modality: "text", value: "\u2026"}]`, as text. The gateway sends
 * each part as its own content part (its OpenAI model maps one text part to one `{type: "text"}` part,
 * and never joins them), and one text part reads as that text; several parts, or an image, are not
 * one text: they are refused with the reason. promptfoo hands this shape to its Adaline provider only
 * (another provider would send it unchanged, which OpenAI rejects), so reading it as text keeps what
 * the model receives.
 */
function adalineText(content) {
    if (!Array.isArray(content) || !content.every((p) => isMap(p) && typeof p.modality === "string"))
        return undefined;
    const parts = content;
    const other = parts.find((p) => p.modality !== "text");
    if (other)
        return {
            reason: `Adaline content with ${/^[aeiou]/i.test(other.modality) ? "an" : "a"} ${other.modality} part`,
        };
    const [only] = parts;
    if (parts.length !== 1 || typeof only?.value !== "string")
        return {
            reason: `Adaline content in ${parts.length} text parts, which the gateway sends as separate parts; an agentops turn is one text`,
        };
    return { text: only.value };
}
/** A message with its Adaline content read as text; other content is left as it is. */
function plainMessage(m) {
    const a = adalineText(m.content);
    if (a === undefined)
        return m;
    return "text" in a ? { ...m, content: a.text } : a;
}
/**
 * Reads a JSON chat file that is a Nunjucks template in the recognised forms: the turns before and
 * after the history loop, with each var written as `{{ name }}`. Anything else is refused with the reason.
 */
function readNunjucksChat(text) {
    if (/\{[{%][^}]*\b_conversation\b/.test(text))
        return { ok: false, reason: CONVERSATION_REASON };
    if (MARKS.test(text))
        return { ok: false, reason: "holds private-use characters (U+E000-U+E002)" };
    let chat;
    try {
        const nodes = parseNodes(promptfoo_chat_history_tokenize(text), { i: 0 }, { bound: new Set(), inFor: false, inPairs: false });
        const loops = nodes.filter((n) => n.kind === "for");
        if (loops.length > 1)
            return promptfoo_chat_history_refuse("two loops");
        const names = [
            ...new Set(nodes.flatMap((n) => (n.kind === "expr" && n.path[0] !== undefined ? [n.path[0]] : []))),
        ];
        const [loop] = loops;
        if (loop && names.includes(loop.list))
            return promptfoo_chat_history_refuse(`writes ${loop.list} both as a loop and as a value`);
        // promptfoo's documented multishot form: the whole file is `{{ messages | dump }}`, the var the chat.
        const [only, ...more] = nodes.filter((n) => n.kind !== "text" || n.text.trim() !== "");
        const whole = !more.length && only?.kind === "expr" && only.dump ? only.path[0] : undefined;
        const history = loop?.list ?? whole;
        chat = { nodes, names: whole === undefined ? names : [], ...(history !== undefined ? { history } : {}) };
    }
    catch (e) {
        if (e instanceof promptfoo_chat_history_Refused)
            return { ok: false, reason: formsReason(e.message) };
        throw e;
    }
    // The layout is found by rendering once with a one-message history and marked values.
    const synthetic = chat.nodes.some((n) => n.kind === "for" && n.body.some((b) => b.kind === "pairs"))
        ? [{ user: HISTORY_MARK }]
        : [{ role: "user", content: HISTORY_MARK }];
    let parsed;
    try {
        parsed = JSON.parse(render(chat, (name, dump) => (dump ? JSON.stringify(mark(name)) : mark(name)), synthetic));
    }
    catch (e) {
        if (e instanceof promptfoo_chat_history_Refused)
            return { ok: false, reason: formsReason(e.message) };
        if (e instanceof SyntaxError)
            return { ok: false, reason: formsReason(`does not render to JSON (${jsonError(e)})`) };
        throw e;
    }
    if (!Array.isArray(parsed) || !parsed.every((m) => isMap(m) && typeof m.role === "string"))
        return { ok: false, reason: formsReason("does not render to a list of messages") };
    const messages = [];
    for (const m of parsed) {
        const p = plainMessage(m);
        if ("reason" in p)
            return { ok: false, reason: p.reason };
        const extra = Object.keys(p).find((k) => k !== "role" && k !== "content");
        if (extra !== undefined)
            return {
                ok: false,
                reason: `a message with a ${extra} field; an agentops turn holds a role and a content`,
            };
        messages.push(p);
    }
    const at = messages.flatMap((m, i) => (m.content === HISTORY_MARK ? [i] : []));
    if (chat.history !== undefined && (at.length !== 1 || at[0] === undefined))
        return { ok: false, reason: formsReason("its loop does not write one message per element") };
    const split = at[0] ?? messages.length;
    const back = (m) => {
        if (typeof m.content !== "string")
            return m;
        const content = m.content.replace(/\uE000(\w+)\uE001/g, "{{ $1 }}");
        return MARKS.test(content) || MARKS.test(m.role) ? undefined : { ...m, content };
    };
    const before = messages.slice(0, split).map(back);
    const after = messages.slice(split + 1).map(back);
    if ([...before, ...after].some((m) => m === undefined))
        return { ok: false, reason: formsReason("writes a var where only text can be read back") };
    return { ok: true, chat, before: before, after: after };
}
/** JSON.parse's complaint without the position, which names no line a user could find. */
const jsonError = (e) => e.message.replace(/ in JSON at position[\s\S]*$/, "").slice(0, 80);
function formsReason(detail) {
    return `a Nunjucks template that renders to a JSON chat, ${detail}; agentops reads a chat-history loop ({% for m in var %} over {role, content} objects or {% for role, content in m %} over {user: "\u2026"} maps), a file that is only {{ var | dump }}, {{ name }} inside strings and {{ name | dump }} as a value`;
}
const sameTurn = (a, b) => isMap(a) && Object.keys(a).length === 2 && a.role === b.role && a.content === b.content;
/**
 * The examples of a prompt that is not JSON (text, or a chat written as a Nunjucks template), with the
 * `{{ name }}` in its vars' values filled in as promptfoo does before rendering such a prompt. A test
 * whose value cannot be (another tag, an answer an earlier test stores) is listed and left out.
 */
function withVarValues(prompt, examples, tests, notes) {
    const out = [];
    for (const ex of examples) {
        const t = tests.get(ex.id);
        if (!t)
            continue;
        const input = { ...ex.input };
        let reason;
        for (const name of prompt.variables) {
            const v = t.vars[name];
            if (typeof v !== "string")
                continue;
            const r = renderVarValue(v, t.vars);
            if (!r.ok) {
                reason = `var ${name} ${r.reason}`;
                break;
            }
            if (r.text === v)
                continue;
            input[name] = r.text;
            notes.change(t.where, `var ${name}`, "holds {{\u2026}}: written with the test's vars filled in, as promptfoo renders it");
        }
        if (reason !== undefined)
            notes.skip(t.where, `test, for prompt ${prompt.label}`, reason);
        else
            out.push({ ...ex, input });
    }
    return out;
}
/**
 * The examples of a prompt read from a Nunjucks chat: each test's conversation so far as its
 * `input.messages`, after checking the test renders in promptfoo to exactly what the prompt sends.
 * A test that does not is listed with the reason and left out of this prompt. Its vars' values are
 * those `withVarValues` filled in.
 */
function withConversation(prompt, chat, examples, tests, notes) {
    const out = [];
    for (const ex of examples) {
        const t = tests.get(ex.id);
        if (!t)
            continue;
        // The values promptfoo renders the chat with: the filled-in ones, and undefined where the test sets none.
        const vars = {
            ...t.vars,
            ...Object.fromEntries(chat.names.filter((n) => Object.hasOwn(t.vars, n)).map((n) => [n, ex.input[n]])),
        };
        const r = conversationOf(prompt, chat, ex, vars);
        if ("reason" in r) {
            notes.skip(t.where, `test, for prompt ${prompt.label}`, r.reason);
            continue;
        }
        // The history var is now the conversation, not an input of the templates.
        const input = Object.fromEntries(Object.entries(ex.input).filter(([k]) => k !== chat.history));
        if (r.turns.length)
            input.messages = r.turns;
        out.push({ ...ex, input });
    }
    return out;
}
function conversationOf(prompt, chat, ex, vars) {
    const h = chat.history;
    if (h !== "messages" && Object.hasOwn(vars, "messages"))
        return { reason: "sets a var named messages, which agentops reads as the conversation so far" };
    let parsed;
    try {
        const text = render(chat, (name, dump) => print(vars[name], dump, name), h === undefined ? undefined : vars[h]);
        parsed = JSON.parse(text);
    }
    catch (e) {
        if (e instanceof promptfoo_chat_history_Refused)
            return { reason: e.message };
        if (e instanceof SyntaxError)
            return { reason: `promptfoo cannot parse the chat this test renders (${jsonError(e)})` };
        throw e;
    }
    if (!Array.isArray(parsed))
        return { reason: "renders to JSON that is not a list of messages" };
    const where = { exampleId: ex.id };
    const fill = (t) => (0,config_template/* renderTemplate */.Xm)(t, ex.input, where);
    const head = [
        ...(prompt.system !== undefined ? [{ role: "system", content: fill(prompt.system) }] : []),
        ...(prompt.messages ?? []).map((m) => ({ role: m.role, content: fill(m.content) })),
    ];
    const tail = prompt.template !== undefined ? [{ role: "user", content: fill(prompt.template) }] : [];
    const sent = parsed;
    const plain = (m) => {
        if (!isMap(m))
            return m;
        const p = plainMessage(m);
        return "reason" in p ? undefined : p;
    };
    const same = sent.length >= head.length + tail.length &&
        head.every((m, i) => sameTurn(plain(sent[i]), m)) &&
        tail.every((m, i) => sameTurn(plain(sent[sent.length - tail.length + i]), m));
    if (!same)
        return {
            reason: "promptfoo renders different text for this test than the converted prompt sends (a value with quotes, backslashes or line breaks written inside a JSON string, or a value that is not text)",
        };
    const middle = sent.slice(head.length, sent.length - tail.length);
    if (h === undefined && middle.length > 0)
        return { reason: "renders more messages than the prompt holds" };
    const turns = [];
    for (const raw of middle) {
        const m = isMap(raw) ? plainMessage(raw) : undefined;
        if (m && "reason" in m)
            return { reason: `var ${h ?? ""} holds ${m.reason}` };
        if (!isMap(m) ||
            typeof m.role !== "string" ||
            !promptfoo_chat_history_ROLES.has(m.role) ||
            typeof m.content !== "string" ||
            Object.keys(m).some((k) => k !== "role" && k !== "content"))
            return {
                reason: `var ${h ?? ""} holds a message agentops cannot send as a {role: user|assistant|system, content: text} turn`,
            };
        turns.push({ role: m.role, content: m.content });
    }
    if (prompt.template === undefined && prompt.messages === undefined && turns.length === 0)
        return { reason: `var ${h ?? ""} is empty and the prompt has no user turn of its own: nothing to send` };
    return { turns };
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-parts.js

const str = (v) => (typeof v === "string" && v !== "" ? v : undefined);
const DETAIL = new Set(["auto", "low", "high"]);
/** Bedrock and Adaline name formats (`jpeg`, `png`, Bedrock's `jpg` too); a data URL needs the media type. */
function imageMediaType(format) {
    if (format.includes("/"))
        return format;
    if (format.includes("{{"))
        return `image/${format}`;
    const f = format.toLowerCase();
    return `image/${f === "jpg" ? "jpeg" : f}`;
}
function imageUrl(url, detail, difference) {
    return {
        part: {
            type: "image_url",
            image_url: {
                url,
                ...(typeof detail === "string" && DETAIL.has(detail) ? { detail: detail } : {}),
            },
        },
        ...(difference ? { difference } : {}),
    };
}
function onePart(p) {
    if (typeof p === "string" && p !== "")
        return { part: { type: "text", text: p } };
    if (!isMap(p))
        return { reason: "a content part that is neither text nor an object" };
    const type = p.type;
    // OpenAI chat, and the Responses API's input_text
    if ((type === "text" || type === "input_text") && str(p.text))
        return { part: { type: "text", text: p.text } };
    if (type === "image_url") {
        const iu = p.image_url;
        const url = typeof iu === "string" ? str(iu) : isMap(iu) ? str(iu.url) : undefined;
        if (url)
            return imageUrl(url, isMap(iu) ? iu.detail : undefined);
    }
    if (type === "input_image") {
        const url = str(p.image_url);
        if (url)
            return imageUrl(url, p.detail);
    }
    if (type === "input_audio" && isMap(p.input_audio)) {
        const data = str(p.input_audio.data);
        const format = p.input_audio.format;
        if (data && (format === "wav" || format === "mp3"))
            return { part: { type: "input_audio", input_audio: { data, format } } };
        return { reason: "an audio part in a format other than wav or mp3" };
    }
    // Anthropic
    if (type === "image" && isMap(p.source)) {
        const s = p.source;
        if (s.type === "base64" && str(s.media_type) && str(s.data))
            return imageUrl(`data:${s.media_type};base64,${s.data}`, undefined, "an image part in Anthropic's form (base64 source) is sent as an OpenAI data URL of the same bytes");
        if (s.type === "url" && str(s.url))
            return imageUrl(s.url, undefined, "an image part in Anthropic's form (URL source) is sent as an OpenAI image_url");
    }
    // Bedrock Converse
    if (type === undefined && Object.keys(p).length === 1) {
        if (str(p.text))
            return { part: { type: "text", text: p.text } };
        const img = p.image;
        if (isMap(img) && str(img.format) && isMap(img.source) && str(img.source.bytes))
            return imageUrl(`data:${imageMediaType(img.format)};base64,${img.source.bytes}`, undefined, "an image part in Bedrock's form (format and bytes) is sent as an OpenAI data URL of the same bytes");
    }
    // Adaline Gateway
    if (type === undefined && typeof p.modality === "string") {
        if (p.modality === "text" && str(p.value))
            return { part: { type: "text", text: p.value } };
        const v = p.value;
        if (p.modality === "image" && isMap(v)) {
            if (v.type === "url" && str(v.url))
                return imageUrl(v.url, p.detail, "an image part in Adaline's form is sent as an OpenAI image_url");
            if (v.type === "base64" && str(v.base64) && str(v.media_type))
                return imageUrl(`data:${imageMediaType(v.media_type)};base64,${v.base64}`, p.detail, "an image part in Adaline's form (base64) is sent as an OpenAI data URL of the same bytes");
        }
        return { reason: `a ${p.modality} part in Adaline's form; agentops sends text, images and audio` };
    }
    const kind = typeof type === "string" ? type : Object.keys(p).join("/");
    return {
        reason: `a ${kind} content part; agentops sends text, images (image_url) and audio (input_audio)`,
    };
}
function convertParts(content) {
    if (content.length === 0)
        return { reason: "an empty list of content parts" };
    const parts = [];
    const differences = new Set();
    for (const p of content) {
        const one = onePart(p);
        if ("reason" in one)
            return one;
        parts.push(one.part);
        if (one.difference)
            differences.add(one.difference);
    }
    return { parts, differences: [...differences] };
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-prompts.js








const CODE_EXT = new Set([".js", ".mjs", ".cjs", ".ts", ".py", ".rb", ".sh"]);
function isChat(v) {
    return (Array.isArray(v) &&
        v.length > 0 &&
        v.every((m) => typeof m === "object" && m !== null && typeof m.role === "string"));
}
/** A message's content as an agentops turn: text, or a user turn's parts (one text part is text). */
function turnContent(role, content) {
    if (typeof content === "string") {
        return content === "" ? { reason: `an empty ${role} message` } : { content, differences: [] };
    }
    if (!Array.isArray(content))
        return { reason: "a message whose content is neither text nor a list of parts" };
    const c = convertParts(content);
    if ("reason" in c)
        return c;
    const [only] = c.parts;
    if (c.parts.length === 1 && only?.type === "text")
        return { content: only.text, differences: c.differences };
    if (role !== "user") {
        return {
            reason: `a ${role} message made of several parts; agentops sends parts (text, images, audio) in user turns only`,
        };
    }
    return { content: c.parts, differences: c.differences };
}
const promptfoo_prompts_ROLES = new Set(["system", "user", "assistant"]);
/**
 * A chat as an agentops prompt: a leading system message is `system`, a final user message the
 * `template`, and every turn between them a fixed `messages` entry, so the request holds the same
 * messages in the same order as promptfoo's.
 */
function fromChat(messages) {
    const checked = turnsOf(messages);
    if ("reason" in checked)
        return checked;
    const { turns, differences } = checked;
    const [first] = turns;
    const system = first?.role === "system" && turns.length > 1 && typeof first.content === "string"
        ? first.content
        : undefined;
    const rest = system !== undefined ? turns.slice(1) : turns;
    const last = rest[rest.length - 1];
    const user = last?.role === "user" && typeof last.content === "string" ? last.content : undefined;
    const between = user !== undefined ? rest.slice(0, -1) : rest;
    return {
        ...(system !== undefined ? { system } : {}),
        ...(between.length ? { messages: between } : {}),
        ...(user !== undefined ? { user } : {}),
        ...(differences.length ? { differences } : {}),
    };
}
/**
 * Fixed turns as agentops holds them: system, user or assistant; non-empty text, or a user turn's
 * parts (other vendors' part forms, Adaline's among them, converted; one text part is text).
 */
function turnsOf(messages) {
    const turns = [];
    const differences = new Set();
    for (const m of messages) {
        if (!promptfoo_prompts_ROLES.has(m.role))
            return { reason: `a ${m.role} message; an agentops prompt holds system, user and assistant turns` };
        const t = turnContent(m.role, m.content);
        if ("reason" in t)
            return t;
        for (const d of t.differences)
            differences.add(d);
        turns.push({ role: m.role, content: t.content });
    }
    return { turns, differences: [...differences] };
}
/**
 * The fixed turns around a chat-history loop: agentops sends an example's conversation after the
 * prompt's system and messages and before its final user turn, so that is where the loop must sit.
 */
function aroundHistory(before, after) {
    const head = turnsOf(before);
    if ("reason" in head)
        return head;
    const tail = turnsOf(after);
    if ("reason" in tail)
        return tail;
    const text = (t) => typeof t?.content === "string" ? t.content : undefined;
    if ([...head.turns, ...tail.turns].some((t) => text(t) === undefined))
        return { reason: "content parts (images, audio) in a chat written as a Nunjucks template" };
    const [last, ...more] = tail.turns;
    if (more.length || (last && last.role !== "user"))
        return {
            reason: "turns after the conversation-history loop other than one final user turn; agentops sends an example's conversation just before the prompt's final user turn",
        };
    const system = head.turns[0]?.role === "system" ? text(head.turns[0]) : undefined;
    const between = system !== undefined ? head.turns.slice(1) : head.turns;
    const user = text(last);
    const differences = [...new Set([...head.differences, ...tail.differences])];
    return {
        ...(system !== undefined ? { system } : {}),
        ...(between.length ? { messages: between } : {}),
        ...(user !== undefined ? { user } : {}),
        ...(differences.length ? { differences } : {}),
    };
}
/** A JSON chat file that is a Nunjucks template: read in the recognised forms, or listed with the reason. */
function templatedChat(text, label, notes, where) {
    const r = readNunjucksChat(text);
    if (!r.ok)
        return (notes.skip(where, `prompt ${label}`, r.reason), []);
    if (r.chat.history === undefined && r.before.length === 0)
        return (notes.skip(where, `prompt ${label}`, "an empty chat"), []);
    const c = r.chat.history === undefined ? fromChat(r.before) : aroundHistory(r.before, r.after);
    if ("reason" in c)
        return (notes.skip(where, `prompt ${label}`, c.reason), []);
    if (c.messages?.some((m) => typeof m.content !== "string"))
        return (notes.skip(where, `prompt ${label}`, "content parts (images, audio) in a chat written as a Nunjucks template"),
            []);
    for (const d of c.differences ?? [])
        notes.change(where, `prompt ${label}`, d);
    const s = toSource(label, c, notes, where);
    return s ? [{ ...s, chat: r.chat }] : [];
}
function toSource(label, text, notes, where) {
    const parts = [
        ...(text.system !== undefined ? [text.system] : []),
        ...(text.messages ?? []).flatMap((m) => (0,config_template/* contentTemplates */.Dd)(m.content)),
        ...(text.user !== undefined ? [text.user] : []),
    ].map(convertTemplate);
    const templates = [];
    const variables = [];
    for (const c of parts) {
        if (!c.ok) {
            notes.skip(where, `prompt ${label}`, c.reason);
            return undefined;
        }
        templates.push(c.template);
        variables.push(...c.variables);
    }
    let k = 0;
    const next = () => templates[k++] ?? "";
    const system = text.system !== undefined ? next() : undefined;
    const messages = (text.messages ?? []).map((m) => ({
        role: m.role,
        content: (0,config_template/* mapContentTemplates */.rl)(m.content, next),
    }));
    const template = text.user !== undefined ? next() : undefined;
    return {
        label,
        ids: [],
        ...(system !== undefined ? { system } : {}),
        ...(messages.length ? { messages } : {}),
        ...(template !== undefined ? { template } : {}),
        variables: [...new Set(variables)],
    };
}
function inline(text, label, notes, where) {
    const trimmed = text.trim();
    if (trimmed.startsWith("[")) {
        try {
            const parsed = JSON.parse(trimmed);
            if (isChat(parsed))
                return chat(parsed, label, notes, where);
        }
        catch {
            // not JSON: a text prompt that starts with a bracket
        }
    }
    const s = toSource(label, { user: text }, notes, where);
    return s ? [s] : [];
}
function chat(messages, label, notes, where) {
    const c = fromChat(messages);
    if ("reason" in c) {
        notes.skip(where, `prompt ${label}`, c.reason);
        return [];
    }
    for (const d of c.differences ?? [])
        notes.change(where, `prompt ${label}`, d);
    const s = toSource(label, c, notes, where);
    return s ? [{ ...s, json: true }] : [];
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
async function fromFile(ref, label, read, notes, where, glob, globbed = false) {
    const path = ref.slice("file://".length);
    const name = label ?? path;
    const ext = (0,external_node_path_.extname)(path.replace(/:[\w.]+$/, "")).toLowerCase();
    if (CODE_EXT.has(ext))
        return (notes.skip(where, `prompt ${name}`, "a prompt function (code); agentops never executes code"),
            []);
    if (!globbed && isGlob(path)) {
        const g = await glob(path);
        if ("reason" in g)
            return (notes.skip(where, `prompt ${name}`, `a glob that ${g.reason}`), []);
        if (g.files.length === 0)
            return (notes.skip(where, `prompt ${name}`, "a glob that matches no file (promptfoo would send the reference itself as the prompt's text)"),
                []);
        // promptfoo's processPrompt (src/prompts/index.ts) reads each match as a file of its own, once,
        // without the entry's label or config.
        const out = [];
        for (const f of g.files)
            out.push(...(await fromFile(`file://${f}`, undefined, read, notes, where, glob, true)));
        return out;
    }
    const text = await read(path);
    if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
        let parsed;
        // promptfoo renders a chat file with Nunjucks before parsing it: with {% %} or a {{ }} outside a
        // string it is no JSON until rendered.
        if (ext === ".json" && /\{%|\{\{/.test(text) && !isJson(text))
            return templatedChat(text, name, notes, where);
        if (ext === ".json")
            parsed = parseJsonFile(text, path);
        else
            parsed = (0,config_yaml/* parseYaml */.h)(text, path).value;
        if (isChat(parsed))
            return chat(parsed, name, notes, where);
        if (typeof parsed === "string")
            return inline(parsed, name, notes, where);
        return (notes.skip(where, `prompt ${name}`, "a file that is neither a chat (a list of messages) nor text"),
            []);
    }
    // promptfoo splits a text file into several prompts at lines holding only ---.
    const pieces = text.split(/^---[ \t]*$/m).filter((p) => p.trim() !== "");
    return pieces.flatMap((p, i) => inline(p.replace(/^\r?\n|\r?\n$/g, ""), pieces.length > 1 ? `${name}#${i + 1}` : name, notes, where));
}
/** Every prompt of a promptfoo config's `prompts:` (inline text, chat JSON, file:// text or chat files). */
async function readPrompts(raw, read, notes, where, glob) {
    const entries = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const out = [];
    for (const [i, entry] of entries.entries()) {
        const at = `${where} prompts[${i}]`;
        const before = out.length;
        // promptfoo's label (src/prompts/processors/*.ts): `label:` if given (a text file's prompts
        // `label: path: text`), else an inline prompt's own text, else `path: text` with the absolute path.
        let ref;
        if (typeof entry === "string") {
            if (entry.startsWith("file://"))
                out.push(...(await fromFile(entry, undefined, read, notes, at, glob)));
            else {
                ref = entry;
                out.push(...inline(entry, `${i + 1}`, notes, at));
            }
        }
        else if (typeof entry === "object" && entry !== null) {
            const e = entry;
            const label = typeof e.label === "string" ? e.label : undefined;
            ref = label ?? (typeof e.raw === "string" ? e.raw : undefined);
            // A glob's files lose the entry's label in promptfoo (each is read as `{raw: path}`).
            if (typeof e.raw !== "string" && typeof e.id === "string" && isGlob(e.id))
                ref = undefined;
            if (typeof e.raw === "string")
                out.push(...inline(e.raw, label ?? `${i + 1}`, notes, at));
            else if (typeof e.id === "string" && e.id.startsWith("file://"))
                out.push(...(await fromFile(e.id, label, read, notes, at, glob)));
            else
                notes.skip(at, "prompt", "neither text, raw: nor id: file://\u2026");
            if (e.config !== undefined && out.length > before)
                notes.skip(at, "prompt config", "provider settings for this prompt only; each version takes its provider's settings (set them in the version file)");
        }
        else
            notes.skip(at, "prompt", "neither text nor a mapping");
        for (const s of out.slice(before))
            s.ids = ref === undefined ? [] : [ref];
    }
    return out;
}
/**
 * A prompt read from a chat written as a Nunjucks template, with its turns as text: such a chat
 * holds no parts (aroundHistory and fromChat's callers refuse them), which this keeps true.
 */
function textTurnsOf(p) {
    const messages = p.messages?.map((m) => {
        if (typeof m.content !== "string")
            throw new Error(`prompt ${p.label}: a templated chat with content parts`);
        return { role: m.role, content: m.content };
    });
    return {
        label: p.label,
        ...(p.system !== undefined ? { system: p.system } : {}),
        ...(p.template !== undefined ? { template: p.template } : {}),
        ...(messages ? { messages } : {}),
    };
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-providers.js


const OPENAI_COMPATIBLE = new Set(["openai", "azure", "azureopenai"]);
const CUSTOM = /^(file:\/\/|python:|exec:|golang:|ruby:|http:|https:|webhook:|echo$|sequence$|browser$|mcp$)/;
/** One function tool in OpenAI's chat form, keeping only the fields it has (strict included). */
function fn(name, description, parameters, strict) {
    if (typeof name !== "string")
        return undefined;
    return {
        type: "function",
        function: {
            name,
            ...(typeof description === "string" ? { description } : {}),
            ...(isMap(parameters) ? { parameters } : {}),
            ...(typeof strict === "boolean" ? { strict } : {}),
        },
    };
}
/**
 * A provider's tools in OpenAI's chat-completions form: OpenAI's own (`{type: function, function}`),
 * Anthropic's (`{name, input_schema}`), Gemini's (`{functionDeclarations: [...]}`) and the Responses
 * API's (`{type: function, name, parameters}`) are converted; others (built-in tools, MCP) are listed.
 */
function openAiTools(tools, where, notes) {
    const out = [];
    tools.forEach((t, i) => {
        const at = `${where}[${i}]`;
        if (!isMap(t))
            return notes.skip(at, "tool", "not a mapping");
        if (isMap(t.function)) {
            const f = t.function;
            const tool = fn(f.name, f.description, f.parameters, f.strict);
            return tool ? void out.push(tool) : notes.skip(at, "tool", "a function without a name");
        }
        const declarations = t.functionDeclarations ?? t.function_declarations;
        if (Array.isArray(declarations)) {
            for (const d of declarations) {
                const tool = isMap(d) ? fn(d.name, d.description, d.parameters, undefined) : undefined;
                if (tool)
                    out.push(tool);
                else
                    notes.skip(at, "tool", "a Gemini function declaration without a name");
            }
            return;
        }
        if (t.type === "function" || t.type === undefined) {
            const tool = "input_schema" in t
                ? fn(t.name, t.description, t.input_schema, t.strict)
                : fn(t.name, t.description, t.parameters, t.strict);
            if (tool)
                return void out.push(tool);
        }
        const kind = typeof t.type === "string" ? t.type : Object.keys(t).join(", ");
        notes.skip(at, `tool ${kind}`, "a built-in or server tool (web search, code execution, MCP \u2026), not a function tool: agentops declares function tools only");
    });
    return out;
}
/** OpenAI's tool_choice: a mode, or {type: function, function: {name}} for one tool. */
function toolChoice(value) {
    if (typeof value === "string")
        return value;
    const fn = value?.function;
    return typeof fn?.name === "string" ? fn.name : undefined;
}
function settings(config, label, where, notes) {
    if (typeof config !== "object" || config === null)
        return {};
    const out = {};
    for (const [key, value] of Object.entries(config)) {
        if (key === "temperature" && typeof value === "number" && value >= 0 && value <= 2)
            out.temperature = value;
        else if (/^(max_tokens|max_completion_tokens|maxTokens)$/.test(key) &&
            typeof value === "number" &&
            value > 0)
            out.max_tokens = Math.floor(value);
        else if (key === "tools" && Array.isArray(value)) {
            const tools = openAiTools(value, `${where} ${label} config.tools`, notes);
            if (tools.length)
                out.tools = tools;
        }
        else if (key === "tool_choice" && toolChoice(value) !== undefined)
            out.tool_choice = toolChoice(value);
        else
            notes.skip(where, `${label} config.${key}`, "a prompt file sets only model, temperature, max_tokens, tools and tool_choice");
    }
    if (out.tool_choice !== undefined && !out.tools) {
        // Its tools were all listed (built-in ones) or absent: a choice among none cannot be sent.
        notes.skip(where, `${label} config.tool_choice`, "chooses among tools none of which could be imported");
        delete out.tool_choice;
    }
    return out;
}
/** The models of a promptfoo config's `providers:`; each becomes a version of every prompt. */
function readProviders(raw, where, notes) {
    const entries = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const out = [];
    entries.forEach((entry, i) => {
        const at = `${where} providers[${i}]`;
        let id;
        let config;
        let label;
        let prompts;
        if (typeof entry === "string")
            id = entry;
        else if (typeof entry === "object" && entry !== null) {
            const e = entry;
            const keys = Object.keys(entry);
            if (Array.isArray(e.prompts))
                prompts = e.prompts.filter((x) => typeof x === "string");
            else if (typeof e.prompts === "string")
                prompts = [e.prompts];
            if (typeof e.id === "string") {
                id = e.id;
                config = e.config;
                if (typeof e.label === "string")
                    label = e.label;
                for (const key of keys)
                    if (!["id", "config", "label", "prompts"].includes(key))
                        notes.skip(at, `provider ${key}`, key === "transform"
                            ? "a transform of every output (JavaScript): agentops never runs code, its criteria check the raw output"
                            : "no agentops equivalent for this provider option");
            }
            else if (keys.length === 1 && keys[0]) {
                // The `- openai:gpt-4.1: {config: \u2026}` form.
                id = keys[0];
                const inner = entry[keys[0]];
                config =
                    typeof inner === "object" && inner !== null ? inner.config : undefined;
                // promptfoo's readProviderPromptMap (src/prompts/index.ts) reads this form's prompts: too.
                const own = typeof inner === "object" && inner !== null ? inner.prompts : undefined;
                if (Array.isArray(own))
                    prompts = own.filter((x) => typeof x === "string");
                else if (typeof own === "string")
                    prompts = [own];
            }
        }
        if (!id)
            return notes.skip(at, "provider", "has no id");
        const name = label ?? id;
        if (CUSTOM.test(id))
            return notes.skip(at, `provider ${id}`, "a custom provider (code, a script or an HTTP service); agentops calls OpenAI-compatible endpoints only");
        const model = providerModel(id);
        if (!model)
            return notes.skip(at, `provider ${id}`, "names no model (vendor:model)");
        const vendor = id.split(":")[0] ?? "";
        const api = id.split(":")[1] ?? "";
        if (OPENAI_COMPATIBLE.has(vendor) && (api === "realtime" || api === "completion"))
            notes.change(at, `provider ${id}`, api === "realtime"
                ? `promptfoo speaks OpenAI's Realtime API (a websocket session) to ${model}; agentops sends the same messages to chat completions, which a realtime-only model may refuse: pick a chat model for this version`
                : `promptfoo calls the legacy completions API with the prompt as one text; agentops sends it to chat completions as a user turn`);
        if (!OPENAI_COMPATIBLE.has(vendor))
            notes.change(at, `provider ${id}`, `model ${model}, called through an OpenAI-compatible endpoint: set --base-url (or the Action's base-url) to the ${vendor} endpoint`);
        out.push({
            label: name,
            model,
            ...settings(config, name, at, notes),
            ...(prompts ? { prompts } : {}),
            ...(vendor === "google" || vendor === "vertex" ? { inlinesImages: true } : {}),
        });
    });
    return out;
}

;// CONCATENATED MODULE: ./lib/import/csv.js
/**
 * RFC 4180 CSV: a header row, then one record a row; fields may be quoted, with
 * "" for a quote inside, and quoted fields may span lines. Tab-separated files
 * (no comma in the header, a tab) are read the same way.
 */
function parseCsv(text) {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
    const rows = splitRecords(text, sep).filter((r) => !(r.length === 1 && r[0] === ""));
    const [header, ...records] = rows;
    if (!header)
        return [];
    const names = header.map((h) => h.trim());
    return records.map((fields) => {
        const row = {};
        names.forEach((name, i) => {
            if (name !== "")
                row[name] = fields[i] ?? "";
        });
        return row;
    });
}
function splitRecords(text, sep) {
    const rows = [];
    let row = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i);
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                field += ch;
        }
        else if (ch === '"' && field === "")
            quoted = true;
        else if (ch === sep) {
            row.push(field);
            field = "";
        }
        else if (ch === "\n" || ch === "\r") {
            if (ch === "\r" && text[i + 1] === "\n")
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = "";
        }
        else
            field += ch;
    }
    if (field !== "" || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-tests.js







const promptfoo_tests_CODE_EXT = new Set([".js", ".mjs", ".cjs", ".ts", ".py"]);
/** The image, video and audio extensions promptfoo reads as base64 (its src/util/fileExtensions.ts). */
const MEDIA_EXT = new Set("jpg jpeg png gif bmp webp svg mp4 webm ogg mov avi wmv mkv m4v wav mp3 aac m4a flac wma aiff opus"
    .split(" ")
    .map((e) => `.${e}`));
/** Judge assertions a test's `options.provider` grades with, as promptfoo applies it. */
const JUDGED = /^(not-)?(llm-rubric|factuality|answer-relevance|model-graded-closedqa|g-eval)$/;
/** Files an assertion value may name that promptfoo reads as data (processFileReference, src/assertions/utils.ts). */
const VALUE_EXT = new Set([".json", ".yaml", ".yml", ".txt"]);
const CODE_ASSERTIONS = /^(not-)?(javascript|python|ruby|webhook)$/;
/** promptfoo expands list-valued vars into every combination; more than this is surely a mistake. */
const MAX_COMBINATIONS = 1000;
/** A CSV row as promptfoo reads it: `__expected\u2026` cells are assertions, other `__` columns options. */
function testFromRow(row, where, notes) {
    const vars = {};
    const assert = [];
    const metadata = {};
    const test = { vars, assert };
    let metric;
    for (const [key, value] of Object.entries(row)) {
        if (key.startsWith("__expected")) {
            if (value.trim() !== "")
                assert.push(assertionFromCell(value));
        }
        else if (key === "__description")
            test.description = value;
        else if (key === "__metric")
            metric = value || undefined;
        else if (key.startsWith("__metadata:"))
            metadata[key.slice("__metadata:".length)] = value;
        else if (key.startsWith("__")) {
            if (value !== "")
                notes.skip(where, `column ${key}`, "no agentops equivalent for this option");
        }
        else
            vars[key] = value;
    }
    if (metric)
        for (const a of assert)
            a.metric = metric;
    if (Object.keys(metadata).length)
        test.metadata = metadata;
    return test;
}
async function readTestFile(ref, read, notes, where) {
    const path = ref.slice("file://".length);
    // `file://gen.ts:createTests` names a function in the file.
    const ext = (0,external_node_path_.extname)(path.replace(/:[\w$]+$/, "")).toLowerCase();
    if (promptfoo_tests_CODE_EXT.has(ext))
        return (notes.skip(where, `tests ${ref}`, "generated by code; agentops never runs it"), []);
    const text = await read(path);
    const at = (i) => `${path}:${i + 2}`;
    switch (ext) {
        case ".csv":
        case ".tsv":
            return parseCsv(text).map((row, i) => testFromRow(row, at(i), notes));
        case ".jsonl":
            return text.split(/\r?\n/).flatMap((l, i) => {
                if (l.trim() === "")
                    return [];
                const v = parseJsonFile(l, path, i + 1);
                return isMap(v) ? [v] : (notes.skip(`${path}:${i + 1}`, "test", "not a JSON object"), []);
            });
        case ".json": {
            const v = parseJsonFile(text, path);
            return (Array.isArray(v) ? v : [v]).filter(isMap);
        }
        case ".yaml":
        case ".yml": {
            const v = (0,config_yaml/* parseYaml */.h)(text, path).value;
            return (Array.isArray(v) ? v : [v]).filter(isMap);
        }
        default:
            notes.skip(where, `tests ${ref}`, "not a CSV, JSONL, JSON or YAML file");
            return [];
    }
}
/** The tests of a `tests:` value (inline, files), in order. */
async function collect(raw, read, notes, where, glob) {
    const entries = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const out = [];
    for (const [i, e] of entries.entries()) {
        const at = `${where} tests[${i}]`;
        if (typeof e === "string" && e.startsWith("file://")) {
            const path = e.slice("file://".length);
            let files = [path];
            if (isGlob(path) && !promptfoo_tests_CODE_EXT.has((0,external_node_path_.extname)(path.replace(/:[\w$]+$/, "")).toLowerCase())) {
                // promptfoo's loadTestsFromGlob (src/util/testCaseReader.ts) reads every match; none is an
                // error it logs before going on without them.
                const g = await glob(path);
                if ("reason" in g) {
                    notes.skip(at, `tests ${e}`, `a glob that ${g.reason}`);
                    continue;
                }
                if (g.files.length === 0)
                    notes.skip(at, `tests ${e}`, "a glob that matches no file");
                files = g.files;
            }
            for (const f of files) {
                const tests = await readTestFile(`file://${f}`, read, notes, at);
                const base = external_node_path_.posix.dirname(f) === "." ? "" : external_node_path_.posix.dirname(f);
                tests.forEach((t, j) => out.push({ where: `${f} test ${j + 1}`, test: t, base }));
            }
        }
        else if (typeof e === "string")
            notes.skip(at, `tests ${e}`, /^https?:\/\/docs\.google\.com\//.test(e)
                ? "a Google Sheet, read over the network; export it to CSV first"
                : "a remote dataset (huggingface://, a URL), read over the network; export it to CSV or JSONL first");
        else if (isMap(e) && e.path !== undefined && e.vars === undefined && e.assert === undefined)
            notes.skip(at, "tests", "a test generator (code with config); agentops never runs it");
        else if (isMap(e))
            out.push({ where: at, test: e });
        else
            notes.skip(at, "test", "not a mapping");
    }
    return out;
}
/**
 * A test's `vars`: a mapping, a `file://` file, or paths and globs of YAML files relative to the
 * file the test is in (`base`), merged in order, as promptfoo's readTestFiles
 * (src/util/testCaseReader.ts) reads them.
 */
async function readVars(raw, read, where, glob, base = "") {
    if (raw === undefined)
        return {};
    if (typeof raw === "string" && raw.startsWith("file://")) {
        const path = raw.slice(7);
        const text = await read(path);
        const v = (0,external_node_path_.extname)(path) === ".json" ? parseJsonFile(text, path) : (0,config_yaml/* parseYaml */.h)(text, path).value;
        return isMap(v) ? v : `${where}: vars file ${path} is not a mapping`;
    }
    const paths = typeof raw === "string" ? [raw] : raw;
    if (Array.isArray(paths) && paths.length > 0 && paths.every((p) => typeof p === "string")) {
        const out = {};
        for (const p of paths) {
            const rel = external_node_path_.posix.normalize(external_node_path_.posix.join(base, p));
            const g = await glob(rel);
            if ("reason" in g)
                return `vars ${p} ${g.reason}`;
            // promptfoo merges nothing for a path that matches no file, silently: listed here.
            if (g.files.length === 0)
                return `vars ${p} matches no file (relative to ${base || "the config's folder"})`;
            for (const f of g.files) {
                const v = (0,config_yaml/* parseYaml */.h)(await read(f), f).value;
                if (!isMap(v))
                    return `vars file ${f} is not a mapping`;
                Object.assign(out, v);
            }
        }
        return out;
    }
    return isMap(raw) ? raw : `${where}: vars is not a mapping`;
}
/**
 * Reads `file://` var values as promptfoo's renderPrompt does (src/evaluatorHelpers.ts): text
 * trimmed, YAML as its JSON, an image, video or audio file as its base64 (no data: prefix); code
 * files cannot be read as values. A glob's value is the list of its files' values: promptfoo's
 * generateVarCombinations (src/evaluator.ts) makes one test per matching file, as for a list of texts.
 */
async function loadVarFiles(vars, read, glob) {
    const out = {};
    for (const [k, v] of Object.entries(vars)) {
        if (typeof v === "string" && v.startsWith("file://")) {
            const ref = v.slice(7);
            if (promptfoo_tests_CODE_EXT.has((0,external_node_path_.extname)(ref.replace(/:[\w$]+$/, "")).toLowerCase()))
                return `var ${k} is computed by code (${ref})`;
            let paths = [ref];
            if (isGlob(ref)) {
                const g = await glob(ref);
                if ("reason" in g)
                    return `var ${k} is a glob (${ref}) that ${g.reason}`;
                // promptfoo stops the whole run here ("No files found for variable").
                if (g.files.length === 0)
                    return `var ${k} is a glob (${ref}) that matches no file`;
                paths = g.files;
            }
            const values = [];
            for (const path of paths) {
                const ext = (0,external_node_path_.extname)(path).toLowerCase();
                if (promptfoo_tests_CODE_EXT.has(ext))
                    return `var ${k} is computed by code (${path})`;
                if (ext === ".pdf")
                    return `var ${k} is a PDF (${path}), whose text promptfoo extracts with pdf-parse; agentops reads no PDF: save its text as a .txt file`;
                if (MEDIA_EXT.has(ext)) {
                    values.push(await read(path, "base64"));
                    continue;
                }
                const text = await read(path);
                values.push(ext === ".yaml" || ext === ".yml"
                    ? (JSON.stringify((0,config_yaml/* parseYaml */.h)(text, path).value) ?? "")
                    : text.trim());
            }
            out[k] = isGlob(ref) ? values : values[0];
        }
        else
            out[k] = v;
    }
    return out;
}
function combinations(vars) {
    let out = [{}];
    for (const [k, v] of Object.entries(vars)) {
        // promptfoo's generateVarCombinations (src/evaluator.ts) makes a test per element of a list whose
        // first element is a text (whatever the others are); any other list is one value.
        const values = Array.isArray(v) && typeof v[0] === "string" ? v : [v];
        out = out.flatMap((o) => values.map((x) => ({ ...o, [k]: x })));
        if (out.length > MAX_COMBINATIONS)
            return out.slice(0, MAX_COMBINATIONS);
    }
    return out;
}
function assertions(raw, where, notes) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw))
        return (notes.skip(where, "assert", "not a list"), []);
    return raw.flatMap((a, i) => {
        const at = `${where}.assert[${i}]`;
        if (!isMap(a) || typeof a.type !== "string")
            return (notes.skip(at, "assertion", "has no type"), []);
        if (a.transform !== undefined)
            notes.change(at, `${a.type} transform`, "code is not run: the criterion checks the raw output");
        return [
            {
                where: at,
                assertion: {
                    type: a.type,
                    value: a.value,
                    ...(typeof a.threshold === "number" ? { threshold: a.threshold } : {}),
                    ...(typeof a.weight === "number" ? { weight: a.weight } : {}),
                    ...(typeof a.metric === "string" ? { metric: a.metric } : {}),
                    ...(a.provider !== undefined ? { provider: a.provider } : {}),
                },
            },
        ];
    });
}
function optionNotes(options, where, notes) {
    if (!isMap(options))
        return;
    for (const [key, value] of Object.entries(options)) {
        if (key === "transform")
            notes.change(where, "options.transform", "code is not run: the criteria check the raw output");
        else if (key === "provider")
            continue; // the judge: read by the caller
        else if (key === "rubricPrompt")
            notes.skip(where, "options.rubricPrompt", "a custom grading prompt; the agentops judge has its own prompt around each criterion's rubric");
        else
            notes.skip(where, `options.${key}`, `no agentops equivalent (${JSON.stringify(value).slice(0, 40)})`);
    }
}
/**
 * A `file://` value in JSON, YAML or text read as promptfoo reads it: parsed (a `.txt` trimmed), and
 * not rendered with the test's vars.
 */
async function withFileValue(a, read) {
    const v = a.assertion.value;
    if (typeof v !== "string" || !v.startsWith("file://") || CODE_ASSERTIONS.test(a.assertion.type))
        return a;
    const path = v.slice("file://".length);
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (!VALUE_EXT.has(ext))
        return a;
    const text = await read(path);
    const value = ext === ".txt" ? text.trim() : ext === ".json" ? parseJsonFile(text, path) : (0,config_yaml/* parseYaml */.h)(text, path).value;
    return { ...a, assertion: { ...a.assertion, value, fromFile: true } };
}
/**
 * The config's tests (inline, CSV, JSONL, JSON, YAML files), then `more` (its scenarios' tests),
 * with defaultTest merged into each.
 */
async function readTests(raw, defaultTest, read, notes, where, glob, more = []) {
    const dflt = isMap(defaultTest) ? defaultTest : {};
    const dfltWhere = `${where} defaultTest`;
    if (defaultTest !== undefined && !isMap(defaultTest))
        notes.skip(dfltWhere, "defaultTest", "not an inline mapping (a file:// reference?): inline it first");
    optionNotes(dflt.options, dfltWhere, notes);
    const dfltVars = await readVars(dflt.vars, read, dfltWhere, glob);
    if (typeof dfltVars === "string")
        throw new errors/* UserError */.yo(dfltVars, {}, "give defaultTest.vars as a mapping");
    if (dflt.threshold !== undefined)
        notes.skip(dfltWhere, "threshold", "a test passes when the weighted score of its assertions reaches it, even with some failing; agentops passes an example only when all its checks pass");
    const dfltAsserts = [];
    for (const a of assertions(dflt.assert, dfltWhere, notes))
        dfltAsserts.push({ ...(await withFileValue(a, read)), fromDefault: true });
    const out = [];
    for (const { where: at, test, asserts: given, base } of [
        ...(await collect(raw, read, notes, where, glob)),
        ...more,
    ]) {
        optionNotes(test.options, at, notes);
        if (test.threshold !== undefined)
            notes.skip(at, "threshold", "the test passes when the weighted score of its assertions reaches it, even with some failing; agentops passes an example only when all its checks pass");
        for (const key of ["providers", "prompts", "provider"])
            if (test[key] !== undefined)
                notes.skip(at, key, "runs this test on some prompts or providers only; every agentops example runs on every version");
        const own = await readVars(test.vars, read, at, glob, base);
        if (typeof own === "string") {
            notes.skip(at, "test", own);
            continue;
        }
        const vars = await loadVarFiles({ ...dfltVars, ...own }, read, glob);
        if (typeof vars === "string") {
            notes.skip(at, "test", vars);
            continue;
        }
        // The test's judge (options.provider) grades its judge assertions that name none, defaultTest's too.
        const judge = isMap(test.options) ? test.options.provider : undefined;
        const withJudge = (a) => judge !== undefined && a.assertion.provider === undefined && JUDGED.test(a.assertion.type)
            ? { ...a, assertion: { ...a.assertion, provider: judge } }
            : a;
        const ownAsserts = [];
        for (const a of given ?? assertions(test.assert, at, notes))
            ownAsserts.push(await withFileValue(a, read));
        const asserts = [...dfltAsserts, ...ownAsserts].map(withJudge);
        const metadata = isMap(test.metadata) || isMap(dflt.metadata)
            ? { ...(isMap(dflt.metadata) ? dflt.metadata : {}), ...(isMap(test.metadata) ? test.metadata : {}) }
            : undefined;
        const combos = combinations(vars);
        combos.forEach((v, i) => out.push({
            where: combos.length > 1 ? `${at} (combination ${i + 1})` : at,
            ...(typeof test.description === "string" ? { description: test.description } : {}),
            vars: v,
            assert: asserts,
            ...(metadata ? { metadata } : {}),
        }));
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/import/promptfoo-scenarios.js





/** A `scenarios:` entry: inline, or a `file://` YAML or JSON file holding one scenario or a list. */
async function scenarioList(raw, read, notes, where, glob) {
    const entries = Array.isArray(raw) ? raw : [raw];
    const out = [];
    for (const [i, e] of entries.entries()) {
        const at = `${where} scenarios[${i}]`;
        if (isMap(e))
            out.push({ where: at, scenario: e });
        else if (typeof e === "string" && e.startsWith("file://")) {
            const ref = e.slice("file://".length);
            let paths = [ref];
            if (isGlob(ref)) {
                const g = await glob(ref);
                if ("reason" in g || g.files.length === 0) {
                    notes.skip(at, `scenarios ${e}`, `a glob that ${"reason" in g ? g.reason : "matches no file"}`);
                    continue;
                }
                paths = g.files;
            }
            for (const path of paths) {
                const ext = (0,external_node_path_.extname)(path).toLowerCase();
                if (ext !== ".yaml" && ext !== ".yml" && ext !== ".json") {
                    notes.skip(at, `scenarios ${path}`, "not a YAML or JSON file");
                    continue;
                }
                const text = await read(path);
                const v = ext === ".json" ? parseJsonFile(text, path) : (0,config_yaml/* parseYaml */.h)(text, path).value;
                (Array.isArray(v) ? v : [v]).forEach((s, j) => isMap(s)
                    ? out.push({ where: `${path} scenario ${j + 1}`, scenario: s })
                    : notes.skip(`${path} scenario ${j + 1}`, "scenario", "not a mapping"));
            }
        }
        else
            notes.skip(at, "scenario", "neither a mapping nor a file:// reference");
    }
    return out;
}
const list = (v) => (Array.isArray(v) ? v : []);
/**
 * The tests a config's `scenarios:` make, as promptfoo's evaluator builds them (src/evaluator.ts,
 * "Build scenarios"): for each scenario, each `config` entry, each of its `tests` (one empty test
 * when it has none), in that order, after the config's own tests. A test is `{...config entry,
 * ...test}` with `vars` and `metadata` merged (the test's win), the entry's assertions before the
 * test's, and only the test's `options` (promptfoo sets `options` from defaultTest's and the
 * test's, so an entry's own are never used). defaultTest is merged in later, as for any test.
 */
async function scenarioTests(raw, defaultTest, read, notes, where, glob) {
    if (raw === undefined)
        return [];
    const dfltDescription = isMap(defaultTest) && typeof defaultTest.description === "string" ? defaultTest.description : undefined;
    const out = [];
    for (const { where: at, scenario } of await scenarioList(raw, read, notes, where, glob)) {
        if (!Array.isArray(scenario.config) || scenario.config.length === 0) {
            notes.skip(at, "scenario", "has no config: list (promptfoo makes a scenario's tests once per config entry)");
            continue;
        }
        for (const key of Object.keys(scenario))
            if (!["description", "config", "tests"].includes(key))
                notes.skip(at, `scenario ${key}`, "not a scenario field; promptfoo does not read it");
        const tests = scenario.tests === undefined
            ? [{ where: at, test: {} }]
            : await collect(scenario.tests, read, notes, at, glob);
        for (const [j, data] of scenario.config.entries()) {
            const cat = `${at}.config[${j}]`;
            if (!isMap(data)) {
                notes.skip(cat, "scenario config", "not a mapping");
                continue;
            }
            if (data.vars !== undefined && !isMap(data.vars)) {
                notes.skip(cat, "scenario config", "its vars is not a mapping");
                continue;
            }
            if (data.options !== undefined)
                notes.skip(cat, "options", "promptfoo never applies a scenario config entry's options (a test gets defaultTest's and its own)");
            if (data.assert !== undefined && !Array.isArray(data.assert))
                notes.skip(cat, "assert", "not a list");
            for (const { where: tat, test, base } of tests) {
                const own = await readVars(test.vars, read, tat, glob, base);
                if (typeof own === "string") {
                    notes.skip(tat, "test", own);
                    continue;
                }
                const description = [test.description, data.description, dfltDescription].find((d) => typeof d === "string");
                const { options: _unused, ...entry } = data;
                const merged = {
                    ...entry,
                    ...test,
                    vars: { ...(isMap(data.vars) ? data.vars : {}), ...own },
                    metadata: {
                        ...(isMap(data.metadata) ? data.metadata : {}),
                        ...(isMap(test.metadata) ? test.metadata : {}),
                    },
                    ...(description !== undefined ? { description } : {}),
                };
                delete merged.assert;
                if (test.options === undefined)
                    delete merged.options;
                out.push({
                    where: `${tat} \u00d7 config[${j}]`,
                    test: merged,
                    asserts: [
                        ...assertions(list(data.assert).length ? data.assert : undefined, cat, notes),
                        ...assertions(test.assert, tat, notes),
                    ],
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/import/promptfoo.js












const IGNORED = new Set([
    "$schema",
    "description",
    "outputPath",
    "sharing",
    "writeLatestResults",
    "tags",
    "evaluateOptions",
]);
const HANDLED = new Set(["prompts", "providers", "targets", "tests", "defaultTest", "scenarios"]);
/** Turns any text into a prompt name agentops accepts (lowercase, digits, - and _). */
function slug(text, fallback = "imported") {
    const s = text
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "-")
        .replace(/^[-_]+|[-_]+$/g, "")
        .slice(0, 40)
        .replace(/[-_]+$/, "");
    return s || fallback;
}
const isGraded = (s) => s.type === "similarity" || s.type === "llm_judge";
/** A name not yet taken in `taken` (criterion names are unique within a prompt, check names within an example). */
function uniqueName(base, taken) {
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
}
function finish(c) {
    // promptfoo passes a test only when every assertion passes: every example must pass a
    // check, and a graded criterion's mean score must reach its pass mark.
    const minScore = "min_score" in c.spec ? c.spec.min_score : undefined;
    const threshold = isGraded(c.spec) ? (minScore ?? 0.75) : 1;
    return { name: c.name, ...c.spec, threshold };
}
/** A check of one example passes or fails on its own (min_score for graded ones): no threshold. */
const asCheck = (c) => ({ name: c.name, ...c.spec });
/**
 * Maps every test's assertions. A defaultTest assertion that comes out the same for every test is a
 * criterion of the prompt; one whose value depends on the test's vars is a check of each example,
 * like the test's own assertions.
 */
function mapTests(tests, notes, textOutput) {
    const mapped = tests.map((t) => t.assert.map((a) => mapAssertion(a.assertion, t.vars, textOutput)));
    const defaults = tests[0]?.assert.filter((a) => a.fromDefault).length ?? 0;
    const shared = new Set();
    const criteria = [];
    const promptNames = new Map();
    for (let k = 0; k < defaults; k++) {
        const results = mapped.map((m) => m[k]);
        const first = results[0];
        if (!first?.ok)
            continue;
        const same = results.every((r) => r?.ok && JSON.stringify(r.spec) === JSON.stringify(first.spec) && r.expected === undefined);
        if (!same)
            continue;
        shared.add(k);
        const a = tests[0]?.assert[k];
        if (!a)
            continue;
        if (first.difference)
            notes.change(a.where, a.assertion.type, first.difference);
        criteria.push({ spec: first.spec, name: uniqueName(a.assertion.metric ?? first.baseName, promptNames) });
    }
    const out = tests.map((test, i) => {
        const mt = { test, checks: [] };
        const taken = new Map();
        test.assert.forEach(({ where, assertion, fromDefault }, k) => {
            if (shared.has(k))
                return;
            const m = mapped[i]?.[k];
            if (!m)
                return;
            if (!m.ok)
                return notes.skip(where, `${assertion.type} assertion`, m.reason);
            if (m.expected !== undefined) {
                if (mt.expected !== undefined && JSON.stringify(mt.expected) !== JSON.stringify(m.expected))
                    return notes.skip(where, `${assertion.type} assertion`, "a second, different reference answer: an agentops example holds one expected");
                mt.expected = m.expected;
            }
            if (m.difference)
                notes.change(where, assertion.type, m.difference);
            if (fromDefault)
                notes.change(where, `defaultTest ${assertion.type}`, "its value depends on each test (vars or a reference answer): a check of every example");
            mt.checks.push({ spec: m.spec, name: uniqueName(assertion.metric ?? m.baseName, taken) });
        });
        return mt;
    });
    const written = tests.reduce((n, t) => n + t.assert.length, 0);
    return { criteria, tests: out, written };
}
function version(p, m, v, criteria, name) {
    return {
        name,
        version: v,
        description: `imported from promptfoo: prompt ${p.label} on ${m.label}`,
        model: m.model,
        ...(m.temperature !== undefined ? { temperature: m.temperature } : {}),
        ...(m.max_tokens !== undefined ? { max_tokens: m.max_tokens } : {}),
        ...(m.tools ? { tools: m.tools } : {}),
        ...(m.tool_choice !== undefined ? { tool_choice: m.tool_choice } : {}),
        ...(p.system !== undefined ? { system: p.system } : {}),
        ...(p.messages ? { messages: p.messages } : {}),
        ...(p.template !== undefined ? { template: p.template } : {}),
        // Without declared tools there is no schema to validate calls against: the output must be JSON, as before.
        eval_criteria: m.tools
            ? criteria
            : criteria.map((c) => (c.type === "tool_args_valid" ? { ...c, type: "format_check", json: true } : c)),
    };
}
function example(t, id, variables, notes) {
    const input = { ...t.test.vars };
    for (const v of variables) {
        if (!Object.hasOwn(input, v)) {
            input[v] = "";
            notes.change(t.test.where, `var ${v}`, 'not set by this test: promptfoo renders it empty, so its input is ""');
        }
    }
    const metadata = {
        ...(t.test.description ? { description: t.test.description } : {}),
        ...t.test.metadata,
    };
    const rawTags = metadata.tags;
    const tags = Array.isArray(rawTags) && rawTags.every((x) => typeof x === "string") ? rawTags : undefined;
    return {
        id,
        input,
        ...(t.expected !== undefined ? { expected: t.expected } : {}),
        ...(t.checks.length ? { checks: t.checks.map(asCheck) } : {}),
        ...(tags ? { tags } : {}),
        ...(Object.keys(metadata).length ? { metadata } : {}),
    };
}
/**
 * Reads a promptfoo config (its text; other files through `read`, globs through `glob`, both
 * relative to its folder) into prompts, examples and a config.
 */
async function importPromptfoo(text, file, read, options, glob) {
    const notes = new ImportNotes();
    const doc = (0,config_yaml/* parseYaml */.h)(text, file).value;
    if (typeof doc !== "object" || doc === null || Array.isArray(doc))
        throw new errors/* UserError */.yo("a promptfoo config must be a YAML mapping (prompts:, providers:, tests:)", { file });
    const raw = doc;
    for (const key of Object.keys(raw))
        if (key === "redteam")
            notes.skip(file, "redteam", "red-team tests are generated at run time by promptfoo's plugins and strategies (with a model); agentops imports the target prompts and the tests written in the config");
        else if (!IGNORED.has(key) && !HANDLED.has(key))
            notes.skip(file, key, "not imported: agentops has no equivalent");
    const baseName = options.name ?? slug(typeof raw.description === "string" ? raw.description : options.fallbackName);
    // promptfoo's own default when a config has no prompts (red-team configs, mostly): each test's `prompt` var.
    if (raw.prompts === undefined)
        notes.change(file, "prompts", "none given: promptfoo's default prompt {{prompt}} (each test's prompt var is the whole user message)");
    const prompts = await readPrompts(raw.prompts ?? ["{{prompt}}"], read, notes, file, glob);
    if (prompts.length === 0)
        throw new errors/* UserError */.yo("no prompt could be imported", { file, field: "prompts" }, notes.skipped.map((n) => n.reason).join("; ") || "add prompts:");
    // `targets:` is promptfoo's other name for providers (red-team configs use it).
    let models = readProviders(raw.providers ?? raw.targets, file, notes);
    if (models.length === 0) {
        models = [{ label: options.defaultModel, model: options.defaultModel }];
        notes.change(file, "providers", `no OpenAI-compatible provider: the prompts use model ${options.defaultModel} (--model)`);
    }
    const fromScenarios = await scenarioTests(raw.scenarios, raw.defaultTest, read, notes, file, glob);
    let tests = await readTests(raw.tests, raw.defaultTest, read, notes, file, glob, fromScenarios);
    const noTests = raw.tests === undefined || (Array.isArray(raw.tests) && raw.tests.length === 0);
    if (tests.length === 0 && noTests && raw.scenarios === undefined) {
        // Without tests promptfoo runs each prompt once on a dummy empty test (src/evaluator.ts), with
        // defaultTest merged in, as it merges it into every red-team test it generates: so does this.
        const redteam = raw.redteam !== undefined;
        const at = redteam ? `${file} redteam` : `${file} tests`;
        tests = await readTests([{}], raw.defaultTest, read, notes, at, glob);
        notes.change(at, "examples", redteam
            ? "one example holding only defaultTest's vars (the attack's own var empty), so the target prompts can run: add examples of your own"
            : "none given: promptfoo runs each prompt once on an empty test; so does this one example (defaultTest's vars only): add examples of your own");
    }
    if (tests.length === 0)
        throw new errors/* UserError */.yo("no test could be imported", { file, field: "tests" }, notes.skipped
            .filter((n) => /test|^column|^var|scenario/.test(n.what))
            .map((n) => `${n.where}: ${n.what}: ${n.reason}`)
            .join("; ") || "add tests: with vars");
    // One prompt per promptfoo prompt: each test's own checks travel with its example.
    const mapping = mapTests(tests, notes, answersAreText(raw));
    const anyChecks = mapping.tests.some((t) => t.checks.length > 0);
    const criteria = [
        ...mapping.criteria.map(finish),
        ...(anyChecks ? [{ name: schema/* EXAMPLE_CHECKS */.Lc, type: "example_checks", threshold: 1 }] : []),
    ];
    let nothingChecked;
    if (criteria.length === 0) {
        criteria.push({ name: "answered", type: "length", chars: { min: 1 }, threshold: 1 });
        if (mapping.written > 0)
            nothingChecked = `none of the ${mapping.written} assertion(s) could be imported (see "not imported"): the prompts check only for a non-empty answer`;
        else
            notes.change(file, "tests without assertions", "scored on a non-empty answer (criterion answered), as agentops needs one criterion; promptfoo passes them all");
    }
    const variables = [...new Set(prompts.flatMap((p) => p.variables))];
    const examples = mapping.tests.map((t, i) => example(t, String(i + 1), variables, notes));
    const out = [];
    const multi = prompts.length > 1;
    prompts.forEach((p, i) => {
        const name = multi ? `${baseName.slice(0, 60)}-${i + 1}` : baseName;
        const versions = [];
        const origins = [];
        const google = new Set();
        for (const m of models) {
            if (m.prompts && !m.prompts.some((ref) => promptMatches(p, ref)))
                continue;
            if (m.inlinesImages)
                google.add(versions.length);
            versions.push(version(p, m, versions.length + 1, criteria, name));
            origins.push(`prompt ${p.label} on ${m.label}`);
        }
        if (versions.length === 0)
            return notes.skip(`prompt ${p.label}`, "prompt", "no provider runs it (every provider's prompts: leaves it out)");
        // Without declared tools there is no schema to validate calls against: the output must be JSON, as before.
        const withoutTools = versions.some((v) => !v.tools);
        const own = withoutTools
            ? examples.map((e) => e.checks
                ? {
                    ...e,
                    checks: e.checks.map((c) => c.type === "tool_args_valid"
                        ? {
                            name: c.name,
                            type: "format_check",
                            json: true,
                            ...(c.weight !== undefined ? { weight: c.weight } : {}),
                        }
                        : c),
                }
                : e)
            : examples;
        // promptfoo renders a test's vars before a prompt that is not JSON; a Nunjucks chat holds each
        // test's own conversation so far. A test that cannot be carried is listed for this prompt.
        const byId = new Map(mapping.tests.map((t, k) => [String(k + 1), t.test]));
        const filled = p.json ? own : withVarValues(p, own, byId, notes);
        const set = p.chat ? withConversation(textTurnsOf(p), p.chat, filled, byId, notes) : filled;
        if (set.length === 0)
            return notes.skip(`prompt ${p.label}`, "prompt", "every test is listed for it (see the tests, for this prompt): no example is left to score it on");
        // A Google provider sends a line that is a base64 image var as an image: its versions do too.
        for (const k of google) {
            const v = versions[k];
            if (!v)
                continue;
            const g = withInlineImages(v, set);
            const where = origins[k] ?? `prompt ${p.label}`;
            if ("reason" in g)
                notes.change(where, "image var", g.reason);
            else if (g.changed) {
                versions[k] = g.version;
                notes.change(where, "image var", "a line that is a base64 image var is sent as an image (a data URL), as promptfoo's Google provider sends it inline");
            }
        }
        out.push({ name, versions, examples: set, origins });
    });
    for (const m of models)
        if (m.prompts && !prompts.some((p) => m.prompts?.some((ref) => promptMatches(p, ref))))
            notes.skip(`${file} providers`, `provider ${m.label}`, `runs no prompt: its prompts: (${m.prompts.join(", ")}) names no prompt's label (promptfoo matches a label exactly or its part before a ':'; a file's prompts have a label only when the config gives one)`);
    if (out.length === 0)
        throw new errors/* UserError */.yo("no prompt is run by any provider", { file, field: "providers" }, "check the providers' prompts: lists");
    const judge = judgeModel(raw.defaultTest);
    const config = {
        prompts_dir: "prompts",
        environments: { production: Object.fromEntries(out.map((p) => [p.name, 1])) },
        ...(judge ? { judge_model: judge } : {}),
    };
    return { prompts: out, config, notes, ...(nothingChecked ? { nothingChecked } : {}) };
}
/**
 * Whether promptfoo hands assertions the answer as text: not when a provider declares tools or
 * functions (the output is then the calls), a JSON-schema response format (the parsed JSON) or a
 * transform (whatever the code returns), nor when the tests transform it.
 */
function answersAreText(raw) {
    const providers = raw.providers ?? raw.targets;
    const entries = Array.isArray(providers)
        ? providers
        : providers === undefined
            ? []
            : [providers];
    for (const e of entries) {
        if (!isMap(e))
            continue;
        const bodies = [e, ...Object.values(e).filter(isMap)];
        for (const b of bodies) {
            if (b.transform !== undefined)
                return false;
            const config = b.config;
            if (!isMap(config))
                continue;
            if (config.tools !== undefined || config.functions !== undefined)
                return false;
            const format = config.response_format;
            if (isMap(format) && format.type !== "text" && format.type !== "json_object")
                return false;
        }
    }
    const transforms = (t) => isMap(t) && isMap(t.options) && t.options.transform !== undefined;
    if (transforms(raw.defaultTest))
        return false;
    return !(Array.isArray(raw.tests) && raw.tests.some(transforms));
}
/**
 * A provider's `prompts:` entry names a prompt by its label, exactly or as the part before a colon
 * (`group` runs `group:a` and a text file's prompts labelled `group`), as promptfoo's
 * isAllowedPrompt (src/evaluator.ts) matches them; never by file name or id.
 */
function promptMatches(p, ref) {
    return p.ids.some((label) => label === ref || label.startsWith(`${ref}:`));
}
function judgeModel(defaultTest) {
    if (typeof defaultTest !== "object" || defaultTest === null)
        return undefined;
    const options = defaultTest.options;
    if (typeof options !== "object" || options === null)
        return undefined;
    return providerModel(options.provider);
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/import-command.js











const IMPORT_HELP = `Usage: agentops import promptfoo <promptfooconfig.yaml> [options]
       agentops import openai-evals <samples.jsonl> [options]

Converts a promptfoo project, or OpenAI Evals samples, into an agentops project:
prompts/<name>/v1.yaml (one version per prompt and provider), prompts/<name>/eval_set.jsonl
and agentops.yaml. Prints what could not be imported, and why.

Options:
  --out DIR            where to write (default: the folder of the source file)
  --name NAME          the prompt's name (default: from the config's description or the file)
  --model MODEL        model when the source names none (default: gpt-4o-mini)
  --spec FILE          openai-evals: the eval's registry spec (evals/registry/evals/<name>.yaml);
                       its class (Match, Includes, FuzzyMatch, or ModelBasedClassify with the
                       fact grading spec) decides how answers are scored
  --force              overwrite files that exist
  -h, --help           show this help
`;
const SOURCES = ["promptfoo", "openai-evals"];
async function exists(path) {
    try {
        await (0,promises_.lstat)(path);
        return true;
    }
    catch {
        return false;
    }
}
async function importCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            out: { type: "string" },
            name: { type: "string" },
            model: { type: "string" },
            spec: { type: "string" },
            force: { type: "boolean" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(IMPORT_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const [source, path, ...extra] = positionals;
    if (!source || !SOURCES.includes(source) || !path || extra.length)
        throw new errors/* UserError */.yo(`import takes a source (${SOURCES.join(" or ")}) and one file`, {}, "run: agentops import --help");
    if (values.name !== undefined && slug(values.name, "") !== values.name)
        throw new errors/* UserError */.yo(`--name "${values.name}" is not a prompt name`, {}, "use lowercase letters, digits, - and _");
    if (values.spec !== undefined && source !== "openai-evals")
        throw new errors/* UserError */.yo("--spec is for import openai-evals", {}, "run: agentops import --help");
    const file = (0,external_node_path_.resolve)(io.cwd, path);
    const folder = (0,external_node_path_.dirname)(file);
    const shown = (0,external_node_path_.relative)(io.cwd, file) || (0,external_node_path_.basename)(file);
    const model = values.model ?? "gpt-4o-mini";
    // Samples files are eval sets: they may be as large as one.
    const text = await (0,config_files/* readUserFile */.E1)(file, source === "openai-evals" ? config_files/* MAX_EVAL_SET_BYTES */.nU : undefined);
    let project;
    if (source === "promptfoo") {
        // Files the config names are read relative to it, with the same checks as agentops' own files.
        // An image or audio var becomes an example's base64 input: as large as the API takes one (20 MB).
        const read = (p, as) => as === "base64" ? (0,config_files/* readUserFileBase64 */.$w)((0,external_node_path_.resolve)(folder, p), 20 << 20) : (0,config_files/* readUserFile */.E1)((0,external_node_path_.resolve)(folder, p));
        // Globs expand inside the config's folder only; symlinks are listed as neither file nor folder.
        const list = async (dir) => {
            try {
                const entries = await (0,promises_.readdir)((0,external_node_path_.resolve)(folder, dir), { withFileTypes: true });
                return entries.map((e) => ({ name: e.name, file: e.isFile(), dir: e.isDirectory() }));
            }
            catch {
                return [];
            }
        };
        project = await importPromptfoo(text, shown, read, {
            ...(values.name !== undefined ? { name: values.name } : {}),
            fallbackName: (0,external_node_path_.basename)(folder),
            defaultModel: model,
        }, globber(list));
    }
    else {
        const specFile = values.spec === undefined ? undefined : (0,external_node_path_.resolve)(io.cwd, values.spec);
        project = importOpenAiEvals(text, shown, {
            name: values.name ?? slug((0,external_node_path_.basename)(file).replace(/\.jsonl?$/, "")),
            model,
            ...(specFile
                ? {
                    spec: {
                        text: await (0,config_files/* readUserFile */.E1)(specFile),
                        file: (0,external_node_path_.relative)(io.cwd, specFile) || (0,external_node_path_.basename)(specFile),
                    },
                }
                : {}),
        });
    }
    const files = projectFiles(project, shown);
    const out = (0,external_node_path_.resolve)(io.cwd, values.out ?? folder);
    if (!values.force) {
        const taken = [];
        for (const rel of files.keys())
            if (await exists((0,external_node_path_.join)(out, rel)))
                taken.push(rel);
        if (taken.length)
            throw new errors/* UserError */.yo(`would overwrite ${taken.join(", ")}`, { file: (0,external_node_path_.join)(out, taken[0] ?? "") }, "pass --force to overwrite, or --out DIR to write elsewhere");
    }
    const written = [];
    for (const [rel, content] of files) {
        const target = (0,external_node_path_.join)(out, rel);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.writeFile)(target, content);
        written.push((0,external_node_path_.relative)(io.cwd, target) || rel);
    }
    io.stdout(renderSummary(project, written));
    if (project.nothingChecked) {
        // Written, so the prompts and examples are not lost, but a project that checks nothing must not look fine.
        io.stderr(`nothing checks this project: ${project.nothingChecked}\n`);
        return cli_io/* EXIT */.d.regression;
    }
    io.stdout(`\nnext: npx agentops eval ${(0,external_node_path_.relative)(io.cwd, out) || "."} --provider mock   (a dry run without a key)\n`);
    return cli_io/* EXIT */.d.ok;
}


/***/ })

};
