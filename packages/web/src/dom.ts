/** Creates an element with attributes and children (text is always set as text, never as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Array<Node | string | undefined>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

/** The element with this id; the page template defines every id the script uses. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`页面缺少元素 #${id}`);
  return el as T;
}

export const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
