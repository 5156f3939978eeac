import MarkdownIt from "markdown-it";

// html: false escapes any raw HTML in the source; markdown-it's link validation already
// refuses javascript:, vbscript:, file: and non-image data: URLs.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// Seller-written links leave the store: no referrer, no search-engine credit, new tab.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet("rel", "nofollow noopener noreferrer ugc");
  token.attrSet("target", "_blank");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** A product description's Markdown as HTML that is safe to put in the page. */
export function renderDescription(source: string): string {
  return markdown.render(source);
}
