/**
 * `lantern`: finds the command its first words name, runs it through the generic
 * adapter (run-command.ts), and turns errors into exit codes in this one place — 0 done, 2 bad
 * input or usage (nothing changed by the failing part), 1 a source that cannot be reached, a
 * store that cannot be written, or an unexpected failure. With --json, stdout carries exactly one
 * JSON document. Help, and the choice of command, read only the commands' facts
 * (commands/manifest.ts), as do the usage errors those facts can judge (parse-flags.ts); the one
 * command that runs is imported then, and with it what it needs (zod for its options; its use
 * case and DuckDB only once its input has been checked).
 */
import { findByWords } from '../commands/info.js';
import { COMMAND_INFO } from '../commands/manifest.js';
import { renderOptionRefs } from '../domain/option-ref.js';
import { didYouMean } from '../domain/suggest.js';
import { terminalText } from '../domain/terminal-text.js';
import { defaultScope, resolveDbPath, resolveHashKeyFile, type CommandContext } from './context.js';
import { commandHelp, generalHelp } from './help.js';
import { actingAsOf, optionError, parseFlags } from './parse-flags.js';
import { reportError } from './report-error.js';

/** The leading words (the command's name), and the global options wherever they are. */
function prescan(argv: readonly string[]) {
  const words: string[] = [];
  let db: string | undefined;
  let json = false;
  let help = false;
  let leading = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--db') db = argv[++i];
    else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-')) leading = false;
    else if (leading) words.push(a);
  }
  return { words, db, json, help };
}

/** Where a run's output goes: the process's streams (bin/lantern.js), or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when a person is watching: progress bars are drawn only then. */
  interactive: boolean;
}

const PROCESS_IO: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  get interactive() {
    return Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY);
  },
};

/** Runs `lantern argv...` and returns its exit code. */
export async function lantern(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io = PROCESS_IO,
): Promise<number> {
  const pre = prescan(argv);
  const dbPath = resolveDbPath(pre.db, env);
  const ctx: CommandContext = {
    dbPath,
    hashKeyFile: resolveHashKeyFile(dbPath, env),
    json: pre.json,
    env,
    scope: defaultScope(),
    // Options named in messages as ⟨key⟩ (domain/option-ref.ts) are flags here. Text quoting a
    // file's name or cells cannot drive the terminal: its control characters are shown
    // (domain/terminal-text.ts); a JSON document escapes them itself and is left as it is.
    out: (text) => io.out(pre.json ? renderOptionRefs(text) : terminalText(renderOptionRefs(text))),
    err: (text) => io.err(terminalText(renderOptionRefs(text))),
    interactive: io.interactive,
  };
  if (pre.words.length === 0 || pre.words[0] === 'help') {
    const asked = pre.words[0] === 'help' ? findByWords(COMMAND_INFO, pre.words.slice(1)) : null;
    ctx.out(asked ? commandHelp(asked.command) : generalHelp());
    return pre.words.length === 0 && !pre.help ? 2 : 0;
  }
  const found = findByWords(COMMAND_INFO, pre.words);
  if (!found) {
    const names = COMMAND_INFO.map((c) => c.name);
    ctx.err(
      `lantern: unknown command "${pre.words.join(' ')}"${didYouMean(pre.words.slice(0, 2).join(' '), names)}. Run 'lantern help' for the commands.`,
    );
    return 2;
  }
  const words = found.command.name.split(' ');
  let skipped = 0;
  const args = argv.filter((a) => {
    if (skipped < words.length && a === words[skipped]) {
      skipped++;
      return false;
    }
    return true;
  });
  try {
    // Flags, help and the usage errors the command's facts can answer (a required option left
    // out, a bad value of a common kind), before the command and zod are loaded.
    const flags = parseFlags(found.command, args);
    if (flags === 'help') {
      ctx.out(commandHelp(found.command));
      return 0;
    }
    const actingAs = actingAsOf(found.command, flags.values, env);
    const refused = optionError(found.command, flags.values);
    if (refused) throw refused;
    const [{ runCommand }, command] = await Promise.all([
      import('./run-command.js'),
      found.command.load(),
    ]);
    return await runCommand(command, flags, actingAs, ctx);
  } catch (error) {
    return reportError(ctx, error);
  }
}
