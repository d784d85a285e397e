/**
 * Every style the edition offers, and two dropped in (IEEE, Cite Them Right Harvard), against
 * strings fixed outside the code under test: the reading, its passage 14 and one source of each
 * CSL type in annotations/sources.yaml, each as its reference-list entry and in-text citation.
 *
 * How the expected strings were made: the official CSL files were run through citeproc-js on its
 * own (its plain-text output, a separate script that does not load src/), the items prepared as
 * sources.yaml gives them; each string was then read against the style's guide (CMOS 18 ch. 13-14,
 * APA 7 ch. 9-10, MLA 9 ch. 5-6, the IEEE Reference Guide 2023, Cite Them Right 12). Where the official
 * style departs from its guide the string pins what the style does and the comment says so: the
 * point is that the edition prints exactly what the CSL style says, so a change of style file or
 * of processor shows up here. Nothing here is computed by src/lib/citations.ts.
 *
 * Read against the guides:
 * - Chicago: an unsigned web page is listed under the site that publishes it (CMOS 18 14.104),
 *   titles headline-style (8.159), undated works by one author told apart "n.d.-a, n.d.-b" (13.113),
 *   personal communications cited in the text only (14.111), hence no entry.
 * - APA: sentence case is the author's, not the style's (APA keeps titles as given: the edition's
 *   data is in headline case, so they stay so); personal communications in the text only (8.9).
 *   Departures of apa.csl: an undated page without an access date reads "Retrieved <URL>" (APA 9.16
 *   wants a retrieval date or nothing), and "Co-Management" in the text against "Co-management"
 *   in the list.
 * - MLA: "———." for the same author as the entry above (MLA 9 5.124), no date when the page has none,
 *   a short title in the text when an author has several works (6.31).
 * - IEEE: numbered in the order of the bibliography (the edition cites no work first, so the
 *   order of sources.yaml), "[n, Para. 14]" as ieee.csl writes the locator label.
 * - Cite Them Right: "(no date)" spelt out, "Available at: … (Accessed: …)".
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { formatBibliography, formatCitation, useCitationStyles } from '../../src/lib/citations.ts';
import { citeReading } from '../../src/lib/reading-citation.ts';
import { CslItemSchema } from '../../src/schemas/source.ts';
import { STYLES, TEST_LOCALES, readTestStyles } from './citation-test-styles.ts';

// Building an engine for the official Chicago style takes a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(() => {
  useCitationStyles({
    styles: readTestStyles(),
    defaultStyle: 'chicago-author-date',
    locales: TEST_LOCALES,
  });
});

const meta = parse(readFileSync('src/content/readings/partner-state/reading.yaml', 'utf8')) as { title: string; subtitle: string; language: string; passages: { id: string }[] };
const reading = { id: 'partner-state', title: meta.title, subtitle: meta.subtitle, language: meta.language };
const SITE = 'https://example.org/courses/pol-101/reader/read/partner-state/';
const ACCESSED = new Date(Date.UTC(2026, 10, 25));
const SOURCES = (parse(readFileSync('annotations/sources.yaml', 'utf8')) as unknown[]).map((item) => CslItemSchema.parse(item));

/**
 * [reference-list entry, in-text citation], by style and by what is cited. Chicago and APA list no
 * personal communication (CMOS 18 14.111, APA 7 8.9): its entry on the sources page is then the
 * in-text citation without its parentheses, so the work is still listed and every link to it lands.
 */
