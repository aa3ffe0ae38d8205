/** Options the `plan` commands share: which plan, and how to read a plan year or a day. */
import { z } from 'zod';

import type { OptionSpec } from './definition.js';
import { option } from './options.js';

export const planChoiceOptions = {
  partnership: option.text(
    'the partnership (needed only when the store holds plans of more than one)',
    'NAME',
  ),
  year: option.text('the plan year, as 2025-26 (default: the latest plan)', 'YEAR'),
};

export const linksOption: OptionSpec<string[] | undefined> = {
  kind: 'strings',
  description:
    'a link to the evidence: a dashboard view (/trends?area=E07000102&category=burglary) or an http(s) address; repeat for more',
  placeholder: 'URL',
  schema: z.array(z.string()).optional(),
};

export const dayOption = (description: string): OptionSpec<string | undefined> => ({
  kind: 'string',
  description,
  placeholder: 'YYYY-MM-DD',
  schema: z.string().trim().min(1, 'must not be empty').optional(),
});

/** --as for the plan's changes: who may make them differs from the access commands. */
export const planAsOption = option.text(
  "the user you act as, named in the audit log (an admin or analyst; a partner for their organisation's actions only); without it you act as the local owner of the store file",
  'USER',
);
