/**
 * SYNTHETIC police.uk street files, for the benchmarks only (never tests, never the product):
 * the bundled Hertfordshire months relabelled as other forces and months, so that an import or
 * a store can be as large as a benchmark needs. Not real records of any force.
 *
 * A force's month is made of copies of a bundled month of the same calendar month (seasons stay
 * plausible), as many as the force's population is times Hertfordshire's (Census 2011), the last
 * copy cut to the fraction left: the country's files then hold about 50 times Hertfordshire's
 * rows a month, as police.uk's do. In each copy, every Hertfordshire district is moved to one of
 * the force's districts (spreading the copies over all of them): its LSOAs become that
 * district's LSOAs (code and name, by position), and its points are shifted by the difference
 * of the two districts' centres, so that they fall in or near the new district. Rows outside
 * Hertfordshire's districts keep their LSOA and point. Month, "Reported by" and "Falls within"
 * become the new month and force; a crime id gets a prefix of the force, month and copy, so
 * ids stay unique. The files are plain police.uk files in every other respect (the same
 * columns, crime types, outcomes, ASB rows without ids), so they take the import's usual path.
 */
import type { Db } from '../src/store/db.js';

export interface SourceMonth {
  /** YYYY-MM */
  month: string;
  bytes: Buffer;
}

interface Lsoa {
  code: string;
  name: string;
}

interface District {
  code: string;
  lsoas: Lsoa[];
  /** [longitude, latitude] of the centre of its boundary's bounding box, if a boundary is held. */
  centre: [number, number] | null;
}

export interface SyntheticForce {
  id: string;
  name: string;
  pfaCode: string;
  /** The force's population over Hertfordshire's (Census 2011). */
  scale: number;
  districts: District[];
}

const HERTFORDSHIRE_PFA = 'E23000027';

/**
 * What relabelling needs from a store's area register (the bundled lookups), populations and
 * district boundaries (import the bundled ones first for the points to be moved).
 */
export class Relabeller {
  private readonly herts: District[];
  /** Hertfordshire LSOA → its district's index in `herts` and its own index there. */
  private readonly hertsLsoa: Map<string, [number, number]>;
  readonly forces: SyntheticForce[];

  private constructor(forces: SyntheticForce[]) {
    this.forces = forces;
    const herts = forces.find((f) => f.pfaCode === HERTFORDSHIRE_PFA);
    if (!herts) throw new Error('the register has no Hertfordshire');
    this.herts = herts.districts;
    this.hertsLsoa = new Map();
    herts.districts.forEach((d, i) =>
      d.lsoas.forEach((l, j) => this.hertsLsoa.set(l.code, [i, j])),
    );
  }

  static async fromStore(
    db: Db,
    forceList: readonly { id: string; name: string; pfaCode: string | null }[],
  ): Promise<Relabeller> {
    const lsoas = await db.query<{ district: string; code: string; name: string }>(
      `SELECT l.district_code AS district, l.lsoa_code AS code, a.name
       FROM lsoa_district l JOIN area a ON a.code = l.lsoa_code ORDER BY l.lsoa_code`,
    );
    const parents = await db.query<{ district: string; force: string }>(
      `SELECT d.code AS district, c.parent AS force
       FROM area d JOIN area c ON c.code = d.parent WHERE d.type = 'district' ORDER BY d.code`,
    );
    const populations = await db.query<{ area: string; n: number }>(
      `SELECT area_code AS area, max(count) AS n FROM population WHERE year = 2011 GROUP BY ALL`,
    );
    const shapes = await db.query<{ code: string; geometry: string }>(
      `SELECT area_code AS code, geometry FROM boundary WHERE area_type = 'district'`,
    );
    const centres = new Map(shapes.map((s) => [s.code, boxCentre(JSON.parse(s.geometry))]));
    const lsoasOf = new Map<string, Lsoa[]>();
    for (const l of lsoas) {
      let list = lsoasOf.get(l.district);
      if (!list) lsoasOf.set(l.district, (list = []));
      list.push({ code: l.code, name: l.name });
    }
    const population = new Map(populations.map((p) => [p.area, p.n]));
    const districtsOf = new Map<string, District[]>();
    for (const p of parents) {
      const list = lsoasOf.get(p.district);
      if (!list || list.length === 0) continue;
      let ds = districtsOf.get(p.force);
      if (!ds) districtsOf.set(p.force, (ds = []));
      ds.push({ code: p.district, lsoas: list, centre: centres.get(p.district) ?? null });
    }
    const peopleOf = (pfa: string) =>
      (districtsOf.get(pfa) ?? []).reduce((n, d) => n + (population.get(d.code) ?? 0), 0);
    const hertsPeople = peopleOf(HERTFORDSHIRE_PFA);
    const forces: SyntheticForce[] = [];
    for (const f of forceList) {
      if (f.pfaCode === null) continue;
      const districts = districtsOf.get(f.pfaCode) ?? [];
      if (districts.length === 0) continue;
      // A district without a boundary (Wales, districts newer than 2013) takes its force's mean centre.
      const known = districts.flatMap((d) => (d.centre ? [d.centre] : []));
      const fallback: [number, number] =
        known.length > 0
          ? [mean(known.map((c) => c[0])), mean(known.map((c) => c[1]))]
          : (WALES_CENTRES[f.pfaCode] ?? [-3.5, 52.3]);
      for (const d of districts) d.centre ??= fallback;
      forces.push({
        id: f.id,
        name: f.name,
        pfaCode: f.pfaCode,
        scale: peopleOf(f.pfaCode) / hertsPeople,
        districts,
      });
    }
    return new Relabeller(forces);
  }

