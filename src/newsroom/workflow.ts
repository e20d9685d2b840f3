/**
 * The editorial workflow as a pure state machine: draft → in review → scheduled or published → unpublished.
 * Reporters and contributors write and submit; editors and up return, publish, schedule and unpublish.
 * An embargo holds a story back: publishing an embargoed story schedules it for the embargo's end.
 */
import type { ArticleStatus } from '../domain/article.js';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../domain/errors.js';
import { type Role, can } from './roles.js';

export const storyActions = ['submit', 'return', 'publish', 'schedule', 'unpublish'] as const;
export type StoryAction = (typeof storyActions)[number];

export interface WorkflowStory {
  status: ArticleStatus;
  createdBy: string | null;
  publishedAt: string | null;
  embargoUntil: string | null;
}

export interface WorkflowActor {
  id: string;
  role: Role;
}

/** The story's workflow fields after a transition. */
export interface TransitionPlan {
  status: ArticleStatus;
  publishedAt: string | null;
  scheduledAt: string | null;
}

const from: Record<StoryAction, readonly ArticleStatus[]> = {
  submit: ['draft'],
  return: ['review', 'scheduled'],
  publish: ['draft', 'review', 'scheduled', 'unpublished'],
  schedule: ['draft', 'review', 'scheduled', 'unpublished'],
  unpublish: ['published', 'scheduled'],
};

export function isStoryAction(value: unknown): value is StoryAction {
  return typeof value === 'string' && (storyActions as readonly string[]).includes(value);
}

/** Whether `actor` may change the story's content: editors any story, writers their own until it is published. */
export function mayEdit(actor: WorkflowActor, story: WorkflowStory): boolean {
  if (can(actor.role, 'story.edit.any')) return true;
  return can(actor.role, 'story.create') && story.createdBy === actor.id && (story.status === 'draft' || story.status === 'review');
}

export function planTransition(
  story: WorkflowStory,
  action: StoryAction,
  actor: WorkflowActor,
  now: string,
  at?: string | null,
): TransitionPlan {
  const needsEditor = action !== 'submit';
  if (needsEditor ? !can(actor.role, 'story.publish') : !mayEdit(actor, story)) {
    throw new ForbiddenError(`a ${actor.role} may not ${action} this story`);
  }
  if (!from[action].includes(story.status)) {
    throw new InvalidTransitionError(`cannot ${action} a story that is ${story.status}`, { status: story.status, action });
  }
  const embargoed = story.embargoUntil !== null && story.embargoUntil > now;
  switch (action) {
    case 'submit':
      return { status: 'review', publishedAt: story.publishedAt, scheduledAt: null };
    case 'return':
      return { status: 'draft', publishedAt: story.publishedAt, scheduledAt: null };
    case 'unpublish':
      return { status: 'unpublished', publishedAt: story.publishedAt, scheduledAt: null };
    case 'publish':
      if (embargoed) return { status: 'scheduled', publishedAt: story.publishedAt, scheduledAt: story.embargoUntil };
      return { status: 'published', publishedAt: story.publishedAt ?? now, scheduledAt: null };
    case 'schedule': {
      if (!at) throw new ValidationError('scheduling needs a time (at)', { field: 'at' });
      if (at <= now) throw new ValidationError('the scheduled time must be in the future', { field: 'at' });
      const due = embargoed && story.embargoUntil! > at ? story.embargoUntil! : at;
      return { status: 'scheduled', publishedAt: story.publishedAt, scheduledAt: due };
    }
  }
}

/** What a due scheduled story becomes when the scheduler reaches it. */
export function planScheduledRelease(story: WorkflowStory, dueAt: string): TransitionPlan {
  return { status: 'published', publishedAt: story.publishedAt ?? dueAt, scheduledAt: null };
}
