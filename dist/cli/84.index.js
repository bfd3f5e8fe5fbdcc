export const id = 84;
export const ids = [84];
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

/***/ 8084:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROLLBACK_HELP: () => (/* binding */ ROLLBACK_HELP),
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
// EXTERNAL MODULE: ./lib/plan/git.js + 1 modules
var plan_git = __webpack_require__(3878);
;// CONCATENATED MODULE: ./lib/lifecycle/history.js




/**
 * The version an environment ran before `current`, from the config file's git
 * history (newest commit first): the first pin that differs from `current`.
 * Revisions where the file does not load, or has no pin for the prompt, are
 * passed over. `path` is relative to the repository root.
 */
async function previousVersion(git, path, environment, prompt, current) {
    const log = await git.run(["log", "--format=%H", "--", `:(top)${path}`]);
    for (const commit of log.split("\n").filter(Boolean)) {
        const text = await (0,plan_git/* showFile */.II)(git, commit, path);
        if (text === undefined)
            continue;
        let pin;
        try {
            pin = (0,load/* parseProjectConfig */.Bf)(text, `${path}@${commit.slice(0, 7)}`).config.environments?.[environment]?.[prompt];
        }
        catch (e) {
            if ((0,errors/* isUserError */.iU)(e))
                continue;
            throw e;
        }
        if (pin === undefined)
            continue;
        const version = (0,schema/* parseVersionRef */.PL)(pin);
        if (version !== current)
            return { version, commit };
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/pin-version.js + 2 modules
var pin_version = __webpack_require__(894);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
;// CONCATENATED MODULE: ./lib/cli/rollback-command.js








const ROLLBACK_HELP = `Usage: agentops rollback <prompt> --env <env> [--to N] [options]

Puts <env> back on an earlier version of <prompt>: without --to, the version the
environment ran before the current one, found in the config file's git history.
Edits the project config in place (comments, key order and formatting are kept)
and prints the change as a diff.

Options:
  --env NAME           the environment to change (must exist in the config)
  --to N               roll back to version N instead of the previous one
  --project DIR        the project folder (default: the current folder, searched upwards)
  --dry-run            print the diff, change nothing
  -h, --help           show this help

Exit codes: 0 done (or nothing to do), 2 unknown prompt, version or environment,
no earlier version in the history, or bad usage.
`;
async function rollbackCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            env: { type: "string" },
            to: { type: "string" },
            project: { type: "string" },
            "dry-run": { type: "boolean" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(ROLLBACK_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    const [prompt, ...extra] = positionals;
    if (!prompt || extra.length)
        throw new errors/* UserError */.yo("rollback takes one prompt", {}, "e.g. agentops rollback summarize --env production");
    if (!values.env)
        throw new errors/* UserError */.yo("rollback needs --env", {}, "e.g. --env production");
    const environment = values.env;
    const project = await (0,pin_version/* editableProject */.IA)(io, values.project);
    const versions = await (0,pin_version/* promptVersions */.g)(project, prompt);
    const { text, current } = await (0,pin_version/* currentPin */.Bm)(project, environment, prompt);
    let version = (0,provider_flags/* positiveInt */.NJ)(values.to?.replace(/^v/, ""), "--to");
    if (version === undefined) {
        // git at the edge: the config's history says what ran before.
        const git = (0,plan_git/* createGit */.lD)((0,external_node_path_.dirname)(project.configFile));
        let top;
        try {
            top = (await git.run(["rev-parse", "--show-toplevel"])).trim();
        }
        catch {
            throw new errors/* UserError */.yo("the config is not in a git repository, so its history cannot say what ran before", { file: project.configFile }, "pass --to N to choose the version");
        }
        const path = (0,external_node_path_.relative)(top, project.configFile).split("\\").join("/");
        const previous = await previousVersion(git, path, environment, prompt, current);
        if (!previous)
            throw new errors/* UserError */.yo(`the git history of the config has no earlier version of ${prompt} in ${environment}`, { file: project.configFile, field: `environments.${environment}.${prompt}` }, "pass --to N to choose the version");
        io.stderr(`${environment} ran ${prompt} v${previous.version} at ${previous.commit.slice(0, 12)}\n`);
        version = previous.version;
    }
    (0,pin_version/* requireVersion */.eU)(versions, prompt, version);
    return (0,pin_version/* pinVersion */.A1)(io, project, { environment, prompt, version, text, current }, { dryRun: values["dry-run"] === true, verb: "roll back" });
}


/***/ }),

/***/ 3878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lD: () => (/* binding */ createGit),
  pm: () => (/* binding */ diffFiles),
  fi: () => (/* binding */ listEntries),
  CS: () => (/* binding */ listFiles),
  wu: () => (/* binding */ mergeBase),
  wc: () => (/* binding */ resolveOrFetch),
  II: () => (/* binding */ showFile)
});

