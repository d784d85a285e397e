import { describe, expect, test } from 'vitest';
import { missingDependencies, missingMessage, SYSTEM_DEPENDENCIES } from '../setup/system-dependencies.ts';

describe('the programs the tests need', () => {
  test('each says what needs it and how to install it on Debian/Ubuntu and macOS', () => {
    expect(SYSTEM_DEPENDENCIES.map((d) => d.name)).toEqual(['Chromium', 'Java (a JRE, 11 or later)', 'epubcheck', 'xmllint']);
    for (const dependency of SYSTEM_DEPENDENCIES) {
      expect(dependency.usedBy).not.toBe('');
      expect(dependency.debianPackage).toMatch(/^[a-z0-9.+-]+$/);
      expect(dependency.macos).not.toBe('');
    }
  });

  test('one pointed at a place where it is not is found missing', () => {
    const env = { ...process.env, JAVA_HOME: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium', EPUBCHECK_JAR: '/nonexistent/epubcheck.jar' };
    expect(missingDependencies(env).map((d) => d.name)).toEqual(['Chromium', 'Java (a JRE, 11 or later)', 'epubcheck']);
  });

  test('the message names each missing program, its install commands and its variable', () => {
    const missing = SYSTEM_DEPENDENCIES.filter((d) => d.name === 'Chromium' || d.name === 'xmllint');
    const message = missingMessage(missing);
    expect(message).toContain('The tests need 2 programs that are not installed:');
    expect(message).toContain('  Chromium — for the browser suites and the Lighthouse audit\n    Debian/Ubuntu: sudo apt-get install -y chromium\n');
    expect(message).toContain('Installed somewhere else? Point CHROMIUM_PATH at it.');
    expect(message).toContain('  xmllint — for the XML well-formedness checks');
    expect(message).toContain('All at once on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium libxml2-utils');
  });
});
