export const id = 677;
export const ids = [677];
export const modules = {

/***/ 5677:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPARE_HELP: () => (/* binding */ COMPARE_HELP),
  compareCommand: () => (/* binding */ compareCommand),
  exitCodeFor: () => (/* binding */ exitCodeFor)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/compare/compare.js + 6 modules
var compare = __webpack_require__(4369);
// EXTERNAL MODULE: ./lib/config/project.js
var config_project = __webpack_require__(4663);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/plan/git.js + 1 modules
var plan_git = __webpack_require__(3878);
// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/engine/providers/replay.js
var replay = __webpack_require__(9556);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(1091);
;// CONCATENATED MODULE: ./lib/plan/affected.js

/** Same naming rule as src/config/project.ts: v<N>.yaml or v<N>.yml directly in the prompt folder. */
const VERSION_FILE = /^v(\d+)\.ya?ml$/;
const DEFAULT_EVAL_SET = "eval_set.jsonl";
/** "prompts/" \u2192 "prompts", "./prompts" \u2192 "prompts", "." \u2192 "". */
function normalizeDir(dir) {
    const d = dir.replace(/\/+$/, "").replace(/^(?:\.\/)+/, "");
    return d === "." ? "" : d;
}
/** The prompt folder a path lies in, and the path inside it; undefined outside `<promptsDir>/<name>/`. */
function promptOf(path, promptsDir) {
    const dir = normalizeDir(promptsDir);
    const prefix = dir === "" ? "" : `${dir}/`;
    if (!path.startsWith(prefix))
        return undefined;
    const [name, ...rest] = path.slice(prefix.length).split("/");
    // Files directly in the prompts folder (its config.yaml, a README) belong to no prompt.
    if (!name || rest.length === 0)
        return undefined;
    return { name, file: rest.join("/") };
}
/** The version a config pins for `name` in `environment`, if any. */
function activeIn(config, environment, name) {
    const v = config?.environments?.[environment]?.[name];
    return v === undefined ? undefined : (0,schema/* parseVersionRef */.PL)(v);
}
const VERB = {
    added: "added",
    modified: "edited",
    deleted: "deleted",
    renamed: "renamed",
    copied: "copied",
    type_changed: "changed type",
};
/** "v3.yaml added", "eval set changed", "rubric.md edited". */
function describeFile(file, status) {
    if (file === DEFAULT_EVAL_SET) {
        return `eval set ${status === "added" || status === "deleted" ? status : "changed"}`;
    }
    return `${file} ${VERB[status]}`;
}
/** The old and new side of a change, each with the status it has for its own folder. */
function sides(change) {
    const out = [
        { path: change.path, status: change.status, role: "new" },
    ];
    // A rename empties its old place; a copy leaves the original untouched.
    if (change.status === "renamed" && change.previousPath !== undefined) {
        out.push({ path: change.previousPath, status: "deleted", role: "old" });
    }
    return out;
}
function reasonFor(change, side, hit, promptsDir) {
    if (side.role === "old") {
        // Within one folder the new side already tells the story ("v3.yaml renamed from v2.yaml").
        return promptOf(change.path, promptsDir)?.name === hit.name
            ? undefined
            : `${hit.file} moved to ${change.path}`;
    }
    const prev = change.previousPath !== undefined ? promptOf(change.previousPath, promptsDir) : undefined;
    const sameFolder = prev !== undefined && prev.name === hit.name;
    if ((change.status === "renamed" || change.status === "copied") && change.previousPath !== undefined) {
        const from = sameFolder ? prev.file : change.previousPath;
        return `${hit.file} ${VERB[change.status]} from ${from}`;
    }
    return describeFile(hit.file, side.status);
}
/** "v2", or "newest" when the config pins nothing (the newest version is then active). */
function versionLabel(v) {
    return v === undefined ? "newest" : `v${v}`;
}
/**
 * Which prompts a change affects, and why. A file under `<promptsDir>/<name>/`
 * affects prompt <name> (a rename affects both folders); the config affects a prompt
 * only where it changes the version active in the gate environment, so a comment
 * or a budget edit re-evaluates nothing. Everything else is ignored.
 */
function affectedPrompts(changed, layout, configs, environment) {
    const promptsDir = normalizeDir(layout.promptsDir);
    const configPaths = new Set([layout.configPath, ...(layout.configPaths ?? [])].filter((p) => p !== undefined));
    const byName = new Map();
    const ignored = [];
    const entry = (name) => {
        let e = byName.get(name);
        if (!e) {
            e = { name, reasons: [], touchedVersions: [], changes: [] };
            byName.set(name, e);
        }
        return e;
    };
    const addReason = (e, reason) => {
        if (!e.reasons.includes(reason))
            e.reasons.push(reason);
    };
    let configChanged = false;
    for (const change of changed) {
        let used = false;
        if (configPaths.has(change.path) ||
            (change.previousPath !== undefined && configPaths.has(change.previousPath))) {
            configChanged = true;
            // Whether it matters is decided below, once, from the two parsed configs.
            continue;
        }
        for (const side of sides(change)) {
            const hit = promptOf(side.path, promptsDir);
            if (!hit)
                continue;
            used = true;
            const e = entry(hit.name);
            if (!e.changes.includes(change))
                e.changes.push(change);
            const reason = reasonFor(change, side, hit, promptsDir);
            if (reason)
                addReason(e, reason);
            const m = VERSION_FILE.exec(hit.file);
            if (m?.[1] && side.status !== "deleted")
                e.touchedVersions.push(Number(m[1]));
        }
        if (!used)
            ignored.push(change);
    }
    if (configChanged) {
        const configChanges = changed.filter((c) => configPaths.has(c.path) || (c.previousPath !== undefined && configPaths.has(c.previousPath)));
        const where = layout.configPath ?? configChanges[0]?.path ?? "the config";
        const names = new Set([
            ...Object.keys(configs.base?.environments?.[environment] ?? {}),
            ...Object.keys(configs.head?.environments?.[environment] ?? {}),
        ]);
        let switched = false;
        for (const name of [...names].sort()) {
            const from = activeIn(configs.base, environment, name);
            const to = activeIn(configs.head, environment, name);
            if (from === to)
                continue;
            switched = true;
            const e = entry(name);
            e.activeChanged = { from, to };
            for (const c of configChanges)
                if (!e.changes.includes(c))
                    e.changes.push(c);
            addReason(e, `${environment} version changed in ${where} (${versionLabel(from)} \u2192 ${versionLabel(to)})`);
        }
        if (!switched)
            ignored.push(...configChanges);
    }
    for (const e of byName.values())
        e.reasons.sort((x, y) => reasonRank(x) - reasonRank(y));
    return { prompts: [...byName.values()].sort((a, b) => compareNames(a.name, b.name)), ignored };
}
/**
 * Prompts affected through a file they point at outside their own folder
 * (`eval_set: ../shared/tickets.jsonl`, `rubric_file: ../shared/tone.md`).
 * Without this, editing a shared eval set would slip past the gate unevaluated.
 */
function affectedByReferences(changes, references) {
    const byName = new Map();
    const ignored = [];
    for (const change of changes) {
        const paths = [change.path, ...(change.previousPath !== undefined ? [change.previousPath] : [])];
        let used = false;
        for (const ref of references) {
            const reasons = [];
            if (ref.evalSet !== undefined && paths.includes(ref.evalSet))
                reasons.push(`eval set ${ref.evalSet} changed`);
            for (const r of ref.rubrics)
                if (paths.includes(r))
                    reasons.push(`rubric ${r} changed`);
            if (reasons.length === 0)
                continue;
            used = true;
            let e = byName.get(ref.name);
            if (!e) {
                e = { name: ref.name, reasons: [], touchedVersions: [], changes: [] };
                byName.set(ref.name, e);
            }
            for (const r of reasons)
                if (!e.reasons.includes(r))
                    e.reasons.push(r);
            if (!e.changes.includes(change))
                e.changes.push(change);
        }
        if (!used)
            ignored.push(change);
    }
    return { prompts: [...byName.values()], ignored };
}
/** Joins two lists of affected prompts, merging reasons of a prompt in both. */
function mergeAffected(a, b) {
    const byName = new Map(a.map((p) => [p.name, { ...p }]));
    for (const p of b) {
        const have = byName.get(p.name);
        if (!have) {
            byName.set(p.name, { ...p });
            continue;
        }
        byName.set(p.name, {
            ...have,
            reasons: [...have.reasons, ...p.reasons.filter((r) => !have.reasons.includes(r))],
            touchedVersions: [...have.touchedVersions, ...p.touchedVersions],
            changes: [...have.changes, ...p.changes.filter((c) => !have.changes.includes(c))],
            ...((have.activeChanged ?? p.activeChanged)
                ? { activeChanged: have.activeChanged ?? p.activeChanged }
                : {}),
        });
    }
    return [...byName.values()].sort((x, y) => compareNames(x.name, y.name));
}
/** Locale-independent order, so a report lists prompts the same way on every runner. */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Version files first, then the config switch, the eval set and anything else: the order a reviewer reads. */
function reasonRank(reason) {
    if (/^v\d+\.ya?ml /.test(reason))
        return 0;
    if (reason.includes(" version changed in "))
        return 1;
    if (reason.startsWith("eval set"))
        return 2;
    return 3;
}

;// CONCATENATED MODULE: ./lib/plan/config-at.js





/** Config files at revisions: the one in use, and the other places a config could be. */
/** The loader's config candidates (src/config/project.ts) as "/"-separated repository paths. */
const REPO_CONFIG_NAMES = config_project/* CONFIG_CANDIDATES */.y9.map((c) => c.replace(/\\/g, "/"));
/**
 * Where the project config may live: the one in use first, then the same
 * candidates the loader tries on disk, from the project root. The others are
 * watched: a change that adds, moves or edits one is a gate change.
 */
function configCandidates(promptsDir, configPath) {
    let root;
    if (configPath !== undefined) {
        // prompts/config.yaml sits inside the prompts folder; agentops.yaml beside it (as in openProject).
        const parent = external_node_path_.posix.dirname(configPath);
        root = external_node_path_.posix.basename(configPath) === "config.yaml" ? external_node_path_.posix.dirname(parent) : parent;
    }
    else {
        const dir = normalizeDir(promptsDir);
        root = dir === "" ? "." : external_node_path_.posix.dirname(dir);
    }
    const candidates = REPO_CONFIG_NAMES.map((c) => normalizeDir(external_node_path_.posix.join(root, c)));
    return [...new Set([...(configPath !== undefined ? [configPath] : []), ...candidates])];
}
async function configAt(git, rev, path, label) {
    const text = await (0,plan_git/* showFile */.II)(git, rev, path);
    return text === undefined ? undefined : { path, text, config: (0,load/* parseProjectConfig */.Bf)(text, label).config };
}
/** Config candidates other than the one in use, at both revisions, for reporting what the change did to them. */
async function otherConfigs(git, revs, candidates, inUse) {
    const out = new Map();
    for (const path of candidates) {
        if (path === inUse)
            continue;
        const [base, head] = await Promise.all([(0,plan_git/* showFile */.II)(git, revs.base, path), (0,plan_git/* showFile */.II)(git, revs.head, path)]);
        out.set(path, { base, head });
    }
    return out;
}

// EXTERNAL MODULE: ./lib/plan/paths.js
var paths = __webpack_require__(2663);
;// CONCATENATED MODULE: ./lib/plan/project-at.js







const up = (dir) => (dir === "" ? "" : external_node_path_.posix.dirname(dir) === "." ? "" : external_node_path_.posix.dirname(dir));
const join = (...parts) => external_node_path_.posix.join(...parts.filter((p) => p !== "")) || "";
/** Every place a config could sit for a project searched from `start`, as on disk: nearest folder first. */
function configSearchPaths(start) {
    const out = [];
    for (let dir = start;; dir = up(dir)) {
        for (const c of REPO_CONFIG_NAMES)
            out.push(join(dir, c));
        if (external_node_path_.posix.basename(dir) === "prompts")
            out.push(join(dir, "config.yaml"));
        if (dir === "")
            break;
    }
    return [...new Set(out)];
}
/**
 * The project as the given revision lays it out: the first config found walking
 * up from `start` (the working directory, relative to the repository root), its
 * root and prompts folder. The gate reads it at the base revision, so a change
 * cannot add, move or rewrite the file that says how it is judged.
 */
async function projectAt(git, rev, start) {
    let config;
    for (const path of configSearchPaths(start)) {
        const text = await (0,plan_git/* showFile */.II)(git, rev, path);
        if (text === undefined)
            continue;
        config = { path, text, config: (0,load/* parseProjectConfig */.Bf)(text, `${path} (at ${rev.slice(0, 12)})`).config };
        break;
    }
    if (!config)
        return { root: start, config: undefined, promptsDir: join(start, "prompts") };
    const configDir = up(config.path);
    const inPrompts = external_node_path_.posix.basename(config.path) === "config.yaml";
    const root = inPrompts ? up(configDir) : configDir;
    let promptsDir = inPrompts ? configDir : join(root, "prompts");
    const field = config.config.prompts_dir;
    if (field !== undefined) {
        const p = (0,paths/* repoPath */.q)(config.path, field);
        if (p === undefined || !isWithin(root, p))
            throw outside(config.path, "prompts_dir", field);
        promptsDir = p;
    }
    return { root, config, promptsDir };
}
function isWithin(root, path) {
    return root === "" || path === root || path.startsWith(`${root}/`);
}
function outside(file, field, value) {
    return new errors/* UserError */.yo(`${field} "${value}" points outside the repository`, { file, field }, "use a path relative to the config file, inside the repository");
}
/** The config's recordings folder, as a repository path; an error names the field when it climbs out. */
function recordingsDir(project) {
    const configured = project.config?.config.provider?.recordings;
    if (configured === undefined || !project.config)
        return join(project.root, "recordings");
    const p = repoPath(project.config.path, configured);
    if (p === undefined)
        throw outside(project.config.path, "provider.recordings", configured);
    return p;
}
/**
 * Replay recordings as the revision holds them, read through git: recordings a
 * change commits cannot answer for it.
 */
async function recordingsAt(git, rev, dir) {
    const files = (await listFiles(git, rev, dir)).filter((f) => f.endsWith(".jsonl")).sort();
    if (files.length === 0) {
        throw new UserError(`no recordings (*.jsonl) under ${dir || "the repository root"} at the base revision`, { field: "provider.recordings" }, "commit the recordings on the default branch first, or use provider type openai");
    }
    const all = [];
    for (const file of files) {
        const text = await showFile(git, rev, file);
        if (text !== undefined)
            all.push(...parseRecordings(text, `${file} (base)`));
    }
    return all;
}
/**
 * A comparison with nothing to compare is a wrong setup, not a pass: with no
 * config at the base and no prompts folder at either revision, say where we looked.
 */
async function requirePrompts(git, revs, project) {
    if (project.config)
        return;
    for (const rev of revs)
        if ((await (0,plan_git/* listFiles */.CS)(git, rev, project.promptsDir)).length > 0)
            return;
    throw new errors/* UserError */.yo(`no agentops project here: no config (${configSearchPaths(project.root).join(", ")}) and no ${project.promptsDir || "prompts"}/ folder at either revision`, {}, "run agentops compare inside the repository that holds the prompts, or add prompts/config.yaml");
}

// EXTERNAL MODULE: ./lib/config/versions.js
var versions = __webpack_require__(645);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/engine/evaluate.js + 17 modules
var evaluate = __webpack_require__(4029);
// EXTERNAL MODULE: ./lib/plan/trust.js
var trust = __webpack_require__(4737);
;// CONCATENATED MODULE: ./lib/plan/judged-by.js








/** The eval set a prompt file names, as a repository path; an error names the field when it climbs out. */
function evalSetPath(file, field, dir) {
    if (field === undefined)
        return external_node_path_.posix.join(dir, DEFAULT_EVAL_SET);
    const path = (0,paths/* repoPath */.q)(file, field);
    if (path === undefined) {
        throw new errors/* UserError */.yo(`eval_set "${field}" points outside the repository`, { file, field: "eval_set" }, "use a path relative to the prompt file, inside the repository");
    }
    return path;
}
/** A prompt file parsed, with its rubric files read at the same revision (inside the repository only). */
async function loadAt(git, rev, version, label) {
    const loaded = (0,load/* parsePromptFile */.sl)(version.text, label);
    return (0,evaluate/* resolveRubrics */.$6)(loaded, async (rel) => {
        const path = (0,paths/* repoPath */.q)(version.path, rel);
        if (path === undefined) {
            throw new errors/* UserError */.yo(`rubric_file "${rel}" points outside the repository`, { file: label, field: "rubric_file" }, "use a path relative to the prompt file, inside the repository");
        }
        return (0,plan_git/* showFile */.II)(git, rev, path);
    });
}
async function evalSetAt(git, rev, prompt, version, dir) {
    const path = evalSetPath(version.path, prompt.data.eval_set, dir);
    const text = await (0,plan_git/* showFile */.II)(git, rev, path);
    return text === undefined ? null : { path, text };
}
/**
 * The base's criteria and examples judge the challenger, plus what the change
 * adds; everything else the change did to them is a gate change. A new prompt
 * (no champion) is judged by its own criteria and examples.
 */
async function judgedBy(git, revs, name, champion, challenger, dir) {
    const head = await loadAt(git, revs.head, challenger, challenger.path);
    let base;
    if (champion) {
        try {
            base = await loadAt(git, revs.base, champion, `${champion.path} (base)`);
        }
        catch (e) {
            // A base version that no longer parses is not this change's doing; the run reports it.
            if (!(0,errors/* isUserError */.iU)(e))
                throw e;
        }
    }
    const criteria = base
        ? (0,trust/* trustedCriteria */.te)(name, base.data.eval_criteria, head.data.eval_criteria, {
            base: champion?.path ?? challenger.path,
            head: challenger.path,
        })
        : { judged: head.data.eval_criteria, informational: [], changes: [] };
    const headSet = await evalSetAt(git, revs.head, head, challenger, dir);
    const baseSet = base && champion ? await evalSetAt(git, revs.base, base, champion, dir) : null;
    const judged = {
        criteria: criteria.judged,
        informational: criteria.informational,
        addedExamples: [],
        gateChanges: criteria.changes,
    };
    if (!headSet) {
        if (!baseSet)
            return { ...judged, evalSet: null };
        return {
            ...judged,
            evalSet: baseSet,
            gateChanges: [
                ...criteria.changes,
                {
                    kind: "eval_set",
                    prompt: name,
                    path: baseSet.path,
                    summary: `eval set ${baseSet.path} deleted; the base's examples were still evaluated`,
                },
            ],
        };
    }
    const baseParsed = baseSet
        ? { raw: baseSet, parsed: (0,load/* parseEvalSet */.ge)(baseSet.text, `${baseSet.path} (base)`) }
        : null;
    // A new prompt has no base examples to fall back on: its own set is its whole population.
    const overCap = baseParsed ? (0,trust/* tooManyAdded */.gX)(name, baseParsed.parsed.examples.length, headSet) : undefined;
    if (overCap) {
        return {
            ...judged,
            evalSet: baseSet,
            gateChanges: [...criteria.changes, overCap],
        };
    }
    const set = (0,trust/* trustedEvalSet */.eV)(name, baseParsed, {
        raw: headSet,
        parsed: (0,load/* parseEvalSet */.ge)(headSet.text, headSet.path),
    });
    return {
        ...judged,
        evalSet: { path: set.path, text: set.text },
        addedExamples: set.added,
        gateChanges: [...criteria.changes, ...set.changes],
    };
}

;// CONCATENATED MODULE: ./lib/plan/plan.js













/** What judges a prompt that has no challenger to judge (the change removed it). */
const NOTHING_JUDGED = {
    evalSet: null,
    criteria: [],
    informational: [],
    addedExamples: [],
    gateChanges: [],
};
/**
 * prompt name \u2192 version \u2192 repository path of its version file, from a recursive tree listing with
 * modes, through the one resolver the CLI uses too (src/config/versions.ts): an ambiguous layout
 * (v2.yaml beside v2.yml, v02.yaml, a linked prompt folder, a case twin) is an error naming the path.
 */
function versionsByPrompt(entries, promptsDir) {
    const dir = normalizeDir(promptsDir);
    const prefix = dir === "" ? "" : `${dir}/`;
    const rel = [];
    for (const e of entries) {
        if (!e.path.startsWith(prefix))
            continue;
        const kind = e.mode === "120000" ? "symlink" : e.mode === "160000" ? "other" : "file";
        rel.push({ rel: e.path.slice(prefix.length), kind });
    }
    return (0,versions/* resolvePromptVersions */.M)(rel, (r) => `${prefix}${r}`);
}
function newest(versions) {
    return versions.size ? Math.max(...versions.keys()) : undefined;
}
/**
 * New prompt name \u2192 old one, for prompt folders the change renamed (git pairs their
 * files as renames): the new name had no versions at the base, the old one has none
 * at the head.
 */
function renamedPrompts(changed, promptsDir, baseVersions, headVersions) {
    const renamed = new Map();
    for (const c of changed) {
        if (c.status !== "renamed" || c.previousPath === undefined)
            continue;
        const to = promptOf(c.path, promptsDir)?.name;
        const from = promptOf(c.previousPath, promptsDir)?.name;
        if (!to || !from || to === from || baseVersions.has(to) || headVersions.has(from))
            continue;
        if (baseVersions.has(from))
            renamed.set(to, from);
    }
    return renamed;
}
/**
 * The version active at the head: the configured one, else the newest. A pin to a
 * missing file is the change's own mistake, so it stops the plan with a fix-it message.
 */
function activeAtHead(config, env, name, versions) {
    const configured = activeIn(config?.config, env, name);
    if (configured === undefined || versions.has(configured))
        return configured ?? newest(versions);
    throw new errors/* UserError */.yo(`environment "${env}" pins ${name} to v${configured}, but there is no v${configured}.yaml`, { ...(config ? { file: config.path } : {}), field: `environments.${env}.${name}` }, `add v${configured}.yaml or pin one of: ${[...versions.keys()].map((v) => `v${v}`).join(", ")}`);
}
/**
 * The version active at the base. A broken pin there is not this change's fault;
 * the newest version is the best guess at what runs, as when nothing is pinned.
 */
function activeAtBase(config, env, name, versions) {
    const configured = activeIn(config?.config, env, name);
    return configured !== undefined && versions.has(configured) ? configured : newest(versions);
}
/**
 * The challenger: the version the head makes active when the config switched it;
 * else the highest version file the change added or edited; else (only the eval set
 * or a rubric changed) the head's active version.
 */
function pickChallenger(affected, headActive, headVersions) {
    if (affected.activeChanged)
        return headActive;
    const touched = affected.touchedVersions.filter((v) => headVersions.has(v));
    return touched.length ? Math.max(...touched) : headActive;
}
async function readVersion(git, rev, versions, version) {
    const path = version === undefined ? undefined : versions.get(version);
    if (version === undefined || path === undefined)
        return null;
    const text = await (0,plan_git/* showFile */.II)(git, rev, path);
    return text === undefined
        ? null
        : { version, path, text, sha256: (0,external_node_crypto_.createHash)("sha256").update(text, "utf8").digest("hex") };
}
/** The files each prompt's head-active version reads (eval set, rubric files), for shared-file changes. */
async function referencesAtHead(git, headSha, headVersions, config, env, promptsDir) {
    const refs = [];
    // Sequential on purpose: a few ms per prompt, and no burst of git processes on a big repository.
    for (const [name, versions] of headVersions) {
        try {
            const version = await readVersion(git, headSha, versions, activeAtHead(config, env, name, versions));
            if (!version)
                continue;
            const data = (0,load/* parsePromptFile */.sl)(version.text, version.path).data;
            const rubrics = data.eval_criteria.flatMap((c) => c.type === "llm_judge" && c.rubric_file !== undefined ? [(0,paths/* repoPath */.q)(version.path, c.rubric_file)] : []);
            refs.push({
                name,
                evalSet: evalSetPath(version.path, data.eval_set, external_node_path_.posix.join(promptsDir, name)),
                rubrics: rubrics.filter((r) => r !== undefined),
            });
        }
        catch (e) {
            // A prompt this change did not touch must not fail the plan; its own run reports the problem.
            if (!(0,errors/* isUserError */.iU)(e))
                throw e;
        }
    }
    return refs;
}
/**
 * Coverage of the pins: every pin at the head resolves to a version file that exists there (else an
 * error: production would fail to load it, or load something the gate never saw), and every prompt
 * the base pins is still pinned at the head; un-pinning one changes what production runs without
 * evaluating it, so it is a gate change. A pin of the base whose prompt the change deleted stays a
 * head pin and fails the first check.
 */
function checkCoverage(baseConfig, headConfig, env, headVersions, promptsDir) {
    const headPins = headConfig?.config.environments?.[env] ?? {};
    for (const [name, pin] of Object.entries(headPins)) {
        const versions = headVersions.get(name);
        if (!versions || versions.size === 0) {
            const dir = external_node_path_.posix.join(promptsDir, name);
            throw new errors/* UserError */.yo(`environment "${env}" pins ${name} to v${String((0,schema/* parseVersionRef */.PL)(pin))}, but there is no ${dir}/ folder with version files at the head`, { ...(headConfig ? { file: headConfig.path } : {}), field: `environments.${env}.${name}` }, `restore ${dir}/ (deleted, renamed or replaced by a link?), or remove the pin (check the name for typos)`);
        }
        activeAtHead(headConfig, env, name, versions);
    }
    if (!baseConfig || !headConfig)
        return []; // a config the change deletes or moves is a gate change already
    const changes = [];
    for (const name of Object.keys(baseConfig.config.environments?.[env] ?? {})) {
        if (name in headPins)
            continue;
        changes.push({
            kind: "config",
            prompt: name,
            path: headConfig.path,
            summary: `${headConfig.path}: environments.${env}.${name} un-pinned; what ${env} runs for ${name} was not evaluated against its pinned baseline`,
        });
    }
    return changes;
}
/**
 * What the change from base to head affects, with champion and challenger for each
 * prompt. Everything is read from git objects, never the working tree, so the
 * baseline is what the base branch holds. Pure data; no evaluation happens here.
 */
async function planComparison(input) {
    const { git } = input;
    const remote = input.remote ?? "origin";
    const promptsDir = normalizeDir(input.promptsDir);
    const baseSha = await (0,plan_git/* resolveOrFetch */.wc)(git, input.base, remote);
    const headSha = await (0,plan_git/* resolveOrFetch */.wc)(git, input.head, remote);
    const mergeBaseSha = await (0,plan_git/* mergeBase */.wu)(git, baseSha, headSha, {
        remote,
        ...(input.fetchDeepen ? { fetchDeepen: input.fetchDeepen } : {}),
    });
    const changed = input.changed ?? (await (0,plan_git/* diffFiles */.pm)(git, mergeBaseSha, headSha));
    // The base's layout locates the config; the head's copy of that same file gives the pins.
    const configPath = input.configPath;
    const [baseConfig, headConfig] = configPath
        ? await Promise.all([
            configAt(git, baseSha, configPath, `${configPath} (at base ${baseSha.slice(0, 12)})`),
            configAt(git, headSha, configPath, configPath),
        ])
        : [undefined, undefined];
    const configChanges = (0,trust/* configGateChanges */.H7)(baseConfig, headConfig, await otherConfigs(git, { base: baseSha, head: headSha }, configCandidates(promptsDir, configPath), configPath));
    // The base decides which environment is the baseline: a change must not pick its own yardstick.
    const env = input.environment ?? baseConfig?.config.gate_environment ?? config_project/* DEFAULT_ENVIRONMENT */.Uz;
    const [baseFiles, headFiles] = await Promise.all([
        (0,plan_git/* listEntries */.fi)(git, baseSha, promptsDir),
        (0,plan_git/* listEntries */.fi)(git, headSha, promptsDir),
    ]);
    const baseVersions = versionsByPrompt(baseFiles, promptsDir);
    const headVersions = versionsByPrompt(headFiles, promptsDir);
    const coverage = checkCoverage(baseConfig, headConfig, env, headVersions, promptsDir);
    const direct = affectedPrompts(changed, { promptsDir, configPath }, { base: baseConfig?.config, head: headConfig?.config }, env);
    // A folder under prompts/ with no version file on either side (prompts/shared/) is not a prompt.
    const isPrompt = (a) => a.activeChanged !== undefined || baseVersions.has(a.name) || headVersions.has(a.name);
    const unattributed = [...direct.ignored];
    for (const a of direct.prompts.filter((p) => !isPrompt(p))) {
        for (const c of a.changes)
            if (!unattributed.includes(c))
                unattributed.push(c);
    }
    let affected = direct.prompts.filter(isPrompt);
    let ignored = unattributed;
    if (unattributed.length > 0) {
        const refs = affectedByReferences(unattributed, await referencesAtHead(git, headSha, headVersions, headConfig, env, promptsDir));
        affected = mergeAffected(affected, refs.prompts);
        ignored = refs.ignored;
    }
    const renamed = renamedPrompts(changed, promptsDir, baseVersions, headVersions);
    const renamedAway = new Set(renamed.values());
    const prompts = [];
    for (const a of affected) {
        const dir = external_node_path_.posix.join(promptsDir, a.name);
        const atHead = headVersions.get(a.name) ?? new Map();
        if (atHead.size === 0 && renamedAway.has(a.name))
            continue; // reported under its new name
        // A renamed folder keeps its baseline: a rename must not be a way around the comparison.
        const baseName = renamed.get(a.name) ?? a.name;
        const reasons = baseName === a.name
            ? a.reasons
            : [`prompt folder renamed from ${external_node_path_.posix.join(promptsDir, baseName)}`, ...a.reasons];
        const atBase = baseVersions.get(baseName) ?? new Map();
        if (atHead.size === 0 && a.activeChanged?.to !== undefined) {
            throw new errors/* UserError */.yo(`environment "${env}" pins ${a.name} to v${a.activeChanged.to}, but there is no ${dir}/ folder with version files`, { ...(headConfig ? { file: headConfig.path } : {}), field: `environments.${env}.${a.name}` }, `add ${dir}/v${a.activeChanged.to}.yaml, or remove the pin (check the prompt's name for typos)`);
        }
        if (atHead.size === 0 && atBase.size === 0)
            continue; // a pin removed for a prompt that never existed
        const champion = await readVersion(git, baseSha, atBase, activeAtBase(baseConfig, env, baseName, atBase));
        if (atHead.size === 0) {
            prompts.push({
                name: a.name,
                reasons: ["prompt removed", ...a.reasons],
                champion,
                challenger: null,
                ...NOTHING_JUDGED,
            });
            continue;
        }
        const headActive = activeAtHead(headConfig, env, a.name, atHead);
        // What production will load after the merge must be what is evaluated: when the head's active file
        // differs from the base's (a pinned v1 edited in place), it is the challenger, whatever else was added.
        const active = await readVersion(git, headSha, atHead, headActive);
        const challenger = active && (active.path !== champion?.path || active.sha256 !== champion.sha256)
            ? active
            : await readVersion(git, headSha, atHead, pickChallenger(a, headActive, atHead));
        if (!challenger) {
            prompts.push({ name: a.name, reasons, champion, challenger, ...NOTHING_JUDGED });
            continue;
        }
        prompts.push({
            name: a.name,
            reasons,
            champion,
            challenger,
            ...(await judgedBy(git, { base: baseSha, head: headSha }, a.name, champion, challenger, dir)),
        });
    }
    const gateChanges = [...configChanges, ...coverage, ...prompts.flatMap((p) => p.gateChanges)];
    return {
        baseSha,
        headSha,
        mergeBaseSha,
        environment: env,
        changed,
        prompts,
        ignored: ignored.map((c) => c.path),
        gateChanges,
        trustedConfig: baseConfig?.config ?? {},
    };
}

// EXTERNAL MODULE: ./lib/pipeline/compare-run.js + 2 modules
var compare_run = __webpack_require__(2830);
// EXTERNAL MODULE: ./lib/scale/shard.js
var scale_shard = __webpack_require__(9818);
// EXTERNAL MODULE: ./lib/engine/deadline.js
var deadline = __webpack_require__(8768);
// EXTERNAL MODULE: ./lib/engine/sample.js
var sample = __webpack_require__(3358);
// EXTERNAL MODULE: ./lib/pipeline/sampling-rounds.js
var sampling_rounds = __webpack_require__(7455);
// EXTERNAL MODULE: ./lib/pipeline/unchanged.js
var unchanged = __webpack_require__(7359);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
// EXTERNAL MODULE: ./lib/scale/plan-identity.js
var plan_identity = __webpack_require__(570);
;// CONCATENATED MODULE: ./lib/scale/shard-run.js
/**
 * One shard of a compare: its share of every planned prompt's examples, both
 * sides, the first pass and then every further sampling round up to
 * max_sampling_rounds (a fixed design). A shard decides nothing: which rounds
 * count is for the merge, which replays the sequential gate over every shard's
 * answers (docs/statistics.md, "Sharded runs").
 */










const planId = (identity) => (0,external_node_crypto_.createHash)("sha256").update(JSON.stringify(identity)).digest("hex");
const CHAMPION_REASON = "active on the base branch";
/** Every round after the first, on the examples whose answers vary, as the unsharded gate would ask them. */
async function fixedRounds(prep, share, first, opts) {
    const rounds = [];
    const champion = prep.champion;
    let a = first.champion;
    let b = first.challenger;
    // As in the gate: no champion, answers known deterministic, or a first pass cut short take no rounds.
    if (!champion || !a || a.stopped || b.stopped)
        return rounds;
    if (champion.data.temperature === 0 && prep.challenger.data.temperature === 0)
        return rounds;
    for (let round = 2; round <= opts.gate.maxSamplingRounds; round++) {
        if (opts.signal?.aborted)
            break;
        const items = (0,sampling_rounds/* nextItems */.Il)(a, b);
        if (items.length === 0)
            break;
        const reason = prep.reasons.join("; ");
        const ra = await (0,compare_run/* runSide */.DD)((0,compare_run/* sideLabel */.Wk)(prep, "champion", round), champion, share, CHAMPION_REASON, opts, items);
        const rb = await (0,compare_run/* runSide */.DD)((0,compare_run/* sideLabel */.Wk)(prep, "challenger", round), prep.challenger, share, reason, opts, items, prep.toolSchemas);
        rounds.push({ round, champion: ra, challenger: rb });
        a = (0,sampling_rounds/* withRound */.Vz)(a, ra, champion.data.eval_criteria, share);
        b = (0,sampling_rounds/* withRound */.Vz)(b, rb, prep.criteria, share);
        if (ra.stopped || rb.stopped)
            break;
    }
    return rounds;
}
/** Runs this shard's share of the plan; the merge (src/scale/merge.ts) turns the shards into one verdict. */
async function runShard(plan, labels, opts, shard) {
    const now = opts.now ?? Date.now;
    const startedAt = new Date(now());
    const identity = (0,plan_identity/* planIdentity */.gt)(plan, {
        gate: opts.gate,
        provider: opts.run.provider.id,
        maxExamples: opts.run.maxExamples,
        shards: shard.count,
    });
    const notEvaluated = [];
    const prepared = [];
    for (const p of plan.prompts) {
        const prep = await (0,compare_run/* preparePrompt */.Yk)(p, opts);
        if (!("challenger" in prep))
            notEvaluated.push(prep);
        else if ((0,compare_run/* nothingToTest */.PC)(p, prep))
            notEvaluated.push({ prompt: p.name, reason: unchanged/* UNCHANGED_REQUESTS */.T });
        else
            prepared.push(prep);
    }
    // max_examples cuts each eval set first, as one run would; the cut is then dealt.
    // Drawn as one gate run draws it: seeded by the base commit, the base's examples first.
    const cuts = prepared.map((prep) => (0,sample/* sampleById */.H)(prep.evalSet.examples, opts.run.maxExamples, {
        seed: plan.baseSha,
        first: new Set(prep.evalSet.examples.map((e) => e.id).filter((id) => prep.added?.has(id) !== true)),
    }));
    const share = (0,scale_shard/* shareOf */.tC)(prepared.flatMap((prep, i) => (cuts[i]?.items ?? []).map((e) => ({ prompt: prep.name, id: e.id }))), shard);
    const prompts = [];
    for (const [i, prep] of prepared.entries()) {
        if (opts.signal?.aborted) {
            notEvaluated.push({ prompt: prep.name, reason: `${(0,deadline/* stopReason */.PJ)(opts.signal)} before it started` });
            continue;
        }
        const cut = cuts[i] ?? { items: [] };
        const mine = {
            file: prep.evalSet.file,
            examples: cut.items.filter((e) => (0,scale_shard/* inShare */.BU)(share, { prompt: prep.name, id: e.id })),
        };
        const added = mine.examples.filter((e) => prep.added?.has(e.id) === true).map((e) => e.id);
        try {
            const champion = prep.champion
                ? await (0,compare_run/* runSide */.DD)((0,compare_run/* sideLabel */.Wk)(prep, "champion", 1), prep.champion, mine, CHAMPION_REASON, opts)
                : null;
            const challenger = await (0,compare_run/* runSide */.DD)((0,compare_run/* sideLabel */.Wk)(prep, "challenger", 1), prep.challenger, mine, prep.reasons.join("; "), opts, undefined, prep.toolSchemas);
            const first = { champion, challenger };
            prompts.push({
                name: prep.name,
                reasons: prep.reasons,
                champion: prep.champion,
                challenger: prep.challenger,
                criteria: prep.criteria,
                eval_set: mine,
                ...(added.length > 0 ? { added } : {}),
                ...(cut.sampled ? { sampled: cut.sampled } : {}),
                ...(prep.baselineNote ? { baseline_note: prep.baselineNote } : {}),
                challenger_file: prep.challengerFile,
                ...(prep.challengerSha256 ? { challenger_sha256: prep.challengerSha256 } : {}),
                ...(prep.championFile ? { champion_file: prep.championFile } : {}),
                ...(prep.championSha256 ? { champion_sha256: prep.championSha256 } : {}),
                criterion_lines: prep.criterionLines,
                first_pass: first,
                rounds: await fixedRounds(prep, mine, first, opts),
            });
        }
        catch (e) {
            if ((0,errors/* isUserError */.iU)(e))
                throw e;
            notEvaluated.push({ prompt: prep.name, reason: (0,errors/* errorMessage */.gJ)(e) });
        }
    }
    return {
        schema_version: 1,
        kind: "compare-shard",
        tool: { name: "agentops", version: version/* VERSION */.x },
        shard: { index: shard.index, count: shard.count },
        plan_id: planId(identity),
        plan: identity,
        labels,
        provider: opts.run.provider.id,
        started_at: startedAt.toISOString(),
        finished_at: new Date(now()).toISOString(),
        prompts,
        not_evaluated: notEvaluated,
        ignored: plan.ignored,
        gate_changes: plan.gateChanges,
        ignored_inputs: opts.ignoredInputs ?? [],
    };
}

// EXTERNAL MODULE: ./lib/scale/write-shard.js
var write_shard = __webpack_require__(5648);
// EXTERNAL MODULE: ./lib/secrets.js
var secrets = __webpack_require__(150);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/shard-command.js






/** compare --shard: runs the share, writes its results, decides nothing (agentops merge does). */
async function runShardCommand(plan, labels, opts, shard, out, io) {
    const results = (0,secrets/* scrubDeep */.wE)(await runShard(plan, labels, opts, shard), (0,secrets/* secretsFromEnv */.zr)(io.env));
    const path = (0,external_node_path_.resolve)(io.cwd, out ?? (0,external_node_path_.join)(write_shard/* DEFAULT_SHARD_DIR */.Tp, (0,scale_shard/* shardFileName */.iN)(shard)));
    await (0,write_shard/* writeShardResults */.aL)(path, results);
    const examples = results.prompts.reduce((n, p) => n + p.eval_set.examples.length, 0);
    const shown = (0,external_node_path_.relative)(io.cwd, path) || path;
    io.stdout(`shard ${(0,scale_shard/* shardName */.Az)(shard)}: ${examples} example(s) of ${results.prompts.length} prompt(s); results in ${shown}\n` +
        `merge every shard's results with: agentops merge ${(0,external_node_path_.relative)(io.cwd, (0,external_node_path_.resolve)(path, "..")) || "."}\n`);
    const problems = (0,write_shard/* shardProblems */.Rz)(results);
    for (const p of problems)
        io.stderr(`incomplete: ${p}\n`);
    return problems.length > 0 ? cli_io/* EXIT */.d.inconclusive : cli_io/* EXIT */.d.ok;
}

;// CONCATENATED MODULE: ./lib/run-url.js
/**
 * The workflow run's page, where a report's reader finds the log, the job summary and the
 * uploaded artifacts. Pure and free of @actions/github, so the CLI (run as a workflow step)
 * links its report to the run too.
 */
function runUrlOf(serverUrl, repository, runId) {
    const id = String(runId);
    if (!/^[1-9]\d*$/.test(id) ||
        !/^[\w.-]+\/[\w.-]+$/.test(repository) ||
        !/^https?:\/\/[^\s/]+/.test(serverUrl))
        return undefined;
    return `${serverUrl.replace(/\/+$/, "")}/${repository}/actions/runs/${id}`;
}
/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when all three are set. */
function runUrlFromEnv(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
    return server && repo && id ? runUrlOf(server, repo, id) : undefined;
}

// EXTERNAL MODULE: ./lib/report/compare-report.js + 5 modules
var compare_report = __webpack_require__(3322);
// EXTERNAL MODULE: ./lib/report/progress.js
var progress = __webpack_require__(7751);
// EXTERNAL MODULE: ./lib/cli/provider-flags.js + 26 modules
var provider_flags = __webpack_require__(8387);
// EXTERNAL MODULE: ./lib/report/json-file.js
var json_file = __webpack_require__(4185);
;// CONCATENATED MODULE: ./lib/cli/compare-command.js



















const COMPARE_HELP = `Usage: agentops compare [--base <ref>] [--head <ref>] [options]

Works out which prompts the change from <base> to <head> affects, evaluates the
champion (the version active at <base>, read from git) and the challenger
(the version the change proposes) on the base's examples plus those the change
adds, and decides the gate. What judges the change (config, criteria, rubrics,
examples) comes from <base>; a change that edits it needs approval (exit 5).

Options:
  --base REF           the baseline revision (default: origin/HEAD, the remote's default branch)
  --head REF           the proposed revision (default: HEAD)
  --env NAME           environment whose active version is the baseline (default: config, else production)
  --tolerance PTS      largest tolerated drop in points (default: config, else 2)
  --alpha A            family-wise chance of failing a change that is not worse beyond the
                       tolerance, over every criterion of every prompt (default: config, else 0.01)
  --out FILE           write the results JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  --shard I/N          run only shard I of N (a stable share of the examples) and write its results
                       to --out, else agentops-shards/shard-I-of-N.json; agentops merge decides
${provider_flags/* providerOptions */.AA}
  -q, --quiet          no progress lines
  -h, --help           show this help

Exit codes: 0 pass, 1 fail (a regression or a missed threshold), 2 bad input or usage, 3 inconclusive,
4 internal error, 5 needs approval (the change edits its own config, criteria, rubrics or base examples).
`;
function exitCodeFor(results) {
    if (results.verdict === "fail")
        return cli_io/* EXIT */.d.regression;
    if (results.verdict === "needs_approval")
        return cli_io/* EXIT */.d.needsApproval;
    if (results.verdict === "inconclusive")
        return cli_io/* EXIT */.d.inconclusive;
    return cli_io/* EXIT */.d.ok;
}
async function compareCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            base: { type: "string" },
            head: { type: "string" },
            env: { type: "string" },
            tolerance: { type: "string" },
            alpha: { type: "string" },
            out: { type: "string" },
            report: { type: "string" },
            format: { type: "string" },
            shard: { type: "string" },
            ...provider_flags/* RUN_FLAG_SPECS */.SB,
            quiet: { type: "boolean", short: "q" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(COMPARE_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (positionals.length)
        throw new errors/* UserError */.yo(`unexpected argument "${positionals[0] ?? ""}"`, {}, "run: agentops compare --help");
    const format = values.format ?? "markdown";
    if (format !== "markdown" && format !== "json")
        throw new errors/* UserError */.yo(`--format must be markdown or json, got "${format}"`);
    let tolerance;
    if (values.tolerance !== undefined) {
        tolerance = Number(values.tolerance);
        if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 100) {
            throw new errors/* UserError */.yo(`--tolerance takes points between 0 and 100, got "${values.tolerance}"`);
        }
    }
    let alpha;
    if (values.alpha !== undefined) {
        alpha = Number(values.alpha);
        if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 0.5) {
            throw new errors/* UserError */.yo(`--alpha takes a probability above 0 and at most 0.5, got "${values.alpha}"`);
        }
    }
    const shard = values.shard !== undefined ? (0,scale_shard/* parseShard */.uK)(values.shard, "--shard") : undefined;
    const git = (0,plan_git/* createGit */.lD)(io.cwd);
    const top = (await git.run(["rev-parse", "--show-toplevel"])).trim();
    const base = values.base ?? (await remoteDefaultBranch(git));
    if (!base)
        throw new errors/* UserError */.yo("--base is required here (no origin/HEAD to default to)", {}, "e.g. agentops compare --base origin/main --head HEAD");
    if (!values.base)
        io.stderr(`comparing with ${base}, the remote's default branch (--base to choose)\n`);
    const project = await (0,config_project/* openProject */.U8)(io.cwd);
    const rel = (p) => (0,external_node_path_.relative)(top, p).split("\\").join("/");
    // As in the Action, the base revision lays out the project and its config judges the change.
    const baseSha = await (0,plan_git/* resolveOrFetch */.wc)(git, base);
    const atBase = await projectAt(git, baseSha, rel(io.cwd));
    await requirePrompts(git, [baseSha, values.head ?? "HEAD"], atBase);
    if (values.env)
        (0,config_project/* checkEnvironment */.Qz)(atBase.config?.config ?? {}, values.env, atBase.config?.path);
    // Without --env, the plan uses the base revision's gate_environment: a change cannot pick its own baseline.
    const environment = values.env;
    const plan = await planComparison({
        git,
        base,
        head: values.head ?? "HEAD",
        promptsDir: atBase.promptsDir,
        configPath: atBase.config?.path,
        ...(environment ? { environment } : {}),
    });
    const trusted = plan.trustedConfig;
    const signal = (0,provider_flags/* runSignal */.KF)((0,provider_flags/* runFlags */.lM)(values), io);
    const setup = await (0,provider_flags/* makeRunSetup */.vp)(project, (0,provider_flags/* runFlags */.lM)(values), io);
    const gate = (0,compare/* gateSettings */.dJ)(trusted.thresholds, { tolerance, alpha });
    const compareOptions = {
        run: {
            ...setup.run,
            ...(values.quiet
                ? {}
                : { onProgress: (label) => (0,progress/* progressPrinter */._)(label, (s) => io.stderr(`${s}\n`), io.now) }),
        },
        readFile: (side, path) => (0,plan_git/* showFile */.II)(git, side === "champion" ? plan.baseSha : plan.headSha, path),
        gate,
        ...(signal ? { signal } : {}),
        ...(io.now ? { now: io.now } : {}),
    };
    const labels = { base, head: values.head ?? "HEAD" };
    if (shard)
        return runShardCommand(plan, labels, compareOptions, shard, values.out, io);
    const compared = await (0,compare_run/* runComparison */.rW)(plan, labels, compareOptions);
    // Scrubbed as a value, before serializing: JSON would hide a key split by a newline as "\n".
    const results = (0,secrets/* scrubDeep */.wE)(compared, (0,secrets/* secretsFromEnv */.zr)(io.env));
    // Run as a workflow step, the report links the run (and its artifacts) like the Action's does.
    const runUrl = runUrlFromEnv(io.env);
    const markdown = (0,compare_report/* renderCompareMarkdown */.xm)(results, runUrl ? { runUrl } : {});
    if (values.out)
        await (0,json_file/* writeJsonFile */.A)((0,external_node_path_.resolve)(io.cwd, values.out), results);
    if (values.report)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.report), markdown);
    io.stdout(format === "json" ? JSON.stringify(results, null, 2) + "\n" : markdown);
    return exitCodeFor(results);
}
/** origin/HEAD as "origin/main", when the clone knows the remote's default branch. */
async function remoteDefaultBranch(git) {
    try {
        return (await git.run(["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])).trim() || undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2830:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L5: () => (/* binding */ assembleResults),
  PC: () => (/* binding */ nothingToTest),
  Lf: () => (/* binding */ perPromptDecisions),
  Yk: () => (/* binding */ preparePrompt),
  rW: () => (/* binding */ runComparison),
  DD: () => (/* binding */ runSide),
  Wk: () => (/* binding */ sideLabel),
  Dd: () => (/* binding */ splitPopulations),
  Sp: () => (/* binding */ withAddedExamples)
});

// EXTERNAL MODULE: ./lib/config/load.js + 1 modules
var load = __webpack_require__(8858);
// EXTERNAL MODULE: ./lib/compare/compare.js + 6 modules
var compare = __webpack_require__(4369);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/engine/deadline.js
var deadline = __webpack_require__(8768);
// EXTERNAL MODULE: ./lib/engine/evaluate.js + 17 modules
var evaluate = __webpack_require__(4029);
// EXTERNAL MODULE: ./lib/engine/example-checks.js
var example_checks = __webpack_require__(428);
// EXTERNAL MODULE: ./lib/engine/pool.js
var pool = __webpack_require__(8678);
// EXTERNAL MODULE: ./lib/pipeline/sampling-rounds.js
var sampling_rounds = __webpack_require__(7455);
// EXTERNAL MODULE: ./lib/plan/paths.js
var paths = __webpack_require__(2663);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
// EXTERNAL MODULE: ./lib/compare/error-kinds.js
var error_kinds = __webpack_require__(8499);
// EXTERNAL MODULE: ./lib/engine/aggregate.js
var aggregate = __webpack_require__(2761);
// EXTERNAL MODULE: ./lib/pipeline/unchanged.js
var unchanged = __webpack_require__(7359);
// EXTERNAL MODULE: ./lib/pipeline/not-evaluated.js
var not_evaluated = __webpack_require__(7391);
// EXTERNAL MODULE: ./lib/agent/tools.js
var tools = __webpack_require__(8974);
;// CONCATENATED MODULE: ./lib/pipeline/yardsticks.js
/**
 * The yardsticks of the gate that a prompt file could otherwise pick for itself:
 * the judge model and the tool schemas `tool_args_valid` holds calls to. Both
 * come from the base (or the trusted inputs), never from the challenger. Pure.
 */

/**
 * The judge of both sides when neither the criterion (the base's) nor the base config's
 * `judge_model` nor the `judge-model` input names one. Never the model under test: a challenger
 * would choose its own judge by its `model:` line. README "Judges" documents it.
 */
const DEFAULT_JUDGE_MODEL = "gpt-4o-mini";
/**
 * The schemas the challenger's tool calls are validated against: for each tool the challenger
 * declares, the base's schema of that name when the base declares it, else (a tool the change adds)
 * its own, which is then a gate change needing approval when a tool_args_valid criterion judges it.
 * A call to a tool the challenger does not declare stays invalid.
 */
function toolYardstick(name, champion, challenger, judgedByToolArgs) {
    const own = challenger.data.tools?.map(tools/* toolDefinition */.EG);
    if (!own || !champion)
        return { tools: own, gateChanges: [] };
    const base = new Map((champion.data.tools ?? []).map(tools/* toolDefinition */.EG).map((t) => [t.function.name, t]));
    const added = own.filter((t) => !base.has(t.function.name)).map((t) => t.function.name);
    return {
        tools: own.map((t) => base.get(t.function.name) ?? t),
        gateChanges: judgedByToolArgs && added.length > 0
            ? [
                {
                    kind: "criterion",
                    prompt: name,
                    path: challenger.file,
                    summary: `tool${added.length === 1 ? "" : "s"} ${added.join(", ")} added; tool_args_valid held ${added.length === 1 ? "its calls to the schema" : "their calls to the schemas"} this change gives, so the change judges itself there`,
                },
            ]
            : [],
    };
}

;// CONCATENATED MODULE: ./lib/compare/populations.js
/** Suffix of a criterion row decided on the examples the change adds. */
const ADDED_POPULATION = " (examples this change adds)";
const SEVERITY = { pass: 0, needs_approval: 1, inconclusive: 2, fail: 3 };
/**
 * The base population's comparison with the added population's rows shown after its own. The
 * verdict is the base's unless the added population's is worse: a pass on added examples never
 * turns a base failure into anything else.
 */
function withAddedPopulation(base, added, count) {
    if (!added)
        return base;
    const rows = added.criteria
        .filter((r) => r.status !== "removed")
        .map((r) => ({ ...r, name: `${r.name}${ADDED_POPULATION}` }));
    const worse = SEVERITY[added.verdict] > SEVERITY[base.verdict];
    return {
        ...base,
        criteria: [...base.criteria, ...rows],
        ...(worse
            ? { verdict: added.verdict, reason: `on the ${count} example(s) this change adds: ${added.reason}` }
            : {}),
    };
}

;// CONCATENATED MODULE: ./lib/pipeline/compare-run.js
















function runSide(label, prompt, evalSet, reason, opts, items, toolSchemas) {
    const { onProgress, ...run } = opts.run;
    return (0,evaluate/* evaluatePrompt */.eo)(prompt, evalSet, { name: prompt.data.name, reason, file: prompt.file, evalSetFile: evalSet.file }, {
        ...run,
        // Both sides have one judge, never a side's own model (src/pipeline/yardsticks.ts).
        judgeFallback: run.judgeFallback ?? DEFAULT_JUDGE_MODEL,
        ...(items ? { items } : {}),
        ...(toolSchemas ? { toolSchemas } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(onProgress ? { onProgress: onProgress(label) } : {}),
    });
}
const sameNames = (a, b) => a.length === b.length && a.every((c, i) => c.name === b[i]?.name);
/** Ids of the eval set's must_pass examples. */
function mustPassIds(evalSet) {
    return new Set(evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id));
}
/**
 * Byte-identical requests on both sides, judged by exactly the base's criteria on the base's examples:
 * nothing could differ, so nothing is tested (src/pipeline/unchanged.ts). A criterion or an example the
 * change adds is still run: it can only add a failure. One run and a shard decide it alike.
 */
function nothingToTest(p, prep) {
    return (prep.champion !== null &&
        p.addedExamples.length === 0 &&
        sameNames(prep.criteria, prep.champion.data.eval_criteria) &&
        (0,unchanged/* sameRequests */.H)(prep.champion, prep.challenger, prep.evalSet));
}
/** Parses and checks both sides of a planned prompt; no model call. */
async function preparePrompt(p, opts) {
    if (!p.challenger)
        return { prompt: p.name, reason: not_evaluated/* REMOVED_BY_CHANGE */.c };
    if (!p.evalSet)
        return { prompt: p.name, reason: "has no eval set at the head revision" };
    const rubricsAt = (side, promptPath) => (rel) => {
        const path = (0,paths/* repoPath */.q)(promptPath, rel);
        return path === undefined || !opts.readFile ? Promise.resolve(undefined) : opts.readFile(side, path);
    };
    const parsed = (0,load/* parsePromptFile */.sl)(p.challenger.text, p.challenger.path);
    const evalSet = (0,load/* parseEvalSet */.ge)(p.evalSet.text, p.evalSet.path);
    // The plan chose what judges the challenger (src/plan/trust.ts), rubrics read at their own revisions;
    // the examples' own checks come with the judged eval set, as one more criterion.
    const judged = (0,example_checks/* withExampleChecks */.q)({ ...parsed, data: { ...parsed.data, eval_criteria: p.criteria } }, evalSet).data.eval_criteria;
    const challenger = {
        ...parsed,
        data: { ...parsed.data, eval_criteria: [...judged, ...p.informational] },
    };
    const lineOf = new Map(parsed.data.eval_criteria.map((c, i) => [c.name, parsed.criterionLines[i]]));
    (0,load/* checkEvalSetFitsPrompt */.ZK)(challenger, evalSet);
    let champion = null;
    let baselineNote;
    if (p.champion) {
        try {
            champion = await (0,evaluate/* resolveRubrics */.$6)((0,load/* parsePromptFile */.sl)(p.champion.text, `${p.champion.path} (base)`), rubricsAt("champion", p.champion.path));
            // The champion runs on the judged eval set (base examples plus the change's additions); if an
            // added example needs inputs the old prompt lacks, say so instead of reporting a fake regression.
            (0,load/* checkEvalSetFitsPrompt */.ZK)(champion, evalSet);
            champion = (0,example_checks/* withExampleChecks */.q)(champion, evalSet);
        }
        catch (e) {
            if (!(0,errors/* isUserError */.iU)(e))
                throw e;
            champion = null;
            baselineNote = `the base version cannot be evaluated on the new eval set: ${e.format()}`;
        }
    }
    const tools = toolYardstick(p.name, champion, challenger, judged.some((c) => c.type === "tool_args_valid"));
    return {
        name: p.name,
        reasons: p.reasons,
        champion,
        challenger,
        criteria: judged,
        evalSet,
        ...(baselineNote ? { baselineNote } : {}),
        added: new Set(champion ? p.addedExamples : []),
        ...(tools.tools ? { toolSchemas: tools.tools } : {}),
        ...(tools.gateChanges.length > 0 ? { gateChanges: tools.gateChanges } : {}),
        challengerFile: p.challenger.path,
        ...(p.challenger.sha256 ? { challengerSha256: p.challenger.sha256 } : {}),
        ...(champion && p.champion ? { championFile: p.champion.path } : {}),
        ...(champion && p.champion?.sha256 ? { championSha256: p.champion.sha256 } : {}),
        criterionLines: Object.fromEntries(judged.flatMap((c) => {
            const line = lineOf.get(c.name);
            return line ? [[c.name, line]] : [];
        })),
    };
}
const sideLabel = (prep, side, round) => {
    const prompt = side === "champion" ? prep.champion : prep.challenger;
    return `${prep.name} v${prompt?.data.version ?? "?"} (${side}${round > 1 ? `, round ${round}` : ""})`;
};
/** A run with some of its results replaced (same example and repeat), its figures recomputed. */
function withResults(run, examples, prompt, evalSet) {
    return {
        ...run,
        examples,
        summary: (0,aggregate/* summarize */.eh)(examples),
        criteria: (0,aggregate/* aggregateCriteria */.$F)(prompt.data.eval_criteria, examples, evalSet.examples),
    };
}
/** The results a side's transient errors left, asked once more (one retry round). */
async function retryTransient(prep, side, run, opts) {
    const prompt = side === "champion" ? prep.champion : prep.challenger;
    if (!run || !prompt || opts.signal?.aborted || run.stopped)
        return run;
    const items = run.examples
        .filter((r) => r.status === "error" && (0,error_kinds/* classifyError */.f)(r.error?.kind) === "transient")
        .map((r) => ({ id: r.id, repeat: r.repeat }));
    if (items.length === 0)
        return run;
    const again = await runSide(`${sideLabel(prep, side, 1)} retry`, prompt, prep.evalSet, side === "champion" ? "active on the base branch" : prep.reasons.join("; "), opts, items, side === "challenger" ? prep.toolSchemas : undefined);
    const key = (r) => `${r.id}\u0000${String(r.repeat)}`;
    const retried = new Map(again.examples.filter((r) => r.status !== "skipped").map((r) => [key(r), r]));
    return withResults(run, run.examples.map((r) => retried.get(key(r)) ?? r), prompt, prep.evalSet);
}
/** The first pass of both sides, a retry round for transient errors, and refused requests charged. */
async function firstPass(prep, opts) {
    const [first, firstChallenger] = await (0,sampling_rounds/* bothSides */.g6)(prep.champion
        ? runSide(sideLabel(prep, "champion", 1), prep.champion, prep.evalSet, "active on the base branch", opts)
        : Promise.resolve(null), runSide(sideLabel(prep, "challenger", 1), prep.challenger, prep.evalSet, prep.reasons.join("; "), opts, undefined, prep.toolSchemas));
    const [champion, retried] = await (0,sampling_rounds/* bothSides */.g6)(retryTransient(prep, "champion", first, opts), retryTransient(prep, "challenger", firstChallenger, opts));
    // An example the champion answered and the challenger's request was refused on is the
    // challenger's failure, not an outage within max_error_rate (src/compare/error-kinds.ts).
    const charged = (0,error_kinds/* chargeErrors */.s)(champion?.examples ?? null, (retried ?? firstChallenger).examples, prep.challenger.data.eval_criteria.map((c) => c.name));
    const challenger = charged.charged > 0
        ? withResults(firstChallenger, charged.examples, prep.challenger, prep.evalSet)
        : (retried ?? firstChallenger);
    const mustPass = mustPassIds(prep.evalSet);
    return {
        criteria: prep.criteria,
        championCriteria: prep.champion?.data.eval_criteria ?? [],
        evalSet: prep.evalSet,
        champion,
        challenger,
        inputs: new Map(prep.evalSet.examples.map((e) => [
            e.id,
            { input: e.input, ...(e.expected !== undefined ? { expected: e.expected } : {}) },
        ])),
        temperatureZero: prep.champion?.data.temperature === 0 && prep.challenger.data.temperature === 0,
        ...(mustPass.size > 0 ? { mustPass } : {}),
    };
}
/**
 * A gate's run options for one prompt: a max_examples sample seeded by the base commit and filled
 * with the base's examples first, so ids a change picks cannot crowd the base's out of the sample.
 */
function gateOptions(opts, prep, baseSha) {
    if (opts.run.maxExamples === undefined)
        return opts;
    const first = new Set(prep.evalSet.examples.map((e) => e.id).filter((id) => prep.added?.has(id) !== true));
    return { ...opts, run: { ...opts.run, sample: { seed: baseSha, first } } };
}
/** A run cut down to some of its examples, with its summary and aggregates recomputed. */
function part(run, keep, criteria, evalSet) {
    const examples = run.examples.filter((r) => keep(r.id));
    return {
        ...run,
        examples,
        summary: (0,aggregate/* summarize */.eh)(examples),
        criteria: (0,aggregate/* aggregateCriteria */.$F)(criteria, examples, evalSet.examples),
    };
}
/**
 * The base population, then (when the change added examples to a prompt with a baseline) the added
 * one. Without a base example to stand on, the run stays one population.
 */
function splitPopulations(first, added) {
    const { champion, challenger } = first;
    if (added.size === 0 || !champion)
        return [first];
    const isBase = (id) => !added.has(id);
    const isAdded = (id) => added.has(id);
    if (!challenger.examples.some((r) => isBase(r.id)))
        return [first];
    const split = (keep) => ({
        ...first,
        champion: part(champion, keep, first.championCriteria, first.evalSet),
        challenger: part(challenger, keep, first.criteria, first.evalSet),
    });
    const out = [split(isBase)];
    if (challenger.examples.some((r) => isAdded(r.id)))
        out.push({ ...split(isAdded), population: "added" });
    return out;
}
/** Evaluates champion and challenger of every planned prompt and decides the gate. */
async function runComparison(plan, labels, given) {
    const opts = {
        ...given,
        run: { ...given.run, slots: given.run.slots ?? (0,pool/* slotsFor */.FK)(given.run.concurrency) },
    };
    const now = opts.now ?? Date.now;
    const startedAt = new Date(now());
    const prepared = [];
    const sampled = [];
    /** The prepared prompt each sampled population belongs to. */
    const owner = [];
    const notEvaluated = [];
    for (const p of plan.prompts) {
        if (opts.signal?.aborted) {
            notEvaluated.push({ prompt: p.name, reason: `${(0,deadline/* stopReason */.PJ)(opts.signal)} before it started` });
            continue;
        }
        try {
            const prep = await preparePrompt(p, opts);
            if (!("challenger" in prep)) {
                notEvaluated.push(prep);
                continue;
            }
            if (nothingToTest(p, prep)) {
                notEvaluated.push({ prompt: p.name, reason: unchanged/* UNCHANGED_REQUESTS */.T });
                continue;
            }
            const first = await firstPass(prep, gateOptions(opts, prep, plan.baseSha));
            prepared.push(prep);
            for (const population of splitPopulations(first, prep.added ?? new Set())) {
                sampled.push(population);
                owner.push(prepared.length - 1);
            }
        }
        catch (e) {
            if ((0,errors/* isUserError */.iU)(e))
                throw e;
            notEvaluated.push({ prompt: p.name, reason: (0,errors/* errorMessage */.gJ)(e) });
        }
    }
    const comparisons = await (0,sampling_rounds/* decideInRounds */.FF)(sampled, opts.gate, (i, side, round, items) => {
        const prep = prepared[owner[i] ?? -1];
        const prompt = side === "champion" ? prep.champion : prep.challenger;
        if (!prompt)
            throw new Error("a round was asked of a side that does not run");
        const reason = side === "champion" ? "active on the base branch" : prep.reasons.join("; ");
        return runSide(sideLabel(prep, side, round), prompt, prep.evalSet, reason, gateOptions(opts, prep, plan.baseSha), items, side === "challenger" ? prep.toolSchemas : undefined);
    }, opts.signal);
    const perPrompt = perPromptDecisions(prepared, sampled, owner, comparisons);
    const results = assembleResults(plan, labels, opts, {
        startedAt,
        prepared,
        sampled: perPrompt.sampled,
        comparisons: perPrompt.comparisons,
        notEvaluated,
    }, now);
    return withAddedExamples(results, perPrompt.added);
}
/**
 * Back to one entry per prompt: the base population decides, the added one can only add failures.
 * `owner[i]` is the prepared prompt that sampled population i belongs to. Shared by one run and the
 * merge of sharded runs, so both judge added examples the same way.
 */
function perPromptDecisions(prepared, sampled, owner, comparisons) {
    const out = {
        sampled: [],
        comparisons: [],
        added: [],
    };
    prepared.forEach((prep, k) => {
        const mine = sampled.flatMap((s, i) => owner[i] === k ? [{ s, c: comparisons[i] }] : []);
        const base = mine.find((m) => m.s.population === undefined) ?? mine[0];
        const added = mine.find((m) => m.s.population === "added");
        if (!base)
            return;
        out.sampled.push(base.s);
        out.comparisons.push(withAddedPopulation(base.c, added?.c, prep.added?.size ?? 0));
        out.added.push(added ? { count: prep.added?.size ?? 0, verdict: added.c.verdict, reason: added.c.reason } : undefined);
    });
    return out;
}
/** Results with each prompt's added population (in `perPromptDecisions` order) attached. */
function withAddedExamples(results, added) {
    results.prompts.forEach((p, k) => {
        const a = added[k];
        if (a)
            p.added_examples = a;
    });
    return results;
}
/** What the gate decided, as results: shared by one run and the merge of sharded runs (src/scale/merge.ts). */
function assembleResults(plan, labels, opts, decided, now) {
    const { startedAt, prepared, sampled, comparisons, notEvaluated } = decided;
    // The first pass alone says whether the run could measure: later rounds only add samples.
    const stopped = sampled.some((s) => s.champion?.stopped ?? s.challenger.stopped);
    const prompts = prepared.map((prep, i) => {
        const s = sampled[i];
        return {
            name: prep.name,
            reasons: prep.reasons,
            comparison: comparisons[i],
            champion: s.champion,
            challenger: s.challenger,
            ...(prep.baselineNote ? { baseline_note: prep.baselineNote } : {}),
            challenger_file: prep.challengerFile,
            ...(prep.challengerSha256 ? { challenger_sha256: prep.challengerSha256 } : {}),
            ...(prep.championFile ? { champion_file: prep.championFile } : {}),
            ...(prep.championSha256 ? { champion_sha256: prep.championSha256 } : {}),
            criterion_lines: prep.criterionLines,
        };
    });
    const cancelledOrFailed = notEvaluated.some((n) => !(0,not_evaluated/* isPlannedSkip */.W)(n.reason));
    let verdict = (0,compare/* overallVerdict */.Bn)(prompts.map((p) => p.comparison));
    if (verdict === "pass" && (cancelledOrFailed || stopped))
        verdict = "inconclusive";
    const gateChanges = [...plan.gateChanges, ...prepared.flatMap((p) => p.gateChanges ?? [])];
    // A change to how the change is judged is for a maintainer to accept; a failure still says more.
    if (gateChanges.length > 0 && verdict !== "fail")
        verdict = "needs_approval";
    return {
        schema_version: 1,
        kind: "compare",
        tool: { name: "agentops", version: version/* VERSION */.x },
        provider: opts.run.provider.id,
        base: labels.base,
        head: labels.head,
        merge_base: plan.mergeBaseSha,
        head_sha: plan.headSha,
        ...(opts.repositoryUrl ? { repository_url: opts.repositoryUrl } : {}),
        verdict,
        started_at: startedAt.toISOString(),
        finished_at: new Date(now()).toISOString(),
        complete: !cancelledOrFailed && !stopped,
        prompts,
        not_evaluated: notEvaluated,
        ignored: plan.ignored,
        gate_changes: gateChanges,
        ignored_inputs: opts.ignoredInputs ?? [],
    };
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

/***/ 7455:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ decideInRounds),
/* harmony export */   Il: () => (/* binding */ nextItems),
/* harmony export */   Vz: () => (/* binding */ withRound),
/* harmony export */   g6: () => (/* binding */ bothSides)
/* harmony export */ });
/* harmony import */ var _compare_compare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4369);
/* harmony import */ var _compare_cluster_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9749);
/* harmony import */ var _compare_error_kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8499);
/* harmony import */ var _engine_aggregate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2761);




