/**
 * The reading-settings panel's markup: theme, text size and line width on every page; beside a
 * reading also the layers shown in the text, the clean text, copying and how notes print. Plain form
 * controls in a popover, so keyboards and screen readers get native behaviour. Only the script that
 * remembers and applies the choices can use it, so the script writes it (src/scripts/reader-tools/
 * settings.ts) when the page is idle or the Display button is pressed: a page read without scripts
 * carries none of it, and a reading page's HTML is budgeted against its text.
 */
import { READING_SETTINGS, type ReadingSettings, type SettingName } from './reading-settings.ts';

export const SETTINGS_PANEL_ID = 'reading-settings';

type Choice<N extends SettingName> = { name: N; legend: string; options: [ReadingSettings[N], string][] };
const choice = <N extends SettingName>(name: N, legend: string, labels: Record<ReadingSettings[N], string>, order: ReadingSettings[N][]): Choice<N> => ({
  name,
  legend,
  options: order.map((value) => [value, labels[value]]),
});

const APPEARANCE = [
  choice('theme', 'Theme', { system: 'Same as device', light: 'Light', dark: 'Dark' }, ['system', 'light', 'dark']),
  choice('size', 'Text size', { small: 'Smaller', medium: 'Default', large: 'Larger', larger: 'Largest' }, ['small', 'medium', 'large', 'larger']),
  choice('width', 'Line width', { narrow: 'Narrow', medium: 'Default', wide: 'Wide' }, ['narrow', 'medium', 'wide']),
];
const LAYERS: { name: SettingName; label: string }[] = [
  { name: 'notes', label: 'Editorial notes and textual apparatus' },
  { name: 'glossary', label: 'Glossary terms' },
  { name: 'mine', label: 'My highlights and notes' },
];
const PRINT = choice('print', 'Notes in print', { footnotes: 'Under each passage', endnotes: 'At the end' }, ['footnotes', 'endnotes']);

/** A group of radio buttons, the setting's default checked. */
function segmented<N extends SettingName>(group: Choice<N>): string {
  const options = group.options
    .map(([value, label]) => `<label><input type="radio" name="${group.name}" value="${value}"${value === READING_SETTINGS[group.name][0] ? ' checked' : ''}><span>${label}</span></label>`)
    .join('');
  return `<fieldset class="segmented"><legend>${group.legend}</legend>${options}</fieldset>`;
}

/** A checkbox for a two-valued setting: ticked means `on`, unticked `off`. */
const check = (name: SettingName, on: string, off: string, label: string, { checked = false, extra = '', className = 'check' } = {}) =>
  `<label class="${className}"><input type="checkbox" name="${name}" value="${on}" data-off-value="${off}"${checked ? ' checked' : ''}${extra}> ${label}</label>`;

/** The panel's HTML (static: no content of the site's goes into it). `reader` adds the options that only make sense beside a reading. */
export function settingsPanelHtml(reader: boolean): string {
  const id = SETTINGS_PANEL_ID;
  const readerOptions = reader
    ? `<fieldset><legend>Show in the text</legend>${LAYERS.map((layer) => check(layer.name, READING_SETTINGS[layer.name][0], READING_SETTINGS[layer.name][1], layer.label, { checked: true })).join('')}` +
      check('clean', 'on', 'off', 'Clean text', { className: 'check check--clean', extra: ` aria-describedby="${id}-clean-hint"` }) +
      `<p class="hint" id="${id}-clean-hint">For a first reading: the verbatim text alone, without notes, terms or highlights.</p></fieldset>` +
      `<fieldset><legend>Copying from the text</legend>${check('copy', 'cited', 'text', 'Add the citation on a line after the words')}</fieldset>` +
      segmented(PRINT)
    : '';
  return (
    `<div id="${id}" class="settings-panel tool-panel" popover role="dialog" aria-labelledby="${id}-title" data-pagefind-ignore="all">` +
    `<div class="tool-panel-head"><h2 id="${id}-title">Reading settings</h2>` +
    `<button type="button" class="tool-close" popovertarget="${id}" popovertargetaction="hide"><span class="visually-hidden">Close reading settings</span><span aria-hidden="true">×</span></button></div>` +
    `<form class="settings-form">${APPEARANCE.map(segmented).join('')}${readerOptions}` +
    `<fieldset><legend>Keyboard</legend>${check('keys', 'on', 'off', 'The <kbd>/</kbd> key opens search', { checked: true })}</fieldset>` +
    `<p class="hint">Remembered in this browser only.</p></form></div>`
  );
}
