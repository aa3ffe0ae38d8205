/** `lantern tokens …`: API tokens for automation and Power BI (see src/usecases/api-tokens.ts). */
import { parseDuration } from '../domain/duration.js';
import type { ApiTokenRecord } from '../store/api-tokens.js';
import { actorOf, asOption } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatTable } from './table.js';

export const tokensCreateCommand = defineCommand({
  name: 'tokens create',
  task: 'Manage access',
  summary: "Create an API token for a user, carrying some or all of the user's grants; shown once",
  description:
    "The token (lnt_ID_SECRET) is printed once and kept only as a hash. It sees no more than its grants, which are the owner's (all of them unless --grants names some); a grant revoked from the owner is gone from the token too. It only reads, whatever the owner's role (importing, the plan and administering need someone signed in), and expires (at most 366 days); a password reset revokes it.",
  examples: ['lantern tokens create --user Priya --name "Power BI" --expires 30d'],
  options: {
    user: option.requiredText('the owner (name or email)', 'USER'),
    name: option.requiredText('what the token is for', 'NAME'),
    expires: { ...option.text('how long it lasts: 30d, 12h, 90m', 'DURATION'), defaultText: '30d' },
    grants: option.text(
      "the owner's grant ids it carries, separated by commas (default: all)",
      'IDS',
    ),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { createApiToken } = await import('../usecases/api-tokens.js');
    const grantIds = input.grants
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return createApiToken(
      deps.db,
      await actorOf(deps, input.as),
      {
        user: input.user,
        name: input.name,
        expiresInMs: parseDuration(input.expires ?? '30d'),
        ...(grantIds ? { grantIds } : {}),
      },
      deps.clock(),
    );
  },
  text: (t) =>
    [
      `Token ${t.id} "${t.name}" for ${t.user}, carrying grants ${t.grantIds.join(', ')}, valid until ${t.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'It is shown only now; keep it as a secret (send it as Authorization: Bearer TOKEN):',
      '',
      `  ${t.token}`,
    ].join('\n'),
});

export const tokensListCommand = defineCommand({
  name: 'tokens list',
  task: 'Manage access',
  summary:
    'The API tokens: id, owner, name, grants, expiry, last use (never the tokens themselves)',
  examples: ['lantern tokens list'],
  options: { as: asOption },
  store: 'existing',
  async run(deps, input) {
    const { listTokens } = await import('../usecases/api-tokens.js');
    return listTokens(deps.db, await actorOf(deps, input.as), deps.clock());
  },
  text: (tokens: ApiTokenRecord[]) =>
    tokens.length === 0
      ? 'No API tokens.'
      : formatTable(
          ['id', 'user', 'name', 'grants', 'created', 'expires', 'last used', 'revoked'],
          tokens.map((t) => [
            t.id,
            t.user,
            t.name,
            t.grantIds.join(','),
            t.createdAt,
            t.expiresAt,
            t.lastUsedAt ?? '–',
            t.revokedAt ?? '–',
          ]),
          ['left', 'left', 'left', 'left', 'left', 'left', 'left', 'left'],
        ),
  json: (tokens) => ({ tokens }),
});

export const tokensRevokeCommand = defineCommand({
  name: 'tokens revoke',
  task: 'Manage access',
  summary: 'Revoke an API token by its id (lantern tokens list): it stops working at once',
  examples: ['lantern tokens revoke --token 1a2b3c4d'],
  options: {
    token: option.requiredText("the token's id (the 8 characters after lnt_)", 'ID'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { revokeToken } = await import('../usecases/api-tokens.js');
    await revokeToken(deps.db, await actorOf(deps, input.as), input.token, deps.clock());
    return { revoked: input.token };
  },
  text: (r) => `Revoked token ${r.revoked}.`,
});
