// Template strings use {slot} variables (see lib/demo/templates.ts). A leading "+|", "-|" or
// "0|" sets the sentiment when it differs from the group's default.

/** Texts about one business domain (an airline, a coffee chain) in one language. */
export type DomainTexts = {
  requests: string[];
  complaints: string[];
  noise: string[];
  /** The customer's private messages after "please DM us". */
  dm: string[];
  /** Agents' public answers to requests. */
  answers: string[];
  /** Agents' public "please DM us" answers to complaints. */
  dmAsk: string[];
  /** The brand writes first in private, following up a public comment. */
  dmOpen: string[];
  /** Agents' answers inside a private dialogue. */
  dmAnswers: string[];
};

export type LanguagePack = {
  language: string;
  airline?: DomainTexts;
  coffee?: DomainTexts;
  /** Requests that fit any brand: app, account, payments. */
  requests: string[];
  /** Praise, tagging friends, chit-chat, spam, emoji. */
  noise: string[];
  giveaway: string[];
  /** The customer chases an unanswered request. */
  followUps: string[];
  /** The customer thanks after an answer. */
  thanks: string[];
  /** Other people chatting under someone's comment. */
  crowd: string[];
  /** Agents' replies to praise. */
  replyThanks: string[];
  automated: string[];
  /** A first name starting with "~" is female; "Иванов/Иванова" gives a surname's male/female forms. */
  names: { first: string[]; last: string[] };
  slots?: { city?: string[]; product?: string[]; store?: string[] };
};
