/**
 * What each route needs of its caller, declared where the route is mounted: a route cannot be
 * added without saying who may use it (a test walks the app's whole route table against these
 * declarations), and each route checks its caller against it (caller.ts).
 */
import type { Hono } from 'hono';
import type { H } from 'hono/types';

import { guard, type Permission } from './caller.js';

export type { Permission } from './caller.js';

export const PERMISSIONS: readonly Permission[] = ['public', 'read', 'import', 'plan', 'admin'];

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
  (app[method] as (path: string, ...h: H[]) => Hono)(path, guard(permission), ...handlers);
}