/** The examples of a round: every example not settled, at the next repeat index it has on either side. */
function nextItems(champion, challenger) {
    const settled = (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_2__/* .settledExamples */ .rn)(champion.examples, challenger.examples);
    const next = new Map();
    for (const r of [...champion.examples, ...challenger.examples])
        next.set(r.id, Math.max(next.get(r.id) ?? 0, r.repeat + 1));
    return [...next].filter(([id]) => !settled.has(id)).map(([id, repeat]) => ({ id, repeat }));
}
/** Every paired example's answers are settled: more repeats would only repeat them. */
function deterministic(champion, challenger) {
    const okIds = (run) => new Set(run.examples.filter((r) => r.status === "ok").map((r) => r.id));
    const a = okIds(champion);
    const paired = [...okIds(challenger)].filter((id) => a.has(id));
    if (paired.length === 0)
        return false;
    const settled = (0,_compare_cluster_js__WEBPACK_IMPORTED_MODULE_2__/* .settledExamples */ .rn)(champion.examples, challenger.examples);
    return paired.every((id) => settled.has(id));
}
/**
 * A run with a further round's scored samples added. Samples the round could
 * not take (an error, or a budget or the deadline stopped it) are left out
 * rather than counted: they were extra, and the first pass alone decides
 * "could not measure".
 */
