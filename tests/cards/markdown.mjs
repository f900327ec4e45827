// Renders card text through markdown-it, the engine Web Chat renders Markdown with, and reports what a user would get
// as markup instead of text: links (written, reference-style, autolinks, linkified URLs and e-mails), images, raw HTML.
import MarkdownIt from 'markdown-it';

// Web Chat's renderMarkdown: HTML off, linkify and typographer on.
const webChat = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false, xhtmlOut: true });
// A host that lets HTML through: shows raw HTML the escaping left live (Web Chat would print it as text).
const htmlHost = new MarkdownIt({ html: true, linkify: true, typographer: true });

/** Every text a host renders as Markdown: TextBlock texts, FactSet titles and values, with where they are. */
export function markdownTexts(card) {
  const texts = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push({ path: `${path}.text`, text: node.text });
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      node.facts.forEach((fact, i) => {
        texts.push({ path: `${path}.facts[${i}].title`, text: String(fact.title ?? '') });
        texts.push({ path: `${path}.facts[${i}].value`, text: String(fact.value ?? '') });
      });
    }
    for (const [key, value] of Object.entries(node)) visit(value, `${path}.${key}`);
  };
  visit(card, '$');
  return texts;
}

/** What the Markdown makes that is not text; links are allowed only under the bot's own address. */
export function markupProblems(markdown, botBaseUrl) {
  const problems = [];
  for (const [engine, md] of [['Web Chat', webChat], ['HTML host', htmlHost]]) {
    const walk = (tokens) => {
      for (const token of tokens) {
        if (token.type === 'link_open') {
          const href = token.attrGet('href') ?? '';
          const how = token.markup === 'linkify' ? 'linkified' : token.markup === 'autolink' ? 'autolink' : 'link';
          // A linkified e-mail address is the address as typed (a mail link to it), not markup anyone can aim.
          const ownLink = botBaseUrl && href.startsWith(botBaseUrl);
          const typedAddress = how === 'linkified' && href.startsWith('mailto:') && !href.includes('?');
          if (!ownLink && !typedAddress) problems.push(`${engine}: ${how} to ${href}`);
        } else if (token.type === 'image') {
          problems.push(`${engine}: image ${token.attrGet('src')}`);
        } else if (token.type === 'html_inline' || token.type === 'html_block') {
          problems.push(`${engine}: raw HTML ${token.content.trim()}`);
        }
        if (token.children) walk(token.children);
      }
    };
    walk(md.parse(markdown, {}));
  }
  return problems;
}

/** The text Web Chat shows for the Markdown: its HTML without tags, entities decoded, blanks collapsed. */
export function shownText(markdown) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return webChat.render(markdown)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => entities[name])
    .replace(/\s+/g, ' ')
    .trim();
}
