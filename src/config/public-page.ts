/**
 * What the public page says beyond the data (config/public-page.yaml by default): how to report
 * (the police, the council, hate crime reporting, Crimestoppers), for every district, and for a
 * district its own contacts (added, or replacing a default of the same id) and its "You said, we
 * did" items. Every phone number, text number, web and email address is checked as the support
 * directory checks its entries (domain/support-service.ts); a bad one refuses the file, naming
 * its line and field.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import {
  emailProblem,
  phoneProblem,
  textNumberProblem,
  webProblem,
} from '../domain/support-service.js';
import { readYamlFile, type Refuse } from './yaml-file.js';

export const DEFAULT_PUBLIC_PAGE_FILE = fileURLToPath(
  new URL('../../config/public-page.yaml', import.meta.url),
);

const text = z.string().trim().min(1);
const yes = z
  .union([z.boolean(), z.enum(['yes', 'no'])])
  .transform((v) => v === true || v === 'yes');

const contactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'lower-case letters, digits and hyphens'),
    name: text,
    /** When to use it, in a sentence. */
    what: text,
    phone: z.coerce.string().optional(),
    text: z.coerce.string().optional(),
    web: z.string().optional(),
    email: z.string().optional(),
    hours: z.string().default(''),
    source: z.string().default(''),
    verified: yes.default(false),
  })
  .strict();

const saidSchema = z
  .object({ youSaid: text, weDid: text, when: z.coerce.string().default('') })
  .strict();

const districtSchema = z
  .object({
    /** The district by name or ONS code. */
    area: text,
    contacts: z.array(contactSchema).default([]),
    youSaidWeDid: z.array(saidSchema).default([]),
  })
  .strict();

const fileSchema = z
  .object({
    contacts: z.array(contactSchema).min(1),
    districts: z.array(districtSchema).default([]),
  })
  .strict();

export type PublicContact = z.infer<typeof contactSchema>;
export type YouSaidWeDid = z.infer<typeof saidSchema>;
export type PublicPageConfig = z.infer<typeof fileSchema> & { configFile: string };

function checkContacts(
  contacts: readonly PublicContact[],
  at: (string | number)[],
  refuse: Refuse,
): void {
  const ids = new Set<string>();
  contacts.forEach((c, i) => {
    if (ids.has(c.id)) refuse([...at, i, 'id'], `the id ${c.id} is used twice`);
    ids.add(c.id);
    const problems: [keyof PublicContact, string | null][] = [
      ['phone', c.phone === undefined ? null : phoneProblem(c.phone)],
      ['text', c.text === undefined ? null : textNumberProblem(c.text)],
      ['web', c.web === undefined ? null : webProblem(c.web)],
      ['email', c.email === undefined ? null : emailProblem(c.email)],
    ];
    for (const [field, problem] of problems) if (problem) refuse([...at, i, field], problem);
    if (!c.phone && !c.text && !c.web && !c.email)
      refuse([...at, i], `${c.id} has no way to get in touch: give a phone, text, web or email`);
  });
}

export async function loadPublicPageConfig(
  path: string = DEFAULT_PUBLIC_PAGE_FILE,
): Promise<PublicPageConfig> {
  const data = await readYamlFile(path, fileSchema, 'public page settings file', (d, refuse) => {
    checkContacts(d.contacts, ['contacts'], refuse);
    const areas = new Set<string>();
    d.districts.forEach((district, i) => {
      const key = district.area.toLowerCase();
      if (areas.has(key)) refuse(['districts', i, 'area'], `${district.area} is given twice`);
      areas.add(key);
      checkContacts(district.contacts, ['districts', i, 'contacts'], refuse);
    });
  });
  return { ...data, configFile: path };
}

/** The district's entry, by its code or name (any case); none when the file has none for it. */
export function districtSettings(
  config: PublicPageConfig,
  area: { code: string; name: string },
): { contacts: PublicContact[]; youSaidWeDid: YouSaidWeDid[] } {
  const mine = config.districts.find((d) =>
    [area.code.toLowerCase(), area.name.toLowerCase()].includes(d.area.trim().toLowerCase()),
  );
  const own = new Map((mine?.contacts ?? []).map((c) => [c.id, c]));
  const contacts = config.contacts.map((c) => own.get(c.id) ?? c);
  const defaults = new Set(config.contacts.map((c) => c.id));
  contacts.push(...(mine?.contacts ?? []).filter((c) => !defaults.has(c.id)));
  return { contacts, youSaidWeDid: mine?.youSaidWeDid ?? [] };
}