function withRound(run, round, criteria, evalSet) {
    const examples = [...run.examples, ...round.examples.filter((r) => r.status === "ok")];
    return {
        ...run,
        summary: (0,_engine_aggregate_js__WEBPACK_IMPORTED_MODULE_3__/* .summarize */ .eh)(examples),
        criteria: (0,_engine_aggregate_js__WEBPACK_IMPORTED_MODULE_3__/* .aggregateCriteria */ .$F)(criteria, examples, evalSet.examples),
        examples,
    };
}
/** A round whose calls errored more than max_error_rate allows ends sampling (a replay has no answer for new repeats). */
function roundFailed(runs, maxErrorRate) {
    const results = runs.flatMap((r) => r.examples);
    const errors = results.filter((r) => r.status === "error");
    if (results.length === 0 || errors.length / results.length <= maxErrorRate)
        return undefined;
    return {
        reason: `${errors.length} of ${results.length} further answers errored: ${errors[0]?.error?.message ?? "error"}`,
    };
}
/**
 * Both sides at once. They draw on the run's one set of call slots, so together they never exceed
 * the concurrency; one side's error waits for the other to end, so no call goes on unwatched.
 */
async function bothSides(a, b) {
    const [x, y] = await Promise.allSettled([a, b]);
    if (x.status === "rejected")
        throw x.reason;
    if (y.status === "rejected")
        throw y.reason;
    return [x.value, y.value];
}
/** Decides every prompt, running further rounds while any criterion is undecided. */
async function decideInRounds(prompts, gate, runItems, signal) {
    const maxRounds = Math.max(1, gate.maxSamplingRounds);
    const decided = prompts.map(() => undefined);
    const previous = prompts.map(() => undefined);
    // A first pass a budget or the deadline cut short is not sampled further (and is inconclusive).
    const stoppedBy = prompts.map((p) => p.champion?.stopped?.reason ?? p.challenger.stopped?.reason);
    for (let round = 1;; round++) {
        const open = [];
        prompts.forEach((p, i) => {
            if (decided[i])
                return;
            const det = p.champion !== null && (p.temperatureZero === true || deterministic(p.champion, p.challenger));
            const stop = stoppedBy[i] ?? (signal?.aborted ? "the deadline or a cancellation" : undefined);
            const final = round >= maxRounds || det || stop !== undefined;
            const ended = det
                ? "deterministic answers"
                : (stop ?? (round >= maxRounds ? "max_sampling_rounds" : undefined));
            const c = (0,_compare_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .comparePrompt */ .gi)(p.champion, p.challenger, p.criteria, gate, p.inputs, {
                round,
                maxRounds,
                // One family per prompt (docs/statistics.md): its own tested criteria share \u03b1, so prompts
                // added to a PR never lower another prompt's bar.
                familySize: (0,_compare_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .testedCriteria */ .bN)(p.champion, p.criteria),
                final,
                ...(p.mustPass && p.mustPass.size > 0 ? { mustPass: p.mustPass } : {}),
                deterministic: det,
                ...(ended ? { ended } : {}),
                ...(previous[i] ? { previous: previous[i] } : {}),
            });
            if (final || !(0,_compare_compare_js__WEBPACK_IMPORTED_MODULE_0__/* .undecided */ .oo)(c))
                decided[i] = final ? c : { ...c, sampling: { ...c.sampling, ended: "decided" } };
            else {
                previous[i] = c;
                open.push(i);
            }
        });
        if (open.length === 0)
            break;
        for (const i of open) {
            const p = prompts[i];
            if (!p.champion)
                continue;
            const items = nextItems(p.champion, p.challenger);
            if (items.length === 0)
                continue;
            const [champ, chall] = await bothSides(runItems(i, "champion", round + 1, items), runItems(i, "challenger", round + 1, items));
            // A refused request in a later round is the challenger's failure too, where the champion answered.
            const charged = (0,_compare_error_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .chargeErrors */ .s)(champ.examples, chall.examples, p.criteria.map((c) => c.name));
            p.champion = withRound(p.champion, champ, p.championCriteria, p.evalSet);
            p.challenger = withRound(p.challenger, { ...chall, examples: charged.examples }, p.criteria, p.evalSet);
            const stop = champ.stopped ?? chall.stopped ?? roundFailed([champ, chall], gate.maxErrorRate);
            if (stop)
                stoppedBy[i] = stop.reason;
        }
    }
    return decided;
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


/***/ }),

