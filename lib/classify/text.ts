// One pass over a message: folded word tokens plus the counts that the features and cues need.
export type Tokens = {
  lower: string;
  folded: string;
  words: string[];
  // words and placeholders in order, for bigrams
  seq: string[];
  emojis: string[];
  mentions: number;
  // the mentioned handles: a support account's name ("…help", "…care") says who is addressed
  handles: string[];
  urls: number;
  hashtags: number;
  questions: number;
  exclaims: number;
  numbers: number;
  longNumbers: number;
};

const TOKEN =
  /(https?:\/\/\S+|www\.\S+)|@([\p{L}\p{N}_.]+)|#([\p{L}\p{N}_]+)|([\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*)|(\p{N}+)|(\p{Extended_Pictographic})|([?¿？]+)|(!+)|(:-?\)|\){1,}|:-?\(|\({2,}|\(\s*$)/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

export function foldText(lower: string): string {
  const plain = lower.replace(/[’`´]/g, "'");
  return NON_ASCII.test(plain) ? plain.normalize("NFD").replace(MARKS, "") : plain;
}

export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase();
  const folded = foldText(lower);
  const t: Tokens = {
    lower,
    folded,
    words: [],
    seq: [],
    emojis: [],
    mentions: 0,
    handles: [],
    urls: 0,
    hashtags: 0,
    questions: 0,
    exclaims: 0,
    numbers: 0,
    longNumbers: 0,
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    if (m[1] !== undefined) {
      t.urls++;
      t.seq.push("<url>");
    } else if (m[2] !== undefined) {
      t.mentions++;
      t.handles.push(m[2]);
      t.seq.push("<@>");
    } else if (m[3] !== undefined) {
      t.hashtags++;
      t.words.push(m[3]);
      t.seq.push(m[3]);
    } else if (m[4] !== undefined) {
      t.words.push(m[4]);
      t.seq.push(m[4]);
    } else if (m[5] !== undefined) {
      t.numbers++;
      const long = m[5].length >= 5;
      if (long) t.longNumbers++;
      t.seq.push(long ? "<id>" : "<n>");
    } else if (m[6] !== undefined) {
      t.emojis.push(m[6]);
      t.seq.push(m[6]);
    } else if (m[7] !== undefined) {
      t.questions++;
      t.seq.push("?");
    } else if (m[8] !== undefined) {
      t.exclaims++;
    } else {
      // ")" and "((" are how Russian-speaking users smile and frown
      t.seq.push(m[9].includes(")") ? "<smile>" : "<frown>");
    }
  }
  return t;
}
