import { describe, expect, it } from 'vitest';

import { InputError } from '../../errors.js';
import { checkRagOverride, deriveRag, shownRag, type RagInput } from './rag.js';

const TODAY = '2026-01-20';
const action = (over: Partial<RagInput>): RagInput => ({
  status: 'in-progress',
  start: '2025-10-01',
  due: '2026-03-31',
  progress: 50,
  ...over,
});

describe('the RAG of an action, derived on a fixed day', () => {
  it('is blue when complete, even past its due date, and grey when cancelled', () => {
    expect(
      deriveRag(action({ status: 'complete', progress: 100, due: '2025-12-01' }), TODAY),
    ).toEqual({ rag: 'blue', reason: 'complete' });
    expect(deriveRag(action({ status: 'cancelled', due: '2025-12-01' }), TODAY).rag).toBe('grey');
  });

  it('is red once the due date has passed, whatever the progress or hold', () => {
    expect(deriveRag(action({ due: '2026-01-19', progress: 95 }), TODAY)).toEqual({
      rag: 'red',
      reason: 'overdue by 1 day',
    });
    expect(deriveRag(action({ due: '2026-01-10', status: 'on-hold' }), TODAY)).toEqual({
      rag: 'red',
      reason: 'overdue by 10 days',
    });
  });

  it('is not red on the due day itself', () => {
    expect(deriveRag(action({ due: TODAY, progress: 80 }), TODAY).rag).toBe('green');
  });

  it('is amber on hold', () => {
    expect(deriveRag(action({ status: 'on-hold' }), TODAY)).toEqual({
      rag: 'amber',
      reason: 'on hold',
    });
  });

  it('is amber when due within 14 days and under half done; green at half done', () => {
    expect(
      deriveRag(action({ due: '2026-02-03', progress: 49, start: '2026-01-15' }), TODAY),
    ).toEqual({
      rag: 'amber',
      reason: 'due in 14 days and 49% done',
    });
    expect(
      deriveRag(action({ due: '2026-02-03', progress: 50, start: '2026-01-15' }), TODAY).rag,
    ).toBe('green');
    // On the due day and the day before, in words.
    expect(deriveRag(action({ due: TODAY, progress: 10 }), TODAY).reason).toBe(
      'due today and 10% done',
    );
    expect(deriveRag(action({ due: '2026-01-21', progress: 10 }), TODAY).reason).toBe(
      'due tomorrow and 10% done',
    );
    // 15 days away: not "due soon"
    expect(
      deriveRag(action({ due: '2026-02-04', progress: 10, start: '2026-01-15' }), TODAY).rag,
    ).toBe('green');
  });

  it('is amber more than 25 points behind the share of its time gone, green within 25', () => {
    // 2025-10-01 to 2026-03-31 is 181 days; by 2026-01-20, 111 days (61%) have gone.
    expect(deriveRag(action({ progress: 35 }), TODAY)).toEqual({
      rag: 'amber',
      reason: 'behind schedule: 35% done with 61% of its time gone',
    });
    expect(deriveRag(action({ progress: 37 }), TODAY).rag).toBe('green');
  });

  it('is amber with no due date (nothing says it is on track), and says so', () => {
    expect(deriveRag(action({ due: null, progress: 0 }), TODAY)).toEqual({
      rag: 'amber',
      reason: 'no due date set',
    });
    expect(deriveRag(action({ due: null, status: 'on-hold' }), TODAY).rag).toBe('amber');
  });
});

describe('a RAG set by hand', () => {
  it('needs a reason, and a reason needs a RAG', () => {
    expect(() => checkRagOverride('green', null)).toThrow(/needs a reason/u);
    expect(() => checkRagOverride('green', '  ')).toThrow(InputError);
    expect(() => checkRagOverride(null, 'because')).toThrow(/give both/u);
    expect(() => checkRagOverride('green', 'Partner confirmed delivery')).not.toThrow();
  });

  it('is shown in force, with the derived RAG and its rule beside it', () => {
    const shown = shownRag(
      {
        ...action({ due: '2026-01-01' }),
        ragOverride: 'amber',
        ragReason: 'Extension agreed at CSCG',
      },
      TODAY,
    );
    expect(shown).toEqual({
      rag: 'amber',
      derived: { rag: 'red', reason: 'overdue by 19 days' },
      override: { rag: 'amber', reason: 'Extension agreed at CSCG' },
    });
    expect(
      shownRag({ ...action({}), ragOverride: null, ragReason: null }, TODAY).override,
    ).toBeNull();
  });
});