/***/ 2663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ repoPath)
/* harmony export */ });
/**
 * `rel` resolved against the folder of the repository file `file` ("/"-separated);
 * undefined when it is absolute or climbs out of the repository.
 */
function repoPath(file, rel) {
    if (rel.startsWith("/"))
        return undefined;
    const parts = file.split("/").slice(0, -1);
    for (const seg of rel.split("/")) {
        if (seg === "" || seg === ".")
            continue;
        if (seg === "..") {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.join("/");
}


/***/ }),

/***/ 4737:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ configGateChanges),
/* harmony export */   eV: () => (/* binding */ trustedEvalSet),
/* harmony export */   gX: () => (/* binding */ tooManyAdded),
/* harmony export */   hF: () => (/* binding */ AS_EDITED),
/* harmony export */   te: () => (/* binding */ trustedCriteria)
/* harmony export */ });
/* unused harmony exports TRUST_MODEL, fieldEdits, MAX_ADDED_EXAMPLES, countLines */
/* harmony import */ var _engine_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9471);

/** The whole model, as data, so SECURITY.md, the report and the tests say the same thing. */
const TRUST_MODEL = [
    {
        input: "project config (location and content)",
        from: "base",
        note: "located by the base's layout; a config the change adds, moves, deletes or edits outside the pins is a gate change",
    },
    {
        input: "environment pins",
        from: "head",
        note: "the versions the change deploys: each resolves, by the one resolver the CLI uses (src/config/versions.ts), to the file evaluated; a pin to a missing prompt or version, or an ambiguous layout, is an error; un-pinning a prompt the base pins is a gate change",
    },
    {
        input: "prompt files of the challenger",
        from: "head",
        note: "template, system, messages, tools, model and parameters: what is under test; the head's active file whenever its bytes changed (its sha256 is in the results and the report)",
    },
    {
        input: "criteria of an existing prompt",
        from: "base",
        note: "criteria the change adds count too; a removed, renamed or edited criterion is a gate change",
    },
    { input: "rubric files", from: "base", note: "a changed rubric is a gate change" },
    {
        input: "eval set",
        from: "base + head additions",
        note: "the base's examples alone decide the paired test and the thresholds (a max_examples sample draws them first, seeded by the base commit); examples the change adds are a separate population that can only add failures, at most 10,000 (more is a gate change); examples the change deletes or edits are evaluated in their base form, and that is a gate change",
    },
    {
        input: "replay recordings",
        from: "base",
        note: "read from the base revision through git; recordings the change adds or edits have no effect",
    },
    {
        input: "answer cache",
        from: "inputs",
        note: "restored outside the workspace from the Actions cache, written only by default-branch runs",
    },
    {
        input: "provider, endpoint, key, budgets",
        from: "inputs, then base",
        note: "the Action's inputs, then the base config; a budget input can only tighten",
    },
    {
        input: "tolerance, max error rate, gate environment",
        from: "inputs, then base",
        note: "never the change's config",
    },
];
const isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** The leaves that differ between two values, by dotted path; lists and scalars compare whole. */
function fieldEdits(a, b, prefix = "") {
    if (isRecord(a) && isRecord(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        return keys.flatMap((k) => fieldEdits(a[k], b[k], prefix ? `${prefix}.${k}` : k));
    }
    if ((0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(a ?? null) === (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(b ?? null))
        return [];
    return [{ field: prefix, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) }];
}
/** Everything but the environment pins, which a change may edit (they are what it deploys). */
function withoutPins(config) {
    const { environments: _pins, ...rest } = config;
    return rest;
}
/**
 * What a change did to the project config that touches the gate. `head` is the
 * file at the base's config path on the head; `others` maps every other config
 * candidate path to its text at base and head (undefined where absent).
 */
function configGateChanges(base, head, others) {
    const out = [];
    if (base && !head) {
        out.push({
            kind: "config",
            path: base.path,
            summary: `${base.path} deleted or moved by this change; the base's config still judges it`,
        });
    }
    if (base && head) {
        const a = withoutPins(base.config);
        const b = withoutPins(head.config);
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        const edited = keys.filter((k) => (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(a[k] ?? null) !== (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(b[k] ?? null));
        if (edited.length > 0) {
            out.push({
                kind: "config",
                path: base.path,
                summary: `${edited.join(", ")} edited; only environment pins are taken from a change, so the base's values judged it`,
                edits: fieldEdits(Object.fromEntries(edited.map((k) => [k, a[k]])), Object.fromEntries(edited.map((k) => [k, b[k]]))),
            });
        }
    }
    for (const [path, t] of others) {
        if (t.base === t.head)
            continue;
        const what = t.base === undefined ? "added" : t.head === undefined ? "deleted" : "edited";
        out.push({
            kind: "config",
            path,
            summary: `${path} ${what}; ignored: the config is located by the base's layout (${base?.path ?? "no config file"})`,
        });
    }
    return out;
}
/** A criterion as compared across revisions: its definition with the rubric file's text in place of its name. */
function definition(c) {
    if (c.type !== "llm_judge")
        return (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(c);
    const { rubric_file: _file, ...rest } = c;
    return (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(rest);
}
/** The fields whose values differ, for a sentence such as "threshold, value edited". */
function editedFields(a, b) {
    const x = a;
    const y = b;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])]
        .filter((k) => k !== "rubric_file" && (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(x[k] ?? null) !== (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(y[k] ?? null))
        .sort();
}
const pick = (c, fields) => {
    const x = c;
    return Object.fromEntries(fields.map((f) => [f, x[f]]));
};
/** Suffix of an informational criterion's name: the change's own version of an edited criterion. */
const AS_EDITED = " (as edited)";
/**
 * Criteria of an existing prompt: `base` from the champion's file at the base
 * revision, `head` from the challenger's file (rubric files already read, each
 * at its own revision). Adding a criterion can only make the gate stricter, so it
 * counts; anything else a change does to its criteria is a gate change.
 */
function trustedCriteria(prompt, base, head, paths) {
    const headByName = new Map(head.map((c) => [c.name, c]));
    const baseNames = new Set(base.map((c) => c.name));
    const changes = [];
    const informational = [];
    for (const c of base) {
        const h = headByName.get(c.name);
        if (!h) {
            changes.push({
                kind: "criterion",
                prompt,
                path: paths.head,
                summary: `criterion ${c.name} removed or renamed; it still judges this change`,
            });
            continue;
        }
        if (definition(c) === definition(h))
            continue;
        const fields = editedFields(c, h);
        const rubricOnly = fields.length === 1 && fields[0] === "rubric";
        changes.push({
            kind: rubricOnly ? "rubric" : "criterion",
            prompt,
            path: rubricOnly && h.type === "llm_judge" && h.rubric_file ? h.rubric_file : paths.head,
            summary: rubricOnly
                ? `rubric of ${c.name} changed; the base's rubric judged this change`
                : `criterion ${c.name} edited (${fields.join(", ")}); the base's definition judged this change`,
            ...(rubricOnly ? {} : { edits: fieldEdits(pick(c, fields), pick(h, fields)) }),
        });
        informational.push({ ...h, name: `${c.name}${AS_EDITED}`.slice(0, 100) });
    }
    const added = head.filter((c) => !baseNames.has(c.name));
    return { judged: [...base, ...added], informational, changes };
}
/**
 * Examples one change may add to a prompt's eval set. Beyond it the additions are not read at all
 * (a million added lines must not become a 600 MB results file or a gigabyte of memory): the base's
 * examples are evaluated alone, and the addition is a gate change a maintainer accepts.
 */
const MAX_ADDED_EXAMPLES = 10_000;
/** Non-blank lines of a JSONL text, counted without splitting it. */
function countLines(text) {
    let n = 0;
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf("\n", start);
        if (end === -1)
            end = text.length;
        if (text.slice(start, end).trim() !== "")
            n++;
        start = end + 1;
    }
    return n;
}
/** A gate change when the head's eval set holds more lines than the base's examples plus the cap allow. */
function tooManyAdded(prompt, baseExamples, head) {
    const extra = countLines(head.text) - baseExamples;
    if (extra <= MAX_ADDED_EXAMPLES)
        return undefined;
    return {
        kind: "eval_set",
        prompt,
        path: head.path,
        summary: `${extra} more lines than the base's examples, over the cap of ${MAX_ADDED_EXAMPLES} added examples per change; the additions were not read and only the base's examples were evaluated`,
    };
}
/**
 * The eval set a change is judged on: every base example in its base form, then
 * the examples the change adds. Deleting or editing a base example is a gate
 * change: otherwise dropping the hard examples would pass any regression.
 */
function trustedEvalSet(prompt, base, head) {
    if (!base)
        return { ...head.raw, added: head.parsed.examples.map((e) => e.id), changes: [] };
    const headLines = head.raw.text.split(/\r?\n/);
    const baseLines = base.raw.text.split(/\r?\n/);
    const headById = new Map(head.parsed.examples.map((e) => [e.id, e]));
    const baseIds = new Set(base.parsed.examples.map((e) => e.id));
    const deleted = [];
    const edited = [];
    for (const e of base.parsed.examples) {
        const h = headById.get(e.id);
        if (!h)
            deleted.push(e.id);
        else if ((0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(strip(e)) !== (0,_engine_request_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .dj)(strip(h)))
            edited.push(e.id);
    }
    const addedExamples = head.parsed.examples.filter((e) => !baseIds.has(e.id));
    // The base file as it is (so its examples keep their line numbers), then the added lines: a change that
    // only appends examples is judged on exactly its own file, and errors point at the right lines.
    const kept = baseLines.at(-1) === "" ? baseLines.slice(0, -1) : baseLines;
    const lines = [...kept, ...addedExamples.map((e) => headLines[e.line - 1] ?? "")];
    const changes = [];
    const list = (ids) => ids.slice(0, 5).join(", ") + (ids.length > 5 ? ` and ${ids.length - 5} more` : "");
    if (deleted.length > 0) {
        changes.push({
            kind: "eval_set",
            prompt,
            path: head.raw.path,
            summary: `${deleted.length} base example(s) deleted (${list(deleted)}); they were still evaluated`,
        });
    }
    if (edited.length > 0) {
        changes.push({
            kind: "eval_set",
            prompt,
            path: head.raw.path,
            summary: `${edited.length} base example(s) edited (${list(edited)}); they were evaluated in their base form`,
        });
    }
    if (base.raw.path !== head.raw.path) {
        changes.push({
            kind: "eval_set",
            prompt,
            path: head.raw.path,
            summary: `eval set moved from ${base.raw.path} to ${head.raw.path}; the base's examples still count`,
        });
    }
    return {
        path: head.raw.path,
        text: lines.join("\n") + "\n",
        added: addedExamples.map((e) => e.id),
        changes,
    };
}
/** An example as data, without where it stood in its file. */
function strip(e) {
    const { line: _line, ...rest } = e;
    return rest;
}


/***/ }),

/***/ 3322:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xm: () => (/* binding */ renderCompareMarkdown)
});

// UNUSED EXPORTS: artifactsUrl, nextStepLine, plainHeadline, renderCouldNotEvaluate, resultsJsonLink

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./lib/compare/compare.js + 6 modules
var compare = __webpack_require__(4369);
// EXTERNAL MODULE: ./lib/compare/cost.js
var cost = __webpack_require__(7806);
// EXTERNAL MODULE: ./lib/report/categories.js
var categories = __webpack_require__(2160);
;// CONCATENATED MODULE: ./lib/report/cost.js
/** The challenger's change in tokens, cost and p95 latency, as one line of the prompt section. Pure. */

function part(what, c) {
    // A change under 1% says nothing a reader needs.
    if (!c || c.change_pct === null || Math.abs(c.change_pct) < 1)
        return undefined;
    const figure = `${(0,cost/* signedPct */.Mp)(c.change_pct)} ${what}`;
    return c.large ? `**${figure}** \u26a0\ufe0f` : figure;
}
/** "Challenger against champion: **+344% tokens per answer** \u26a0\ufe0f, +300% cost per answer, \u22128% p95 latency." */
function costLine(cost) {
    if (!cost)
        return [];
    const parts = [
        part("tokens per answer", cost.tokens),
        part("cost per answer", cost.cost_usd),
        part("p95 latency", cost.latency_p95_ms),
    ].filter((p) => p !== undefined);
    if (parts.length === 0)
        return [];
    const out = [`Challenger against champion: ${parts.join(", ")}.`, ""];
    for (const g of cost.exceeded)
        out.push(`> \u274c ${g.reason}.`, "");
    for (const g of cost.unmeasured)
        out.push(`> \u26a0\ufe0f ${g.reason}.`, "");
    return out;
}

// EXTERNAL MODULE: ./lib/report/escape.js
var report_escape = __webpack_require__(2527);
// EXTERNAL MODULE: ./lib/report/format.js
var format = __webpack_require__(7703);
;// CONCATENATED MODULE: ./lib/report/criteria-table.js


const STATUS_LABEL = {
    ok: "\u2705 not worse",
    improved: "\u2705 improved",
    regressed: "\u274c worse",
    below_threshold: "\u274c below threshold",
    inconclusive: "\u26a0\ufe0f not measured",
    new: "\ud83c\udd95 no baseline",
    removed: "\u2796 removed",
    possible_drop: "\u26a0\ufe0f possible drop, not confirmed",
};
const signedPts = (x) => `${x >= 0 ? "+" : "\u2212"}${Math.abs(x * 100).toFixed(1)}`;
const pts = (x) => (x * 100).toFixed(1);
/** Below this a p-value is said as a bound: its digits say nothing more, and 0 would read as certainty. */
const P_FLOOR = 1e-6;
/** A p-value to two significant digits, small ones in scientific notation. */
function pValue(p) {
    return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}
/** "p=7.3e-5", or "p < 1e-6" where the digits (or a 0.0e+0) would claim more than the test knows. */
function pText(p) {
    return p < P_FLOOR ? "p < 1e-6" : `p=${pValue(p)}`;
}
/** The decision, and the p-value beside it only when the test decided it. */
function decisionCell(c) {
    const label = STATUS_LABEL[c.status];
    if (c.test)
        return `${label} (one-sided ${pText(c.test.p_value)} \u2264 ${pValue(c.test.level)})`;
    if (c.decided_by === "end_of_sampling" && c.status === "ok")
        return "\u2705 undecided \u2192 passes";
    // A futility stop whose estimate is below \u2212tolerance passes, but "not worse" would overstate it.
    if (c.decided_by === "not_worse" && c.status === "ok" && c.below_tolerance === true)
        return c.design_drop === undefined
            ? "\u2705 undecided \u2192 passes"
            : `\u2705 no \u2265 ${pts(c.design_drop)} pt drop seen`;
    if (c.status === "possible_drop" && c.minimum_detectable_drop !== null)
        return `${label} (detects \u2265 ${pts(c.minimum_detectable_drop)} pts)`;
    return label;
}
function criterionRow(c) {
    // A threshold is the minimum mean score: the figure in the challenger column.
    const threshold = c.threshold === undefined ? "" : ` (min ${(0,format/* pct */.Oe)(c.threshold, 0)})`;
    return [
        (0,report_escape/* escapeInline */.VV)(c.name) + threshold,
        c.champion ? (0,format/* pct */.Oe)(c.champion.mean) : "\u2013",
        c.status === "removed" || c.challenger.n === 0
            ? "\u2013"
            : (0,format/* pct */.Oe)(c.status === "new" ? c.challenger.mean_all : c.challenger.mean),
        c.delta !== null && c.delta_ci
            ? `${signedPts(c.delta)} pts (${signedPts(c.delta_ci[0])} to ${signedPts(c.delta_ci[1])})`
            : "\u2013",
        decisionCell(c),
        c.status === "removed" ? "\u2013" : String(c.rounds),
    ];
}
/** Past 100 points, the report says how many examples would detect a drop this far beyond the tolerance. */
const TARGET_MARGIN = 0.1;
/** "With 100 examples \u00d7 3 rounds this gate detects drops of 9.1 points or more", and what would lower it. */
function detectableDrop(p) {
    const c = p.comparison;
    const mdd = c.minimum_detectable_drop;
    if (!mdd)
        return [];
    const rounds = (0,format/* count */.U9)(c.sampling.rounds, "round");
    if (mdd.drop >= 1) {
        // Beyond 100 points nothing can be detected; scale the part beyond the tolerance as 1/\u221an to a useful size.
        const target = c.tolerance + TARGET_MARGIN;
        const needed = Math.ceil(mdd.examples * ((mdd.drop - c.tolerance) / TARGET_MARGIN) ** 2);
        return [
            `With ${(0,format/* count */.U9)(mdd.examples, "example")} \u00d7 ${rounds} this set is too small to detect any drop (80% power${c.criteria.filter((k) => k.minimum_detectable_drop !== null).length > 1 ? `, ${(0,report_escape/* escapeInline */.VV)(mdd.criterion)}` : ""}). About ${(0,format/* int */.Wh)(needed)} examples would detect drops of ${pts(target)} points.`,
            "",
        ];
    }
    const out = [
        `With ${(0,format/* count */.U9)(mdd.examples, "example")} \u00d7 ${rounds} this gate detects drops of ${pts(mdd.drop)} points or more (80% power${c.criteria.filter((k) => k.minimum_detectable_drop !== null).length > 1 ? `, ${(0,report_escape/* escapeInline */.VV)(mdd.criterion)}` : ""}).`,
    ];
    // Four times the examples halve the part beyond the tolerance.
    const lowered = c.tolerance + (mdd.drop - c.tolerance) / 2;
    const quadrupled = `${(0,format/* int */.Wh)(mdd.examples * 4)} examples would bring it to about ${pts(lowered)}`;
    if (c.sampling.deterministic)
        out.push(`Answers are deterministic, so more rounds cannot lower it; only more examples can: ${quadrupled}.`);
    else if (c.sampling.ended === "max_sampling_rounds")
        out.push(`More examples lower it (${quadrupled}), and so would a higher \`max_sampling_rounds\`.`);
    else
        out.push(`More examples lower it: ${quadrupled}.`);
    return [out.join(" "), ""];
}
/** With repeats: each criterion's pass^k (examples passing in every repeat), champion beside challenger. */
function consistencyNote(p) {
    const side = (k) => (k ? `${(0,format/* pct */.Oe)(k.rate)} (${k.passed}/${k.n})` : "\u2013");
    const rows = p.comparison.criteria.flatMap((c) => {
        const a = c.champion?.pass_all_repeats;
        const b = c.challenger.pass_all_repeats;
        if (!a && !b)
            return [];
        const k = Math.max(a?.k ?? 0, b?.k ?? 0);
        return [`${(0,report_escape/* escapeInline */.VV)(c.name)} pass^${k}: champion ${side(a)} \u00b7 challenger ${side(b)}`];
    });
    if (rows.length === 0)
        return [];
    return [`Consistency (examples that passed in every repeat): ${rows.join("; ")}.`, ""];
}
function sideFigures(run) {
    if (!run)
        return ["\u2013", "\u2013", "\u2013", "\u2013", "\u2013"];
    const s = run.summary;
    return [
        `${s.ok}/${s.examples}${s.errors + s.skipped ? ` (${s.errors} errors, ${s.skipped} skipped)` : ""}`,
        (0,format/* int */.Wh)(s.tokens.prompt + s.tokens.completion),
        s.cost_usd === null ? "unknown price" : `$${s.cost_usd.toFixed(4)}`,
        s.latency_ms ? `${(0,format.ms)(s.latency_ms.p50)} / ${(0,format.ms)(s.latency_ms.p95)}` : "\u2013",
        run.stopped ? `stopped: ${(0,report_escape/* escapeInline */.VV)(run.stopped.reason, 120)}` : "complete",
    ];
}
/** How sampling went, when it went beyond the first pass or stopped for a reason worth saying. */
function samplingNote(c) {
    const s = c.sampling;
    if (!c.baseline)
        return [];
    const rounds = `${s.rounds} of at most ${s.max_rounds} round${s.max_rounds === 1 ? "" : "s"}`;
    const why = s.ended === "decided"
        ? "every criterion was decided"
        : s.ended === "deterministic answers (temperature 0)"
            ? "both sides run at temperature 0, so their answers are taken as deterministic and not sampled again"
            : s.ended === "deterministic answers"
                ? "answers are deterministic: repeats returned identical text on both sides"
                : s.ended === "max_sampling_rounds"
                    ? "the cap (max_sampling_rounds) was reached"
                    : `sampling stopped: ${(0,report_escape/* escapeInline */.VV)(s.ended ?? "", 200)}`;
    return [`Sampling: ${rounds}; ${why}.`, ""];
}
/** The prompt's \u03b1 family: its tested criteria share \u03b1; each criterion's final look is held to its level. */
function familyNote(c) {
    const f = c.family;
    if (!f || !c.baseline)
        return [];
    return [
        `Level: \u03b1 ${f.alpha} for this prompt, shared by its ${f.criteria} tested criteri${f.criteria === 1 ? "on" : "a"}; each criterion's final look is held to one-sided ${f.final_level.toPrecision(2)}.`,
        "",
    ];
}
/** The must_pass examples the challenger failed, first in the prompt's section. */
function mustPassSection(c) {
    const failed = c.must_pass ?? [];
    if (failed.length === 0)
        return [];
    const out = [`**Must-pass examples failed (${failed.length})** \u2014 each fails the gate on its own:`, ""];
    for (const m of failed.slice(0, 20)) {
        const why = m.error
            ? `request refused: ${(0,report_escape/* escapeInline */.VV)(m.error, 200)}`
            : `answer: ${(0,report_escape/* escapeInline */.VV)(m.output, 200)}`;
        out.push(`- **${(0,report_escape/* escapeInline */.VV)(m.id, 100)}**: failed ${m.failed} of ${m.of} repeat(s) on ${m.criteria.map((k) => (0,report_escape/* escapeInline */.VV)(k)).join(", ")}; ${why}`);
    }
    if (failed.length > 20)
        out.push(`- \u2026 and ${failed.length - 20} more`);
    out.push("");
    return out;
}

;// CONCATENATED MODULE: ./lib/report/examples.js

/** Answers longer than this (characters) are stacked rather than side by side. */
const SIDE_BY_SIDE_MAX = 700;
const OUTPUT_MAX = 1500;
function inputText(input) {
    const entries = Object.entries(input);
    return entries
        .map(([k, v]) => {
        const value = typeof v === "string" ? v : JSON.stringify(v);
        return entries.length === 1 ? value : `${k}: ${value}`;
    })
        .join("\n");
}
function expectedText(expected) {
    return typeof expected === "string" ? expected : JSON.stringify(expected, null, 1);
}
function scoreCell(s) {
    if (!s)
        return "\u2013";
    const detail = s.detail ? ` \u00b7 ${(0,report_escape/* escapeCell */.kq)(s.detail, 160)}` : "";
    return `${s.passed ? "\u2705" : "\u274c"} ${s.score.toFixed(2)}${detail}`;
}
/** An answer's cell: an empty answer says so instead of leaving a blank a reader takes for a rendering fault. */
const answer = (text) => text.trim() === "" ? "<em>(empty answer)</em>" : (0,report_escape/* escapeCell */.kq)(text, OUTPUT_MAX);
const row = (head, ...cells) => `<tr><th align="left">${head}</th>${cells.join("")}</tr>`;
const td = (html, span = 1) => `<td${span > 1 ? ` colspan="${span}"` : ""}>${html}</td>`;
function inputRows(e, span) {
    const rows = [row("input", td((0,report_escape/* escapeCell */.kq)(inputText(e.input), 800), span))];
    if (e.expected !== undefined)
        rows.push(row("expected", td((0,report_escape/* escapeCell */.kq)(expectedText(e.expected), 800), span)));
    return rows;
}
/** Criterion rows: the flipped ones first, each side's result on the answer shown. */
function criteriaRows(names, flipped, a, b) {
    const order = [...flipped, ...names.filter((n) => !flipped.includes(n))];
    return order.map((n) => {
        const name = (0,report_escape/* escapeCell */.kq)(n, 80);
        return row(flipped.includes(n) ? `<strong>${name}</strong>` : name, td(scoreCell(a?.[n])), td(scoreCell(b?.[n])));
    });
}
/** One flipped example as a table; `sides` names the columns ("champion v1", "challenger v2"). */
function flippedTable(f, sides) {
    const a = f.champion_output;
    const b = f.challenger_output;
    const stacked = a.length > SIDE_BY_SIDE_MAX || b.length > SIDE_BY_SIDE_MAX;
    const names = [
        ...new Set([...Object.keys(f.champion_scores ?? {}), ...Object.keys(f.challenger_scores ?? {})]),
    ];
    const rows = [`<table>`, row("", `<th>${sides[0]}</th>`, `<th>${sides[1]}</th>`), ...inputRows(f, 2)];
    if (stacked)
        rows.push(row(`answer, ${sides[0]}`, td(answer(a), 2)), row(`answer, ${sides[1]}`, td(answer(b), 2)));
    else
        rows.push(row("answer", td(answer(a)), td(answer(b))));
    rows.push(...criteriaRows(names, f.criteria, f.champion_scores, f.challenger_scores), `</table>`);
    return rows.join("\n");
}
function heading(id, what, categories) {
    const tags = categories?.length
        ? ` \u00b7 ${categories.map((c) => (0,report_escape/* codeSpan */.SS)(c, { maxLength: 40 })).join(" ")}`
        : "";
    return `**${(0,report_escape/* escapeInline */.VV)(id)}** \u2014 ${what}${tags}`;
}
/** Flipped examples in a collapsed section, regressions first, at most `limit` shown. */
function flippedSection(flipped, limit, sides, categories, where = "the results JSON") {
    if (flipped.length === 0)
        return [];
    const down = flipped.filter((f) => f.direction === "pass_to_fail");
    const up = flipped.filter((f) => f.direction === "fail_to_pass");
    const out = [
        `<details><summary>${down.length} example${down.length === 1 ? "" : "s"} went pass \u2192 fail, ${up.length} fail \u2192 pass</summary>`,
        "",
    ];
    // Regressions first: they are what a reviewer needs to see.
    for (const f of [...down, ...up].slice(0, limit)) {
        const arrow = f.direction === "pass_to_fail" ? "pass \u2192 fail" : "fail \u2192 pass";
        const what = `${arrow} (${f.criteria.map((c) => (0,report_escape/* escapeInline */.VV)(c)).join(", ")})`;
        out.push(heading(f.id, what, categories?.[f.id]), "", flippedTable(f, sides), "");
    }
    if (flipped.length > limit)
        out.push(`\u2026 and ${flipped.length - limit} more in ${where}.`, "");
    out.push("</details>", "");
    return out;
}
/** A below-threshold verdict's failing examples, per criterion: at most `limit` shown, with a count of the rest. */
function failingSection(failing, limit, side, categories, where = "the results JSON") {
    const out = [];
    for (const f of failing) {
        const shown = f.examples.slice(0, limit);
        out.push(`<details><summary>${(0,report_escape/* escapeCell */.kq)(f.criterion, 100)}: ${f.total} example${f.total === 1 ? "" : "s"} below the threshold${shown.length < f.total ? ` (${shown.length} shown)` : ""}</summary>`, "");
        for (const e of shown) {
            const names = Object.keys(e.scores);
            const table = [
                `<table>`,
                row("", `<th>${side}</th>`),
                ...inputRows(e, 1),
                row("answer", td(answer(e.output))),
                ...[f.criterion, ...names.filter((n) => n !== f.criterion)].map((n) => row(n === f.criterion ? `<strong>${(0,report_escape/* escapeCell */.kq)(n, 80)}</strong>` : (0,report_escape/* escapeCell */.kq)(n, 80), td(scoreCell(e.scores[n])))),
                `</table>`,
            ].join("\n");
            out.push(heading(e.id, `fails ${(0,report_escape/* escapeInline */.VV)(f.criterion)}`, categories?.[e.id]), "", table, "");
        }
        if (f.total > shown.length)
            out.push(`\u2026 and ${f.total - shown.length} more failing ${(0,report_escape/* escapeInline */.VV)(f.criterion)} in ${where}.`, "");
        out.push("</details>", "");
    }
    return out;
}

// EXTERNAL MODULE: ./lib/plan/trust.js
var trust = __webpack_require__(4737);
;// CONCATENATED MODULE: ./lib/report/gate-changes.js



/** Edits listed per gate change; a rewritten file lists the first ones and counts the rest. */
const MAX_EDITS_SHOWN = 10;
/** A YAML value as a reviewer reads it: scalars as written, lists and maps as compact JSON, absence said. */
function shownValue(v) {
    if (v === undefined)
        return "(not set)";
    if (typeof v === "string")
        return JSON.stringify(v).length > v.length + 2 || /^\s|\s$|^$/.test(v) ? JSON.stringify(v) : v;
    if (typeof v === "number" || typeof v === "boolean" || v === null)
        return String(v);
    return JSON.stringify(v);
}
/** One line for the headline: why the change needs a maintainer. */
function gate_changes_gateChangeHeadline(results) {
    const n = results.gate_changes.length;
    return `this change edits how it is judged (${n} gate change${n === 1 ? "" : "s"}); a maintainer can accept it with /agentops approve`;
}
/**
 * The section a reviewer reads before accepting a gate change: each change, and
 * what the change's own versions of edited criteria would have scored.
 */
function renderGateChanges(results) {
    const out = [];
    if (results.gate_changes.length > 0) {
        out.push("### \ud83d\udd10 Gate changes: a maintainer must approve", "", "This change edits what judges it. It was judged by the base branch's config, criteria, rubrics and examples (plus criteria and examples it adds); comment `/agentops approve` to accept the changes below.", "");
        for (const g of results.gate_changes) {
            const where = g.prompt ? `**${(0,report_escape/* escapeInline */.VV)(g.prompt)}** \u00b7 ` : "";
            // Summaries from older results may still start with the path: it is shown once, before them.
            const summary = g.summary.startsWith(`${g.path}: `) ? g.summary.slice(g.path.length + 2) : g.summary;
            out.push(`- ${where}${(0,report_escape/* codeSpan */.SS)(g.path)}: ${(0,report_escape/* escapeInline */.VV)(summary, 400)}`);
            for (const e of (g.edits ?? []).slice(0, MAX_EDITS_SHOWN))
                out.push(`  - ${(0,report_escape/* codeSpan */.SS)(`${e.field}: ${shownValue(e.from)} \u2192 ${shownValue(e.to)}`, { maxLength: 160 })}`);
            const more = (g.edits?.length ?? 0) - MAX_EDITS_SHOWN;
            if (more > 0)
                out.push(`  - \u2026 and ${more} more`);
        }
        const asEdited = results.prompts.flatMap((p) => p.challenger.criteria
            .filter((c) => c.name.endsWith(trust/* AS_EDITED */.hF))
            .map((c) => `- **${(0,report_escape/* escapeInline */.VV)(p.name)}** \u00b7 ${(0,report_escape/* escapeInline */.VV)(c.name)}: ${c.n ? (0,format/* pct */.Oe)(c.mean_score) : "\u2013"}`));
        if (asEdited.length > 0)
            out.push("", "The change's own versions of the criteria it edited (not gating):", ...asEdited);
        out.push("");
    }
    if (results.ignored_inputs.length > 0) {
        out.push("<details><summary>Inputs from this change that were ignored</summary>", "");
        for (const i of results.ignored_inputs)
            out.push(`- ${(0,report_escape/* escapeInline */.VV)(i, 300)}`);
        out.push("", "</details>", "");
    }
    return out;
}

// EXTERNAL MODULE: ./lib/report/judges.js
var judges = __webpack_require__(5664);
;// CONCATENATED MODULE: ./lib/report/answer-age.js

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (ms) => {
    const d = Math.max(0, ms) / DAY_MS;
    return d < 1 ? "less than a day" : `${Math.floor(d)} day${Math.floor(d) === 1 ? "" : "s"}`;
};
/**
 * How old the champion's cached answers are, as of `asOf` (the run's end): a
 * baseline read from a cache is only as current as its oldest answer, and a
 * provider may have changed the model since. Pure; empty when no cached answer
 * has a known time.
 */
function answerAgeNote(run, asOf) {
    if (!run)
        return [];
    const ok = run.examples.filter((r) => r.status === "ok");
    const cached = ok.filter((r) => r.cached);
    if (cached.length === 0)
        return [];
    const now = Date.parse(asOf);
    const times = cached.flatMap((r) => (r.answered_at === undefined ? [] : [Date.parse(r.answered_at)]));
    const unknown = cached.length - times.length;
    const from = `${(0,format/* int */.Wh)(cached.length)} of ${(0,format/* int */.Wh)(ok.length)} champion answers came from the cache`;
    // Recordings (replay) carry no time: they are fixtures, not a cache that could go stale.
    if (times.length === 0)
        return [];
    const oldest = Math.min(...times);
    const newest = Math.max(...times);
    const range = now - newest >= DAY_MS && Math.floor((now - oldest) / DAY_MS) !== Math.floor((now - newest) / DAY_MS)
        ? `given ${days(now - newest)} to ${days(now - oldest)} ago`
        : `the oldest given ${days(now - oldest)} ago`;
    return [`${from}, ${range}${unknown > 0 ? ` (${(0,format/* int */.Wh)(unknown)} of unknown age)` : ""}.`, ""];
}

// EXTERNAL MODULE: ./lib/report/truncated.js
var truncated = __webpack_require__(8448);
// EXTERNAL MODULE: ./lib/report/tool-use.js + 1 modules
var tool_use = __webpack_require__(9410);
;// CONCATENATED MODULE: ./lib/report/compare-report.js














const VERDICT_ICON = {
    pass: "\u2705",
    fail: "\u274c",
    inconclusive: "\u26a0\ufe0f",
    needs_approval: "\ud83d\udd10",
};
/** "pass", "inconclusive", or for a failure what kind it is (a regression, or thresholds missed). */
function verdictWord(verdict, comparisons) {
    return verdict === "fail"
        ? (0,compare/* failureKind */.zU)(comparisons)
        : verdict === "needs_approval"
            ? "needs approval"
            : verdict;
}
/** "; \u26a0\ufe0f +345% tokens per answer" for the summary table, when the challenger's usage rose a lot. */
function largeIncrease(c) {
    const t = c.cost?.tokens;
    const usd = c.cost?.cost_usd;
    const big = t?.large && t.change_pct !== null ? t : usd?.large && usd.change_pct !== null ? usd : undefined;
    if (!big || big.change_pct === null)
        return "";
    return `; \u26a0\ufe0f ${(0,cost/* signedPct */.Mp)(big.change_pct)} ${big === t ? "tokens" : "cost"} per answer`;
}
/** Where a repository file is at a commit on the run's GitHub server, each path segment encoded. */
function fileUrl(results, path) {
    if (!results.repository_url || !results.head_sha || !path)
        return undefined;
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return `${results.repository_url}/blob/${results.head_sha}/${encoded}`;
}
/** The run's artifacts section: the example workflows upload `$RUNNER_TEMP/agentops/` (results JSON, full report). */
const artifactsUrl = (runUrl) => `${runUrl}#artifacts`;
/** "the results JSON", linked to the run's artifacts when there is a run. */
function resultsJsonLink(links) {
    return links.runUrl
        ? `the results JSON ([run artifacts](${artifactsUrl(links.runUrl)}))`
        : "the results JSON";
}
/**
 * What unblocks a verdict, said under the headline; verdicts without an entry get no line.
 * Keyed by verdict so that a new verdict only adds an entry.
 */
const NEXT_STEP = {
    fail: "push a fix, or a maintainer comments `/agentops approve` to accept it",
    needs_approval: "a maintainer comments `/agentops approve` to accept the gate changes below, or push a fix that leaves them as on the base branch",
};
/** "**Next:** push a fix, or \u2026 See the [workflow run](\u2026) and its [artifacts](\u2026#artifacts) (results JSON, full report)." */
function nextStepLine(verdict, links) {
    const step = NEXT_STEP[verdict];
    if (step === undefined)
        return [];
    const run = links.runUrl
        ? ` See the [workflow run](${links.runUrl}) and its [artifacts](${artifactsUrl(links.runUrl)}) (results JSON, full report).`
        : "";
    return [`**Next:** ${step}.${run}`, ""];
}
const versions = (c) => c.champion_version !== null
    ? `v${c.champion_version} \u2192 v${c.challenger_version}`
    : `new v${c.challenger_version}`;
function promptSection(p, flippedLimit, results, links) {
    const c = p.comparison;
    const from = c.champion_version !== null
        ? `v${c.champion_version} \u2192 v${c.challenger_version}`
        : `new v${c.challenger_version}`;
    const url = fileUrl(results, p.challenger_file);
    const name = url ? `[${(0,report_escape/* escapeInline */.VV)(p.name)}](${url})` : (0,report_escape/* escapeInline */.VV)(p.name);
    const out = [`### ${name}: ${from} \u2014 ${verdictWord(c.verdict, [c])}`, ""];
    out.push(`Evaluated because: ${p.reasons.map((r) => (0,report_escape/* escapeInline */.VV)(r, 300)).join("; ")}.`, "");
    if (p.challenger_file && p.challenger_sha256)
        out.push(`Evaluated file: ${(0,report_escape/* escapeInline */.VV)(p.challenger_file, 200)} (sha256 \`${p.challenger_sha256}\`).`, "");
    if (!c.baseline)
        out.push(`> **No baseline** \u2014 absolute thresholds only.${p.baseline_note ? ` ${(0,report_escape/* escapeInline */.VV)(p.baseline_note, 400)}` : ""}`, "");
    out.push(`**${(0,report_escape/* escapeInline */.VV)(c.reason, 300)}**`, "");
    out.push(...mustPassSection(c));
    out.push((0,markdown_table/* markdownTable */.Q)([
        ["criterion", "champion", "challenger", "\u0394 (95% CI)", "decision", "rounds"],
        ...c.criteria.map(criterionRow),
    ], { align: ["l", "r", "r", "r", "l", "r"] }), "");
    out.push(...(0,categories/* categorySection */.Wy)(c.categories, 
    // Worst drop first: the chart shows the criterion that failed hardest.
    c.criteria
        .filter((k) => k.status === "regressed" || k.status === "below_threshold")
        .sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0))
        .map((k) => k.name)));
    out.push(...samplingNote(c), ...familyNote(c), ...detectableDrop(p), ...consistencyNote(p));
    out.push((0,markdown_table/* markdownTable */.Q)([
        ["", "answers scored", "tokens", "cost", "latency p50 / p95", "run"],
        [`champion${p.champion ? ` v${p.champion.version}` : ""}`, ...sideFigures(p.champion)],
        [`challenger v${p.challenger.version}`, ...sideFigures(p.challenger)],
    ], { align: ["l", "r", "r", "r", "r", "l"] }), "");
    out.push(...costLine(c.cost), ...answerAgeNote(p.champion, results.finished_at));
    for (const line of (0,judges/* judgeLines */.L)(p.challenger))
        out.push(`> ${(0,report_escape/* escapeInline */.VV)(line, 300)}`, "");
    const sampled = p.challenger.sampled;
    if (sampled) {
        out.push(`Sampled: ${(0,format/* int */.Wh)(sampled.kept)} of ${(0,format/* count */.U9)(sampled.of, "example")} on both sides (max_examples; ${(0,report_escape/* escapeInline */.VV)(sampled.method)}).`, "");
    }
    if (c.errors.charged) {
        out.push(`${c.errors.charged} challenger answer(s) errored where the champion answered, on a request error a retry cannot clear (a 400 such as a context overflow, a refused parameter): counted as failures of every criterion, not as outages.`, "");
    }
    if (c.errors.transient) {
        out.push(`${c.errors.transient} challenger answer(s) still errored after a retry round with a transient error (timeout, 5xx, 429, connection): left out of the pairing and counted against max_error_rate.`, "");
    }
    if (c.errors.excluded_pairs > 0) {
        out.push(`${(0,format/* count */.U9)(c.errors.excluded_pairs, "example")} left out of the pairing because a side errored or was skipped.`, "");
    }
    out.push(...(0,truncated/* truncatedSides */.x)(p.champion, p.challenger));
    const sides = [`champion v${c.champion_version ?? "?"}`, `challenger v${c.challenger_version}`];
    const tags = p.challenger.example_categories;
    const where = resultsJsonLink(links);
    out.push(...failingSection(c.failing ?? [], Math.min(flippedLimit, 5), sides[1], tags, where));
    out.push(...(0,tool_use/* toolUseSection */.Tj)(p.champion, p.challenger, c.flipped));
    out.push(...flippedSection(c.flipped, flippedLimit, sides, tags, where));
    return out;
}
const VERDICT_ORDER = { fail: 0, needs_approval: 1, inconclusive: 1, pass: 2 };
/** Failing prompts first, then inconclusive (or needing approval) ones, then the rest, each group in plan order. */
function byVerdict(prompts) {
    return [...prompts].sort((a, b) => VERDICT_ORDER[a.comparison.verdict] - VERDICT_ORDER[b.comparison.verdict]);
}
/** The headline's why: every failing criterion by name, else the first reason of the verdict. */
function headline(results, prompts) {
    if (prompts.length === 0)
        return "no prompt is affected by this change";
    if (results.verdict === "pass")
        return `${prompts.length} prompt${prompts.length === 1 ? "" : "s"} evaluated, no evidence of a drop beyond the tolerance`;
    const failing = prompts.flatMap((p) => p.comparison.verdict === "fail"
        ? (p.comparison.must_pass ?? [])
            .map((m) => `${p.name}: must-pass example ${m.id} failed`)
            .concat(p.comparison.criteria
            .filter((k) => k.decision === "fail")
            .map((k) => k.status === "below_threshold"
            ? `${p.name}: ${k.name} below its threshold`
            : `${p.name}: ${k.name} ${k.delta !== null ? `${signedPts(k.delta)} pts` : "worse"}`)
            .concat((p.comparison.cost?.exceeded ?? []).map((g) => `${p.name}: ${g.reason}`)))
        : []);
    if (results.verdict === "fail" && failing.length > 0)
        return `failing: ${failing.join(", ")}`;
    const first = prompts.find((p) => p.comparison.verdict === results.verdict);
    return first ? `${first.name}: ${first.comparison.reason}` : "some prompts could not be evaluated";
}
/**
 * The headline as plain text for places that show text as typed (the step's error line, the
 * `headline` output): verdict, every failing criterion, and what unblocks it.
 */
