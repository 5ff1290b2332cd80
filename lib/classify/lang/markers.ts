// Letters (matched as written) and letter groups (matched on folded text) that point to a language, with how strongly they do.
export const LETTERS: Record<string, Record<string, number>> = {
  "ä": { de: 2 }, "ß": { de: 3 }, "ö": { de: 1, tr: 1 }, "ü": { de: 1, tr: 1 },
  "é": { fr: 1, es: 0.5, pt: 0.5, it: 0.3 }, "è": { fr: 1, it: 1 }, "ê": { fr: 1, pt: 1 },
  "à": { fr: 1, it: 1, pt: 0.5 }, "ù": { fr: 1, it: 0.5 }, "â": { fr: 1, pt: 1 }, "î": { fr: 1 },
  "ô": { fr: 1, pt: 1 }, "û": { fr: 1 }, "œ": { fr: 3 }, "ç": { fr: 1, pt: 1, tr: 1, sq: 1 },
  "ë": { sq: 2, nl: 0.5, fr: 0.3 }, "ï": { fr: 0.5, nl: 0.5 },
  "ñ": { es: 3 }, "á": { es: 1, pt: 1 }, "í": { es: 1, pt: 1 }, "ó": { es: 1, pt: 1, pl: 1 },
  "ú": { es: 1, pt: 1 }, "¿": { es: 3 }, "¡": { es: 3 }, "ì": { it: 2 }, "ò": { it: 2 },
  "ã": { pt: 3 }, "õ": { pt: 3 },
  "ą": { pl: 3 }, "ę": { pl: 3 }, "ł": { pl: 3 }, "ń": { pl: 3 }, "ś": { pl: 3 }, "ź": { pl: 3 },
  "ż": { pl: 3 }, "ć": { pl: 3 },
  "ı": { tr: 3 }, "ğ": { tr: 3 }, "ş": { tr: 3 },
  "ы": { ru: 2 }, "э": { ru: 2 }, "ё": { ru: 2 }, "ъ": { bg: 1.5, ru: 0.2 },
  "і": { uk: 3 }, "ї": { uk: 3 }, "є": { uk: 3 }, "ґ": { uk: 3 },
};

export const GROUPS: Record<string, Record<string, number>> = {
  ij: { nl: 1.5 }, sch: { de: 0.7, nl: 0.5 }, sz: { pl: 1 }, cz: { pl: 1.5 }, rz: { pl: 1 },
  xh: { sq: 2 }, dh: { sq: 1 }, gj: { sq: 1.5 }, nh: { pt: 1 }, lh: { pt: 1 }, gli: { it: 1 },
  zion: { it: 2 }, eau: { fr: 2 }, ing: { en: 1 }, ght: { en: 1.5 }, th: { en: 0.5, sq: 0.3 },
  oo: { nl: 0.7, en: 0.3 }, aa: { nl: 1 }, ee: { nl: 0.5, en: 0.3 }, ou: { fr: 0.3 },
  tsch: { de: 1 }, cao: { pt: 1.5 }, cion: { es: 1.5 }, ch: { de: 0.3, fr: 0.2 },
};