// UNUSED EXPORTS: DEEPEN_STEPS, GitError, MAX_GIT_OUTPUT, assertRef, changedFiles, isShallow, resolveRef

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/plan/diff.js
const LETTER = {
    A: "added",
    M: "modified",
    D: "deleted",
    R: "renamed",
    C: "copied",
    T: "type_changed",
};
/**
 * Parses `git diff --name-status -z -M`. With -z, fields are NUL-separated and
 * paths are never quoted, so names with spaces, tabs, newlines or non-ASCII
 * characters come through as they are. Renames and copies ("R087", "C100") carry
 * two paths: the old one first.
 */
function parseNameStatusZ(output) {
    const fields = output.split("\0");
    const out = [];
    let i = 0;
    const next = (code) => {
        const field = fields[i++];
        // A missing path means the output was cut or is not -z output; guessing would mis-attribute files.
        if (field === undefined || field === "")
            throw new Error(`git diff output ends inside the "${code}" entry`);
        return field;
    };
    while (i < fields.length) {
        const code = fields[i++] ?? "";
        if (code === "")
            continue;
        const status = LETTER[code.charAt(0)];
        if (!status || !/^[A-Z]\d*$/.test(code)) {
            throw new Error(`unexpected status "${code}" in git diff --name-status -z output`);
        }
        if (status === "renamed" || status === "copied") {
            const previousPath = next(code);
            out.push({ status, path: next(code), previousPath });
        }
        else {
            out.push({ status, path: next(code) });
        }
    }
    return out;
}
const API_STATUS = {
    added: "added",
    removed: "deleted",
    modified: "modified",
    renamed: "renamed",
    copied: "copied",
    changed: "type_changed",
    unchanged: null,
};
/**
 * Maps the pulls.listFiles API's entries onto the same shape as the git diff.
 * A status GitHub adds later counts as "modified": evaluating one prompt too many
 * is better than letting a change through unevaluated.
 */