const EXPECTED: Record<(typeof STYLES)[number], Record<string, [string, string]>> = {
  'chicago-author-date': {
    'reading': [
      `Annotated Reader. n.d. “The Partner State: Public Authorities That Enable Commons-Based Peer Production.” Accessed November 25, 2026. ${SITE}.`,
      '(Annotated Reader, n.d.)',
    ],
    'passage': [
      `Annotated Reader. n.d. “The Partner State: Public Authorities That Enable Commons-Based Peer Production.” Accessed November 25, 2026. ${SITE}#p-kleiner-public-funding.`,
      '(Annotated Reader, n.d., para. 14)',
    ],
    'p2pf-wiki-partner-state': [
      'P2P Foundation Wiki. n.d.-h. “Partner State.” https://wiki.p2pfoundation.net/Partner_State.',
      '(P2P Foundation Wiki, n.d.-h)',
    ],
    'kostakis-bauwens-2014': [
      'Kostakis, Vasilis, and Michel Bauwens. 2014. Network Society and Future Scenarios for a Collaborative Economy. Palgrave Pivot. Palgrave Macmillan. https://doi.org/10.1057/9781137406897.',
      '(Kostakis and Bauwens 2014)',
    ],
    'p2pf-blog-2014-network-society': [
      '“Network Society and Future Scenarios for a Collaborative Economy.” 2014. P2P Foundation Blog, April 6. https://blog.p2pfoundation.net/network-society-and-future-scenarios-for-a-collaborative-economy-2/2014/04/06.',
      '(“Network Society and Future Scenarios for a Collaborative Economy” 2014)',
    ],
    'bauwens-kostakis-2015': [
      'Bauwens, Michel, and Vasilis Kostakis. 2015. “Towards a New Reconfiguration Among the State, Civil Society and the Market.” Journal of Peer Production, no. 7 (July). http://peerproduction.net/issues/issue-7-policies-for-the-commons/peer-reviewed-papers/towards-a-new-reconfiguration-among-the-state-civil-society-and-the-market.',
      '(Bauwens and Kostakis 2015)',
    ],
    'kostakis-2011': [
      'Kostakis, Vasilis. 2011. “The Political Economy of Information Production in the Social Web: Towards a ‘Partner State Approach.’” PhD thesis, TUT Press. http://wiki.p2pfoundation.net/Political_Economy_of_Information_Production_in_the_Social_Web.',
      '(Kostakis 2011)',
    ],
    'bauwens-2009-core-principles': [
      'Bauwens, Michel. 2009. “Re: engaging with the core principles.” P2p-Research Mailing List, May 14. https://diyhpl.us/~bryan/irc/bitcoin-satoshi/p2presearch-again/p2pfoundation.net/backups/p2p_research-archives/2009-May/002763.html.',
      '(Bauwens 2009)',
    ],
    'bauwens-2012-blueprint': [
      'Bauwens, Michel. 2012. “Blueprint for P2P Society: The Partner State & Ethical Economy.” Shareable, April. http://www.socioeco.org/bdf_fiche-document-4184_en.html.',
      '(Bauwens 2012)',
    ],
    'bauwens-kostakis-2017': [
      'Bauwens, Michel, and Vasilis Kostakis. 2017. “Peer-to-Peer: A Manifesto for Commons Transition.” Draft v3.7. https://docslib.org/doc/3300525/a-manifesto-for-commons-transition.',
      '(Bauwens and Kostakis 2017)',
    ],
    'wikipedia-bauwens': [
      'Wikipedia. n.d. “Michel Bauwens.” https://en.wikipedia.org/wiki/Michel_Bauwens.',
      '(Wikipedia, “Michel Bauwens”)',
    ],
    'fattori-2013-public-services': [
      'Fattori, Tommaso. 2013a. “Commons and Commonification of Public Services.” In Trends in Social Cohesion. Council of Europe Publishing.',
      '(Fattori 2013a)',
    ],
    'helfrich-2009-email': [
      'Silke Helfrich, “[Email on the Role of the State in Relation to the Commons]”',
      '(Silke Helfrich, “[Email on the Role of the State in Relation to the Commons]”)',
    ],
    'guerrilla-translation-kleiner': [
      'Kleiner, Dmytri. n.d. “Venture Communism and Technological Miscommunication: A Conversation with Dmytri Kleiner.” Interview by KMO. Guerrilla Translation. https://guerrillamedia.coop/en/venture-communism-and-technological-miscommunication.',
      '(Kleiner, n.d.)',
    ],
    'ronfeldt-1996': [
      'Ronfeldt, David. 1996. Tribes, Institutions, Markets, Networks: A Framework About Societal Evolution. P-7967. RAND Corporation.',
      '(Ronfeldt 1996)',
    ],
    'aldous-2008': [
      'Aldous, Kenneth. 2008. Review of Our Common Interest in the Charters of Liberty. H-Law, H-Net Reviews, September. https://rmtrain.h-net.org/reviews/showrev.php?id=15498.',
      '(Aldous 2008)',
    ],
    'metaglossary-co-management': [
      'Metaglossary. n.d. “Co-management.” https://www.metaglossary.com/define/co-management.',
      '(Metaglossary, “Co-management”)',
    ],
    'guardian-2010-big-society': [
      'The Guardian. 2010. “General Election 2010: David Cameron’s Big Society Plan.” April 14. https://www.theguardian.com/politics/2010/apr/14/general-election-david-cameron-plan.',
      '(The Guardian 2010)',
    ],
    'fsf-gpl-3': [
      'Free Software Foundation. 2007. “GNU General Public License, Version 3.” June 29. https://man.freebsd.org/cgi/man.cgi?manpath=freebsd-ports&query=gpl&sektion=7.',
      '(Free Software Foundation 2007)',
    ],
  },
  'apa': {
    'reading': [
      `The Partner State: Public authorities that enable commons-based peer production. (n.d.). Annotated Reader. Retrieved November 25, 2026, from ${SITE}`,
      '(The Partner State, n.d.)',
    ],
    'passage': [
      `The Partner State: Public authorities that enable commons-based peer production. (n.d.). Annotated Reader. Retrieved November 25, 2026, from ${SITE}#p-kleiner-public-funding`,
      '(The Partner State, n.d., para. 14)',
    ],
    'p2pf-wiki-partner-state': [
      'Partner State. (n.d.). P2P Foundation Wiki. Retrieved https://wiki.p2pfoundation.net/Partner_State',
      '(Partner State, n.d.)',
    ],
    'kostakis-bauwens-2014': [
      'Kostakis, V., & Bauwens, M. (2014b). Network Society and Future Scenarios for a Collaborative Economy. Palgrave Macmillan. https://doi.org/10.1057/9781137406897',
      '(Kostakis & Bauwens, 2014b)',
    ],
    'p2pf-blog-2014-network-society': [
      'Network Society and Future Scenarios for a Collaborative Economy. (2014, April 6). P2P Foundation Blog. https://blog.p2pfoundation.net/network-society-and-future-scenarios-for-a-collaborative-economy-2/2014/04/06',
      '(“Network Society and Future Scenarios for a Collaborative Economy,” 2014)',
    ],
    'bauwens-kostakis-2015': [
      'Bauwens, M., & Kostakis, V. (2015). Towards a New Reconfiguration Among the State, Civil Society and the Market. Journal of Peer Production, (7). http://peerproduction.net/issues/issue-7-policies-for-the-commons/peer-reviewed-papers/towards-a-new-reconfiguration-among-the-state-civil-society-and-the-market',
      '(Bauwens & Kostakis, 2015)',
    ],
    'kostakis-2011': [
      'Kostakis, V. (2011). The Political Economy of Information Production in the Social Web: Towards a “Partner State Approach” [PhD thesis, TUT Press]. http://wiki.p2pfoundation.net/Political_Economy_of_Information_Production_in_the_Social_Web',
      '(Kostakis, 2011)',
    ],
    'bauwens-2009-core-principles': [
      'Bauwens, M. (2009, May 14). Re: engaging with the core principles [Online post]. P2p-Research Mailing List. https://diyhpl.us/~bryan/irc/bitcoin-satoshi/p2presearch-again/p2pfoundation.net/backups/p2p_research-archives/2009-May/002763.html',
      '(Bauwens, 2009)',
    ],
    'bauwens-2012-blueprint': [
      'Bauwens, M. (2012, April). Blueprint for P2P Society: The Partner State & Ethical Economy. Shareable. http://www.socioeco.org/bdf_fiche-document-4184_en.html',
      '(Bauwens, 2012)',
    ],
    'bauwens-kostakis-2017': [
      'Bauwens, M., & Kostakis, V. (2017). Peer-to-Peer: A Manifesto for Commons Transition [Draft v3.7]. https://docslib.org/doc/3300525/a-manifesto-for-commons-transition',
      '(Bauwens & Kostakis, 2017)',
    ],
    'wikipedia-bauwens': [
      'Michel Bauwens. (n.d.). In Wikipedia. Retrieved https://en.wikipedia.org/wiki/Michel_Bauwens',
      '(“Michel Bauwens,” n.d.)',
    ],
    'fattori-2013-public-services': [
      'Fattori, T. (2013a). Commons and Commonification of Public Services. In Trends in Social Cohesion. Council of Europe Publishing.',
      '(Fattori, 2013a)',
    ],
    'helfrich-2009-email': [
      'S. Helfrich, personal communication, September 2009',
      '(S. Helfrich, personal communication, September 2009)',
    ],
    'guerrilla-translation-kleiner': [
      'Kleiner, D. (n.d.). Venture Communism and Technological Miscommunication: a Conversation with Dmytri Kleiner (KMO, Interviewer). Guerrilla Translation. Retrieved https://guerrillamedia.coop/en/venture-communism-and-technological-miscommunication',
      '(Kleiner, n.d.)',
    ],
    'ronfeldt-1996': [
      'Ronfeldt, D. (1996). Tribes, Institutions, Markets, Networks: A Framework About Societal Evolution (P-7967). RAND Corporation.',
      '(Ronfeldt, 1996)',
    ],
    'aldous-2008': [
      'Aldous, K. (2008). [Review of the book Our Common Interest in the Charters of Liberty]. H-Law, H-Net Reviews. https://rmtrain.h-net.org/reviews/showrev.php?id=15498',
      '(Aldous, 2008)',
    ],
    'metaglossary-co-management': [
      'Co-management. (n.d.). In Metaglossary. Retrieved https://www.metaglossary.com/define/co-management',
      '(“Co-Management,” n.d.)',
    ],
    'guardian-2010-big-society': [
      'General election 2010: David Cameron’s Big Society plan. (2010, April 14). The Guardian. https://www.theguardian.com/politics/2010/apr/14/general-election-david-cameron-plan',
      '(“General Election 2010,” 2010)',
    ],
    'fsf-gpl-3': [
      'Free Software Foundation. (2007, June 29). GNU General Public License, version 3. https://man.freebsd.org/cgi/man.cgi?manpath=freebsd-ports&query=gpl&sektion=7',
      '(Free Software Foundation, 2007)',
    ],
  },
  'modern-language-association': {
    'reading': [
      `“The Partner State: Public Authorities That Enable Commons-Based Peer Production.” Annotated Reader, ${SITE}. Accessed 25 Nov. 2026.`,
      '(“The Partner State”)',
    ],
    'passage': [
      `“The Partner State: Public Authorities That Enable Commons-Based Peer Production.” Annotated Reader, ${SITE}#p-kleiner-public-funding. Accessed 25 Nov. 2026.`,
      '(“The Partner State,” par. 14)',
    ],
    'p2pf-wiki-partner-state': [
      '“Partner State.” P2P Foundation Wiki, https://wiki.p2pfoundation.net/Partner_State.',
      '(“Partner State”)',
    ],
    'kostakis-bauwens-2014': [
      'Kostakis, Vasilis, and Michel Bauwens. Network Society and Future Scenarios for a Collaborative Economy. Palgrave Macmillan, 2014, https://doi.org/10.1057/9781137406897. Palgrave Pivot.',
      '(Kostakis and Bauwens)',
    ],
    'p2pf-blog-2014-network-society': [
      '“Network Society and Future Scenarios for a Collaborative Economy.” P2P Foundation Blog, 6 Apr. 2014, https://blog.p2pfoundation.net/network-society-and-future-scenarios-for-a-collaborative-economy-2/2014/04/06.',
      '(“Network Society and Future Scenarios for a Collaborative Economy”)',
    ],
    'bauwens-kostakis-2015': [
      '———. “Towards a New Reconfiguration Among the State, Civil Society and the Market.” Journal of Peer Production, no. 7, July 2015, http://peerproduction.net/issues/issue-7-policies-for-the-commons/peer-reviewed-papers/towards-a-new-reconfiguration-among-the-state-civil-society-and-the-market.',
      '(Bauwens and Kostakis, “Towards a New Reconfiguration Among the State, Civil Society and the Market”)',
    ],
    'kostakis-2011': [
      'Kostakis, Vasilis. The Political Economy of Information Production in the Social Web: Towards a “Partner State Approach.” 2011, http://wiki.p2pfoundation.net/Political_Economy_of_Information_Production_in_the_Social_Web. TUT Press, PhD thesis.',
      '(Kostakis)',
    ],
    'bauwens-2009-core-principles': [
      '———. “Re: engaging with the core principles.” P2p-Research Mailing List, 14 May 2009, https://diyhpl.us/~bryan/irc/bitcoin-satoshi/p2presearch-again/p2pfoundation.net/backups/p2p_research-archives/2009-May/002763.html.',
      '(Bauwens, “Re”)',
    ],
    'bauwens-2012-blueprint': [
      'Bauwens, Michel. “Blueprint for P2P Society: The Partner State & Ethical Economy.” Shareable, Apr. 2012, http://www.socioeco.org/bdf_fiche-document-4184_en.html.',
      '(Bauwens, “Blueprint for P2P Society”)',
    ],
    'bauwens-kostakis-2017': [
      'Bauwens, Michel, and Vasilis Kostakis. “Peer-to-Peer: A Manifesto for Commons Transition.” Draft v3.7. 2017, https://docslib.org/doc/3300525/a-manifesto-for-commons-transition.',
      '(Bauwens and Kostakis, “Peer-to-Peer”)',
    ],
    'wikipedia-bauwens': [
      '“Michel Bauwens.” Wikipedia, https://en.wikipedia.org/wiki/Michel_Bauwens.',
      '(“Michel Bauwens”)',
    ],
    'fattori-2013-public-services': [
      'Fattori, Tommaso. “Commons and Commonification of Public Services.” Trends in Social Cohesion, Council of Europe Publishing, 2013.',
      '(Fattori, “Commons and Commonification of Public Services”)',
    ],
    'helfrich-2009-email': [
      'Helfrich, Silke. “[Email on the Role of the State in Relation to the Commons].” Email. Sept. 2009.',
      '(Helfrich)',
    ],
    'guerrilla-translation-kleiner': [
      '———. “Venture Communism and Technological Miscommunication: A Conversation with Dmytri Kleiner.” Interview by KMO. Guerrilla Translation, https://guerrillamedia.coop/en/venture-communism-and-technological-miscommunication.',
      '(Kleiner, “Venture Communism and Technological Miscommunication”)',
    ],
    'ronfeldt-1996': [
      '———. Tribes, Institutions, Markets, Networks: A Framework About Societal Evolution. P-7967, RAND Corporation, 1996.',
      '(Ronfeldt, Tribes, Institutions, Markets, Networks)',
    ],
    'aldous-2008': [
      'Aldous, Kenneth. Review of Our Common Interest in the Charters of Liberty. H-Law, H-Net Reviews, Sept. 2008, https://rmtrain.h-net.org/reviews/showrev.php?id=15498.',
      '(Aldous)',
    ],
    'metaglossary-co-management': [
      '“Co-Management.” Metaglossary, https://www.metaglossary.com/define/co-management.',
      '(“Co-Management”)',
    ],
    'guardian-2010-big-society': [
      '“General Election 2010: David Cameron’s Big Society Plan.” The Guardian, 14 Apr. 2010, https://www.theguardian.com/politics/2010/apr/14/general-election-david-cameron-plan.',
      '(“General Election 2010”)',
    ],
    'fsf-gpl-3': [
      'Free Software Foundation. “GNU General Public License, Version 3.” 29 June 2007, https://man.freebsd.org/cgi/man.cgi?manpath=freebsd-ports&query=gpl&sektion=7.',
      '(Free Software Foundation)',
    ],
  },
  'ieee': {
    'reading': [
      `[1] “The Partner State: Public authorities that enable commons-based peer production,” Annotated Reader. Accessed: Nov. 25, 2026. [Online]. Available: ${SITE}`,
      '[1]',
    ],
    'passage': [
      `[1] “The Partner State: Public authorities that enable commons-based peer production,” Annotated Reader. Accessed: Nov. 25, 2026. [Online]. Available: ${SITE}#p-kleiner-public-funding`,
      '[1, Para. 14]',
    ],
    'p2pf-wiki-partner-state': [
      '[1] “Partner State,” P2P Foundation Wiki. [Online]. Available: https://wiki.p2pfoundation.net/Partner_State',
      '[1]',
    ],
    'kostakis-bauwens-2014': [
      '[5] V. Kostakis and M. Bauwens, Network Society and Future Scenarios for a Collaborative Economy. in Palgrave Pivot. Palgrave Macmillan, 2014. doi: 10.1057/9781137406897.',
      '[5]',
    ],
    'p2pf-blog-2014-network-society': [
      '[9] “Network Society and Future Scenarios for a Collaborative Economy,” P2P Foundation Blog. [Online]. Available: https://blog.p2pfoundation.net/network-society-and-future-scenarios-for-a-collaborative-economy-2/2014/04/06',
      '[9]',
    ],
    'bauwens-kostakis-2015': [
      '[11] M. Bauwens and V. Kostakis, “Towards a New Reconfiguration Among the State, Civil Society and the Market,” Journal of Peer Production, no. 7, Jul. 2015, [Online]. Available: http://peerproduction.net/issues/issue-7-policies-for-the-commons/peer-reviewed-papers/towards-a-new-reconfiguration-among-the-state-civil-society-and-the-market',
      '[11]',
    ],
    'kostakis-2011': [
      '[13] V. Kostakis, “The Political Economy of Information Production in the Social Web: Towards a ‘Partner State Approach,’” PhD thesis, TUT Press, Tallinn, 2011. [Online]. Available: http://wiki.p2pfoundation.net/Political_Economy_of_Information_Production_in_the_Social_Web',
      '[13]',
    ],
    'bauwens-2009-core-principles': [
      '[17] M. Bauwens, “Re: engaging with the core principles,” p2p-research mailing list. [Online]. Available: https://diyhpl.us/~bryan/irc/bitcoin-satoshi/p2presearch-again/p2pfoundation.net/backups/p2p_research-archives/2009-May/002763.html',
      '[17]',
    ],
    'bauwens-2012-blueprint': [
      '[21] M. Bauwens, “Blueprint for P2P Society: The Partner State & Ethical Economy,” Shareable, Apr. 2012. [Online]. Available: http://www.socioeco.org/bdf_fiche-document-4184_en.html',
      '[21]',
    ],
    'bauwens-kostakis-2017': [
      '[22] M. Bauwens and V. Kostakis, “Peer-to-Peer: A Manifesto for Commons Transition,” 2017. [Online]. Available: https://docslib.org/doc/3300525/a-manifesto-for-commons-transition',
      '[22]',
    ],
    'wikipedia-bauwens': [
      '[25] “Michel Bauwens,” Wikipedia. [Online]. Available: https://en.wikipedia.org/wiki/Michel_Bauwens',
      '[25]',
    ],
    'fattori-2013-public-services': [
      '[29] T. Fattori, “Commons and Commonification of Public Services,” in Trends in Social Cohesion, Council of Europe Publishing, 2013.',
      '[29]',
    ],
    'helfrich-2009-email': [
      '[33] S. Helfrich, “[Email on the role of the state in relation to the commons],” Sep. 2009.',
      '[33]',
    ],
    'guerrilla-translation-kleiner': [
      '[42] D. Kleiner, “Venture Communism and Technological Miscommunication: a Conversation with Dmytri Kleiner,” Guerrilla Translation. [Online]. Available: https://guerrillamedia.coop/en/venture-communism-and-technological-miscommunication',
      '[42]',
    ],
    'ronfeldt-1996': [
      '[55] D. Ronfeldt, “Tribes, Institutions, Markets, Networks: A Framework About Societal Evolution,” RAND Corporation, P-7967, 1996.',
      '[55]',
    ],
    'aldous-2008': [
      '[72] K. Aldous, “Our Common Interest in the Charters of Liberty,” H-Law, H-Net Reviews. Sep. 2008. [Online]. Available: https://rmtrain.h-net.org/reviews/showrev.php?id=15498',
      '[72]',
    ],
    'metaglossary-co-management': [
      '[74] “Co-management,” Metaglossary. [Online]. Available: https://www.metaglossary.com/define/co-management',
      '[74]',
    ],
    'guardian-2010-big-society': [
      '[78] “General election 2010: David Cameron’s Big Society plan,” The Guardian, Apr. 14, 2010. [Online]. Available: https://www.theguardian.com/politics/2010/apr/14/general-election-david-cameron-plan',
      '[78]',
    ],
    'fsf-gpl-3': [
      '[84] Free Software Foundation, “GNU General Public License, version 3.” Jun. 29, 2007. [Online]. Available: https://man.freebsd.org/cgi/man.cgi?manpath=freebsd-ports&query=gpl&sektion=7',
      '[84]',
    ],
  },
  'harvard-cite-them-right': {
    'reading': [
      `The Partner State: Public authorities that enable commons-based peer production (no date) Annotated Reader. Available at: ${SITE} (Accessed: November 25, 2026).`,
      '(The Partner State: Public authorities that enable commons-based peer production, no date)',
    ],
    'passage': [
      `The Partner State: Public authorities that enable commons-based peer production (no date) Annotated Reader. Available at: ${SITE}#p-kleiner-public-funding (Accessed: November 25, 2026).`,
      '(The Partner State: Public authorities that enable commons-based peer production, no date, para. 14)',
    ],
    'p2pf-wiki-partner-state': [
      'Partner State (no date) P2P Foundation Wiki. Available at: https://wiki.p2pfoundation.net/Partner_State.',
      '(Partner State, no date)',
    ],
    'kostakis-bauwens-2014': [
      'Kostakis, V. and Bauwens, M. (2014) Network Society and Future Scenarios for a Collaborative Economy. Palgrave Macmillan (Palgrave Pivot). Available at: https://doi.org/10.1057/9781137406897.',
      '(Kostakis and Bauwens, 2014)',
    ],
    'p2pf-blog-2014-network-society': [
      '“Network Society and Future Scenarios for a Collaborative Economy” (2014) P2P Foundation Blog, 6 April. Available at: https://blog.p2pfoundation.net/network-society-and-future-scenarios-for-a-collaborative-economy-2/2014/04/06.',
      '(“Network Society and Future Scenarios for a Collaborative Economy,” 2014)',
    ],
    'bauwens-kostakis-2015': [
      'Bauwens, M. and Kostakis, V. (2015) “Towards a New Reconfiguration Among the State, Civil Society and the Market,” Journal of Peer Production [Preprint], (7). Available at: http://peerproduction.net/issues/issue-7-policies-for-the-commons/peer-reviewed-papers/towards-a-new-reconfiguration-among-the-state-civil-society-and-the-market.',
      '(Bauwens and Kostakis, 2015)',
    ],
    'kostakis-2011': [
      'Kostakis, V. (2011) The Political Economy of Information Production in the Social Web: Towards a “Partner State Approach.” PhD thesis. TUT Press. Available at: http://wiki.p2pfoundation.net/Political_Economy_of_Information_Production_in_the_Social_Web.',
      '(Kostakis, 2011)',
    ],
    'bauwens-2009-core-principles': [
      'Bauwens, M. (2009) “Re: engaging with the core principles,” p2p-research mailing list. Available at: https://diyhpl.us/~bryan/irc/bitcoin-satoshi/p2presearch-again/p2pfoundation.net/backups/p2p_research-archives/2009-May/002763.html.',
      '(Bauwens, 2009)',
    ],
    'bauwens-2012-blueprint': [
      'Bauwens, M. (2012a) “Blueprint for P2P Society: The Partner State & Ethical Economy,” Shareable, April. Available at: http://www.socioeco.org/bdf_fiche-document-4184_en.html.',
      '(Bauwens, 2012a)',
    ],
    'bauwens-kostakis-2017': [
      'Bauwens, M. and Kostakis, V. (2017) “Peer-to-Peer: A Manifesto for Commons Transition.” Available at: https://docslib.org/doc/3300525/a-manifesto-for-commons-transition.',
      '(Bauwens and Kostakis, 2017)',
    ],
    'wikipedia-bauwens': [
      '“Michel Bauwens” (no date) Wikipedia. Available at: https://en.wikipedia.org/wiki/Michel_Bauwens.',
      '(“Michel Bauwens,” no date)',
    ],
    'fattori-2013-public-services': [
      'Fattori, T. (2013a) “Commons and Commonification of Public Services,” Trends in Social Cohesion. Council of Europe Publishing.',
      '(Fattori, 2013a)',
    ],
    'helfrich-2009-email': [
      'Helfrich, S. (2009) “[Email on the role of the state in relation to the commons].”',
      '(Helfrich, 2009)',
    ],
    'guerrilla-translation-kleiner': [
      'Kleiner, D. (no date) “Venture Communism and Technological Miscommunication: a Conversation with Dmytri Kleiner,” Guerrilla Translation. Available at: https://guerrillamedia.coop/en/venture-communism-and-technological-miscommunication.',
      '(Kleiner, no date)',
    ],
    'ronfeldt-1996': [
      'Ronfeldt, D. (1996) Tribes, Institutions, Markets, Networks: A Framework About Societal Evolution. P-7967. RAND Corporation.',
      '(Ronfeldt, 1996)',
    ],
    'aldous-2008': [
      'Aldous, K. (2008) “Our Common Interest in the Charters of Liberty,” H-Law, H-Net Reviews. Available at: https://rmtrain.h-net.org/reviews/showrev.php?id=15498.',
      '(Aldous, 2008)',
    ],
    'metaglossary-co-management': [
      '“Co-management” (no date) Metaglossary. Available at: https://www.metaglossary.com/define/co-management.',
      '(“Co-management,” no date)',
    ],
    'guardian-2010-big-society': [
      'The Guardian (2010) “General election 2010: David Cameron’s Big Society plan,” 14 April. Available at: https://www.theguardian.com/politics/2010/apr/14/general-election-david-cameron-plan.',
      '(The Guardian, 2010)',
    ],
    'fsf-gpl-3': [
      'Free Software Foundation (2007) “GNU General Public License, version 3.” Available at: https://man.freebsd.org/cgi/man.cgi?manpath=freebsd-ports&query=gpl&sektion=7.',
      '(Free Software Foundation, 2007)',
    ],
  },};

