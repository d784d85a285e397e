/**
 * `src/content/courses/<course-id>/course.yaml`: a course that assigns parts of the edition's
 * readings, session by session. The folder name is the course's id and the last part of its
 * syllabus's address (`/courses/<course-id>/`). What the sessions name (readings, sections,
 * passages) is checked against the readings by `checkCourse` (src/lib/course.ts).
 */
import { z } from 'zod';
import { LanguageTagSchema, SlugSchema } from './reading.ts';

/** A calendar day, as the calendar file and the syllabus need it: `2027-01-12`. */
const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD, e.g. "2027-01-12"')
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, 'this day does not exist in the calendar');

/**
 * One part of a reading a session assigns: the whole reading (only `reading`), some of its
 * sections (`sections`), or a run of passages (`from`, and `to` when it is more than one).
 */
export const AssignedPartSchema = z
  .strictObject({
    /** The reading's id: its folder name under src/content/readings/. */
    reading: SlugSchema,
    /** Section ids from the reading's `sections`, in any order. */
    sections: z.array(SlugSchema).min(1).optional(),
    /** The first assigned passage's id. */
    from: SlugSchema.optional(),
    /** The last assigned passage's id (inclusive); without it, `from` alone is assigned. */
    to: SlugSchema.optional(),
  })
  .superRefine((part, ctx) => {
    if (part.sections && (part.from || part.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'a part is either sections or a passage range, not both',
        params: { kind: 'invalid-field', fix: 'split it into two parts (one with `sections`, one with `from`/`to`), or remove one of them.' },
      });
    }
    if (part.to && !part.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: '`to` ends a passage range, but the range has no `from`',
        params: { kind: 'invalid-field', fix: 'add `from:` with the id of the first passage of the range.' },
      });
    }
  });

export const SessionSchema = z
  .strictObject({
    /** Stable id: the session's anchor on the syllabus (`#session-<id>`) and its calendar event's UID. */
    id: SlugSchema,
    title: z.string().trim().min(1),
    /** The day the class meets. */
    date: IsoDateSchema.optional(),
    /** The week of term, when the course is planned by week rather than by day. */
    week: z.number().int().min(1).max(60).optional(),
    /** What to read for this session, in the order to read it. */
    assigned: z.array(AssignedPartSchema).min(1),
    /** Questions to think about while reading: Markdown, rendered as notes are (no HTML beyond the notes' allowlist). */
    questions: z.string().trim().min(1).optional(),
    /** The instructor's note on this session: Markdown, like the questions. */
    note: z.string().trim().min(1).optional(),
  })
  .superRefine((session, ctx) => {
    if (session.date === undefined && session.week === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `session "${session.id}" has neither a date nor a week`,
        params: { kind: 'invalid-field', fix: 'add `date: YYYY-MM-DD` (the day the class meets) or `week: 1` (the week of term).' },
      });
    }
  });

export const CourseSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** The course's code in the catalogue, e.g. "POL 101". */
  code: z.string().trim().min(1),
  /** When it is taught, e.g. "Spring 2027". */
  term: z.string().trim().min(1),
  instructors: z.array(z.string().trim().min(1)).min(1),
  /** One or two sentences: the syllabus's lede and the description for links and search engines. */
  description: z.string().trim().min(1),
  /** BCP 47 language of the course's own words (titles, questions); English unless set. */
  language: LanguageTagSchema.default('en'),
  sessions: z.array(SessionSchema).min(1),
});

export type Course = z.infer<typeof CourseSchema>;
export type CourseSession = z.infer<typeof SessionSchema>;
export type AssignedPart = z.infer<typeof AssignedPartSchema>;
