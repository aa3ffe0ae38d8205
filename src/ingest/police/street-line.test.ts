import { describe, expect, it } from 'vitest';

import { cachedPlacer, type PlacementLookups } from '../../domain/placement.js';
import { POLICE_COLUMNS } from '../../domain/police-file.js';
import { readPlainCsv } from '../plain-csv.js';
import { StagingBuffer } from '../staging.js';
import { parsePoliceFile } from './parse-police-file.js';
import { recordKeys } from './record-key.js';
import { StreetCounts } from './street-counts.js';
import { canonicalDecimal, decimalAt, streetLineMapper } from './street-line.js';

const lookups: PlacementLookups = {
  districtOfLsoa: new Map([['E01023819', 'E07000102']]),
  districtByName: new Map([
    ['three rivers', 'E07000102'],
    ['dacorum', 'E07000096'],
  ]),
  forceAreaOfDistrict: new Map([
    ['E07000102', 'E23000027'],
    ['E07000096', 'E23000027'],
  ]),
};
const HEADER = POLICE_COLUMNS.street.join(',');
const GOOD =
  'abc123,2025-12,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,';
const ASB =
  ',2025-12,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.450,51.650,On or near High Street,E01023819,Three Rivers 001A,Anti-social behaviour,,';

/** Lines the fast path must leave to the street mapper (which rejects them or stages them cell by cell). */
const DECLINED: Record<string, string> = {
  'another month': GOOD.replace('2025-12', '2025-11'),
  'not a month': GOOD.replace('2025-12', '2025-1'),
  'another force': GOOD.replaceAll('Hertfordshire Constabulary', 'Kent Police'),
  'a force name Lantern does not know': GOOD.replace(
    'Constabulary,Hertfordshire Constabulary',
    'Constabulary,Herts',
  ),
  'a Reported by Lantern does not know': GOOD.replace(
    'abc123,2025-12,Hertfordshire Constabulary',
    'abc123,2025-12,Herts',
  ),
  'one coordinate': GOOD.replace('-0.45,', ','),
  'outside Great Britain': GOOD.replace('-0.45,', '-20.45,'),
  'a coordinate on the boundary box, just outside': GOOD.replace('51.65', '60.9000000000001'),
  'a zero longitude': GOOD.replace('-0.45', '0.000'),
  'a negative zero': GOOD.replace('-0.45', '-0'),
  'a plus sign': GOOD.replace('-0.45', '+0.45'),
  'a point without digits after it': GOOD.replace('-0.45', '-1.'),
  'a point without digits before it': GOOD.replace('-0.45', '-.45'),
  'an exponent': GOOD.replace('-0.45', '-4.5e-1'),
  'sixteen digits': GOOD.replace('-0.45', '-0.450000000000001'),
  'not a number': GOOD.replace('-0.45', 'west'),
  'an unknown crime type': GOOD.replace('Burglary', 'Fraud'),
};

/** Each line through the fast path alone: what it returned, and what it staged. */
function throughFastPath(lines: readonly string[]) {
  const source = Buffer.from([HEADER, ...lines].join('\n'), 'latin1');
  const placer = cachedPlacer(lookups, 'E23000027');
  const categories = new Map([
    ['Burglary', 'burglary'],
    ['Anti-social behaviour', 'anti-social-behaviour'],
  ] as const);
  const mapper = streetLineMapper(
    { source, fileMonth: '2025-12', force: 'hertfordshire', placer },
    {
      keyOf: recordKeys(),
      categoryOf: (t) => categories.get(t as 'Burglary'),
      counts: new StreetCounts(),
    },
  );
  if (!mapper) throw new Error('no fast path for 2025-12');
  const map = mapper;
  const out = new StagingBuffer();
  const months = new Map<string, number>();
  const returned: (string | null)[] = [];
  readPlainCsv(source, {
    header: () => undefined,
    line(bounds, line) {
      returned.push(map(bounds, line, out, months));
      return true;
    },
    record: () => returned.push('(not offered)'),
  });
  const staged = new TextDecoder().decode(out.bytes()).split('\n').filter(Boolean);
  return { returned, staged, months, counts: placer.counts };
}

