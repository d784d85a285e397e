import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  READING_SETTINGS,
  SETTINGS_STORAGE_KEY,
  SETTING_NAMES,
  applySettings,
  changedSettings,
  normalizeSettings,
  settingAttribute,
  settingsBootScript,
} from '../../src/lib/reading-settings.ts';
import { settingsPanelHtml } from '../../src/lib/settings-panel.ts';

/** An element that records its attributes. */
const fakeRoot = () => {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  };
};

/** Runs the <head> script against a stored value, as a browser would before first paint. */
function runBootScript(stored: string | null, throwOnRead = false) {
  const root = fakeRoot();
  const localStorage = {
    getItem: (key: string) => {
      if (throwOnRead) throw new Error('storage disabled');
      return key === SETTINGS_STORAGE_KEY ? stored : null;
    },
  };
  runInNewContext(settingsBootScript(), { localStorage, document: { documentElement: root }, JSON });
  return Object.fromEntries(root.attributes);
}

const cases: [string, unknown, Record<string, string>][] = [
  ['nothing stored: defaults, no attributes', {}, {}],
  ['dark theme, larger text', { theme: 'dark', size: 'larger' }, { 'data-ar-theme': 'dark', 'data-ar-size': 'larger' }],
  ['defaults written out explicitly: still no attributes', { theme: 'system', notes: 'on' }, {}],
  ['unknown values and names ignored', { theme: 'neon', colour: 'red', width: 'wide' }, { 'data-ar-width': 'wide' }],
  ['clean text and endnotes', { clean: 'on', print: 'endnotes' }, { 'data-ar-clean': 'on', 'data-ar-print': 'endnotes' }],
  ['a value that is not a string', { theme: ['dark'], size: 3 }, {}],
];

describe('reading settings', () => {
  test('every setting has a default and at least one alternative', () => {
    for (const values of Object.values(READING_SETTINGS)) expect(values.length).toBeGreaterThan(1);
    expect(DEFAULT_SETTINGS.theme).toBe('system');
  });

  test.each(cases)('normalizeSettings + applySettings: %s', (_label, raw, expected) => {
    const root = fakeRoot();
    root.setAttribute(settingAttribute('theme'), 'light'); // left from an earlier choice
    applySettings(root, normalizeSettings(raw));
    expect(Object.fromEntries(root.attributes)).toEqual(expected);
  });

  test.each(cases)('the <head> script writes the same attributes: %s', (_label, raw, expected) => {
    expect(runBootScript(JSON.stringify(raw))).toEqual(expected);
  });

  test.each([
    ['no stored settings', null],
    ['corrupt JSON', '{"theme":'],
    ['JSON null', 'null'],
  ])('the <head> script survives %s', (_label, stored) => {
    expect(runBootScript(stored)).toEqual({});
  });

  test('the <head> script survives storage that throws', () => {
    expect(runBootScript('{"theme":"dark"}', true)).toEqual({});
  });

  test('changedSettings keeps only what differs from the defaults', () => {
    expect(changedSettings(normalizeSettings({ theme: 'dark', notes: 'on', mine: 'off' }))).toEqual({ theme: 'dark', mine: 'off' });
  });
});

describe('settingsPanelHtml: the panel the settings script writes', () => {
  const controls = (html: string) => [...html.matchAll(/<input type="(radio|checkbox)" name="(\w+)" value="(\w+)"(?: data-off-value="(\w+)")?( checked)?/g)];

  test('beside a reading: every setting has its controls, each value once, the defaults chosen', () => {
    const found = controls(settingsPanelHtml(true));
    for (const name of SETTING_NAMES) {
      const own = found.filter((m) => m[2] === name);
      // A radio per value, or one checkbox holding both values (ticked = the first or the second).
      const values = own[0]?.[1] === 'checkbox' ? [own[0][3], own[0][4]] : own.map((m) => m[3]);
      expect([...values].sort(), name).toEqual([...READING_SETTINGS[name]].sort());
      const chosen = own[0]?.[1] === 'checkbox' ? (own[0][5] ? own[0][3] : own[0][4]) : own.find((m) => m[5])?.[3];
      expect(chosen, name).toBe(READING_SETTINGS[name][0]);
    }
  });

  test('elsewhere: only theme, size, width and keys, which apply on every page', () => {
    expect([...new Set(controls(settingsPanelHtml(false)).map((m) => m[2]))]).toEqual(['theme', 'size', 'width', 'keys']);
  });
});
