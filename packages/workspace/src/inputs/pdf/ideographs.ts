/**
 * CJK Radicals Supplement characters that stand for a whole ideograph in PDFs (fonts that map a
 * simplified character's glyph to the radical's code point: ⻓ for 长, ⻰ for 龙). Unicode gives
 * most of them no decomposition, so the table is written out; only unambiguous ones are listed.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺃': '乚', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺉': '刂', '⺌': '小', '⺎': '兀', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑',
  '⺖': '忄', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬',
  '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸',
  '⺰': '纟', '⺶': '羊', '⺷': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎',
  '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝',
  '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞',
  '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾',
  '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

const CANDIDATE = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9]/g;

/**
 * Maps Kangxi radicals (U+2F00–U+2FD5, e.g. ⼀ → 一), CJK Radicals Supplement characters and
 * CJK compatibility ideographs (U+F900–U+FAD9) to the unified ideographs they stand for. Every
 * replacement is one UTF-16 unit for one, so offsets (and the page/line map) stay valid.
 */
export function restoreIdeographs(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(CANDIDATE, (ch) => {
    const code = ch.charCodeAt(0);
    let to: string | undefined;
    if (code >= 0x2f00 && code <= 0x2fd5) to = ch.normalize('NFKC');
    else if (code >= 0xf900) to = ch.normalize('NFC');
    else to = SUPPLEMENT[ch];
    if (!to || to === ch || to.length !== 1) return ch;
    count++;
    return to;
  });
  return { text: out, count };
}
