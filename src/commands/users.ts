/**
 * `lantern users …`: add users (the first must be an admin), list them with their grants, grant
 * and revoke access, and reset a password. Each change is written to the audit log.
 */
import { ROLES, type Grant } from '../domain/access.js';
import { InputError } from '../errors.js';
import type { UserListing } from '../usecases/users.js';
import { actorOf, asOption, PASSWORD_HELP, readPassword } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatTable } from './table.js';

export const usersAddCommand = defineCommand({
  name: 'users add',
  task: 'Manage access',
  summary: 'Add a user (the first user of a store must be an admin: --admin)',
  description: `A user has a name, an email, an organisation and a role: admin (manages users and access), analyst, partner or viewer (sees aggregates only). A new user sees nothing until granted areas and datasets (lantern users grant). ${PASSWORD_HELP} At least 12 characters.`,
  examples: [
    'lantern users add --name "Alex Admin" --email alex@example.gov.uk --org "Three Rivers DC" --admin',
  ],
  options: {
    name: option.requiredText('the name the user signs in with', 'NAME'),
    email: option.requiredText('their email address (they may also sign in with it)', 'EMAIL'),
    org: option.text('their organisation (created if new)', 'ORG'),
    role: option.choice('their role', ROLES),
    admin: option.flag('make the user an admin (the same as --role admin)'),
    as: asOption,
  },
  store: 'create',
  async run(deps, input) {
    const role = input.admin ? 'admin' : input.role;
    if (role === undefined)
      throw new InputError('--role is required (or --admin)', { field: 'role' });
    if (input.admin && input.role !== undefined && input.role !== 'admin') {
      throw new InputError(`--admin and --role ${input.role} disagree: give one`);
    }
    const { addUser } = await import('../usecases/users.js');
    const password = await readPassword(deps);
    const actor = await actorOf(deps, input.as);
    const user = await addUser(
      deps.db,
      actor,
      { name: input.name, email: input.email, organisation: input.org ?? null, role, password },
      deps.clock(),
    );
    return { user };
  },
  text: ({ user }) =>
    `Added ${user.name} <${user.email}>, ${user.role}${user.organisation ? ` of ${user.organisation}` : ''}.` +
    (user.role === 'admin'
      ? ''
      : `\nThey see nothing until granted: lantern users grant --user "${user.name}" --area AREA --level detail|aggregate`),
});

export const usersListCommand = defineCommand({
  name: 'users list',
  task: 'Manage access',
  summary: 'The users, their roles and organisations, and the grants each holds',
  examples: ['lantern users list'],
  options: { as: asOption },
  // 'existing', not 'read': the HTTP API mounts read commands, and this list is for admins only.
  store: 'existing',
  async run(deps, input) {
    const { listUsersWithGrants } = await import('../usecases/users.js');
    return listUsersWithGrants(deps.db, await actorOf(deps, input.as), deps.clock());
  },
  text: formatUsers,
  json: (users) => ({ users }),
});

function grantText(g: Grant): string {
  const what = g.dataset ?? (g.sensitivity ? `${g.sensitivity} datasets` : 'public datasets');
  const to = g.organisation ? ` (via ${g.organisation})` : '';
  return `${g.id}: ${g.area} ${g.level}, ${what}${to}`;
}

function formatUsers(users: UserListing[]): string {
  if (users.length === 0)
    return 'No users yet: add the first admin with lantern users add --admin.';
  const rows = users.map((u) => [
    u.name,
    u.email,
    u.organisation ?? '–',
    u.role + (u.disabled ? ' (disabled)' : ''),
    u.grants.length === 0 ? 'none: sees nothing' : u.grants.map(grantText).join('; '),
  ]);
  return formatTable(['user', 'email', 'organisation', 'role', 'grants'], rows, [
    'left',
    'left',
    'left',
    'left',
    'left',
  ]);
}

export const usersGrantCommand = defineCommand({
  name: 'users grant',
  task: 'Manage access',
  summary:
    'Give a user or an organisation an area (in detail or in aggregate) and the datasets it opens',
  description:
    'Denied by default: a user sees only what grants give them and their organisation. --level detail shows the records and every breakdown; aggregate shows totals only. Without --dataset or --sensitivity the grant opens the public datasets (police.uk); --sensitivity partner adds the partner datasets, restricted adds prevent and domestic-abuse too; --dataset opens one. --area all (every area) is only for an admin.',
  examples: [
    'lantern users grant --user Priya --area "Three Rivers" --level detail --sensitivity partner',
    'lantern users grant --user Priya --area hertfordshire --level aggregate',
  ],
  options: {
    user: option.text('the user (name or email)', 'USER'),
    org: option.text('or an organisation: every member holds the grant', 'ORG'),
    area: option.area(
      'a district, CSP or force (ONS code, name or police.uk force id), or all (admins only)',
    ),
    level: {
      ...option.choice('what the area shows', ['detail', 'aggregate'] as const),
      schema: option
        .choice('', ['detail', 'aggregate'] as const)
        .schema.refine((v) => v !== undefined, 'is required'),
    },
    dataset: option.text('one dataset the grant opens (lantern datasets)', 'DATASET'),
    sensitivity: option.choice('or every dataset up to this sensitivity', [
      'public',
      'partner',
      'restricted',
    ] as const),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { grantAccess } = await import('../usecases/grants.js');
    return grantAccess(
      deps.db,
      await actorOf(deps, input.as),
      {
        ...(input.user !== undefined ? { user: input.user } : {}),
        ...(input.org !== undefined ? { organisation: input.org } : {}),
        area: input.area,
        level: input.level!,
        ...(input.dataset !== undefined ? { dataset: input.dataset } : {}),
        ...(input.sensitivity !== undefined ? { sensitivity: input.sensitivity } : {}),
      },
      deps.clock(),
    );
  },
  text: (g) =>
    `Granted ${g.user ?? `every member of ${g.organisation}`} ${g.areaName} (${g.area}) in ${g.level}, ` +
    `${g.dataset ?? (g.sensitivity ? `${g.sensitivity} datasets` : 'public datasets')}. Grant id: ${g.id}`,
});

