/**
 * `lantern plan action add|update|show`: the actions of the partnership's plan. An update states
 * the version it was made from (`--expect-version`, shown by plan show), so two people editing
 * the same action cannot overwrite each other unawares.
 */
import { z } from 'zod';

import { parseActionStatus, type ActionStatus } from '../domain/plan/action-status.js';
import type { ActionRecord } from '../domain/plan/plan-types.js';
import { parseRag, type Rag } from '../domain/plan/rag.js';
import type { ActionDetail } from '../usecases/plan/plan-view.js';
import type { UpdatedAction } from '../usecases/plan/plan-actions.js';
import { actorOf } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { dayOption, linksOption, planChoiceOptions, planAsOption } from './plan-options.js';

export const planActionAddCommand = defineCommand({
  name: 'plan action add',
  task: 'Priorities and reports',
  summary: 'Add an action to the plan, under one of its priorities, with an owner and a due date',
  examples: [
    'lantern plan action add --priority burglary --title "Target-hardening visits in the top hotspot" --owner "Community Safety Officer" --org "Three Rivers District Council" --due 2026-01-31',
  ],
  options: {
    ...planChoiceOptions,
    priority: option.text(
      "the plan's priority it serves (its key, as plan show lists them)",
      'KEY',
    ),
    objective: option.text('the objective under the priority it serves (added if new)', 'TEXT'),
    title: option.requiredText('what will be done', 'TEXT'),
    description: option.text('more about it', 'TEXT'),
    owner: option.text('who owns it (a person or a post)', 'NAME'),
    org: option.text('the organisation that owns it', 'NAME'),
    group: option.text('the group that carries it (ASB Action Group…)', 'NAME'),
    due: dayOption('when it is due'),
    link: linksOption,
    public: option.flag('may be shown on the public page'),
    as: planAsOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { addAction } = await import('../usecases/plan/plan-actions.js');
    return addAction(
      deps.db,
      await actorOf(deps, input.as),
      input,
      { ...input, organisation: input.org, links: input.link ?? [] },
      deps.clock(),
    );
  },
  text: (a: ActionRecord) =>
    `Added action ${a.id} (version ${a.version}): ${a.title}${a.dueDate ? `, due ${a.dueDate}` : ''}.`,
});