/** The first source of each type, in the order sources.yaml has them: what the table above covers. */
const samples = SOURCES.filter((item, index) => SOURCES.findIndex((other) => other.type === item.type) === index);

test('the table covers one source of every type in sources.yaml, and every style', () => {
  expect(samples.map((item) => item.type).sort()).toEqual([...new Set(SOURCES.map((item) => item.type))].sort());
  for (const style of STYLES) expect(Object.keys(EXPECTED[style]).sort()).toEqual(['passage', 'reading', ...samples.map((item) => item.id)].sort());
});

describe.each(STYLES)('%s', (style) => {
  // The whole bibliography once per style (formatting it takes a fraction of a second).
  let bibliography: ReturnType<typeof formatBibliography> | undefined;

  test('the reading, and its passage 14 ("para. 14", its permalink)', () => {
    const passage = meta.passages[13]!;
    expect(passage.id).toBe('kleiner-public-funding');
    for (const [key, cited] of [
      ['reading', citeReading(reading, SITE, 'Annotated Reader', undefined, ACCESSED)],
      ['passage', citeReading(reading, SITE, 'Annotated Reader', { id: passage.id, number: 14 }, ACCESSED)],
    ] as const) {
      const citation = cited.find((c) => c.style === style)!;
      expect([citation.reference.text, citation.inText], key).toEqual(EXPECTED[style][key]);
    }
  });

  test.each(samples.map((item) => [item.type, item.id] as const))('%s (%s): its entry in the whole bibliography, and its citation', (_type, id) => {
    const item = SOURCES.find((source) => source.id === id)!;
    bibliography ??= formatBibliography(SOURCES, style);
    const entry = bibliography.find((e) => e.id === id);
    expect([entry?.text, formatCitation(item, { style, context: SOURCES })]).toEqual(EXPECTED[style][id]);
    expect(entry?.inTextOnly, 'listed only as cited in the text').toBe(item.type === 'personal_communication' && ['chicago-author-date', 'apa'].includes(style) ? true : undefined);
  });
});
