import type { Block } from './blocks.js';
import {
  findMidParagraphMarkers,
  INLINE_MARKER_TYPES,
  MARKER_RANK,
  matchMarkerAtStart,
  type MarkerMatch,
  type MarkerType,
} from './markers.js';

export interface OutlineNode {
  kind: 'root' | 'heading' | 'marker' | 'inline';
  markerType?: MarkerType;
  number?: number;
  marker?: MarkerMatch;
  /** Position in the marker hierarchy: 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）; inline items sit half a rank below their parent. */
  rank: number;
  /** Depth in the tree (root = 0). */
  depth: number;
  /** Marker start (or heading content start). */
  start: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Where the node's own text begins after its heading. */
  bodyStart: number;
  /** End of everything the node covers, children included. */
  end: number;
  /** True when the marker was found inside a paragraph rather than at its start. */
  midParagraph: boolean;
  blockIndex: number;
  parent?: OutlineNode;
  children: OutlineNode[];
}

const TITLE_STOP = /[。！？!?；;]/;
const MAX_TITLE = 120;

function lastChildOfType(node: OutlineNode, type: MarkerType): OutlineNode | undefined {
  for (let i = node.children.length - 1; i >= 0; i--) {
    if (node.children[i]!.markerType === type) return node.children[i];
  }
  return undefined;
}

export interface OutlineInput {
  text: string;
  blocks: Block[];
  /** Blocks that are not body text (title, signature …) by index. */
  skip: ReadonlySet<number>;
  contentStart: number;
  contentEnd: number;
}

/** Builds the outline tree from Markdown headings and Chinese enumeration. */
export function buildOutline(input: OutlineInput): OutlineNode {
  const { text, blocks } = input;
  const root: OutlineNode = {
    kind: 'root', rank: 0, depth: 0, start: input.contentStart, title: '', titleStart: input.contentStart,
    titleEnd: input.contentStart, bodyStart: input.contentStart, end: input.contentEnd, midParagraph: false,
    blockIndex: -1, children: [],
  };
  const stack: OutlineNode[] = [root];
  const headingRank = headingRankMapper(blocks, input.skip);

  const attach = (node: OutlineNode, parent: OutlineNode) => {
    while (stack.length > 1 && stack[stack.length - 1] !== parent) stack.pop();
    node.parent = parent;
    node.depth = parent.depth + 1;
    if (node.kind === 'inline') node.rank = parent.rank + 0.5;
    parent.children.push(node);
    stack.push(node);
  };

  /** The open node whose latest child of this type is numbered n - 1 (the sequence this node continues). */
  const continuedSequence = (type: MarkerType, n: number, maxGap = 1): OutlineNode | undefined => {
    if (n <= 1) return undefined;
    for (let gap = 1; gap <= maxGap; gap++) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const last = lastChildOfType(stack[i]!, type);
        if (last && last.number === n - gap) return stack[i];
      }
    }
    return undefined;
  };

  /** Pops inline and mid-paragraph nodes opened in earlier blocks, returning the new top. */
  const closeTransient = (blockIndex: number): OutlineNode => {
    let top = stack[stack.length - 1]!;
    while (top !== root && (top.kind === 'inline' || top.midParagraph) && top.blockIndex !== blockIndex) {
      stack.pop();
      top = stack[stack.length - 1]!;
    }
    return top;
  };

  const placeBlock = (node: OutlineNode) => {
    const seq = node.markerType && node.number !== undefined ? continuedSequence(node.markerType, node.number) : undefined;
    if (seq) return attach(node, seq);
    if (node.kind === 'inline') return attach(node, closeTransient(node.blockIndex));
    let i = stack.length - 1;
    while (i > 0 && stack[i]!.rank >= node.rank) i--;
    attach(node, stack[i]!);
  };

  blocks.forEach((block, blockIndex) => {
    if (input.skip.has(blockIndex)) return;
    const head = text.slice(block.contentStart, Math.min(block.end, block.contentStart + 16));
    const marker = matchMarkerAtStart(head, block.contentStart);
    if (block.kind === 'heading') {
      const rank = marker && !INLINE_MARKER_TYPES.has(marker.type) ? MARKER_RANK[marker.type] : headingRank(block.depth ?? 1);
      placeBlock(makeNode(text, block, blockIndex, 'heading', marker, rank, false));
      return;
    }
    if (marker) {
      const inline = INLINE_MARKER_TYPES.has(marker.type);
      placeBlock(makeNode(text, block, blockIndex, inline ? 'inline' : 'marker', marker, MARKER_RANK[marker.type], false));
    }
    const body = text.slice(block.contentStart, block.end);
    const from = marker ? marker.end - block.contentStart : 1;
    const mids = findMidParagraphMarkers(body, block.contentStart, Math.max(1, from));
    mids.forEach((m, idx) => {
      const inline = INLINE_MARKER_TYPES.has(m.type);
      let parent: OutlineNode | undefined = continuedSequence(m.type, m.number, 3);
      if (!parent && m.number === 1) {
        // A new sequence inside a paragraph: 一是 always; "1." only when a "2." follows in the same paragraph.
        if (inline || mids.slice(idx + 1).some((o) => o.type === m.type && o.number === 2)) parent = closeTransient(blockIndex);
      }
      if (!parent) return;
      const node = makeNode(text, block, blockIndex, inline ? 'inline' : 'marker', m, MARKER_RANK[m.type], true);
      attach(node, parent);
    });
  });

  finishRanges(root, text);
  return root;
}

