import { errorMessage, isUserError } from "../errors.js";
import { scrubSecrets, secretsFromEnv } from "../secrets.js";
import { VERSION } from "../version.js";
import { EXIT, type CliIo } from "./io.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Every command, in the order the help lists them. Each loads its modules when it runs: a run of
 * `eval` then neither reads nor evaluates the code of the others (import, lifecycle, merge…), and
 * `--version` or `--help` loads almost nothing — start-up is most of a short run's overhead.
 */
const COMMANDS: readonly { name: string; usage: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: "init",
    usage: "init",
    summary: "write a small working project: a prompt, its eval set, the config and the workflow",
    load: async () => (await import("./init-command.js")).initCommand,
  },
  {
    name: "eval",
    usage: "eval <path>",
    summary: "evaluate prompt versions on their eval sets",
    load: async () => (await import("./eval-command.js")).evalCommand,
  },
  {
    name: "compare",
    usage: "compare",
    summary: "evaluate what a git change affects against its baseline and decide the gate",
    load: async () => (await import("./compare-command.js")).compareCommand,
  },
  {
    name: "promote",
    usage: "promote",
    summary: "make a prompt version the active one in an environment (edits the config)",
    load: async () => (await import("./promote-command.js")).promoteCommand,
  },
  {
    name: "rollback",
    usage: "rollback",
    summary: "put an environment back on an earlier version of a prompt",
    load: async () => (await import("./rollback-command.js")).rollbackCommand,
  },
  {
    name: "versions",
    usage: "versions",
    summary: "list a prompt's versions, where each runs and their last scores",
    load: async () => (await import("./versions-command.js")).versionsCommand,
  },
  {
    name: "score",
    usage: "score <traces>",
    summary: "score logged production traces with a prompt's criteria",
    load: async () => (await import("./score-command.js")).scoreCommand,
  },
  {
    name: "curate",
    usage: "curate <file>",
    summary: "propose eval examples from scored production traces (failing, flagged, disputed)",
    load: async () => (await import("./curate-command.js")).curateCommand,
  },
  {
    name: "drift",
    usage: "drift",
    summary: "compare two windows of scored traces: PSI, KS and pass-rate tests",
    load: async () => (await import("./drift-command.js")).driftCommand,
  },
  {
    name: "history",
    usage: "history <files>",
    summary: "each prompt version's criteria over time, from results files (tables, charts)",
    load: async () => (await import("./history-command.js")).historyCommand,
  },
  {
    name: "merge",
    usage: "merge <files>",
    summary: "merge the results of compare --shard runs into one verdict and report",
    load: async () => (await import("./merge-command.js")).mergeCommand,
  },
  {
    name: "import",
    usage: "import <source>",
    summary: "convert a promptfoo config or OpenAI Evals samples into prompts and an eval set",
    load: async () => (await import("./import-command.js")).importCommand,
  },
];

const USAGE_WIDTH = 17;

export const HELP = `agentops ${VERSION} — a quality gate for LLM prompt changes

Usage: agentops <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(USAGE_WIDTH)}${c.summary}\n`).join("")}  ${"help".padEnd(USAGE_WIDTH)}show this help

Run "agentops <command> --help" for a command's options.
`;

/** Loads every command's modules now, e.g. for tests that should not pay for it in their first case. */
export async function loadEveryCommand(): Promise<void> {
  await Promise.all(COMMANDS.map((c) => c.load()));
}

/** The CLI without the process: returns the exit code. */
export async function runCli(argv: string[], raw: CliIo): Promise<number> {
  // Whatever a command prints (errors, reports, results) passes the scrubber: a server may echo a key.
  const secrets = secretsFromEnv(raw.env);
  const io: CliIo = {
    ...raw,
    stdout: (text) => raw.stdout(scrubSecrets(text, secrets)),
    stderr: (text) => raw.stderr(scrubSecrets(text, secrets)),
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case "--version":
      case "-V":
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      default: {
        const known = COMMANDS.find((c) => c.name === command);
        if (known) return await (await known.load())(rest, io);
        io.stderr(`agentops: unknown command "${command}"\n\n${HELP}`);
        return EXIT.usage;
      }
    }
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`error: ${e.format()}\n`);
      return EXIT.usage;
    }
    // node:util parseArgs reports unknown or malformed flags with this code.
    if (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`error: ${e.message}\n  hint: run agentops ${command ?? ""} --help\n`);
      return EXIT.usage;
    }
    io.stderr(
      `internal error: ${errorMessage(e)}\n${io.env.AGENTOPS_DEBUG && e instanceof Error ? `${e.stack ?? ""}\n` : "  (set AGENTOPS_DEBUG=1 for a stack trace; please report this)\n"}`,
    );
    return EXIT.internal;
  }
}