function plainHeadline(results) {
    const prompts = byVerdict(results.prompts);
    const why = results.verdict === "needs_approval" ? gateChangeHeadline(results) : headline(results, prompts);
    const word = verdictWord(results.verdict, results.prompts.map((p) => p.comparison));
    const step = NEXT_STEP[results.verdict];
    const line = `agentops: ${word}: ${why}${step ? `. Next: ${step.replace(/`/g, "")}` : ""}`;
    // eslint-disable-next-line no-control-regex -- one line: no control characters from prompt names
    return line.replace(/[\u0000-\u001F\u007F]+/g, " ");
}
/** The PR report: verdict first, then one section per evaluated prompt, failing ones first. Pure; all PR and model text escaped. */
function renderCompareMarkdown(results, opts = {}) {
    const limit = opts.flippedLimit ?? 10;
    const prompts = byVerdict(results.prompts);
    const why = results.verdict === "needs_approval" ? gate_changes_gateChangeHeadline(results) : headline(results, prompts);
    const title = `${VERDICT_ICON[results.verdict]} agentops: ${verdictWord(results.verdict, results.prompts.map((p) => p.comparison))}`;
    const out = [
        `## ${title}`,
        "",
        `**${(0,report_escape/* escapeInline */.VV)(why, 600)}**`,
        "",
        ...nextStepLine(results.verdict, opts),
    ];
    if (prompts.length > 0) {
        out.push((0,markdown_table/* markdownTable */.Q)([
            ["prompt", "change", "verdict", "why"],
            ...prompts.map((p) => [
                (0,report_escape/* escapeInline */.VV)(p.name),
                p.comparison.champion_version !== null
                    ? `v${p.comparison.champion_version} \u2192 v${p.comparison.challenger_version}`
                    : `new v${p.comparison.challenger_version}`,
                VERDICT_ICON[p.comparison.verdict],
                (0,report_escape/* escapeInline */.VV)(p.comparison.reason, 160) + largeIncrease(p.comparison),
            ]),
        ], { align: ["l", "l", "c", "l"] }), "");
    }
    out.push(...renderGateChanges(results));
    for (const p of prompts) {
        const section = promptSection(p, limit, results, opts);
        // A failing report is read for what failed: passing prompts are there, folded.
        if (results.verdict !== "pass" && p.comparison.verdict === "pass") {
            // A <summary> is HTML: markdown escapes would show there, entities do not.
            const summary = `\u2705 ${(0,report_escape/* escapeCell */.kq)(p.name, 200)}: ${versions(p.comparison)} \u2014 passes`;
            out.push(`<details><summary>${summary}</summary>`, "", ...section, "</details>", "");
        }
        else
            out.push(...section);
    }
    if (results.not_evaluated.length > 0) {
        out.push("### Not evaluated", "");
        for (const n of results.not_evaluated)
            out.push(`- **${(0,report_escape/* escapeInline */.VV)(n.prompt)}**: ${(0,report_escape/* escapeInline */.VV)(n.reason, 300)}`);
        out.push("");
    }
    if (!results.complete)
        out.push("> **Incomplete run**: some examples or prompts were not evaluated; see above.", "");
    if (results.ignored.length > 0) {
        out.push(`<details><summary>${results.ignored.length} changed file(s) affect no prompt</summary>`, "");
        for (const f of results.ignored.slice(0, 50))
            out.push(`- ${(0,report_escape/* escapeInline */.VV)(f, 200)}`);
        out.push("", "</details>", "");
    }
    out.push(`<sub>champion = the version active on the base branch, read from git; challenger = this change. Each example counts once: scores are the mean over its repeats (pass rates, or mean scores for graded criteria), paired by example id. A criterion fails only when a one-sided paired t-test over examples shows it worse than the tolerance allows, with the chance of a false failure held under \u03b1 over the criteria of each prompt whose requests changed, and every round (prompts sending byte-identical requests are not tested); undecided criteria get more rounds, and pass when sampling ends. \u0394 intervals are 95% t-intervals over examples. See docs/statistics.md. Provider: ${(0,report_escape/* escapeInline */.VV)(results.provider)} \u00b7 agentops ${results.tool.version}${results.head_sha && /^[0-9a-f]{7,64}$/.test(results.head_sha) ? ` \u00b7 head ${results.head_sha}` : ""}</sub>`);
    return out.join("\n") + "\n";
}
/**
 * The report when no verdict could be reached. A mistake in the repository's files
 * (`detail`: file, line, field, hint) is shown, so the author can fix it without
 * reading logs; anything else only points at the run, whose log says more.
 */
