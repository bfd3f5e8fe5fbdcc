export const id = 10;
export const ids = [10];
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

/***/ 3010:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PROMOTE_HELP: () => (/* binding */ PROMOTE_HELP),
/* harmony export */   promoteCommand: () => (/* binding */ promoteCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8908);
/* harmony import */ var _pin_version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(894);
/* harmony import */ var _provider_flags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8387);





const PROMOTE_HELP = `Usage: agentops promote <prompt> <version> --env <env> [options]

Makes <version> of <prompt> the active one in <env>: edits environments.<env>.<prompt>
in the project config in place (comments, key order and formatting are kept)
and prints the change as a diff.

Options:
  --env NAME           the environment to change (must exist in the config)
  --project DIR        the project folder (default: the current folder, searched upwards)
  --dry-run            print the diff, change nothing
  -h, --help           show this help

Exit codes: 0 done (or nothing to do), 2 unknown prompt, version or environment, or bad usage.
`;
async function promoteCommand(argv, io) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            env: { type: "string" },
            project: { type: "string" },
            "dry-run": { type: "boolean" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(PROMOTE_HELP);
        return _io_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .d.ok;
    }
    const [prompt, versionText, ...extra] = positionals;
    if (!prompt || !versionText || extra.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("promote takes a prompt and a version", {}, "e.g. agentops promote summarize 3 --env production");
    if (!values.env)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("promote needs --env", {}, "e.g. --env production");
    const version = (0,_provider_flags_js__WEBPACK_IMPORTED_MODULE_4__/* .positiveInt */ .NJ)(versionText.replace(/^v/, ""), "<version>") ?? 0;
    const project = await (0,_pin_version_js__WEBPACK_IMPORTED_MODULE_3__/* .editableProject */ .IA)(io, values.project);
    const versions = await (0,_pin_version_js__WEBPACK_IMPORTED_MODULE_3__/* .promptVersions */ .g)(project, prompt);
    (0,_pin_version_js__WEBPACK_IMPORTED_MODULE_3__/* .requireVersion */ .eU)(versions, prompt, version);
    const { text, current } = await (0,_pin_version_js__WEBPACK_IMPORTED_MODULE_3__/* .currentPin */ .Bm)(project, values.env, prompt);
    return (0,_pin_version_js__WEBPACK_IMPORTED_MODULE_3__/* .pinVersion */ .A1)(io, project, { environment: values.env, prompt, version, text, current }, { dryRun: values["dry-run"] === true, verb: "promote" });
}


/***/ })

};
