export const id = 553;
export const ids = [553];
export const modules = {

/***/ 553:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INIT_HELP: () => (/* binding */ INIT_HELP),
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/lifecycle/init-project.js
/**
 * The files `agentops init` writes: a small project that runs at once
 * (`agentops eval prompts --provider mock`) and the example workflow. Pure:
 * the command writes them. The workflow's jobs are examples/workflows/agentops.yml's
 * (tests/cli/init.test.ts holds them equal).
 */
const DEFAULT_PROMPT_NAME = "support-reply";
/** A prompt folder name: what the layout and the config's environments key on. */
const PROMPT_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const init_project_prompt = (name) => `# A prompt version. Versions are never edited once an environment runs them: copy this file to
# v2.yaml, change it, and open a pull request; agentops compares v2 with v1 on the eval set.
name: ${name}
version: 1
model: gpt-4.1-mini
temperature: 0
system: You answer customer messages for an online shop. Be brief, friendly and concrete.
template: "Reply to {customer}, who wrote: {message}"
eval_criteria:
  # Graded by a model (judge_model in prompts/config.yaml) against this rubric, 1 to 5.
  - name: helpful
    type: llm_judge
    rubric: The reply addresses what the customer asked and says what happens next.
    threshold: 0.5
  # A rule: no model call.
  - name: short
    type: length
    words: { max: 120 }
    threshold: 0.9
`;
const EXAMPLES = [
    {
        id: "refund-1",
        input: { customer: "Ana", message: "I was charged twice for order 1042." },
        tags: ["billing"],
    },
    {
        id: "shipping-1",
        input: { customer: "Bo", message: "Where is my parcel? It has been ten days." },
        tags: ["shipping"],
    },
    {
        id: "product-1",
        input: { customer: "Cy", message: "Does the blue kettle come with a warranty?" },
        tags: ["product"],
    },
];
const config = (name) => `# agentops project config (agentops finds it as prompts/config.yaml, or agentops.yaml at the root).
# Which version of each prompt each environment runs: a pull request that changes a prompt is
# compared with the version the gate environment runs today.
gate_environment: production
environments:
  production:
    ${name}: 1
# The model that grades llm_judge criteria: another model than the one under test.
judge_model: gpt-4.1
# budgets: { max_cost_usd: 2 }
`;
/** The example workflow's jobs block: tests/cli/init.test.ts compares it with the file's. */
const JOBS = `  eval:
    # A cheap filter only: the Action itself takes a command from the comment's first visible line alone.
    if: github.event_name != 'issue_comment' || (github.event.issue.pull_request && contains(github.event.comment.body, '/agentops'))
    # On the job, not the workflow: GitHub claims a workflow-level group before evaluating \`if\`, so every
    # comment on the PR (even one this job skips) would cancel the running evaluation. A new push cancels
    # the evaluation of the previous one; each command runs in a group of its own and cancels nothing.
    concurrency:
      group: agentops-\${{ github.event.pull_request.number || github.event.issue.number || github.ref }}-\${{ github.event.comment.id || 'eval' }}
      cancel-in-progress: true
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with:
          fetch-depth: 0 # the baseline is read from the base branch's history
      - uses: org/agentops-action@v1
        with:
          api-key: \${{ secrets.OPENAI_API_KEY }}
          # base-url: https://my-resource.openai.azure.com/openai/v1/
          max-cost-usd: "2"
      # The results JSON and the reports ($RUNNER_TEMP/agentops/): what "\u2026in the results JSON" points to.
      - uses: actions/upload-artifact@v7
        if: always()
        with:
          name: agentops-\${{ github.run_id }}-\${{ github.run_attempt }}
          path: \${{ runner.temp }}/agentops/
          if-no-files-found: ignore
          retention-days: 30
`;
/** examples/workflows/agentops.yml, with the comment that says where it came from. */
const WORKFLOW = `# Written by agentops init (the same as examples/workflows/agentops.yml in agentops-action).
# Set the OPENAI_API_KEY secret (gh secret set OPENAI_API_KEY), and make agentops/eval a required check.
name: agentops
on:
  # No \`paths:\` filter: a required check that never runs blocks the PR forever, and agentops works out
  # itself which prompts a change affects (shared rubrics and eval sets included), passing at once when none.
  pull_request:
  push:
    branches: [main] # refreshes the answer cache that pull requests reuse
  issue_comment:
    types: [created] # /agentops approve, /agentops rerun
  # With a merge queue the required agentops/eval status must also report on the queue's head: the queued change
  # is evaluated against the queue's base (no comment; the job summary and the status carry the report), and
  # when it is judged exactly as the PR head was, that verdict is reused with no model call.
  merge_group:

permissions:
  contents: read
  pull-requests: write # the report comment
  statuses: write # the agentops/eval status (add checks: write for check-mode: check-run)

jobs:
${JOBS}`;
/** Path (relative to the project folder) -> content. */
function initFiles(name) {
    return {
        "prompts/config.yaml": config(name),
        [`prompts/${name}/v1.yaml`]: init_project_prompt(name),
        [`prompts/${name}/eval_set.jsonl`]: EXAMPLES.map((e) => JSON.stringify(e)).join("\n") + "\n",
        ".github/workflows/agentops.yml": WORKFLOW,
    };
}
/** Files whose presence means a project is already here: init writes nothing then. */
const PROJECT_MARKERS = ["agentops.yaml", "prompts/config.yaml"];

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
;// CONCATENATED MODULE: ./lib/cli/init-command.js






const INIT_HELP = `Usage: agentops init [options]

Writes a small working project: prompts/<name>/v1.yaml (a prompt with two
criteria), prompts/<name>/eval_set.jsonl (three examples), prompts/config.yaml
and .github/workflows/agentops.yml (the example workflow, uploading the
results as an artifact). Overwrites nothing: when any of these files, or a
project config, exists it writes none of them and says which (exit 2).

Options:
  --name NAME          the prompt's name (default ${DEFAULT_PROMPT_NAME})
  --dir DIR            the project folder (default: the current folder)
  -h, --help           show this help
`;
const exists = (path) => (0,promises_.access)(path).then(() => true, () => false);
async function initCommand(argv, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            name: { type: "string" },
            dir: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) {
        io.stdout(INIT_HELP);
        return cli_io/* EXIT */.d.ok;
    }
    if (positionals.length)
        throw new errors/* UserError */.yo(`init takes no arguments, got "${positionals.join(" ")}"`, {}, "e.g. agentops init --name triage");
    const name = values.name ?? DEFAULT_PROMPT_NAME;
    if (!PROMPT_NAME.test(name))
        throw new errors/* UserError */.yo(`--name "${name}" is not a prompt name`, {}, "use lower-case letters, digits, - and _ (up to 64), starting with a letter or digit");
    const root = (0,external_node_path_.resolve)(io.cwd, values.dir ?? ".");
    const files = initFiles(name);
    const taken = [];
    for (const path of [...new Set([...PROJECT_MARKERS, ...Object.keys(files)])])
        if (await exists((0,external_node_path_.join)(root, path)))
            taken.push(path);
    const shown = (p) => (0,external_node_path_.relative)(io.cwd, (0,external_node_path_.join)(root, p)) || p;
    if (taken.length) {
        io.stderr(`error: nothing written: ${taken.map(shown).join(", ")} already exist${taken.length === 1 ? "s" : ""}\n` +
            "  hint: agentops init overwrites nothing; run it in a folder without a project, or pick another --name\n");
        return cli_io/* EXIT */.d.usage;
    }
    for (const [path, text] of Object.entries(files)) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(root, path)), { recursive: true });
        // wx: a file that appeared since the check above is still not overwritten.
        await (0,promises_.writeFile)((0,external_node_path_.join)(root, path), text, { flag: "wx" });
    }
    const at = values.dir ? `cd ${values.dir} && ` : "";
    io.stdout(`wrote ${Object.keys(files).map(shown).join(", ")}\n\n` +
        "Next:\n" +
        `  ${at}npx agentops eval prompts --provider mock      # a dry run: no key, no network\n` +
        `  ${at}OPENAI_API_KEY=sk-\u2026 npx agentops eval prompts   # the real thing: exits 1 when a threshold is missed\n` +
        `  ${at}git add prompts .github && git commit -m "agentops: first prompt" && git push   # then gh secret set OPENAI_API_KEY\n`);
    return cli_io/* EXIT */.d.ok;
}


/***/ })

};
