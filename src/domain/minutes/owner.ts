/**
 * Owners as minutes name them: a person ("Shivani Davé", "Dr O'Neill"), initials ("JW",
 * "JW/KP", "JW and KP"), a role ("The Community Safety Officer", "Community Safety & Safeguarding
 * Manager"), an organisation ("Herts Police") or a group ("All partners"). Pure.
 */

/** A capitalised word or initials: "Davé", "O'Neill", "Smith-Jones", "JW", "J.W.", "CSP". */
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
/** Lower-case words that join a name's or a role's words. */
const JOIN = String.raw`(?:&|and|of|for|the|de|del|van|von|der|da|du|le|la|al)`;
const NAME = String.raw`(?:(?:The|the)\s+)?${WORD}(?:\s*\/\s*${WORD}|\s+(?:${JOIN}\s+){0,2}${WORD}){0,7}`;
const GROUP = String.raw`(?:All(?:\s+(?:members|partners|partner agencies|agencies|attendees|officers|colleagues|group members|present))?|Everyone|Each partner|Each agency)`;
/** An owner at the start of a sentence, as a regular-expression source (one group). */
export const OWNER = String.raw`(${GROUP}|${NAME})`;

/** What owners do: "NAME to VERB …" names an action only with one of these. */
export const ACTION_VERBS = [
  'action',
  'add',
  'advise',
  'agree',
  'amend',
  'analyse',
  'analyze',
  'approach',
  'arrange',
  'ask',
  'assess',
  'attend',
  'audit',
  'book',
  'bring',
  'call',
  'canvass',
  'chase',
  'check',
  'circulate',
  'clarify',
  'collate',
  'compile',
  'complete',
  'confirm',
  'consider',
  'contact',
  'convene',
  'co-ordinate',
  'coordinate',
  'deliver',
  'develop',
  'discuss',
  'distribute',
  'draft',
  'e-mail',
  'email',
  'engage',
  'escalate',
  'establish',
  'explore',
  'facilitate',
  'feed',
  'finalise',
  'finalize',
  'find',
  'follow',
  'forward',
  'gather',
  'give',
  'highlight',
  'hold',
  'identify',
  'implement',
  'include',
  'inform',
  'invite',
  'investigate',
  'liaise',
  'link',
  'look',
  'map',
  'meet',
  'monitor',
  'nominate',
  'notify',
  'obtain',
  'organise',
  'organize',
  'pass',
  'phone',
  'prepare',
  'present',
  'produce',
  'progress',
  'promote',
  'provide',
  'raise',
  're-circulate',
  'recirculate',
  'refer',
  'report',
  'request',
  'research',
  'resend',
  'respond',
  'review',
  'run',
  'schedule',
  'scope',
  'seek',
  'send',
  'set',
  'share',
  'source',
  'speak',
  'submit',
  'take',
  'update',
  'upload',
  'visit',
  'write',
] as const;
const VERB = `(?:${ACTION_VERBS.join('|')})`;

/**
 * Words that open a sentence as its subject but are no owner on their own: "Plans to share the
 * data were welcomed", "Due to update delays …", "Access to support services was discussed"
 * ("Action Fraud", "the Action Group" are owners: these refuse a one-word owner only).
 */
const NOT_OWNERS = new Set(
  (
    'access according action actions agreement arrangements attempts changes data decision due ' +
    'efforts failure funding measures moves need nothing options opportunities plans prior ' +
    'proposals reference referrals reports requests steps thanks time ways welcome work'
  ).split(' '),
);
/** Words that never open an owner's name: pronouns, prepositions, demonstratives. */
const NEVER_FIRST = new Set(
  'he her his i in it its on our she that their there these they this those up we you'.split(' '),
);

/**
 * The owner's organisation or role in brackets after the name, as minutes often give it: "René
 * Müller (Police) to report …", "Shivani Davé (Herts CC) to provide …". Not part of the owner's name
 * (found by QA: such an owner was not found at all); extract.ts reads the organisation from it.
 */