const parsedWith = <T>(parse: (text: string) => T) =>
  z
    .string()
    .transform((text, ctx): T => {
      try {
        return parse(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional();

export const planActionUpdateCommand = defineCommand({
  name: 'plan action update',
  task: 'Priorities and reports',
  summary: 'Update an action: status, progress, a dated note, RAG set by hand (with a reason)',
  description:
    'Give the version you read (plan show lists it as v): if someone changed the action since, nothing is saved and you are told who changed what, when. A RAG set by hand needs ⟨ragReason⟩; --rag clear returns to the derived RAG.',
  examples: [
    'lantern plan action update 1 --status in-progress --progress 40 --note "Visits booked" --expect-version 1',
  ],
  options: {
    status: {
      kind: 'string',
      description: 'not-started, in-progress, on-hold, complete or cancelled',
      placeholder: 'STATUS',
      schema: parsedWith<ActionStatus>((t) => parseActionStatus(t)),
    },
    progress: option.number('how much is done', {
      min: 0,
      max: 100,
      integer: true,
      unit: 'per cent',
      placeholder: '0-100',
    }),
    note: option.text('a dated update, kept with your name', 'TEXT'),
    rag: {
      kind: 'string',
      description: 'a RAG set by hand (red, amber, green, blue, grey), or clear',
      placeholder: 'RAG',
      schema: parsedWith<Rag | 'clear'>((t) =>
        t.trim().toLowerCase() === 'clear' ? 'clear' : parseRag(t),
      ),
    },
    ragReason: option.text('why the RAG is set by hand', 'TEXT'),
    due: dayOption('a new due date'),
    priority: option.text(
      "the plan's priority to move the action under, by key or label (plan show lists them); its objective, of the old priority, ends",
      'KEY',
    ),
    owner: option.text('a new owner', 'NAME'),
    org: option.text('a new owning organisation', 'NAME'),
    link: linksOption,
    public: {
      kind: 'string',
      description: 'yes or no: may it be shown on the public page',
      placeholder: 'yes|no',
      schema: parsedWith<boolean>((t) => {
        const v = t.trim().toLowerCase();
        if (v === 'yes' || v === 'true') return true;
        if (v === 'no' || v === 'false') return false;
        throw new Error(`"${t}" is not yes or no`);
      }),
    },
    expectVersion: option.requiredNumber('the version of the action you read (plan show: v)', {
      min: 1,
      integer: true,
      placeholder: 'N',
    }),
    as: planAsOption,
  },
  positionals: {
    key: 'id',
    placeholder: 'ID',
    single: true,
    description: "the action's number (plan show: id)",
    schema: z
      .array(z.string())
      .length(1, 'name one action by its number (plan show lists them)')
      .transform((v, ctx) => {
        const n = Number(v[0]);
        if (!Number.isInteger(n) || n < 1) {
          ctx.addIssue({ code: 'custom', message: `"${v[0]}" is not an action's number` });
          return z.NEVER;
        }
        return n;
      }),
  },
  store: 'existing',
  async run(deps, input) {
    const { updateAction } = await import('../usecases/plan/plan-actions.js');
    return updateAction(
      deps.db,
      await actorOf(deps, input.as),
      input.id,
      input.expectVersion,
      { ...input, organisation: input.org, addLinks: input.link },
      deps.clock(),
    );
  },
  text: (a: UpdatedAction) =>
    `Updated action ${a.id} to version ${a.version}: ${a.status}, ${a.progress}% done${a.ragOverride ? `, RAG ${a.ragOverride} by hand (${a.ragReason})` : ''}.` +
    (a.ragCleared
      ? `\nThe RAG set by hand (${a.ragCleared.rag}${a.ragCleared.reason ? `: ${a.ragCleared.reason}` : ''}) no longer applies now the status has changed: the RAG is derived again (set one with --rag and --rag-reason if it still holds).`
      : ''),
});

export const planActionShowCommand = defineCommand({
  name: 'plan action show',
  task: 'Priorities and reports',
  summary: 'One action with its dated updates and the full history of its changes',
  examples: ['lantern plan action show --action 1'],
  options: {
    action: option.requiredNumber("the action's number (plan show: id)", {
      min: 1,
      integer: true,
      placeholder: 'ID',
    }),
  },
  store: 'read',
  async run(deps, input) {
    const { actionDetail } = await import('../usecases/plan/plan-view.js');
    return actionDetail(deps.db, deps.scope, input.action, deps.clock());
  },
  text: (d: ActionDetail) => {
    const a = d.action;
    return [
      `Action ${a.id} (version ${a.version}): ${a.title}`,
      a.description ? `  ${a.description}` : '',
      `  Priority: ${a.priority ?? '–'}${a.objective ? `; objective: ${a.objective}` : ''}`,
      `  Owner: ${[a.owner, a.organisation].filter(Boolean).join(', ') || '–'}; due ${a.dueDate ?? '–'}; ${a.status}, ${a.progress}% done`,
      `  RAG: ${a.rag.rag}${a.rag.override ? ` set by hand (${a.rag.override.reason}); derived ${a.rag.derived.rag} (${a.rag.derived.reason})` : ` (${a.rag.derived.reason})`}`,
      ...a.links.map((l) => `  Evidence: ${l}`),
      a.carriedFrom ? `  Carried over from action ${a.carriedFrom}` : '',
      a.carriedTo
        ? `  Carried over to the ${a.carriedTo.year} plan as action ${a.carriedTo.id}: update that one`
        : '',
      '',
      'Updates:',
      ...(d.updates.length
        ? d.updates.map((u) => `  ${u.at.slice(0, 10)} ${u.author}: ${u.note}`)
        : ['  none']),
      '',
      'History:',
      ...d.history.map(
        (h) => `  v${h.version} ${h.at.slice(0, 16).replace('T', ' ')} ${h.author}: ${h.change}`,
      ),
    ]
      .filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '')
      .join('\n');
  },
});
