import type { RuleDefinition } from './rules/kind.js';

/**
 * The documentation link of a rule: its own `url`, else its section of the generated rule docs
 * (`${docsUrl}#${id}`) when the docs describe it — the built-in packs' rules and the engine's and
 * hosts' own findings (fzlint/…). A user's rule without `url` has no page.
 */
export function ruleDocsUrl(ruleId: string, def: Pick<RuleDefinition, 'url' | 'origin'> | undefined, docsUrl: string | undefined): string | undefined {
  if (def?.url) return def.url;
  if (!docsUrl) return undefined;
  const documented = def ? def.origin.pack !== undefined : ruleId.startsWith('fzlint/');
  return documented ? `${docsUrl}#${ruleId}` : undefined;
}
