/**
 * A small XML reader for the chart tests, strict where the charts could go wrong: one root, tags
 * balanced and properly nested, attributes as name="value" and never repeated, no raw "<" or bare
 * "&" in text or attribute values (only the five named entities and numeric references), ids
 * unique, and every id reference (aria-labelledby, url(#…), href="#…") pointing at an id that
 * exists. It builds a tree the tests query. It is not a general XML parser: no DOCTYPE, CDATA,
 * comments or processing instructions, since the charts write none.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (not its descendants'). */
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAME = '[A-Za-z_][\\w.:-]*';
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>$`);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g');

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`${where}: raw "<" in ${JSON.stringify(raw)}`);
  const bare = raw.replace(ENTITY, '');
  if (bare.includes('&')) throw new Error(`${where}: bare "&" in ${JSON.stringify(raw)}`);
  return raw.replace(ENTITY, (e) => {
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    if (named[e] !== undefined) return named[e];
    const code = e.startsWith('&#x') ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
    return String.fromCodePoint(code);
  });
}

/** Parses the document, or throws saying what is wrong and where. */
export function parseXml(source: string): XmlElement {
  const tokens = source.match(/<[^>]*>|[^<]+/g) ?? [];
  if (tokens.join('') !== source) throw new Error('unterminated tag');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let offset = 0;
  for (const token of tokens) {
    const where = `at offset ${offset}`;
    offset += token.length;
    if (!token.startsWith('<')) {
      const text = decode(token, where);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (text.trim() !== '') throw new Error(`${where}: text outside the root element`);
        continue;
      }
      parent.text += text;
      continue;
    }
    const m = TAG.exec(token);
    if (m === null) throw new Error(`${where}: malformed tag ${token.slice(0, 80)}`);
    const [, closing, name = '', attrText = '', selfClosing] = m;
    if (closing === '/') {
      if (attrText !== '' || selfClosing === '/') throw new Error(`${where}: malformed end tag`);
      const open = stack.pop();
      if (open?.name !== name) {
        throw new Error(`${where}: </${name}> closes <${open?.name ?? 'nothing'}>`);
      }
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key = '', value = ''] of attrText.matchAll(ATTR)) {
      if (key in attrs) throw new Error(`${where}: attribute ${key} repeated on <${name}>`);
      attrs[key] = decode(value, `${where} ${name}@${key}`);
    }
    const element: XmlElement = { name, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(element);
    else if (root !== undefined) throw new Error(`${where}: a second root element <${name}>`);
    else root = element;
    if (selfClosing !== '/') stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  checkIds(root);
  return root;
}

function checkIds(root: XmlElement): void {
  const ids = new Set<string>();
  const refs: string[] = [];
  for (const e of descendants(root)) {
    const id = e.attrs.id;
    if (id !== undefined) {
      if (ids.has(id)) throw new Error(`id "${id}" used twice`);
      ids.add(id);
    }
    for (const [key, value] of Object.entries(e.attrs)) {
      if (key === 'aria-labelledby') refs.push(...value.split(/\s+/));
      for (const [, ref = ''] of value.matchAll(/url\(#([^)]+)\)/g)) refs.push(ref);
      if ((key === 'href' || key === 'xlink:href') && value.startsWith('#'))
        refs.push(value.slice(1));
    }
  }
  for (const ref of refs) if (!ids.has(ref)) throw new Error(`reference to missing id "${ref}"`);
}

/** The element and everything below it, in document order. */
export function descendants(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap(descendants)];
}

/** Elements with this name anywhere below (and including) e. */
export function all(e: XmlElement, name: string): XmlElement[] {
  return descendants(e).filter((d) => d.name === name);
}

/** The group with data-layer="…", which every chart layer carries. */
export function layer(root: XmlElement, name: string): XmlElement | undefined {
  return descendants(root).find((e) => e.attrs['data-layer'] === name);
}

/** The visible texts below e, in order. */
export function texts(e: XmlElement | undefined): string[] {
  return e === undefined ? [] : all(e, 'text').map((t) => t.text);
}

/** A path's points from its "M…L…Z" data. */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Which way a three-point marker path points: its apex is the odd one out. */
export function triangleDirection(d: string): 'up' | 'down' | 'other' {
  const pts = pathPoints(d);
  if (pts.length !== 3) return 'other';
  const [apex, b, c] = pts as [[number, number], [number, number], [number, number]];
  if (apex[1] < b[1] && apex[1] < c[1]) return 'up';
  if (apex[1] > b[1] && apex[1] > c[1]) return 'down';
  return 'other';
}