const BRACKETED = String.raw`(?:\s*\([^()]{1,60}\))?`;
const TO_VERB = new RegExp(String.raw`^${OWNER}${BRACKETED}\s+to\s+(${VERB})\b`, 'u');
const AGREED_TO = new RegExp(
  String.raw`^${OWNER}${BRACKETED}\s+(agreed|offered|undertook|volunteered|(?:was|were) asked|(?:is|are) to be asked)\s+to\s+(${VERB})\b`,
  'u',
);
/** "JW: circulate the slides", "Shivani Davé – provide the link". */
const OWNER_DASH = new RegExp(String.raw`^${OWNER}${BRACKETED}\s*(?::|\s[–—-])\s*(\p{Ll}.*)$`, 'u');
/** "… (JW)", "… – JW", "… Owner: JW", "… Lead: Community Safety Officer" at the end. */
const OWNER_AFTER =
  /(?:\((?:owner|lead|by|action)?:?\s*([^()]{1,60})\)|\s[–—-]\s+([^–—-]{1,60})|\b(?:owner|lead|responsible|action by|by whom)\s*:\s*([^.;]{1,60}))\s*\.?$/iu;

/** An owner at the start of a sentence followed by "to VERB", or null. */
export function ownerToVerb(sentence: string): { owner: string; verb: string } | null {
  const m = TO_VERB.exec(sentence);
  if (!m || !isOwner(m[1] as string)) return null;
  return { owner: tidy(m[1] as string), verb: m[2] as string };
}

/** "NAME agreed to VERB", "NAME was asked to VERB": the owner and how they took it on, or null. */
export function ownerAgreedTo(sentence: string): { owner: string; how: string } | null {
  const m = AGREED_TO.exec(sentence);
  if (!m || !isOwner(m[1] as string)) return null;
  return { owner: tidy(m[1] as string), how: `${m[2] as string} to ${m[3] as string}` };
}

/**
 * The owner of an action's text where the rules allow any wording of the task (after an "Action"
 * label, in an actions list): "NAME to …", "NAME: …", "… (NAME)", "… – NAME", "… Owner: NAME".
 */
export function ownerOf(text: string): string | null {
  const toVerb = ownerToVerb(text) ?? anyVerb(text);
  if (toVerb) return toVerb.owner;
  const dash = OWNER_DASH.exec(text);
  if (dash && isOwner(dash[1] as string) && isShort(dash[1] as string))
    return tidy(dash[1] as string);
  const after = OWNER_AFTER.exec(text);
  const named = after ? (after[1] ?? after[2] ?? after[3] ?? '').trim() : '';
  if (named && isOwnerOnly(named)) return tidy(named);
  return null;
}

/** "NAME to" followed by any lower-case verb: allowed only where a label says it is an action. */
function anyVerb(text: string): { owner: string } | null {
  const m = new RegExp(String.raw`^${OWNER}${BRACKETED}\s+to\s+\p{Ll}`, 'u').exec(text);
  return m && isOwner(m[1] as string) ? { owner: tidy(m[1] as string) } : null;
}

/** Whether the text is an owner and nothing more ("JW", "Shivani Davé", "All partners"). */
export function isOwnerOnly(text: string): boolean {
  const t = text.trim().replace(/\.$/, '');
  const m = new RegExp(String.raw`^${OWNER}$`, 'u').exec(t);
  return m !== null && isOwner(t) && isShort(t);
}

function isOwner(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const first = (words[0] ?? '').toLowerCase() === 'the' ? words[1] : words[0];
  if (first === undefined || NEVER_FIRST.has(first.toLowerCase())) return false;
  return !(words.length === 1 && NOT_OWNERS.has(first.toLowerCase()));
}

function isShort(name: string): boolean {
  return name.trim().split(/\s+/).length <= 6;
}

function tidy(name: string): string {
  return name.trim().replace(/[.,;:]+$/, '');
}