describe('the fast path for street lines', () => {
  it('stages a good line as filed and gives its Falls within for the force count', () => {
    const { returned, staged, months, counts } = throughFastPath([GOOD, ASB, ASB]);
    expect(returned).toEqual(Array(3).fill('Hertfordshire Constabulary'));
    expect(staged[0]).toBe(`2,,E07000102,code,burglary,${GOOD}`);
    expect(staged[1]).toMatch(/^3,asb:[\w-]+,E07000102,code,anti-social-behaviour,,2025-12,/);
    const key = staged[1]?.split(',')[1];
    expect(staged[2]?.split(',')[1]).toBe(`${key}#2`);
    expect(months).toEqual(new Map([['2025-12', 3]]));
    expect(counts.byLsoaCode).toBe(3);
  });

  it('takes a line without a location or a force, and places a record by its LSOA name', () => {
    const lines = [
      GOOD.replace('-0.45,51.65', ','),
      GOOD.replace('Constabulary,Hertfordshire Constabulary', 'Constabulary,'),
      GOOD.replace('E01023819,Three Rivers 001A', 'E01099999,Dacorum 001A'),
    ];
    const { returned, staged, counts } = throughFastPath(lines);
    expect(returned).toEqual(['Hertfordshire Constabulary', '', 'Hertfordshire Constabulary']);
    expect(staged[2]).toBe(`4,,E07000096,name,burglary,${lines[2]}`);
    expect(counts).toMatchObject({ byLsoaCode: 2, byLsoaName: 1 });
  });

  it('declines every line it cannot decide from the bytes, and stages or counts nothing for it', () => {
    const { returned, staged, months, counts } = throughFastPath(Object.values(DECLINED));
    expect(Object.fromEntries(Object.keys(DECLINED).map((k, i) => [k, returned[i]]))).toEqual(
      Object.fromEntries(Object.keys(DECLINED).map((k) => [k, null])),
    );
    expect(staged).toEqual([]);
    expect(months.size).toBe(0);
    expect(counts.byLsoaCode).toBe(0);
  });

  it('gives exactly what reading every row as fields gives, whichever path each line takes', () => {
    // Good, declined and ASB lines interleaved, so that "#n" keys cross between the two paths.
    // (Not the row of another month or of a force name Lantern does not know: each refuses the
    // whole file, on both paths.)
    const refusing = ['another month', 'a force name Lantern does not know'];
    refusing.push('a Reported by Lantern does not know');
    const declined = Object.entries(DECLINED).filter(([k]) => !refusing.includes(k));
    const lines = [GOOD, ASB, ...declined.map(([, line]) => line), ASB, '', 'too,few', ASB];
    lines.push(ASB.replace('-0.450', ' -0.450'), ASB, GOOD.replace('Burglary', 'burglary'));
    const texts = [lines.join('\n'), `${lines.join('\n')}\n`];
    // A name that is not police.uk's: rows are held as fields until they have said the force.
    const names = ['2025-12-hertfordshire-street.csv', 'my-export.csv'];
    for (const [text, name] of texts.flatMap((t) => names.map((n) => [t, n] as const))) {
      const bytes = new TextEncoder().encode(`${HEADER}\n${text}`);
      const parse = (fastPath: boolean) =>
        parsePoliceFile('f', name, bytes, 'h', {
          lookups,
          fastPath,
        });
      const fast = parse(true);
      const fields = parse(false);
      expect(fast.layout).toBe('as-filed');
      expect(Buffer.from(fast.staged.bytes()).toString()).toBe(
        Buffer.from(fields.staged.bytes()).toString(),
      );
      expect({ ...fast, staged: null }).toEqual({ ...fields, staged: null });
      // The rest of DECLINED is staged cell by cell.
      expect(fast.rejected).toHaveLength(8);
    }
    for (const key of refusing) {
      const bytes = new TextEncoder().encode(`${HEADER}\n${GOOD}\n${DECLINED[key]}\n${ASB}\n`);
      for (const fastPath of [true, false]) {
        const parse = () =>
          parsePoliceFile('f', '2025-12-hertfordshire-street.csv', bytes, 'h', {
            lookups,
            fastPath,
          });
        expect(parse, `${key}, fast path ${fastPath}`).toThrow(/^f:3: /);
      }
    }
  });
});

describe('decimalAt', () => {
  const read = (s: string) => decimalAt(Buffer.from(s, 'latin1'), 0, s.length);

  it('reads a plain decimal of up to 15 digits exactly as Number does', () => {
    const samples = ['0', '-0', '7', '-0.481091', '51.816960', '007.50', '1.8', '60.9', '-8.7'];
    for (let i = 0; i < 2000; i++) {
      const digits = Math.floor(Math.random() * 15) + 1;
      const whole = Math.floor(Math.random() * digits) + 1;
      let s = Math.random() < 0.5 ? '-' : '';
      for (let d = 0; d < digits; d++) {
        if (d === whole) s += '.';
        s += String(Math.floor(Math.random() * 10));
      }
      samples.push(s);
    }
    for (const s of samples) expect(Object.is(read(s), Number(s)), s).toBe(true);
  });

  it('is NaN for anything else', () => {
    for (const s of ['', '-', '.5', '5.', '+1', '1e3', '1.2.3', ' 1', '0x10', '1234567890123456']) {
      expect(read(s), s).toBeNaN();
    }
  });
});

describe('canonicalDecimal', () => {
  it('is true exactly when String gives back the text of the number (the ASB key hashes the bytes then)', () => {
    const samples = ['0', '-0', '0.0', '7', '70', '-0.45', '-0.450', '0.000001', '0.0000001'];
    samples.push('-0.0000012', '00.5', '051.5', '51.816960', '1.8', '60.9', '-8.70', '10.05');
    for (let i = 0; i < 5000; i++) {
      const digits = Math.floor(Math.random() * 15) + 1;
      const whole = Math.floor(Math.random() * digits) + 1;
      let s = Math.random() < 0.5 ? '-' : '';
      for (let d = 0; d < digits; d++) {
        if (d === whole) s += '.';
        // Zeros are common, to make leading and trailing zeros and small values.
        s += Math.random() < 0.4 ? '0' : String(Math.floor(Math.random() * 10));
      }
      samples.push(s);
    }
    for (const s of samples) {
      const bytes = Buffer.from(s, 'latin1');
      const value = decimalAt(bytes, 0, s.length);
      if (Number.isNaN(value) || value === 0) continue; // declined before any key is made
      expect(canonicalDecimal(bytes, 0, s.length), s).toBe(String(value) === s);
    }
  });
});