function makeNode(
  text: string,
  block: Block,
  blockIndex: number,
  kind: OutlineNode['kind'],
  marker: MarkerMatch | undefined,
  rank: number,
  mid: boolean,
): OutlineNode {
  const start = marker ? marker.start : block.contentStart;
  let titleStart = marker ? marker.end : block.contentStart;
  while (titleStart < block.end && /[\s\u3000]/.test(text[titleStart]!)) titleStart++;
  const limit = Math.min(block.end, titleStart + 400);
  let titleEnd = limit;
  let bodyStart = block.end;
  if (kind !== 'heading') {
    const rest = text.slice(titleStart, limit);
    const stop = rest.search(TITLE_STOP);
    if (stop >= 0) {
      titleEnd = titleStart + stop;
      bodyStart = titleEnd + 1;
    }
  }
  // A newline inside a Markdown paragraph also ends the title.
  const nl = text.slice(titleStart, titleEnd).search(/[\r\n]/);
  if (nl >= 0) {
    titleEnd = titleStart + nl;
    bodyStart = Math.min(bodyStart, titleEnd);
  }
  let title = text.slice(titleStart, titleEnd);
  const trimmed = title.replace(/[\s\u3000，,：:、]+$/, '');
  titleEnd -= title.length - trimmed.length;
  title = trimmed.length > MAX_TITLE ? trimmed.slice(0, MAX_TITLE) : trimmed;
  return {
    kind,
    markerType: marker?.type,
    number: marker?.number,
    marker,
    rank,
    depth: 0,
    start,
    title,
    titleStart,
    titleEnd,
    bodyStart,
    end: block.end,
    midParagraph: mid,
    blockIndex,
    children: [],
  };
}

/** Ends: each node runs to its next sibling, the last child to its parent's end. Mid-paragraph titles stop at the next marker. */
function finishRanges(node: OutlineNode, text: string): void {
  const kids = node.children;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    kid.end = i + 1 < kids.length ? kids[i + 1]!.start : node.end;
    if (kid.end < kid.start) kid.end = kid.start;
    const firstChild = kid.children[0];
    if (firstChild && firstChild.start < kid.titleEnd) {
      kid.titleEnd = Math.max(kid.titleStart, firstChild.start);
      kid.title = text.slice(kid.titleStart, kid.titleEnd).replace(/[\s\u3000，,：:、。；;]+$/, '');
      kid.bodyStart = Math.min(kid.bodyStart, firstChild.start);
    }
    if (kid.titleEnd > kid.end) {
      kid.titleEnd = kid.end;
      kid.title = text.slice(kid.titleStart, kid.titleEnd).replace(/[\s\u3000，,：:、。；;]+$/, '');
    }
    if (kid.bodyStart > kid.end) kid.bodyStart = kid.end;
    finishRanges(kid, text);
  }
}

/** Markdown headings without a Chinese marker: the shallowest depth becomes rank 1. */
function headingRankMapper(blocks: Block[], skip: ReadonlySet<number>): (depth: number) => number {
  let min = 7;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading' && !skip.has(i) && b.depth) min = Math.min(min, b.depth);
  });
  return (depth) => Math.max(1, depth - (min === 7 ? 1 : min) + 1);
}

/** All nodes in document order, root excluded. */
export function flattenOutline(root: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}
