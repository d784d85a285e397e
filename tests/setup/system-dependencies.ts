/**
 * The programs outside npm that the tests need, where to find each, and how to install it. The
 * preflight (`npm test` runs it first) and the suites read the same list, so a suite never looks
 * in another place than the one the preflight checked, and never skips because a tool is missing.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

export interface SystemDependency {
  name: string;
  /** What needs it. */
  usedBy: string;
  /** The variable that points at a copy in another place, when there is one. */
  variable?: string;
  /** The Debian/Ubuntu package that provides it. */
  debianPackage: string;
  /** How to get it on macOS. */
  macos: string;
  /** Where it is, or undefined when it cannot be found. */
  locate: (env: NodeJS.ProcessEnv) => string | undefined;
}

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** A command on PATH (or at an absolute path) that answers `args` with exit status 0. */
const answers = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** The java command: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.CHROMIUM_PATH || '/usr/bin/chromium';
export const epubcheckJar = (env: NodeJS.ProcessEnv = process.env) => env.EPUBCHECK_JAR || '/usr/share/java/epubcheck.jar';

export const SYSTEM_DEPENDENCIES: SystemDependency[] = [
  {
    name: 'Chromium',
    usedBy: 'the browser suites and the Lighthouse audit',
    variable: 'CHROMIUM_PATH',
    debianPackage: 'chromium',
    macos: 'brew install --cask chromium, then CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"',
    locate: (env) => (isExecutable(chromiumPath(env)) ? chromiumPath(env) : undefined),
  },
  {
    name: 'Java (a JRE, 11 or later)',
    usedBy: 'the Nu Html Checker (HTML validity) and epubcheck',
    variable: 'JAVA_HOME',
    debianPackage: 'default-jre-headless',
    macos: 'brew install openjdk, then JAVA_HOME="$(brew --prefix openjdk)"',
    locate: (env) => (answers(javaCommand(env), ['-version']) ? javaCommand(env) : undefined),
  },
  {
    name: 'epubcheck',
    usedBy: 'the EPUB suite',
    variable: 'EPUBCHECK_JAR',
    debianPackage: 'epubcheck',
    macos: 'brew install epubcheck, then EPUBCHECK_JAR="$(brew --prefix epubcheck)/libexec/epubcheck.jar"',
    locate: (env) => (existsSync(epubcheckJar(env)) ? epubcheckJar(env) : undefined),
  },
  {
    name: 'xmllint',
    usedBy: 'the XML well-formedness checks of the EPUB and the sitemap',
    debianPackage: 'libxml2-utils',
    macos: 'it comes with the Xcode command line tools (xcode-select --install)',
    locate: () => (answers('xmllint', ['--version']) ? 'xmllint' : undefined),
  },
];

/** The dependencies that cannot be found. */
export const missingDependencies = (env: NodeJS.ProcessEnv = process.env) => SYSTEM_DEPENDENCIES.filter((dependency) => !dependency.locate(env));

/** What a person without them must do: one message naming each missing tool. */
export function missingMessage(missing: readonly SystemDependency[]): string {
  const lines = [`The tests need ${missing.length === 1 ? 'a program that is' : `${missing.length} programs that are`} not installed:`];
  for (const dependency of missing) {
    lines.push('', `  ${dependency.name} — for ${dependency.usedBy}`);
    lines.push(`    Debian/Ubuntu: sudo apt-get install -y ${dependency.debianPackage}`);
    lines.push(`    macOS: ${dependency.macos}`);
    if (dependency.variable) lines.push(`    Installed somewhere else? Point ${dependency.variable} at it.`);
  }
  lines.push('', `All at once on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${missing.map((d) => d.debianPackage).join(' ')}`);
  lines.push('(Run as root on Debian or Ubuntu, `npm test` installs them itself.)');
  return lines.join('\n');
}

/** Throws the install message when `dependency` is missing: suites call it instead of skipping. */
export function requireDependency(name: SystemDependency['name']): string {
  const dependency = SYSTEM_DEPENDENCIES.find((d) => d.name === name);
  if (!dependency) throw new Error(`unknown system dependency ${name}`);
  const found = dependency.locate(process.env);
  if (!found) throw new Error(missingMessage([dependency]));
  return found;
}
