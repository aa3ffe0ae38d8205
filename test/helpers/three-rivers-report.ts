/** Three Rivers' report as data, made in this process on a store file with the bundled settings. */
import { FULL_SCOPE } from '../../src/domain/scope.js';
import type { Audience, ReportData } from '../../src/report/report-data.js';
import { openStore } from '../../src/store/open-store.js';
import { reportData } from '../../src/usecases/report-data.js';
import { settingsFrom } from './settings.js';

export async function threeRiversData(
  db: string,
  audience: Audience,
  options: { period?: { from: string; to: string }; today?: string } = {},
): Promise<ReportData> {
  const store = await openStore(db);
  try {
    return await reportData(store, FULL_SCOPE, {
      area: 'Three Rivers',
      period: options.period ?? { from: '2025-01', to: '2025-12' },
      save: false,
      settings: await settingsFrom(),
      audience,
      ...(options.today ? { today: options.today } : {}),
    });
  } finally {
    store.close();
  }
}
