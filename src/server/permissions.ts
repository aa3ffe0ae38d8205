/**
 * What each route needs of its caller, declared where the route is mounted: a route cannot be
 * added without saying who may use it (a test walks the app's whole route table against these
 * declarations). Today the server acts for the store's owner on this computer (127.0.0.1) and
 * every declaration is met; sign-in (issue 20) checks them per caller.
 */
import type { Hono } from 'hono';
import type { H } from 'hono/types';

/**
 * - public: anyone, signed in or not (published, disclosure-controlled summaries; the API's
 *   description; the dashboard's own script and style);
 * - read: a signed-in caller, who then sees what their grants allow (the Scope);
 * - import: an analyst or admin: adds to the store;
 * - admin: users, grants and the audit log.
 */
export type Permission = 'public' | 'read' | 'import' | 'admin';

export const PERMISSIONS: readonly Permission[] = ['public', 'read', 'import', 'admin'];

/** Every route's permission, by "METHOD path" as Hono lists it. */
export type RoutePermissions = Map<string, Permission>;

const DECLARED = new WeakMap<Hono, RoutePermissions>();

/** The permissions declared on an app's routes. */
export function declaredPermissions(app: Hono): RoutePermissions {
  let map = DECLARED.get(app);
  if (!map) DECLARED.set(app, (map = new Map()));
  return map;
}

/** Mounts a route with the permission it needs. */
export function route(
  app: Hono,
  method: 'get' | 'post',
  path: string,
  permission: Permission,
  ...handlers: H[]
): void {
  declaredPermissions(app).set(`${method.toUpperCase()} ${path}`, permission);
  (app[method] as (path: string, ...h: H[]) => Hono)(path, ...handlers);
}
