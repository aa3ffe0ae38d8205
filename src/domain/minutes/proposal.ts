/**
 * What extraction proposes from a meeting's minutes: actions for a person to confirm before
 * anything is saved, and the meeting's details where the minutes state them simply.
 */

/** The rule that found an action: a reviewer sees it beside each proposal. */
export type ActionRule =
  /** "Action – NAME to …", "Action: …", "ACTION: …", "Action point 3: …". */
  | 'action-label'
  /** A sentence followed by "Action: JW" naming only its owner. */
  | 'action-owner-after'
  /** An item of a list under an "Actions" heading. */
  | 'actions-list'
  /** A row of a table whose header names the action and its owner. */
  | 'action-table'
  /** A sentence opening "NAME to provide/circulate/arrange/…". */
  | 'owner-to-verb'
  /** A sentence opening "NAME agreed/offered/was asked to provide/…". */
  | 'owner-agreed-to';

/** How sure the rule is that the sentence is an action. */
export type Confidence = 'high' | 'medium' | 'low';

export interface ActionProposal {
  /** 1, 2, …, in the order of the minutes. */
  number: number;
  /** The sentence that states the action, as the minutes word it (less an "Action –" label). */
  title: string;
  /** The person, role or group named as owner ("Shivani Davé", "Community Safety Officer", "JW"). */
  owner: string | null;
  /** The owner's organisation, where those present list it beside their name; absent otherwise. */
  organisation?: string;
  /** The due date (YYYY-MM-DD) when the minutes give one that resolves to a day. */
  due: string | null;
  /** The due date as worded ("by 31 January", "by the next meeting"), resolved or not. */
  dueText: string | null;
  /** Why a wording that names one day gives no date ("2027 has no 29 February"); absent otherwise. */
  dueNote?: string;
  rule: ActionRule;
  confidence: Confidence;
  /** Why the rule matched, for the reviewer. */
  reason: string;
  /** Where in the minutes: the line (of the text as read) and the paragraph (non-blank lines). */
  source: { line: number; paragraph: number; text: string };
}

export interface MeetingDetails {
  /** The meeting's date (YYYY-MM-DD) as the minutes state it, if they do. */
  date: string | null;
  attendees: string[];
  apologies: string[];
  /** The next meeting's date, if the minutes state it (resolves "by the next meeting"). */
  nextMeeting: string | null;
}

export interface ExtractOptions {
  /** The meeting's date (YYYY-MM-DD): due dates without a year resolve from it. */
  meetingDate?: string | null;
}
