/**
 * The Nu Html Checker (the W3C validator), shared by the suites that run it with the system's Java.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * The pages' CSS is inlined in <style> (astro.config.mjs), and the checker then runs its CSS
 * validator on it, which predates ::highlight(), position-area and the mask shorthand. CSS was
 * never these suites' subject (they checked no stylesheet file either), so its messages are left
 * out; every HTML message still counts.
 */
export const isHtmlMessage = (message: { message: string }) => !message.message.startsWith('CSS: ');
