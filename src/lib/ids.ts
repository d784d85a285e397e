/**
 * Branded id types: a passage id, a term id and a source key are all strings, but never the same
 * string. Branding stops a raw string (or one kind of id) from being passed where another is expected.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ReadingId = Brand<string, 'ReadingId'>;
export type PassageId = Brand<string, 'PassageId'>;
export type NoteId = Brand<string, 'NoteId'>;
export type TermId = Brand<string, 'TermId'>;
export type SourceId = Brand<string, 'SourceId'>;

/** Lower-case words joined by single hyphens: stable, readable, safe in URLs and HTML ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const asReadingId = (value: string) => value as ReadingId;
export const asPassageId = (value: string) => value as PassageId;
export const asNoteId = (value: string) => value as NoteId;
export const asTermId = (value: string) => value as TermId;
export const asSourceId = (value: string) => value as SourceId;
