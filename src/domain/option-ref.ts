/**
 * How use cases and commands name an option in a message without knowing the front door: as
 * ⟨key⟩, the option's key in the command's definition (⟨timeLimit⟩). Each adapter renders it in
 * its own terms: the CLI as a flag (--time-limit), the HTTP API as a parameter name (timeLimit).
 */
const REF = /⟨([A-Za-z][A-Za-z0-9]*)⟩/gu;

/** The reference to an option, for a message. */
export function optionRef(key: string): string {
  return `⟨${key}⟩`;
}

/** `timeLimit` → `--time-limit`. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`;
}

/** The text with every option reference rendered by `render` (the CLI's default: as a flag). */
export function renderOptionRefs(text: string, render: (key: string) => string = flagOf): string {
  return text.includes('⟨') ? text.replace(REF, (_, key: string) => render(key)) : text;
}
