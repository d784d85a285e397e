/**
 * <ar-settings> wraps the reading-settings form. The form's controls are named after the settings
 * table; any change applies at once (the same attributes the <head> script writes before first
 * paint), is remembered in localStorage, and is announced to other widgets with SETTINGS_EVENT.
 * Without JavaScript the form's button stays hidden and the page follows the system theme.
 */
import { stylesheet } from '../stylesheets.ts';
// As a URL: a plain CSS import would be hoisted by Astro into every page's inlined CSS.
import panelStyles from '../../styles/settings-panel.css?url';
// The panel's head, close button and hints are styled with the dialogs' pieces.
import dialogStyles from '../../styles/tool-dialogs.css?url';
import {
  SETTINGS_EVENT,
  SETTINGS_STORAGE_KEY,
  SETTING_NAMES,
  applySettings,
  changedSettings,
  normalizeSettings,
  type ReadingSettings,
} from '../../lib/reading-settings.ts';

export { SETTINGS_EVENT };

export function readStoredSettings(): ReadingSettings {
  try {
    return normalizeSettings(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? '{}'));
  } catch {
    return normalizeSettings({});
  }
}

class ArSettings extends HTMLElement {
  #form: HTMLFormElement | null = null;
  #written: Promise<void> | undefined;

  connectedCallback() {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    // The panel's markup, code and rules come on the reader's way to the button, not with every page:
    // a pointer over it or focus on it fetches and writes it, usually before the button is pressed.
    this.addEventListener('pointerover', this.#stampPanel, { once: true });
    this.addEventListener('focusin', this.#stampPanel, { once: true });
    // Pressed before the panel is there (a tap with no hover first, a slow network): it opens once written.
    this.addEventListener('click', this.#openWhenWritten, { capture: true });
    window.addEventListener('storage', this.#onStorage);
  }

  disconnectedCallback() {
    window.removeEventListener('storage', this.#onStorage);
  }

  // Written once its stylesheet is in too: the panel never shows unstyled.
  #stampPanel = () =>
    (this.#written ??= Promise.all([import('../../lib/settings-panel.ts'), stylesheet(panelStyles), stylesheet(dialogStyles)]).then(([{ settingsPanelHtml }]) => this.#write(settingsPanelHtml)));

  #openWhenWritten = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-panel]') : null;
    if (!button || button.hasAttribute('popovertarget')) return;
    void this.#stampPanel().then(() => this.querySelector<HTMLElement>('[popover]')?.showPopover({ source: button }));
  };

  #write(settingsPanelHtml: (reader: boolean) => string) {
    if (this.querySelector('[popover]')) return;
    // Markup of the project's own, with nothing of the site's content in it.
    this.insertAdjacentHTML('beforeend', settingsPanelHtml(this.hasAttribute('data-reader')));
    // The button names its panel only now that the panel exists (no reference to nothing before).
    const button = this.querySelector<HTMLButtonElement>('button[data-panel]');
    button?.setAttribute('popovertarget', button.dataset.panel!);
    this.#form = this.querySelector('form');
    // Focus moving on from the open panel closes it, so it never covers the next focus stop.
    const panel = this.querySelector<HTMLElement>('[popover]');
    panel?.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && (panel.contains(next) || button?.contains(next))) return;
      if (panel.matches(':popover-open')) panel.hidePopover();
    });
    this.#show(readStoredSettings());
    this.#form?.addEventListener('change', this.#onChange);
  }

  /** Puts the settings into the form controls. */
  #show(settings: ReadingSettings) {
    if (!this.#form) return;
    for (const name of SETTING_NAMES) {
      for (const input of this.#form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        input.checked = input.type === 'checkbox' ? settings[name] === input.value : input.value === settings[name];
      }
    }
  }

  /** Reads the settings from the form; an unticked checkbox means its other value. */
  #read(): ReadingSettings {
    const raw: Record<string, string> = {};
    for (const name of SETTING_NAMES) {
      const inputs = [...this.#form!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
      const checked = inputs.find((input) => input.checked);
      if (checked) raw[name] = checked.value;
      else if (inputs[0]?.type === 'checkbox') raw[name] = inputs[0].dataset.offValue ?? '';
    }
    return normalizeSettings(raw);
  }

  #onChange = () => {
    const settings = this.#read();
    try {
      localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(changedSettings(settings)));
    } catch {
      // Storage refused (private mode, quota): the choice still applies to this page.
    }
    publish(settings);
  };

  #onStorage = (event: StorageEvent) => {
    if (event.key !== SETTINGS_STORAGE_KEY) return;
    const settings = readStoredSettings();
    this.#show(settings);
    publish(settings);
  };
}

function publish(settings: ReadingSettings) {
  applySettings(document.documentElement, settings);
  document.dispatchEvent(new CustomEvent<ReadingSettings>(SETTINGS_EVENT, { detail: settings }));
}

if (!customElements.get('ar-settings')) customElements.define('ar-settings', ArSettings);
