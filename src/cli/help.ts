/**
 * The help a person reads in a terminal: every command by task, or one command in full. Made from
 * the commands' facts (commands/manifest.ts), so that no command is loaded to show it.
 */
import { TASKS } from '../commands/definition.js';
import type { CommandFacts, OptionInfo } from '../commands/info.js';
import { COMMAND_INFO } from '../commands/manifest.js';

export const kebab = (key: string) => key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`);

/** `--period PERIOD`, `--all`. */
export function flagText(key: string, spec: Pick<OptionInfo, 'kind' | 'placeholder'>): string {
  return spec.kind === 'boolean' ? `--${kebab(key)}` : `--${kebab(key)} ${spec.placeholder ?? 'X'}`;
}

/** The usage line: the command, its required options, then the optional ones in brackets. */
export function usageLine(command: CommandFacts): string {
  const parts = [`lantern ${command.name}`];
  if (command.positionals)
    parts.push(`${command.positionals.placeholder}${command.positionals.single ? '' : '...'}`);
  for (const [key, spec] of Object.entries(command.options)) {
    parts.push(spec.required ? flagText(key, spec) : `[${flagText(key, spec)}]`);
  }
  return parts.join(' ');
}

export function commandHelp(command: CommandFacts): string {
  const rows: [string, string][] = [];
  if (command.positionals) {
    rows.push([
      `${command.positionals.placeholder}${command.positionals.single ? '' : '...'}`,
      command.positionals.description,
    ]);
  }
  for (const [key, spec] of Object.entries(command.options)) {
    const notes = [
      spec.required ? 'required' : null,
      spec.defaultText ? `default: ${spec.defaultText}` : null,
    ]
      .filter(Boolean)
      .join('; ');
    rows.push([flagText(key, spec), spec.description + (notes ? ` (${notes})` : '')]);
  }
  rows.push(['--db PATH', 'the store (default: $LANTERN_DB, else ./lantern.duckdb)']);
  rows.push(['--json', 'print one JSON document on stdout and nothing else there']);
  if (!('as' in command.options) && command.store !== 'none') {
    rows.push([
      '--as USER',
      'read with that user’s grants, as they would see it (default: $LANTERN_AS, else the owner of the store file, who sees everything)',
    ]);
  }
  const width = Math.min(34, rows.reduce((w, [f]) => Math.max(w, f.length), 0) + 2);
  return [
    `lantern ${command.name}: ${command.summary}`,
    '',
    `Usage: ${wrapUsage(usageLine(command))}`,
    ...(command.description ? ['', wrap(command.description, 0)] : []),
    '',
    'Options:',
    ...rows.map(([flag, text]) =>
      flag.length + 2 <= width
        ? `  ${flag.padEnd(width)}${wrap(text, width + 2).trimStart()}`
        : `  ${flag}\n${wrap(text, width + 2)}`,
    ),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** The widest command name and two spaces: every summary starts in the same column. */
const NAME_WIDTH = COMMAND_INFO.reduce((w, c) => Math.max(w, c.name.length), 0) + 2;

export function generalHelp(): string {
  const lines = [
    'lantern: community-safety intelligence for Community Safety Partnerships',
    '',
    'Usage: lantern <command> [options]        lantern <command> --help for its options and examples',
  ];
  for (const task of TASKS) {
    const commands = COMMAND_INFO.filter((c) => c.task === task);
    if (commands.length === 0) continue;
    lines.push('', `${task}:`);
    for (const c of commands)
      lines.push(`  ${c.name.padEnd(NAME_WIDTH)}${wrap(c.summary, NAME_WIDTH + 2).trimStart()}`);
  }
  lines.push(
    '',
    'Every command takes --db PATH (the store: $LANTERN_DB, else ./lantern.duckdb) and --json;',
    'commands that read take --as USER (read with that user’s grants; $LANTERN_AS).',
    'Areas: ONS code, name or police.uk force id. Periods: YYYY-MM..YYYY-MM, YYYY, YYYY-YY (April',
    'to March) or last-12-months. Categories: code or name (lantern categories).',
    'Exit codes: 0 done, 2 bad input or usage (what was refused changed nothing; an import of',
    'several files stores each good file and reports the ones refused), 1 a source that cannot be',
    'reached or an unexpected failure.',
  );
  return lines.join('\n');
}

/** Wraps text to 100 columns, indenting continuation lines by `indent`. */
function wrap(text: string, indent: number): string {
  const width = 100 - indent;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out.map((l) => ' '.repeat(indent) + l).join('\n');
}

/** The usage line wrapped between options (never inside `[--x X]`), continued under the name. */
function wrapUsage(usage: string): string {
  const parts = usage.match(/\[[^\]]*\]|\S+/gu) ?? [];
  const indent = ' '.repeat('Usage: lantern '.length);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line !== '' && 'Usage: '.length + line.length + 1 + part.length > 100) {
      lines.push(line);
      line = `${indent.slice('Usage: '.length)}${part}`;
    } else line = line === '' ? part : `${line} ${part}`;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat('Usage: '.length)}`);
}