  /**
   * One force's month: copies of `sources` (bundled months, used in turn), `scale` copies in
   * all (the last one cut), relabelled. `scale` defaults to the force's population share.
   */
  relabel(
    force: SyntheticForce,
    month: string,
    sources: readonly SourceMonth[],
    scale = force.scale,
  ): Buffer {
    const out: string[] = [];
    const copies = Math.max(1, Math.ceil(scale - 1e-9));
    for (let c = 0; c < copies; c++) {
      const source = sources[c % sources.length] as SourceMonth;
      const lines = source.bytes.toString('latin1').split('\n');
      if (c === 0) out.push(lines[0] as string);
      const body = lines.slice(1).filter((l) => l !== '');
      const share = Math.min(1, scale - c);
      const take = share >= 1 ? body.length : Math.max(1, Math.round(body.length * share));
      const prefix = hex8(`${force.id}|${month}|${c}`);
      const plan = this.herts.map((h, j) => {
        const d = force.districts[(c * this.herts.length + j) % force.districts.length] as District;
        const [hx, hy] = h.centre ?? [0, 0];
        const [dx, dy] = d.centre ?? [hx, hy];
        return { lsoas: d.lsoas, dLon: dx - hx, dLat: dy - hy };
      });
      for (let k = 0; k < take; k++) {
        const f = (body[k] as string).split(',');
        if (f.length !== 12) continue;
        if (f[0] !== '') f[0] = prefix + (f[0] as string).slice(8);
        f[1] = month;
        if (f[2] !== '') f[2] = force.name;
        if (f[3] !== '') f[3] = force.name;
        const at = this.hertsLsoa.get(f[7] as string);
        if (at !== undefined) {
          const p = plan[at[0]] as (typeof plan)[number];
          const lsoa = p.lsoas[at[1] % p.lsoas.length] as Lsoa;
          f[7] = lsoa.code;
          f[8] = lsoa.name;
          if (f[4] !== '' && f[5] !== '') {
            f[4] = (Number(f[4]) + p.dLon).toFixed(6);
            f[5] = (Number(f[5]) + p.dLat).toFixed(6);
          }
        }
        out.push(f.join(','));
      }
    }
    out.push('');
    return Buffer.from(out.join('\n'), 'latin1');
  }
}

/** Rough centres of the Welsh forces, whose districts have no bundled boundary. */
const WALES_CENTRES: Record<string, [number, number]> = {
  W15000001: [-3.6, 53.1], // North Wales
  W15000002: [-3.0, 51.7], // Gwent
  W15000003: [-3.4, 51.6], // South Wales
  W15000004: [-4.0, 52.1], // Dyfed-Powys
};

/** The bundled months of the same calendar month as `month`, rotated by `offset` (for variety). */
export function sameCalendarMonth(
  sources: readonly SourceMonth[],
  month: string,
  offset = 0,
): SourceMonth[] {
  const matching = sources.filter((s) => s.month.slice(5) === month.slice(5));
  const list = matching.length > 0 ? matching : [...sources];
  const k = offset % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** The months from `from` (YYYY-MM) for `count` months. */
export function monthsFrom(from: string, count: number): string[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const t = y * 12 + (m - 1) + i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The centre of a GeoJSON geometry's bounding box. */
function boxCentre(geometry: { coordinates: unknown }): [number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      return;
    }
    for (const child of c) walk(child);
  };
  walk(geometry.coordinates);
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

/** Eight hex digits of a 32-bit FNV-1a hash. */
function hex8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
