/**
 * docs/commands.md, made from the command definitions: a section per command with its summary,
 * description, usage, options table and examples. `npm run docs` writes it; a test fails when
 * the file in the repository differs from what the definitions make.
 */
import { renderOptionRefs } from '../domain/option-ref.js';
import { TASKS, type AnyCommand, type OptionSpec } from './definition.js';
import { COMMANDS } from './registry.js';

const kebab = (key: string) => key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`);
const flag = (key: string, spec: OptionSpec) =>
  spec.kind === 'boolean' ? `--${kebab(key)}` : `--${kebab(key)} ${spec.placeholder ?? 'X'}`;
const required = (spec: OptionSpec) => !spec.schema.safeParse(undefined).success;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function usage(command: AnyCommand): string {
  const parts = [`lantern ${command.name}`];
  if (command.positionals)
    parts.push(`${command.positionals.placeholder}${command.positionals.single ? '' : '...'}`);
  for (const [key, spec] of Object.entries(command.options) as [string, OptionSpec][]) {
    parts.push(required(spec) ? flag(key, spec) : `[${flag(key, spec)}]`);
  }
  return parts.join(' ');
}

function section(command: AnyCommand): string {
  const rows: string[] = [];
  if (command.positionals) {
    rows.push(
      `| ${cell(`\`${command.positionals.placeholder}${command.positionals.single ? '' : '...'}\``)} | ${cell(command.positionals.description)} |`,
    );
  }
  for (const [key, spec] of Object.entries(command.options) as [string, OptionSpec][]) {
    const notes = [
      required(spec) ? 'required' : '',
      spec.defaultText ? `default: ${spec.defaultText}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push(
      `| ${cell(`\`${flag(key, spec)}\``)} | ${cell(spec.description)}${notes ? ` (${cell(notes)})` : ''} |`,
    );
  }
  return [
    `### lantern ${command.name}`,
    '',
    command.summary + '.',
    ...(command.description ? ['', command.description] : []),
    '',
    '```',
    usage(command),
    '```',
    '',
    ...(rows.length > 0 ? ['| option | what it means |', '| --- | --- |', ...rows, ''] : []),
    'Examples:',
    '',
    '```sh',
    ...command.examples,
    '```',
  ].join('\n');
}

export function commandsMarkdown(): string {
  const parts = [
    '# Lantern commands',
    '',
    '<!-- Made from the command definitions in src/commands/ by `npm run docs`; do not edit by hand. -->',
    '',
    'Run as `npx lantern <command>` (or `node bin/lantern.js <command>`); `lantern <command> --help`',
    'prints the same as below. Every command also takes `--db PATH` (the store: `$LANTERN_DB`, else',
    '`./lantern.duckdb`) and `--json` (one JSON document on stdout, nothing else there). Exit codes:',
    '0 done, 2 bad input or usage (what was refused changed nothing; an import of several files',
    'stores each good file and reports the ones refused), 1 a source that cannot be reached, a store',
    'that cannot be written, or an unexpected failure.',
    '',
    'Areas are given by ONS code (`E07000102`), name (`"Three Rivers"`, any case) or police.uk force id',
    '(`hertfordshire`). Periods: `YYYY-MM..YYYY-MM`, `YYYY-MM`, `YYYY` (a calendar year), `YYYY-YY`',
    '(April to March, the planning year) or `last-12-months`. Categories: the police.uk code',
    '(`violent-crime`) or the name outputs print ("Violence and sexual offences"); `lantern categories`.',
  ];
  for (const task of TASKS) {
    const commands = COMMANDS.filter((c) => c.task === task);
    if (commands.length === 0) continue;
    parts.push(
      '',
      `## ${task}`,
      '',
      ...commands.map((c) => `- [lantern ${c.name}](#${anchor(c.name)}): ${c.summary}`),
    );
    for (const c of commands) parts.push('', section(c));
  }
  // Options named in descriptions as ⟨key⟩ are the CLI's flags here.
  return renderOptionRefs(parts.join('\n') + '\n');
}

/** GitHub's anchor for a "### lantern NAME" heading. */
function anchor(name: string): string {
  return `lantern-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9 -]/gu, '')
    .replaceAll(' ', '-');
}
