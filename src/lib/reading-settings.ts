/**
 * Reading settings, remembered per browser: one table of settings and their allowed values is the
 * single source of truth for the settings form, the script that applies them before first paint,
 * the stylesheet hooks (`html[data-ar-<name>="<value>"]`) and the print handout.
 *
 * The first value of each setting is its default. Defaults are never written to the page, so the
 * stylesheet only needs rules for the other values, and a reader without JavaScript (or without a
 * stored choice) gets the defaults: a theme that follows the system, every layer shown.
 */
export const READING_SETTINGS = {
  /** Colour theme: follow the system's light or dark preference, or force one. */
  theme: ['system', 'light', 'dark'],
  /** Text size, as steps around the responsive default. */
  size: ['medium', 'small', 'large', 'larger'],
  /** Line width (measure). */
  width: ['medium', 'narrow', 'wide'],
  /** Editorial notes: marked phrases, markers and the notes beside the text; the textual apparatus, its marks and its table. */
  notes: ['on', 'off'],
  /** Glossary terms marked in the text. */
  glossary: ['on', 'off'],
  /** The reader's own highlights and notes. */
  mine: ['on', 'off'],
  /** A first reading: the verbatim text alone, every layer hidden whatever the switches above say. */
  clean: ['off', 'on'],
  /** Single-character shortcuts ("/" opens search); off for speech input and for readers who press keys by accident (WCAG 2.1.4). */
  keys: ['on', 'off'],
  /** Where editorial notes go on paper: after each passage (footnotes) or at the end (endnotes). */
  print: ['footnotes', 'endnotes'],
  /** Words copied from the text: the source's words alone, or with their citation on a line after. */
  copy: ['text', 'cited'],
} as const;

export type SettingName = keyof typeof READING_SETTINGS;
export type ReadingSettings = { [K in SettingName]: (typeof READING_SETTINGS)[K][number] };

export const SETTING_NAMES = Object.keys(READING_SETTINGS) as SettingName[];
export const SETTINGS_STORAGE_KEY = 'ar-settings';
/** Fired on document whenever the settings change; `detail` is the full ReadingSettings. */
export const SETTINGS_EVENT = 'ar-settings-change';
/** `data-ar-theme`, `data-ar-size`, … on the root element. */
export const settingAttribute = (name: SettingName) => `data-ar-${name}`;

export const DEFAULT_SETTINGS = Object.fromEntries(SETTING_NAMES.map((name) => [name, READING_SETTINGS[name][0]])) as ReadingSettings;

/** Keeps the known settings with allowed values from anything (parsed storage, a form), defaults elsewhere. */
export function normalizeSettings(raw: unknown): ReadingSettings {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingName, string>;
  for (const name of SETTING_NAMES) {
    const value = source[name];
    if (typeof value === 'string' && (READING_SETTINGS[name] as readonly string[]).includes(value)) settings[name] = value;
  }
  return settings as ReadingSettings;
}

/** The settings that differ from the defaults: what is stored and what is written on the page. */
export function changedSettings(settings: ReadingSettings): Partial<ReadingSettings> {
  return Object.fromEntries(SETTING_NAMES.filter((name) => settings[name] !== DEFAULT_SETTINGS[name]).map((name) => [name, settings[name]]));
}

/** The minimal interface of an element these functions write attributes on (tests pass a fake). */
export interface AttributeTarget {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Writes the settings on the root element as `data-ar-*` attributes, defaults as no attribute. */
export function applySettings(root: AttributeTarget, settings: ReadingSettings): void {
  for (const name of SETTING_NAMES) {
    if (settings[name] === DEFAULT_SETTINGS[name]) root.removeAttribute(settingAttribute(name));
    else root.setAttribute(settingAttribute(name), settings[name]);
  }
}

/**
 * The script placed in <head>, before any stylesheet paints: it reads the stored settings and writes
 * the same attributes as `applySettings`, so the first frame already has the reader's theme and size.
 * Plain ES5 in one expression, generated from the table above so the two can never disagree; any
 * failure (storage disabled, corrupt value) leaves the defaults.
 */
export function settingsBootScript(): string {
  const allowed = JSON.stringify(Object.fromEntries(SETTING_NAMES.map((name) => [name, READING_SETTINGS[name]])));
  return (
    `(function(){try{var a=${allowed},s=JSON.parse(localStorage.getItem(${JSON.stringify(SETTINGS_STORAGE_KEY)})||"{}")||{},` +
    `r=document.documentElement;for(var k in a){var i=a[k].indexOf(s[k]);if(i>0)r.setAttribute("data-ar-"+k,s[k])}}catch(e){}})();`
  );
}
