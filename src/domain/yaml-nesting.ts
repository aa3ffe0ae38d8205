/**
 * How deep a YAML text nests, found by the yaml package's lexer (which reads quotes, comments and
 * block scalars as YAML does) without building the document. The yaml package composes a document
 * recursively: 200 KB of `[` took 8-14 s to fail with "Maximum call stack size exceeded", and a
 * deep list of lists 5 s. The lexer reads the same 200 KB in about 0.3 s, so a file nested far
 * beyond any real one is refused before it is parsed.
 */
import { CST, Lexer } from 'yaml';

import { InputError } from '../errors.js';

/**
 * The deepest nesting a YAML file may have: lists and mappings inside one another, by
 * indentation, dashes or brackets. Lantern's own settings files nest at most 6 deep.
 */
export const MAX_YAML_NESTING = 32;

/** The deepest nesting of `text` and the first line that reaches it (1-based). */
export function yamlNesting(text: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  let flow = 0; // brackets open: [ and {
  const indents: number[] = []; // the block indentation levels open above this line
  let lineIndent = 0;
  let lineStarted = false; // whether this line's first token (not space or comment) was seen
  let items = 0; // dashes and ?s on this line: each opens a level
  const reach = (depth: number) => {
    if (depth > deepest.depth) deepest = { depth, line };
  };
  const newLine = () => {
    lineIndent = 0;
    lineStarted = false;
    items = 0;
  };
  for (const source of new Lexer().lex(text)) {
    // The lexer's markers (a document's or a scalar's start) are not the file's text.
    if (source === CST.SCALAR || source === CST.DOCUMENT || source === CST.BOM) continue;
    const type = CST.tokenType(source);
    if (type === 'newline') {
      line++;
      newLine();
      continue;
    }
    // A scalar's text over several lines (a block scalar's, a quoted one's): lines, not levels.
    const breaks = source.split('\n').length - 1;
    if (breaks > 0) {
      line += breaks;
      if (source.endsWith('\n')) newLine();
      continue;
    }
    if (type === 'space' && !lineStarted) {
      lineIndent = source.length;
      continue;
    }
    if (type === 'space' || type === 'comment') continue;
    if (!lineStarted) {
      lineStarted = true;
      if (flow === 0) {
        while (indents.length > 0 && (indents.at(-1) as number) > lineIndent) indents.pop();
        if (indents.length === 0 || (indents.at(-1) as number) < lineIndent)
          indents.push(lineIndent);
      }
    }
    if (type === 'seq-item-ind' || type === 'explicit-key-ind') items++;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    reach(indents.length + items + flow);
  }
  return deepest;
}

/** Refuses a YAML file nested deeper than MAX_YAML_NESTING, naming its file and line. */
export function refuseDeepYaml(text: string, path: string): void {
  const { depth, line } = yamlNesting(text);
  if (depth <= MAX_YAML_NESTING) return;
  throw new InputError(
    `${path}:${line}: refused: nested more than ${MAX_YAML_NESTING} deep (lists or mappings ` +
      `inside one another); Lantern's own settings files nest at most 6 deep`,
  );
}
