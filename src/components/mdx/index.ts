/**
 * The author components available in every note and glossary body without imports. Pass this map
 * to a rendered MDX body: `<Content components={mdxComponents} />`.
 */
import Cite from './Cite.astro';
import PassageRef from './PassageRef.astro';
import Term from './Term.astro';

export const mdxComponents = { Term, Cite, PassageRef };