function renderCouldNotEvaluate(detail, runUrl) {
    const run = runUrl ? `[the workflow run](${runUrl})` : "the workflow run";
    const out = ["## \u26a0\ufe0f agentops: could not evaluate this change", ""];
    if (detail !== undefined)
        out.push(escapeBlock(detail, 4000), "", "Fix this and push again.", "");
    else
        out.push(`agentops stopped on an internal error; see ${run} for details, then comment \`/agentops rerun\`.`, "");
    out.push("The check stays red until a run reaches a verdict.", "");
    return out.join("\n");
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

/***/ 570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gt: () => (/* binding */ planIdentity),
/* harmony export */   qA: () => (/* binding */ identityDifference)
/* harmony export */ });
/* unused harmony export verdictKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/**
 * What makes sharded results one plan: the same revisions, the same prompt
 * versions and eval sets, the same gate and the same number of shards. Two
 * shard files merge only when their identities are equal.
 */

const sha256 = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text).digest("hex");
function planIdentity(plan, run) {
    return {
        base_sha: plan.baseSha,
        head_sha: plan.headSha,
        merge_base_sha: plan.mergeBaseSha,
        environment: plan.environment,
        prompts: plan.prompts.map((p) => ({
            name: p.name,
            champion: p.champion ? { version: p.champion.version, sha256: sha256(p.champion.text) } : null,
            challenger: p.challenger ? { version: p.challenger.version, sha256: sha256(p.challenger.text) } : null,
            eval_set_sha256: p.evalSet ? sha256(p.evalSet.text) : null,
            criteria_sha256: sha256(JSON.stringify([p.criteria, p.informational])),
        })),
        gate: { ...run.gate },
        provider: run.provider,
        max_examples: run.maxExamples ?? null,
        shards: run.shards,
    };
}
/** The first field in which two identities differ, as "head_sha: abc\u2026 vs def\u2026"; undefined when equal. */
function identityDifference(a, b) {
    const fields = (x) => [
        ["base_sha", x.base_sha],
        ["head_sha", x.head_sha],
        ["merge_base_sha", x.merge_base_sha],
        ["environment", x.environment],
        ["shard count", String(x.shards)],
        ["provider", x.provider],
        ["gate settings", JSON.stringify(x.gate)],
        ["max_examples", String(x.max_examples)],
        ["prompts", x.prompts.map((p) => p.name).join(", ")],
        ...x.prompts.flatMap((p) => [
            [
                `${p.name} champion`,
                p.champion ? `v${p.champion.version} ${p.champion.sha256.slice(0, 12)}` : "none",
            ],
            [
                `${p.name} challenger`,
                p.challenger ? `v${p.challenger.version} ${p.challenger.sha256.slice(0, 12)}` : "none",
            ],
            [`${p.name} eval set`, p.eval_set_sha256?.slice(0, 12) ?? "none"],
            [`${p.name} criteria`, p.criteria_sha256.slice(0, 12)],
        ]),
    ];
    const fb = new Map(fields(b));
    for (const [name, value] of fields(a)) {
        const other = fb.get(name);
        if (other !== value)
            return `${name}: ${value} vs ${other ?? "(absent)"}`;
    }
    return undefined;
}
/**
 * What decides a verdict, without the revisions it was computed at: the prompt
 * bytes on both sides, the eval sets, the criteria, the gate, the provider and
 * the sample size. A merge-queue head whose key equals the key of the pull
 * request head's finished evaluation would get the same verdict.
 */
function verdictKey(identity) {
    const { environment, prompts, gate, provider, max_examples } = identity;
    return sha256(JSON.stringify({ environment, prompts, gate, provider, max_examples }));
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
