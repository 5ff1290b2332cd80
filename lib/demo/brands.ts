export type DemoChannelKind =
  | "facebook"
  | "instagram"
  | "twitter"
  | "vk"
  | "telegram"
  | "youtube"
  | "email"
  | "web";

export type DemoChannel = {
  key: string;
  kind: DemoChannelKind;
  name: string;
  accountId: string;
  /** Web channels: live chat or contact form (the demo site at /demo/site embeds the chat). */
  widgetMode?: "chat" | "form";
};

export type DemoAgent = { key: string; name: string; email: string; languages: string[] };

export type DemoBrand = {
  slug: string;
  name: string;
  timezone: string;
  /** Which template family the brand's customers write about. */
  domain: "airline" | "coffee";
  /** The brand's public handle, used as the author of its replies. */
  handle: string;
  channels: DemoChannel[];
  agents: DemoAgent[];
  /** Audience language mix: language -> relative weight. */
  languages: Record<string, number>;
  /** Relative traffic per channel key. */
  channelWeights: Record<string, number>;
  /** Channel key -> languages allowed there (absent: all of the brand's). */
  channelLanguages?: Record<string, string[]>;
  /** Share of the total demo traffic. */
  share: number;
  /** The brand publishes its live response time (/status/<slug>), so a newcomer sees the figure. */
  publicStatus?: boolean;
};

function agent(key: string, name: string, domain: string, languages: string[]): DemoAgent {
  return { key, name, email: `${key}@${domain}`, languages };
}

export const DEMO_BRANDS: DemoBrand[] = [
  {
    slug: "skyway",
    name: "Skyway Airlines",
    timezone: "Europe/Amsterdam",
    domain: "airline",
    publicStatus: true,
    handle: "SkywayAirlines",
    channels: [
      { key: "skyway-facebook", kind: "facebook", name: "Skyway Airlines (Facebook)", accountId: "104852771930345" },
      { key: "skyway-instagram", kind: "instagram", name: "@skywayairlines", accountId: "17841400217755321" },
      { key: "skyway-twitter", kind: "twitter", name: "@SkywayAirlines", accountId: "2871649301" },
      { key: "skyway-youtube", kind: "youtube", name: "Skyway Airlines TV", accountId: "UCk3yW7sKyWay0aIrL1nEs" },
      { key: "skyway-email", kind: "email", name: "care@skyway.demo", accountId: "care@skyway.demo" },
      { key: "skyway-web", kind: "web", name: "Website chat", accountId: "skyway-web-chat", widgetMode: "chat" },
    ],
    agents: [
      agent("anna", "Anna de Vries", "skyway.demo", ["en", "nl", "de"]),
      agent("marco", "Marco Rossi", "skyway.demo", ["en", "it", "es"]),
      agent("sophie", "Sophie Martin", "skyway.demo", ["fr", "en", "nl"]),
      agent("joao", "João Almeida", "skyway.demo", ["pt", "es", "en"]),
      agent("kasia", "Katarzyna Nowak", "skyway.demo", ["pl", "en", "de"]),
      agent("emre", "Emre Yılmaz", "skyway.demo", ["tr", "en", "de"]),
      agent("olena", "Olena Kovalenko", "skyway.demo", ["uk", "ru", "en"]),
      agent("james", "James Carter", "skyway.demo", ["en"]),
    ],
    languages: { en: 34, nl: 14, fr: 8, de: 9, es: 7, it: 6, pt: 4, pl: 5, tr: 4, ru: 5, uk: 4 },
    channelWeights: {
      "skyway-facebook": 30,
      "skyway-instagram": 24,
      "skyway-twitter": 26,
      "skyway-youtube": 6,
      "skyway-email": 7,
      "skyway-web": 7,
    },
    share: 0.64,
  },
  {
    slug: "beanhouse",
    name: "Bean House Coffee",
    timezone: "Europe/Berlin",
    domain: "coffee",
    handle: "beanhousecoffee",
    channels: [
      { key: "beanhouse-instagram", kind: "instagram", name: "@beanhousecoffee", accountId: "17841402948810067" },
      { key: "beanhouse-facebook", kind: "facebook", name: "Bean House Coffee (Facebook)", accountId: "389120557712094" },
      { key: "beanhouse-vk", kind: "vk", name: "Bean House ВКонтакте", accountId: "-218830412" },
      { key: "beanhouse-telegram", kind: "telegram", name: "@beanhouse_bot", accountId: "6120458832" },
      { key: "beanhouse-web", kind: "web", name: "Website contact form", accountId: "beanhouse-web-form", widgetMode: "form" },
    ],
    agents: [
      agent("lena", "Lena Schmidt", "beanhouse.demo", ["de", "en"]),
      agent("dmitri", "Dmitri Ivanov", "beanhouse.demo", ["ru", "uk", "en"]),
      agent("maria", "Maria Petrova", "beanhouse.demo", ["bg", "ru", "en"]),
      agent("arta", "Arta Hoxha", "beanhouse.demo", ["sq", "en", "de"]),
      agent("tom", "Tom Becker", "beanhouse.demo", ["en", "de"]),
    ],
    languages: { en: 22, de: 30, ru: 16, uk: 12, bg: 10, sq: 10 },
    channelWeights: {
      "beanhouse-instagram": 40,
      "beanhouse-facebook": 22,
      "beanhouse-vk": 14,
      "beanhouse-telegram": 14,
      "beanhouse-web": 10,
    },
    channelLanguages: {
      "beanhouse-vk": ["ru", "uk", "bg"],
      "beanhouse-telegram": ["ru", "uk", "bg", "en", "sq"],
    },
    share: 0.36,
  },
];

export function findDemoBrand({ slug }: { slug: string }): DemoBrand {
  const brand = DEMO_BRANDS.find((b) => b.slug === slug);
  if (!brand) throw new Error(`unknown demo brand: ${slug}`);
  return brand;
}
