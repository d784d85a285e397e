/**
 * A course's sessions as an iCalendar file (RFC 5545), for students to add to their calendars:
 * one all-day event per dated session, with the assigned parts and a link to the syllabus. Written
 * by hand: the format is a few lines of text, and what matters (escaping, folding, CRLF, stable
 * UIDs) is tested against a real parser.
 */
import type { ResolvedCourse } from './course.ts';
import { passageSpan } from './course.ts';

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/**
 * Folds a content line at 75 octets (RFC 5545, 3.1): each continuation starts with a space, and a
 * UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation's leading space counts among its 75.
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (isoDay: string) => isoDay.replaceAll('-', '');
const nextDay = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stampOf = (date: Date) => `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

export interface CalendarOptions {
  /** Absolute URL of the syllabus, base included; each event links to its session there. */
  syllabusUrl: string;
  /** The host UIDs are made unique under (the site's), so two sites' copies of a course never merge. */
  host: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
}

/**
 * The calendar of a course's dated sessions; sessions planned by week alone have no day to put in
 * a calendar and are left out. A session's UID is its course, its id and the host, so editing a
 * session updates the event a student already imported instead of adding a second one.
 */
export function courseCalendar(course: ResolvedCourse, { syllabusUrl, host, stamp }: CalendarOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Annotated Reader//Course calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeText(`${course.code}: ${course.title}`)}`);
  for (const session of course.sessions) {
    if (!session.date) continue;
    const url = `${syllabusUrl}#${session.anchor}`;
    const reading = session.parts.map((part) => `${part.readingTitle}, ${passageSpan(part.firstNumber, part.lastNumber)}`);
    const description = [`Read: ${reading.join('; ')} (about ${session.minutes} min).`, `Syllabus: ${url}`].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${course.id}-${session.id}@${host}`)}`,
      `DTSTAMP:${stampOf(stamp)}`,
      `DTSTART;VALUE=DATE:${basicDate(session.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(session.date))}`,
      `SUMMARY:${escapeText(`${course.code}, session ${session.number}: ${session.title}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