export const usersRevokeCommand = defineCommand({
  name: 'users revoke',
  task: 'Manage access',
  summary:
    'Take back a grant by its id (lantern users list shows them); tokens carrying it lose it too',
  examples: ['lantern users revoke --grant 1a2b3c4d'],
  options: {
    grant: option.requiredText("the grant's id", 'ID'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { revokeGrant } = await import('../usecases/grants.js');
    return revokeGrant(deps.db, await actorOf(deps, input.as), input.grant, deps.clock());
  },
  text: (g) => `Revoked ${g.id}: ${grantText(g)} from ${g.user ?? g.organisation}.`,
});

export const usersResetPasswordCommand = defineCommand({
  name: 'users reset-password',
  task: 'Manage access',
  summary: 'Start a password reset: prints a one-time token (valid 24 hours) to hand to the user',
  description:
    'The token is shown once and kept only as a hash; a newer reset voids an older one. The user sets a new password with it (lantern users set-password), which ends their sessions, revokes their API tokens and clears a lockout.',
  examples: ['lantern users reset-password --user Priya'],
  options: {
    user: option.requiredText('the user (name or email)', 'USER'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { startPasswordReset } = await import('../usecases/password-reset.js');
    return startPasswordReset(deps.db, await actorOf(deps, input.as), input.user, deps.clock());
  },
  text: (r) =>
    [
      `A one-time reset token for ${r.user}, valid until ${r.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'It is shown only now: hand it to them privately.',
      '',
      `  ${r.token}`,
      '',
      'They set a new password with: LANTERN_RESET_TOKEN=… LANTERN_PASSWORD=… lantern users set-password',
    ].join('\n'),
});

export const usersUnlockCommand = defineCommand({
  name: 'users unlock',
  task: 'Manage access',
  summary:
    'Unlock a user locked out by repeated failed sign-ins, so they may sign in again at once',
  examples: ['lantern users unlock --user Priya'],
  options: {
    user: option.requiredText('the user (name or email)', 'USER'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { unlockUser } = await import('../usecases/users.js');
    return unlockUser(deps.db, await actorOf(deps, input.as), input.user, deps.clock());
  },
  text: (u) => `${u.name} is unlocked and may sign in again.`,
});

export const usersSetPasswordCommand = defineCommand({
  name: 'users set-password',
  task: 'Manage access',
  summary: 'Set a new password with a one-time reset token from an admin',
  description: `The token is read from the environment variable LANTERN_RESET_TOKEN. ${PASSWORD_HELP}`,
  examples: ["LANTERN_RESET_TOKEN='…' LANTERN_PASSWORD='…' lantern users set-password"],
  options: {},
  store: 'existing',
  async run(deps) {
    const token = deps.env.LANTERN_RESET_TOKEN;
    if (!token) {
      throw new InputError(
        'no reset token: set LANTERN_RESET_TOKEN to the token an admin gave you',
      );
    }
    const { completePasswordReset } = await import('../usecases/password-reset.js');
    return completePasswordReset(
      deps.db,
      { token, password: await readPassword(deps) },
      deps.clock(),
    );
  },
  text: (r) => `New password set for ${r.user}; their other sessions are ended.`,
});

export const usersAddOrgCommand = defineCommand({
  name: 'users add-org',
  task: 'Manage access',
  summary: 'Add an organisation, so that its members can be granted access together',
  examples: ['lantern users add-org --name "Three Rivers DC"'],
  options: {
    name: option.requiredText("the organisation's name", 'NAME'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { addOrganisationNamed } = await import('../usecases/users.js');
    return addOrganisationNamed(deps.db, await actorOf(deps, input.as), input.name, deps.clock());
  },
  text: (r) => (r.added ? `Added the organisation ${r.name}.` : `${r.name} is already there.`),
});

function disableCommand(disabled: boolean) {
  return defineCommand({
    name: disabled ? 'users disable' : 'users enable',
    task: 'Manage access',
    summary: disabled
      ? 'Disable a user: they cannot sign in, their sessions end and their tokens stop at once'
      : 'Enable a disabled user again, with the grants they held',
    examples: [`lantern users ${disabled ? 'disable' : 'enable'} --user Priya`],
    options: {
      user: option.requiredText('the user (name or email)', 'USER'),
      as: asOption,
    },
    store: 'existing',
    async run(deps, input) {
      const { setUserDisabled } = await import('../usecases/users.js');
      return setUserDisabled(
        deps.db,
        await actorOf(deps, input.as),
        input.user,
        disabled,
        deps.clock(),
      );
    },
    text: (u) => `${u.name} is ${u.disabled ? 'disabled' : 'enabled'}.`,
  });
}

export const usersDisableCommand = disableCommand(true);
export const usersEnableCommand = disableCommand(false);
