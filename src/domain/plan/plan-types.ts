/** The action plan's records as the store keeps them and the use cases pass them on. */
import type { ActionStatus } from './action-status.js';
import type { Rag } from './rag.js';

export interface PlanRecord {
  id: number;
  partnership: string;
  year: string;
  areaCode: string | null;
  areaName: string | null;
  assessmentId: string | null;
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface PriorityRecord {
  id: number;
  planId: number;
  /** The assessment's issue key (burglary, asb), or one made from the label. */
  key: string;
  label: string;
  /** The assessment's band (High, Medium) when it came from one. */
  band: string | null;
  rank: number | null;
  version: number;
}

export interface ObjectiveRecord {
  id: number;
  planId: number;
  priorityId: number;
  text: string;
  version: number;
}

export interface ActionRecord {
  id: number;
  partnership: string;
  planId: number | null;
  priorityId: number | null;
  objectiveId: number | null;
  meetingId: number | null;
  groupId: number | null;
  title: string;
  description: string | null;
  owner: string | null;
  organisation: string | null;
  /** YYYY-MM-DD. */
  startDate: string;
  dueDate: string | null;
  status: ActionStatus;
  progress: number;
  ragOverride: Rag | null;
  ragReason: string | null;
  links: string[];
  public: boolean;
  /** The action of an earlier year's plan this one continues. */
  carriedFrom: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface ActionUpdateRecord {
  id: number;
  actionId: number;
  at: string;
  author: string;
  note: string;
  status: ActionStatus | null;
  progress: number | null;
}

export interface GroupRecord {
  id: number;
  partnership: string;
  name: string;
  members: { name: string; organisation: string | null; role: string | null }[];
  version: number;
}

export interface MeetingRecord {
  id: number;
  partnership: string;
  groupId: number | null;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  attendees: string[];
  agenda: string[];
  decisions: string[];
  /** Where it came from (the minutes file's name), if imported. */
  source: string | null;
  version: number;
}

/** One line of the history of every change. */
export interface HistoryRecord {
  seq: number;
  at: string;
  author: string;
  entity: 'plan' | 'priority' | 'objective' | 'action' | 'meeting' | 'group';
  entityId: number;
  /** The version the row reached with this change. */
  version: number;
  change: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
