/**
 * Chinese names in the two spellings the council's records hold them in: Pinyin in Latin
 * ("Wang Wei", "Heilongjiang") and Palladius in Russian and Kazakh ("Ван Вэй", "Хэйлунцзян").
 * Romanising Cyrillic letter by letter gives "van vei", which never meets "wang wei"; this turns
 * a name whose every word is a run of Chinese syllables into the other system's spelling, so that
 * its name keys (./fold.ts) hold both and either finds it.
 */

/** Every Pinyin syllable (ü written ü), by initial. */
const SYLLABLES = `
a o e ai ei ao ou an en ang eng er yi ya ye yao you yan yin yang ying yong yu yue yuan yun wu wa wo wai wei wan wen wang weng
ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu
ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu
fa fo fei fou fan fen fang feng fu
da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding du duo dui duan dun
ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun
na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning nu nuo nuan nü nüe
la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lü lüe
ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang
ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang
ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang
ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun
qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun
xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun
zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang
cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang
sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang
re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run
za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun
ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun
sa se si sai sao sou san sen sang seng song su suo sui suan sun`
  .trim()
  .split(/\s+/);

const INITIALS: Record<string, string> = {
  b: "б",
  p: "п",
  m: "м",
  f: "ф",
  d: "д",
  t: "т",
  n: "н",
  l: "л",
  g: "г",
  k: "к",
  h: "х",
  j: "цз",
  q: "ц",
  x: "с",
  zh: "чж",
  ch: "ч",
  sh: "ш",
  r: "ж",
  z: "цз",
  c: "ц",
  s: "с",
};

const FINALS: Record<string, string> = {
  a: "а",
  o: "о",
  e: "э",
  ai: "ай",
  ei: "эй",
  ao: "ао",
  ou: "оу",
  an: "ань",
  en: "энь",
  ang: "ан",
  eng: "эн",
  ong: "ун",
  er: "эр",
  i: "и",
  ia: "я",
  ie: "е",
  iao: "яо",
  iu: "ю",
  ian: "янь",
  in: "инь",
  iang: "ян",
  ing: "ин",
  iong: "юн",
  u: "у",
  ua: "уа",
  uo: "о",
  uai: "уай",
  ui: "уй",
  uan: "уань",
  un: "унь",
  uang: "уан",
  ü: "юй",
  üe: "юэ",
};

/** The syllables without an initial, as Pinyin spells them with y and w. */
const ZERO: Record<string, string> = {
  yi: "и",
  ya: "я",
  ye: "е",
  yao: "яо",
  you: "ю",
  yan: "янь",
  yin: "инь",
  yang: "ян",
  ying: "ин",
  yong: "юн",
  yu: "юй",
  yue: "юэ",
  yuan: "юань",
  yun: "юнь",
  wu: "у",
  wa: "ва",
  wo: "во",
  wai: "вай",
  wei: "вэй",
  wan: "вань",
  wen: "вэнь",
  wang: "ван",
  weng: "вэн",
};

function palladiusOf(syllable: string): string {
  if (ZERO[syllable]) return ZERO[syllable];
  const initial = ["zh", "ch", "sh"].find((i) => syllable.startsWith(i)) ?? (INITIALS[syllable[0]] ? syllable[0] : "");
  let final = syllable.slice(initial.length);
  // After j, q and x a written u is ü: ju, que, xuan, jun.
  if ("jqx".includes(initial) && initial && final.startsWith("u")) final = `ü${final.slice(1)}`;
  if (final === "ue") final = "üe";
  const rendered = final === "i" && "zcs".includes(initial) && initial.length === 1 ? "ы" : FINALS[final];
  return `${initial ? INITIALS[initial] : ""}${rendered}`;
}

const TO_PALLADIUS = new Map(SYLLABLES.map((s) => [s, palladiusOf(s)]));
const TO_PINYIN = new Map<string, string>();
for (const [pinyin, palladius] of TO_PALLADIUS) if (!TO_PINYIN.has(palladius)) TO_PINYIN.set(palladius, pinyin);
const LONGEST = 6;

/**
 * Whether `syllable` may follow `before` inside a word without a separator. Pinyin writes an
 * apostrophe before a syllable beginning with a, o or e (Xi'an); Palladius a hard sign only
 * between an n and a vowel (Чанъань, but Сиань): Хэнань is Henan, not Heng'an.
 */
const mayFollow = {
  latin: (_before: string, syllable: string) => !/^[aoe]/.test(syllable),
  cyrillic: (before: string, syllable: string) => !(/нь?$/.test(before) && /^[аоэ]/.test(syllable)),
};

/**
 * A word as a run of syllables of `table`, the fewest there can be, in the other system's
 * spelling; null when it is not one. The separators (Xi'an, Чанъань) cut it first.
 */
function syllablesOf(
  word: string,
  table: Map<string, string>,
  follows: (before: string, syllable: string) => boolean,
): string[] | null {
  const parts: string[] = [];
  for (const piece of word.split(/['’ъ]/)) {
    const best: Array<string[] | null> = [[]];
    for (let end = 1; end <= piece.length; end++) {
      best[end] = null;
      for (let start = Math.max(0, end - LONGEST); start < end; start++) {
        const before = best[start];
        const syllable = piece.slice(start, end);
        if (!before || !table.has(syllable) || (before.length > 0 && !follows(before.at(-1)!, syllable))) continue;
        if (!best[end] || before.length + 1 < best[end]!.length) best[end] = [...before, syllable];
      }
    }
    const found = best[piece.length];
    if (!found || found.length === 0) return null;
    parts.push(...found.map((s) => table.get(s)!));
  }
  return parts;
}

/**
 * The name in the other system's spelling ("Ван Вэй" → "wang wei", "Wang Wei" → "ван вэй"), in
 * lower case; null when not every word of it is Chinese syllables in one of the two.
 */
export function otherChineseSpelling(name: string): string | null {
  const words = name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const converted: string[] = [];
  for (const word of words) {
    const syllables = /^[a-zü'’]+$/.test(word)
      ? syllablesOf(word, TO_PALLADIUS, mayFollow.latin)
      : /^[а-яё'ъ]+$/.test(word)
        ? syllablesOf(word, TO_PINYIN, mayFollow.cyrillic)
        : null;
    if (!syllables) return null;
    converted.push(syllables.join(""));
  }
  return converted.join(" ");
}
