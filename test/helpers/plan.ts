/**
 * A partnership's plan for tests, made as an analyst makes it: an assessment of Three Rivers saved
 * (`lantern assess`), then `lantern plan create --from-assessment latest`. Returns the plan's
 * priorities as `plan create --json` gives them.
 */
import { run, runJson } from './cli.js';

export async function threeRiversPlan(
  db: string,
  options: { period?: string; year?: string; allowPartial?: boolean } = {},
): Promise<{ key: string; label: string }[]> {
  const assess = [
    'assess',
    '--area',
    'Three Rivers',
    '--period',
    options.period ?? '2025',
    ...(options.allowPartial ? ['--allow-partial'] : []),
  ];
  const saved = await run([...assess, '--db', db]);
  if (saved.code !== 0) throw new Error(`lantern ${assess.join(' ')}: ${saved.stderr}`);
  const created = await runJson<{ priorities: { key: string; label: string }[] }>([
    'plan',
    'create',
    '--partnership',
    'Three Rivers CSP',
    '--year',
    options.year ?? '2025-26',
    '--from-assessment',
    'latest',
    '--db',
    db,
  ]);
  if (created.code !== 0) throw new Error(`lantern plan create: ${created.stderr}`);
  return created.json.priorities;
}
