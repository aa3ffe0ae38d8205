/**
 * Who may change the action plan. The local owner of the store's file, admins and analysts may
 * change any of it; a partner may update only the actions of their own organisation; a viewer
 * may change nothing. Besides the role, a signed-in user needs a grant covering the plan's area
 * (checked by the use case, which has the grants).
 */
import { sameOrganisation, type Actor } from '../access.js';

export type PlanEdit = 'plan' | 'action';

/** Null when allowed, else why not (for the refusal's message). */
export function planEditRefusal(
  actor: Actor,
  edit: PlanEdit,
  actionOrganisation: string | null = null,
): string | null {
  const user = actor.user;
  if (user === null) return null;
  if (user.disabled) return `${user.name}'s account is disabled`;
  if (user.role === 'admin' || user.role === 'analyst') return null;
  if (user.role === 'partner' && edit === 'action') {
    if (sameOrganisation(user.organisation, actionOrganisation)) return null;
    return `a partner may change only their own organisation's actions (${user.organisation ?? 'no organisation'}), and this one is ${actionOrganisation ?? "no organisation's"}`;
  }
  return `a ${user.role} may not change the action plan: ask an analyst or admin`;
}