function fromPullFiles(files) {
    const out = [];
    for (const f of files) {
        const status = Object.hasOwn(API_STATUS, f.status) ? API_STATUS[f.status] : "modified";
        if (!status)
            continue;
        out.push({
            status,
            path: f.filename,
            ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/plan/git.js



class GitError extends Error {
    args;
    stderr;
    constructor(message, args, stderr) {
        super(message);
        this.args = args;
        this.stderr = stderr;
        this.name = "GitError";
    }
}
/** Large enough for a 10,000-example eval set; git output beyond it fails loudly instead of being cut. */
const MAX_GIT_OUTPUT = 64 * 1024 * 1024;
function createGit(cwd) {
    // A fetch that needs credentials must fail, not wait for a terminal prompt nobody answers in CI.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: "0" };
    return {
        run: (args) => new Promise((resolve, reject) => {
            // execFile, not exec: arguments reach git verbatim, so ref and path names are never shell code.
            (0,external_node_child_process_.execFile)("git", args, { cwd, env, maxBuffer: MAX_GIT_OUTPUT, encoding: "utf8" }, (error, stdout, stderr) => {
                if (error)
                    reject(new GitError(`git ${args[0] ?? ""} failed: ${stderr.trim() || error.message}`, args, stderr));
                else
                    resolve(stdout);
            });
        }),
    };
}
/**
 * Refs come from flags and webhook payloads. One starting with "-" would be read
 * by git as an option (`--output=\u2026`), so refuse it before it reaches the command line.
 */
function assertRef(ref) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
    if (ref === "" || ref.startsWith("-") || /[\s\x00-\x1f\x7f]/.test(ref)) {
        throw new errors/* UserError */.yo(`"${ref}" is not a valid git revision`, {}, "pass a branch, tag or commit SHA (names cannot start with '-' or contain spaces)");
    }
    return ref;
}
/** The commit SHA a ref names. */
async function resolveRef(git, ref) {
    assertRef(ref);
    try {
        return (await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])).trim();
    }
    catch {
        throw new errors/* UserError */.yo(`git cannot find the revision "${ref}"`, {}, "fetch it first (in Actions: actions/checkout with fetch-depth: 0), or check the name");
    }
}
async function isShallow(git) {
    return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Like resolveRef, but a full commit SHA missing from a shallow CI checkout (the
 * pull request's base and head, when actions/checkout fetched only the merge commit)
 * is fetched from `remote` first. Branch names are never fetched: that would move refs.
 */
async function resolveOrFetch(git, ref, remote = "origin") {
    try {
        return await resolveRef(git, ref);
    }
    catch (e) {
        if (!FULL_SHA.test(ref))
            throw e;
        try {
            // --depth=1 only where history is already cut: on a full clone it would make the repository shallow.
            const depth = (await isShallow(git)) ? ["--depth=1"] : [];
            await git.run(["fetch", "--quiet", "--no-tags", ...depth, "--end-of-options", remote, ref]);
        }
        catch {
            throw e;
        }
        return resolveRef(git, ref);
    }
}
async function tryMergeBase(git, base, head) {
    try {
        return (await git.run(["merge-base", "--end-of-options", base, head])).trim() || undefined;
    }
    catch {
        // Exit code 1 with no output: no common ancestor in the history we have.
        return undefined;
    }
}
/** How far each round deepens a shallow clone; the last resort fetches everything. */
const DEEPEN_STEPS = [50, 100, 200, 400, 800, "unshallow"];
/**
 * The merge base of base and head. CI checkouts are often shallow (actions/checkout
 * fetches one commit by default): deepen step by step, which is cheap for the usual
 * short-lived branch, and fetch the whole history only as a last resort.
 */
async function mergeBase(git, base, head, opts = {}) {
    assertRef(base);
    assertRef(head);
    const found = await tryMergeBase(git, base, head);
    if (found)
        return found;
    if (!(await isShallow(git))) {
        throw new errors/* UserError */.yo(`${base} and ${head} have no commit in common`, {}, "check the base: it must be the branch the change was made from (e.g. --base origin/main)");
    }
    const remote = assertRef(opts.remote ?? "origin");
    const deepen = opts.fetchDeepen ??
        (async (by) => {
            const how = by === "unshallow" ? "--unshallow" : `--deepen=${by}`;
            await git.run(["fetch", "--quiet", "--no-tags", how, "--end-of-options", remote]);
        });
    let fetchError;
    for (const by of DEEPEN_STEPS) {
        try {
            await deepen(by);
        }
        catch (e) {
            fetchError = e instanceof Error ? e.message : String(e);
            break;
        }
        const again = await tryMergeBase(git, base, head);
        if (again)
            return again;
        // All history is here and there is still no common commit: more fetching cannot help.
        if (!(await isShallow(git)))
            break;
    }
    throw new errors/* UserError */.yo(`no common history between ${base} and ${head} in this shallow clone${fetchError ? ` (fetching more failed: ${fetchError})` : ""}`, {}, "fetch the full history: in Actions use actions/checkout with fetch-depth: 0");
}
/** What changed from `from` to `to`, as git sees it (renames detected). */
async function diffFiles(git, from, to) {
    assertRef(from);
    assertRef(to);
    // --no-ext-diff/--no-color: a user's diff.external or color.ui=always must not leak into parsed output.
    const out = await git.run([
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--no-color",
        "--no-ext-diff",
        from,
        to,
        "--",
    ]);
    return parseNameStatusZ(out);
}
/** What a change from base to head did: the diff from their merge base, like a pull request's "Files changed". */
async function changedFiles(git, base, head, opts = {}) {
    return diffFiles(git, await mergeBase(git, base, head, opts), head);
}
function parseLsTreeLong(out) {
    const entries = [];
    for (const record of out.split("\0")) {
        const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
        if (!m?.[1] || !m[2] || !m[3] || !m[4] || m[5] === undefined)
            continue;
        entries.push({
            mode: m[1],
            type: m[2],
            sha: m[3],
            size: m[4] === "-" ? undefined : Number(m[4]),
            path: m[5],
        });
    }
    return entries;
}
/**
 * A file's content at a revision, or undefined when it does not exist there (or is
 * a folder). Reads the blob as stored: no textconv or smudge filters, a UTF-8 BOM
 * dropped, symlinks refused, matching how the loader treats files on disk.
 */
async function showFile(git, rev, path) {
    assertRef(rev);
    // --full-tree: paths are relative to the repository root even when git runs in a sub-folder.
    const out = await git.run(["ls-tree", "-z", "--long", "--full-tree", rev, "--", path]);
    const entry = parseLsTreeLong(out).find((e) => e.path === path);
    if (!entry || entry.type !== "blob")
        return undefined;
    if (entry.mode === "120000") {
        throw new errors/* UserError */.yo("is a symbolic link; agentops only reads regular files", { file: path }, "commit the file itself instead of a link to it");
    }
    if (entry.size !== undefined && entry.size > MAX_GIT_OUTPUT) {
        throw new errors/* UserError */.yo(`is ${entry.size} bytes, over the limit of ${MAX_GIT_OUTPUT} bytes`, { file: path });
    }
    const text = await git.run(["cat-file", "blob", entry.sha]);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Every file under `dir` at a revision, as repository-root-relative paths. */
async function listFiles(git, rev, dir) {
    assertRef(rev);
    const args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", rev];
    // An empty dir means the whole tree; "--" keeps a folder named "-x" a path.
    const out = await git.run(dir === "" || dir === "." ? args : [...args, "--", dir]);
    return out.split("\0").filter(Boolean);
}
/** Every entry under `dir` at a revision with its git mode (100644 file, 120000 link, 160000 submodule). */
async function listEntries(git, rev, dir) {
    assertRef(rev);
    const args = ["ls-tree", "-r", "-z", "--full-tree", rev];
    const out = await git.run(dir === "" || dir === "." ? args : [...args, "--", dir]);
    const entries = [];
    for (const record of out.split("\0")) {
        const m = /^(\d+) \w+ [0-9a-f]+\t(.*)$/s.exec(record);
        if (m?.[1] && m[2] !== undefined)
            entries.push({ mode: m[1], path: m[2] });
    }
    return entries;
}


/***/ })

};
